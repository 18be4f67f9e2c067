import { EventEmitter } from 'node:events'
import { bytesEqual } from '@consort/crypto'
import type { MembershipService } from '@consort/identity'
import { isConfigBlock, openEnvelope, parseBlock, validateConfigBlock, verifyBlockSignature, verifyChainLink } from '@consort/protocol'
import type { ParsedBlock } from '@consort/protocol'
import type { LevelLedger } from '@consort/storage'
import { Block, ValidationCode, validationCodeFromByte, validationCodeToByte } from '@consort/types'
import type { ChannelConfig, Scheduler, TimerHandle } from '@consort/types'
import type { PeerMetrics } from './metrics.js'
import type { BlockValidator, ValidatedTx } from './validator.js'

/** A committed block as listeners see it: its number and its transactions with their codes. */
export interface CommittedBlock {
  number: number
  /** The block's ordering time. */
  timestamp: number
  txs: ValidatedTx[]
}

export interface CommitterEvents {
  /** A block was committed to the ledger. */
  block: [block: CommittedBlock]
  /** A config block put a new channel config in force. */
  config: [config: ChannelConfig]
}

/** Where a transaction ended up: its validation code and its block. */
export interface TxStatus {
  code: ValidationCode
  block: number
}

/**
 * The peer's committer: takes the blocks the orderers deliver, in order, and for each checks
 * the hash link and the orderer's signature (a consenter of the config in force at its height),
 * validates it (`BlockValidator`, or `validateConfigBlock` as the orderers did for a config
 * block), and commits it with its validation codes in one batch; a config block then puts its
 * config in force. Knows no network: unit-tested with blocks built in-process.
 */
export class Committer extends EventEmitter<CommitterEvents> {
  private readonly waiting = new Map<string, Set<(s: TxStatus) => void>>()
  /** The block this committer committed last: the next links to it (else it is read from the ledger). */
  private last: ParsedBlock | undefined

  constructor(
    private readonly m: {
      ledger: LevelLedger
      validator: BlockValidator
      /** The channel config in force at the ledger's tip, and its membership. */
      config: () => ChannelConfig
      msp: () => MembershipService
      metrics: PeerMetrics
      scheduler: Scheduler
    },
  ) {
    super()
    this.setMaxListeners(0)
  }

  /** Commits the next block; throws (ProtocolError) for a block that does not link, is not a consenter's, or is an invalid config update. */
  async commit(block: ParsedBlock): Promise<CommittedBlock> {
    const started = this.m.scheduler.monotonic()
    const { ledger } = this.m
    const config = this.m.config()
    const msp = this.m.msp()
    const tip = ledger.tip
    const cached = this.last !== undefined && tip !== undefined && this.last.number === tip.number && bytesEqual(this.last.hash, tip.hash)
    const prev = tip === undefined ? undefined : cached ? this.last : parseBlock((await ledger.getBlock(tip.number)) as Uint8Array)
    verifyChainLink(prev, block)
    verifyBlockSignature(block, config, msp)
    let txs: ValidatedTx[]
    let next: ChannelConfig | undefined
    if (isConfigBlock(block)) {
      next = validateConfigBlock(config, msp, block)
      const txId = openEnvelope(block.block.data[0] as Uint8Array).header.txId
      txs = [{ txId, code: 0, timestamp: 0, writes: [], validationCode: ValidationCode.VALID, contract: '', events: [] }]
    } else {
      txs = await this.m.validator.validate(block, ledger)
    }
    const codes = new Uint8Array(txs.map((t) => validationCodeToByte(t.validationCode)))
    const bytes = Block.encode({
      ...block.block,
      metadata: { ...(block.block.metadata ?? { signatures: [], lastConfig: 0, raftIndex: 0 }), validationCodes: codes },
    })
    await ledger.commitBlock(bytes, { number: block.number, hash: block.hash, txs })
    this.last = block
    if (next !== undefined) this.emit('config', next)
    this.m.metrics.height.set(ledger.height)
    this.m.metrics.commitSeconds.observe((this.m.scheduler.monotonic() - started) / 1000)
    for (const t of txs) {
      this.m.metrics.txs.inc({ code: t.validationCode })
      if (t.txId !== '') this.settle(t.txId, { code: t.validationCode, block: block.number })
    }
    const committed = { number: block.number, timestamp: block.header.timestamp, txs }
    this.emit('block', committed)
    return committed
  }

  /** The transaction's validation code and block, waiting up to `timeoutMs` for it to commit; undefined if it does not. */
  async waitForCommit(txId: string, timeoutMs: number): Promise<TxStatus | undefined> {
    return new Promise((resolve) => {
      let timer: TimerHandle | undefined
      const done = (v: TxStatus | undefined) => {
        this.m.scheduler.clear(timer)
        const set = this.waiting.get(txId)
        set?.delete(done)
        if (set?.size === 0) this.waiting.delete(txId)
        resolve(v)
      }
      timer = this.m.scheduler.setTimeout(() => done(undefined), timeoutMs)
      const set = this.waiting.get(txId) ?? new Set()
      set.add(done)
      this.waiting.set(txId, set)
      void this.m.ledger.getTx(txId).then((rec) => {
        if (rec !== undefined) done({ code: validationCodeFromByte(rec.code), block: rec.block })
      })
    })
  }

  private settle(txId: string, status: TxStatus): void {
    const set = this.waiting.get(txId)
    if (set === undefined) return
    for (const done of [...set]) done(status)
  }
}
