import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair, VerifyPool } from '@consort/crypto'
import { createRootCA, issueCertificate, MembershipService, signingIdentity } from '@consort/identity'
import type { SigningIdentity } from '@consort/identity'
import { createBlock, createProposal, createResponsePayload, createTransaction, endorse, openEnvelope, parseBlock } from '@consort/protocol'
import { LevelLedger } from '@consort/storage'
import { ContractDefinition, Role, TxReadWriteSet, ValidationCode } from '@consort/types'
import type { Endorsement, NsReadWriteSet, OrgConfig } from '@consort/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BlockValidator, definitionKey, LIFECYCLE_NS } from '../../src/index.js'

const T0 = Date.UTC(2026, 0, 1)
const enc = new TextEncoder()
const orgNames = ['Org1', 'Org2', 'Org3']
const cas = orgNames.map((org) => createRootCA({ org, notBefore: T0 }))
const orgs: OrgConfig[] = orgNames.map((mspId, i) => ({ mspId, rootCerts: [cas[i]!.certificate], revoked: [], anchorPeers: [] }))
const member = (i: number, role: Role, name: string, notAfter?: number): SigningIdentity => {
  const k = generateKeyPair()
  return signingIdentity(issueCertificate(cas[i]!, { subject: name, role, publicKey: k.publicKey, notBefore: T0, notAfter }), k.privateKey)
}
const peers = [0, 1, 2].map((i) => member(i, Role.PEER, `peer0.org${i + 1}`))
const client = member(0, Role.CLIENT, 'client.org1')
const stranger = member(1, Role.CLIENT, 'client.org2')

const dirs: string[] = []
let ledger: LevelLedger
let height = 0
let prevHash: Uint8Array = new Uint8Array(0)
const WINDOW = 60_000
const validator = new BlockValidator({
  channelId: 'consort',
  orgs: () => orgNames,
  mspAt: (t) => new MembershipService(orgs, { clock: { now: () => t } }),
  txTimeWindowMs: () => WINDOW,
})

async function commit(txs: Uint8Array[], writes: { ns: string; key: string; value: string }[] = []): Promise<void> {
  const bytes = createBlock({ number: height, previousHash: prevHash, data: txs, timestamp: T0 + 1000 })
  const b = parseBlock(bytes)
  await ledger.commitBlock(bytes, {
    number: height,
    hash: b.hash,
    txs: [{ txId: '', code: 0, timestamp: 0, writes: writes.map((w) => ({ ...w, isDelete: false, value: enc.encode(w.value) })) }],
  })
  height++
  prevHash = b.hash
}

function tx(o: {
  contract?: string
  rw: Partial<NsReadWriteSet>
  endorsers?: SigningIdentity[]
  creator?: SigningIdentity
  version?: string
  tamper?: boolean
  timestamp?: number
}): Uint8Array {
  const contract = o.contract ?? 'kv'
  const creator = o.creator ?? client
  const p = createProposal(creator, { channelId: 'consort', contract, fcn: 'f', args: [], timestamp: o.timestamp ?? T0 + 1000 })
  const rwset = TxReadWriteSet.encode({ nsRwset: [{ namespace: contract, reads: [], rangeQueries: [], writes: [], ...o.rw }] })
  const payload = createResponsePayload({
    header: p.header,
    input: p.input,
    contract,
    contractVersion: o.version ?? '1.0',
    contractSequence: 1,
    rwset,
    response: { status: 200, message: '', payload: new Uint8Array() },
    events: [],
  })
  const endorsements: Endorsement[] = (o.endorsers ?? [peers[0]!, peers[1]!]).map((e) => endorse(e, payload))
  if (o.tamper === true) endorsements[1]!.signature[0]! ^= 1
  return createTransaction(creator, { header: p.header, input: p.input, responsePayload: payload, endorsements })
}

async function validate(txs: Uint8Array[], orderedAt = T0 + 1000): Promise<ValidationCode[]> {
  const b = parseBlock(createBlock({ number: height, previousHash: prevHash, data: txs, timestamp: orderedAt }))
  return (await validator.validate(b, ledger)).map((t) => t.validationCode)
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'consort-validator-'))
  dirs.push(dir)
  ledger = await LevelLedger.open(dir)
  const def = ContractDefinition.encode({ name: 'kv', version: '1.0', sequence: 1, endorsementPolicy: "AND('Org1.peer','Org2.peer')", codeHash: 'ab' })
  await ledger.commitBlock(createBlock({ number: 0, previousHash: new Uint8Array(), data: [], timestamp: T0 + 1000 }), {
    number: 0,
    hash: parseBlock(createBlock({ number: 0, previousHash: new Uint8Array(), data: [], timestamp: T0 + 1000 })).hash,
    txs: [{ txId: '', code: 0, timestamp: 0, writes: [{ ns: LIFECYCLE_NS, key: definitionKey('kv'), isDelete: false, value: def }] }],
  })
  prevHash = parseBlock(createBlock({ number: 0, previousHash: new Uint8Array(), data: [], timestamp: T0 + 1000 })).hash
  height = 1
  await commit(
    [],
    [
      { ns: 'kv', key: 'a', value: '1' },
      { ns: 'kv', key: 'm', value: '1' },
    ],
  )
})
afterAll(async () => {
  await ledger.close()
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

describe('BlockValidator', () => {
  it('accepts a properly endorsed transaction', async () => {
    expect(await validate([tx({ rw: { writes: [{ key: 'b', isDelete: false, value: enc.encode('2') }] } })])).toEqual([ValidationCode.VALID])
  })

  it('marks only the transaction with a forged endorsement invalid', async () => {
    const codes = await validate([tx({ rw: {} }), tx({ rw: {}, tamper: true }), tx({ rw: {} })])
    expect(codes).toEqual([ValidationCode.VALID, ValidationCode.ENDORSEMENT_POLICY_FAILURE, ValidationCode.VALID])
  })

  it('refuses endorsements from too few orgs, or from clients instead of peers', async () => {
    expect(await validate([tx({ rw: {}, endorsers: [peers[0]!] })])).toEqual([ValidationCode.ENDORSEMENT_POLICY_FAILURE])
    expect(await validate([tx({ rw: {}, endorsers: [peers[0]!, stranger] })])).toEqual([ValidationCode.ENDORSEMENT_POLICY_FAILURE])
  })

  it('MVCC: a read made stale by an earlier transaction in the block conflicts', async () => {
    const v = { blockNum: 1, txNum: 0 }
    const t1 = tx({ rw: { reads: [{ key: 'a', version: v }], writes: [{ key: 'a', isDelete: false, value: enc.encode('x') }] } })
    const t2 = tx({ rw: { reads: [{ key: 'a', version: v }], writes: [{ key: 'a', isDelete: false, value: enc.encode('y') }] } })
    const stale = tx({ rw: { reads: [{ key: 'a', version: { blockNum: 0, txNum: 0 } }] } })
    const absentButPresent = tx({ rw: { reads: [{ key: 'a' }] } })
    expect(await validate([t1, t2, stale, absentButPresent])).toEqual([
      ValidationCode.VALID,
      ValidationCode.MVCC_READ_CONFLICT,
      ValidationCode.MVCC_READ_CONFLICT,
      ValidationCode.MVCC_READ_CONFLICT,
    ])
  })

  it('phantoms: a key added to a read range by an earlier transaction conflicts', async () => {
    const range = {
      startKey: 'a',
      endKey: 'z',
      itrExhausted: true,
      reads: [
        { key: 'a', version: { blockNum: 1, txNum: 0 } },
        { key: 'm', version: { blockNum: 1, txNum: 0 } },
      ],
    }
    const insert = tx({ rw: { writes: [{ key: 'k', isDelete: false, value: enc.encode('new') }] } })
    const scan = tx({ rw: { rangeQueries: [range] } })
    expect(await validate([scan])).toEqual([ValidationCode.VALID])
    expect(await validate([insert, scan])).toEqual([ValidationCode.VALID, ValidationCode.PHANTOM_READ_CONFLICT])
  })

  it('duplicate tx ids, unknown contracts, version conflicts, foreign namespaces, bad signatures', async () => {
    const once = tx({ rw: {} })
    expect(await validate([once, once])).toEqual([ValidationCode.VALID, ValidationCode.DUPLICATE_TXID])
    // Committing records its tx id: a resubmission in a later block is a duplicate too.
    await ledger.commitBlock(createBlock({ number: height, previousHash: prevHash, data: [once], timestamp: T0 + 1000 }), {
      number: height,
      hash: parseBlock(createBlock({ number: height, previousHash: prevHash, data: [once], timestamp: T0 + 1000 })).hash,
      txs: [{ txId: openEnvelope(once).header.txId, code: 0, timestamp: 0, writes: [] }],
    })
    height++
    expect(await validate([once])).toEqual([ValidationCode.DUPLICATE_TXID])
    expect(await validate([tx({ contract: 'nope', rw: {} })])).toEqual([ValidationCode.UNKNOWN_CONTRACT])
    expect(await validate([tx({ rw: {}, version: '0.9' })])).toEqual([ValidationCode.CONTRACT_VERSION_CONFLICT])
    const foreign = tx({ rw: { namespace: 'other', writes: [{ key: 'x', isDelete: false, value: enc.encode('1') }] } })
    expect(await validate([foreign])).toEqual([ValidationCode.ILLEGAL_WRITESET])
    const good = tx({ rw: {} })
    const garbled = good.slice()
    garbled[garbled.length - 3]! ^= 1
    const codes = await validate([garbled, new Uint8Array([1, 2, 3])])
    expect([ValidationCode.BAD_SIGNATURE, ValidationCode.BAD_PAYLOAD, ValidationCode.BAD_CREATOR]).toContain(codes[0])
    expect(codes[1]).toBe(ValidationCode.BAD_PAYLOAD)
  })
  it('judges certificates at the ordering time, not at a timestamp the client chose', async () => {
    // Peers whose certificates expired at T0 + 2 s; a client backdates its transaction to T0 + 1 s.
    const expiring = [0, 1].map((i) => member(i, Role.PEER, `old.peer0.org${i + 1}`, T0 + 2000))
    const forged = () => tx({ rw: { writes: [{ key: 'forged', isDelete: false, value: enc.encode('x') }] }, endorsers: expiring, timestamp: T0 + 1000 })
    // Ordered while the certificates were valid: accepted.
    expect(await validate([forged()], T0 + 1500)).toEqual([ValidationCode.VALID])
    // Ordered after they expired, within the tx window: the endorsements no longer count.
    expect(await validate([forged()], T0 + 3000)).toEqual([ValidationCode.ENDORSEMENT_POLICY_FAILURE])
    // Ordered further from the claimed time than the window allows: refused on the timestamp.
    expect(await validate([forged()], T0 + 1000 + WINDOW + 1)).toEqual([ValidationCode.TIMESTAMP_OUT_OF_WINDOW])
    expect(await validate([tx({ rw: {}, timestamp: T0 + 1000 + 2 * WINDOW })], T0 + 1000 + WINDOW - 1)).toEqual([ValidationCode.TIMESTAMP_OUT_OF_WINDOW])
  })
  it("takes the worker threads' verdicts: no signature of a block is checked twice", async () => {
    const pool = new VerifyPool(1)
    const verified = new MembershipService(orgs, { clock: { now: () => T0 + 1000 }, verified: pool.verified })
    const withPool = new BlockValidator({ channelId: 'consort', orgs: () => orgNames, mspAt: () => verified, txTimeWindowMs: () => WINDOW, signatures: pool })
    const b = parseBlock(createBlock({ number: height, previousHash: prevHash, data: [tx({ rw: {} }), tx({ rw: {} })], timestamp: T0 + 1000 }))
    try {
      expect((await withPool.validate(b, ledger)).map((t) => t.validationCode)).toEqual([ValidationCode.VALID, ValidationCode.VALID])
      // Each creator's and endorser's signature was found valid on a worker and taken by validation.
      expect(pool.verified.size).toBe(0)
    } finally {
      await pool.close()
    }
  })
})
