import { bytesEqual, verify } from '@consort/crypto'
import type { VerifyPool } from '@consort/crypto'
import { evaluatePolicy, parsePolicy } from '@consort/identity'
import type { MembershipService, Policy, ValidatedIdentity } from '@consort/identity'
import { checkTxTime, endorsementMessage, openEnvelope, proposalHash, ProtocolError, verifyEnvelope } from '@consort/protocol'
import type { OpenedEnvelope, ParsedBlock } from '@consort/protocol'
import type { CommittedTx, LedgerWrite, StateVersion } from '@consort/storage'
import {
  ContractInput,
  decode,
  HeaderType,
  ProposalResponsePayload,
  Role,
  Transaction,
  TxReadWriteSet,
  validationCodeToByte,
  ValidationCode,
} from '@consort/types'
import type { ContractEvent, KVRead, NsReadWriteSet } from '@consort/types'
import { activeDefinition, definitionKey, LIFECYCLE_ENDORSEMENT_POLICY, LIFECYCLE_NS } from './lifecycle.js'
import type { ActiveDefinition } from './lifecycle.js'

/** What validation reads from the ledger (the committed state before the block). */
export interface LedgerView {
  getTx(txId: string): Promise<unknown | undefined>
  getState(ns: string, key: string): Promise<{ value: Uint8Array; version: StateVersion } | undefined>
  range(ns: string, start: string, end: string, limit: number): Promise<Array<{ key: string; version: StateVersion }>>
}

export interface ValidatedTx extends CommittedTx {
  validationCode: ValidationCode
  contract: string
  events: ContractEvent[]
}

class Invalid extends Error {
  constructor(
    readonly vcode: ValidationCode,
    message: string,
  ) {
    super(message)
  }
}

const MAX_RANGE = 100_000

/**
 * Fabric's validation of one block, in block order: the creator's signature and tx id, no
 * duplicate tx id, endorsements by peers that satisfy the contract's endorsement policy over
 * one response payload bound to the proposal, a read/write set confined to the contract's
 * namespace, and MVCC / phantom checks against committed state plus earlier valid
 * transactions of the same block. Every peer reaches the same codes: time is the block's
 * ordering time (a transaction's own timestamp must lie within the channel's tx time window
 * of it, and every certificate is judged at it), and nothing else varies.
 */
export class BlockValidator {
  constructor(
    private readonly m: {
      channelId: string
      orgs: () => readonly string[]
      /** The channel's membership, judging certificates at the given time. */
      mspAt: (timeMs: number) => MembershipService
      /** The channel's tx time window (ms). */
      txTimeWindowMs: () => number
      /** Checks the block's signatures in parallel first (validation then finds them checked). */
      signatures?: VerifyPool
      logger?: { debug(o: Record<string, unknown>, m: string): void }
    },
  ) {}

  async validate(block: ParsedBlock, ledger: LedgerView): Promise<ValidatedTx[]> {
    // Writes of earlier valid transactions in this block, by "ns\0key".
    const pending = new Map<string, { version: StateVersion | undefined }>()
    const seen = new Set<string>()
    const definitions = new Map<string, ActiveDefinition | undefined>()
    const out: ValidatedTx[] = []
    const envelopes = block.block.data.map((bytes) => {
      try {
        return openEnvelope(bytes)
      } catch {
        return undefined
      }
    })
    // Each transaction decoded once, for the signature pre-check and for validation.
    const transactions = envelopes.map((opened) => {
      if (opened?.header.type !== HeaderType.TRANSACTION) return undefined
      try {
        return decode(Transaction, opened.payload.data, 'Transaction')
      } catch {
        return undefined
      }
    })
    // Every certificate in the block is judged at its ordering time, never at a time a client chose.
    const at = block.header.timestamp
    const msp = this.m.mspAt(at)
    await this.preverify(envelopes, transactions, msp)
    for (let i = 0; i < envelopes.length; i++) {
      const opened = envelopes[i]
      let txId = ''
      let timestamp = 0
      try {
        if (opened === undefined) throw new Invalid(ValidationCode.BAD_PAYLOAD, 'envelope does not decode')
        txId = opened.header.txId
        timestamp = opened.header.timestamp
        const r = await this.validateTx(opened, transactions[i], { msp, at }, ledger, pending, seen, definitions)
        out.push({ txId, code: 0, timestamp, writes: r.writes, validationCode: ValidationCode.VALID, contract: r.contract, events: r.events })
        for (const w of r.writes) pending.set(`${w.ns}\u0000${w.key}`, { version: w.isDelete ? undefined : { blockNum: block.number, txNum: i } })
      } catch (err) {
        if (!(err instanceof Invalid)) throw err
        this.m.logger?.debug({ block: block.number, tx: i, txId, code: err.vcode, reason: err.message }, 'transaction invalid')
        out.push({ txId, code: validationCodeToByte(err.vcode), timestamp, writes: [], validationCode: err.vcode, contract: '', events: [] })
      }
      if (txId !== '') seen.add(txId)
    }
    return out
  }

  /**
   * The signatures are independent of each other and of the order of the block: check them
   * all at once on the pool's worker threads. Nothing is decided here: validateTx() makes every
   * check, and a signature found valid here is not checked a second time.
   */
  private async preverify(envelopes: (OpenedEnvelope | undefined)[], transactions: (Transaction | undefined)[], msp: MembershipService): Promise<void> {
    const pool = this.m.signatures
    if (pool === undefined) return
    const checks: Promise<boolean>[] = []
    envelopes.forEach((opened, i) => {
      if (opened === undefined || opened.header.type !== HeaderType.TRANSACTION) return
      const check = (cert: Uint8Array, message: Uint8Array, signature: Uint8Array) => {
        try {
          checks.push(pool.verify(msp.validate(cert).publicKey, message, signature))
        } catch {
          // not a member: validateTx says so
        }
      }
      check(opened.envelope.signer, opened.envelope.payload, opened.envelope.signature)
      // A transaction that does not decode: validateTx says so.
      const tx = transactions[i]
      if (tx !== undefined) for (const e of tx.endorsements) check(e.endorser, endorsementMessage(tx.responsePayload, e.endorser), e.signature)
    })
    await Promise.all(checks)
  }

  private async validateTx(
    opened: OpenedEnvelope,
    /** The envelope's Transaction, undefined if it did not decode. */
    decoded: Transaction | undefined,
    /** The block's ordering time and the membership judging certificates at it. */
    time: { msp: MembershipService; at: number },
    ledger: LedgerView,
    pending: Map<string, { version: StateVersion | undefined }>,
    seen: Set<string>,
    definitions: Map<string, ActiveDefinition | undefined>,
  ): Promise<{ writes: LedgerWrite[]; contract: string; events: ContractEvent[] }> {
    const { header } = opened
    if (header.type !== HeaderType.TRANSACTION) throw new Invalid(ValidationCode.UNKNOWN_TX_TYPE, `header type ${header.type}`)
    const { msp } = time
    try {
      verifyEnvelope(opened, msp, { channelId: this.m.channelId, types: [HeaderType.TRANSACTION] })
      checkTxTime(this.m.txTimeWindowMs(), header.timestamp, time.at)
    } catch (err) {
      if (err instanceof ProtocolError) throw new Invalid(err.validationCode, err.message)
      throw err
    }
    if (seen.has(header.txId) || (await ledger.getTx(header.txId)) !== undefined) {
      throw new Invalid(ValidationCode.DUPLICATE_TXID, `tx id ${header.txId} already used`)
    }
    let tx: Transaction
    let input: ContractInput
    let prp: ProposalResponsePayload
    let rwset: TxReadWriteSet
    try {
      if (decoded === undefined) throw new Error('no transaction')
      tx = decoded
      input = decode(ContractInput, tx.input, 'ContractInput')
      prp = decode(ProposalResponsePayload, tx.responsePayload, 'ProposalResponsePayload')
    } catch {
      throw new Invalid(ValidationCode.BAD_PAYLOAD, 'transaction does not decode')
    }
    if (!bytesEqual(prp.proposalHash, proposalHash(opened.payload.header, tx.input))) {
      throw new Invalid(ValidationCode.BAD_PAYLOAD, 'response payload does not answer this proposal')
    }
    if (prp.contract !== input.contract) throw new Invalid(ValidationCode.BAD_PAYLOAD, 'response names another contract')
    if (prp.response === undefined || prp.response.status !== 200) throw new Invalid(ValidationCode.BAD_PAYLOAD, 'endorsed response is not a success')

    // The endorsement policy: the contract's, or the lifecycle's for definitions.
    let policy: Policy
    if (input.contract === LIFECYCLE_NS) {
      policy = parsePolicy(LIFECYCLE_ENDORSEMENT_POLICY)
    } else {
      if (!definitions.has(input.contract)) {
        const bytes = (await ledger.getState(LIFECYCLE_NS, definitionKey(input.contract)))?.value
        definitions.set(input.contract, activeDefinition(bytes, this.m.orgs()))
      }
      const def = definitions.get(input.contract)
      if (def === undefined) throw new Invalid(ValidationCode.UNKNOWN_CONTRACT, `no active definition of ${input.contract}`)
      if (def.definition.version !== prp.contractVersion || def.definition.sequence !== prp.contractSequence) {
        throw new Invalid(
          ValidationCode.CONTRACT_VERSION_CONFLICT,
          `endorsed with ${prp.contractVersion}#${prp.contractSequence}, active is ${def.definition.version}#${def.definition.sequence}`,
        )
      }
      policy = def.policy
    }
    // Signatures that do not verify, or by non-peers, are left out; the policy decides.
    const endorsers: ValidatedIdentity[] = []
    for (const e of tx.endorsements) {
      try {
        const id = msp.validateRole(e.endorser, Role.PEER)
        if (verify(id.publicKey, endorsementMessage(tx.responsePayload, e.endorser), e.signature, this.m.signatures?.verified)) endorsers.push(id)
      } catch {
        // not a valid endorsement
      }
    }
    if (!evaluatePolicy(policy, endorsers, this.m.orgs())) {
      throw new Invalid(
        ValidationCode.ENDORSEMENT_POLICY_FAILURE,
        `endorsements (${endorsers.length} valid of ${tx.endorsements.length}) do not satisfy the policy`,
      )
    }

    try {
      rwset = decode(TxReadWriteSet, prp.rwset, 'TxReadWriteSet')
    } catch {
      throw new Invalid(ValidationCode.BAD_RWSET, 'read/write set does not decode')
    }
    const writes: LedgerWrite[] = []
    for (const ns of rwset.nsRwset) {
      if (ns.namespace !== input.contract) throw new Invalid(ValidationCode.ILLEGAL_WRITESET, `touches namespace ${ns.namespace}`)
      await this.checkReads(ns, ledger, pending)
      for (const w of ns.writes) writes.push({ ns: ns.namespace, key: w.key, isDelete: w.isDelete, value: w.value })
    }
    return { writes, contract: input.contract, events: prp.events }
  }

  private async currentVersion(
    ns: string,
    key: string,
    ledger: LedgerView,
    pending: Map<string, { version: StateVersion | undefined }>,
  ): Promise<StateVersion | undefined> {
    const p = pending.get(`${ns}\u0000${key}`)
    if (p !== undefined) return p.version
    return (await ledger.getState(ns, key))?.version
  }

  /** MVCC: every read version still current; phantoms: every range query reads the same keys. */
  private async checkReads(ns: NsReadWriteSet, ledger: LedgerView, pending: Map<string, { version: StateVersion | undefined }>): Promise<void> {
    for (const r of ns.reads) {
      const now = await this.currentVersion(ns.namespace, r.key, ledger, pending)
      if (!sameVersion(now, r.version)) throw new Invalid(ValidationCode.MVCC_READ_CONFLICT, `key ${r.key} changed since it was read`)
    }
    for (const q of ns.rangeQueries) {
      const committed = await ledger.range(ns.namespace, q.startKey, q.endKey, MAX_RANGE)
      const merged = new Map<string, StateVersion | undefined>(committed.map((c) => [c.key, c.version]))
      for (const [k, v] of pending) {
        const sep = k.indexOf('\u0000')
        const full = k.slice(sep + 1)
        if (k.slice(0, sep) !== ns.namespace || full < q.startKey || (q.endKey !== '' && full >= q.endKey)) continue
        if (v.version === undefined) merged.delete(full)
        else merged.set(full, v.version)
      }
      let now: KVRead[] = [...merged.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, version]) => (version === undefined ? { key } : { key, version }))
      // An iteration stopped early is checked only as far as it went.
      if (!q.itrExhausted) {
        const last = q.reads[q.reads.length - 1]?.key
        now = last === undefined ? [] : now.filter((r) => r.key <= last)
      }
      if (now.length !== q.reads.length || now.some((r, i) => r.key !== q.reads[i]?.key || !sameVersion(r.version, q.reads[i]?.version))) {
        throw new Invalid(ValidationCode.PHANTOM_READ_CONFLICT, `range [${q.startKey}, ${q.endKey}) changed since it was read`)
      }
    }
  }
}

function sameVersion(a: StateVersion | undefined, b: StateVersion | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return a.blockNum === b.blockNum && a.txNum === b.txNum
}
