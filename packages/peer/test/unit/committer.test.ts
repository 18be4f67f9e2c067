// The peer's committer in-process: blocks built and signed here, a real LevelDB ledger, and a
// ManualScheduler for the commit-status deadlines.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair } from '@consort/crypto'
import { createRootCA, issueCertificate, signingIdentity } from '@consort/identity'
import {
  channelMsp,
  createBlock,
  createConfigUpdateEnvelope,
  createGenesisBlock,
  createSignedEnvelope,
  normalizeChannelConfig,
  parseBlock,
  ProtocolErrorCode,
} from '@consort/protocol'
import type { ParsedBlock } from '@consort/protocol'
import { LevelLedger } from '@consort/storage'
import { Block, HeaderType, ManualScheduler, Role, ValidationCode } from '@consort/types'
import type { ChannelConfig } from '@consort/types'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BlockValidator } from '../../src/index.js'
import { Committer } from '../../src/committer.js'
import type { CommittedBlock } from '../../src/committer.js'
import { PeerMetrics } from '../../src/metrics.js'

const T0 = Date.UTC(2026, 0, 1)
const ca = createRootCA({ org: 'Org1', notBefore: T0 })
const identity = (role: Role, subject: string) => {
  const k = generateKeyPair()
  return { ...signingIdentity(issueCertificate(ca, { subject, role, publicKey: k.publicKey, notBefore: T0 }), k.privateKey), privateKey: k.privateKey }
}
const consenter = identity(Role.ORDERER, 'orderer1.org1')
const outsider = identity(Role.ORDERER, 'orderer9.org1')
const client = identity(Role.CLIENT, 'client.org1')
const admin = identity(Role.ADMIN, 'admin.org1')
const genesisConfig = normalizeChannelConfig({
  channelId: 'consort',
  orgs: [{ mspId: 'Org1', rootCerts: [ca.certificate], revoked: [], anchorPeers: [] }],
  consenters: [{ id: 1, name: 'orderer1', org: 'Org1', address: '/ip4/127.0.0.1/tcp/1', certificate: consenter.certificate.bytes }],
})
const genesis = parseBlock(createGenesisBlock(genesisConfig, T0))

let dir: string
let ledger: LevelLedger
let scheduler: ManualScheduler
let config: ChannelConfig
let committer: Committer
let tip: ParsedBlock

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consort-committer-'))
  ledger = await LevelLedger.open(dir)
  const bytes = Block.encode({ ...genesis.block, metadata: { signatures: [], lastConfig: 0, raftIndex: 0, validationCodes: new Uint8Array(1) } })
  await ledger.commitBlock(bytes, { number: 0, hash: genesis.hash, txs: [{ txId: '', code: 0, timestamp: 0, writes: [] }] })
  tip = genesis
  scheduler = new ManualScheduler()
  config = genesisConfig
  const validator = new BlockValidator({
    channelId: 'consort',
    orgs: () => config.orgs.map((o) => o.mspId),
    mspAt: (t) => channelMsp(config, { now: () => t }),
    txTimeWindowMs: () => config.txTimeWindowMs,
  })
  committer = new Committer({
    ledger,
    validator,
    config: () => config,
    msp: () => channelMsp(config, { now: () => T0 + 10_000 }),
    metrics: new PeerMetrics(),
    scheduler,
  })
  committer.on('config', (next) => (config = next))
})
afterEach(async () => {
  await ledger.close()
  await rm(dir, { recursive: true, force: true })
})

/** The next block after `tip`, cut and signed by `signer` (the consenter by default). */
const next = (data: Uint8Array[], o: { signer?: typeof consenter; previousHash?: Uint8Array } = {}): ParsedBlock =>
  parseBlock(
    createBlock(
      { number: tip.number + 1, previousHash: o.previousHash ?? tip.hash, data, timestamp: T0 + 5000, lastConfig: 0, raftIndex: tip.number + 1 },
      o.signer ?? consenter,
    ),
  )
const tx = (n: number) =>
  createSignedEnvelope(client, { type: HeaderType.TRANSACTION, channelId: 'consort', timestamp: T0 + 4000, data: new TextEncoder().encode(`tx ${n}`) })

describe('Committer', () => {
  it("commits a consenter's block with its validation codes, tells listeners and waiters", async () => {
    const t = tx(1)
    const waiting = committer.waitForCommit(t.txId, 60_000)
    const seen: CommittedBlock[] = []
    committer.on('block', (b) => seen.push(b))
    const block = next([t.envelope])
    await committer.commit(block)
    // Not a valid transaction (its payload is no proposal), but committed, with its code.
    expect(await waiting).toEqual({ code: ValidationCode.BAD_PAYLOAD, block: 1 })
    expect(seen.map((b) => [b.number, b.txs.map((x) => x.validationCode)])).toEqual([[1, [ValidationCode.BAD_PAYLOAD]]])
    expect(ledger.height).toBe(2)
    // Asked after the commit, the ledger answers at once.
    expect(await committer.waitForCommit(t.txId, 60_000)).toEqual({ code: ValidationCode.BAD_PAYLOAD, block: 1 })
  })

  it('refuses a block cut by an orderer that is not a consenter, and one that does not extend the chain', async () => {
    await expect(committer.commit(next([tx(2).envelope], { signer: outsider }))).rejects.toMatchObject({ code: ProtocolErrorCode.BAD_BLOCK })
    await expect(committer.commit(next([tx(3).envelope], { previousHash: new Uint8Array(32) }))).rejects.toMatchObject({
      code: ProtocolErrorCode.BAD_BLOCK,
    })
    expect(ledger.height).toBe(1)
  })

  it('puts a config block in force once its update is validated as the orderers do', async () => {
    const updated = { ...config, sequence: 1, txTimeWindowMs: 120_000 }
    const update = createConfigUpdateEnvelope(client, updated, [{ certificate: admin.certificate.bytes, privateKey: admin.privateKey }], T0 + 4000)
    await committer.commit(next([update.envelope]))
    expect(config.sequence).toBe(1)
    expect(config.txTimeWindowMs).toBe(120_000)
    // An update short of the admins policy is refused and changes nothing.
    tip = parseBlock((await ledger.getBlock(1))!)
    const unsigned = createConfigUpdateEnvelope(client, { ...config, sequence: 2 }, [], T0 + 4000)
    await expect(committer.commit(next([unsigned.envelope]))).rejects.toMatchObject({ code: ProtocolErrorCode.BAD_CREATOR })
    expect(config.sequence).toBe(1)
  })

  it("marks a removed org's transactions BAD_CREATOR from the block after the config block that removed it", async () => {
    const ca2 = createRootCA({ org: 'Org2', notBefore: T0 })
    const k = generateKeyPair()
    const client2 = signingIdentity(issueCertificate(ca2, { subject: 'client.org2', role: Role.CLIENT, publicKey: k.publicKey, notBefore: T0 }), k.privateKey)
    const tx2 = (n: number) =>
      createSignedEnvelope(client2, { type: HeaderType.TRANSACTION, channelId: 'consort', timestamp: T0 + 4000, data: new TextEncoder().encode(`org2 ${n}`) })
    const ka = generateKeyPair()
    const admin2 = {
      certificate: issueCertificate(ca2, { subject: 'admin.org2', role: Role.ADMIN, publicKey: ka.publicKey, notBefore: T0 }),
      privateKey: ka.privateKey,
    }
    const admins = [{ certificate: admin.certificate.bytes, privateKey: admin.privateKey }]
    const commitNext = async (data: Uint8Array[]) => {
      await committer.commit(next(data))
      tip = parseBlock((await ledger.getBlock(tip.number + 1))!)
    }
    const codeOf = async (txId: string) => (await committer.waitForCommit(txId, 60_000))?.code
    const org2 = { mspId: 'Org2', rootCerts: [ca2.certificate], revoked: [], anchorPeers: [] }
    await commitNext([createConfigUpdateEnvelope(client, { ...config, sequence: 1, orgs: [...config.orgs, org2] }, admins, T0 + 4000).envelope])
    // A member: its (undecodable) transaction gets past the creator check.
    const before = tx2(1)
    await commitNext([before.envelope])
    expect(await codeOf(before.txId)).toBe(ValidationCode.BAD_PAYLOAD)
    // Two orgs now: MAJORITY is both admins.
    const removal = { ...config, sequence: 2, orgs: config.orgs.filter((o) => o.mspId !== 'Org2') }
    await commitNext([createConfigUpdateEnvelope(client, removal, [...admins, admin2], T0 + 4000).envelope])
    const after = tx2(2)
    await commitNext([after.envelope])
    expect(await codeOf(after.txId)).toBe(ValidationCode.BAD_CREATOR)
  })

  it('answers a commit-status wait with nothing once its deadline passes, on the scheduler’s time', async () => {
    let answer: unknown = 'pending'
    const waiting = committer.waitForCommit('never-ordered', 5000).then((a) => (answer = a))
    await new Promise((r) => setImmediate(r))
    scheduler.advance(4999)
    await new Promise((r) => setImmediate(r))
    expect(answer).toBe('pending')
    scheduler.advance(1)
    await waiting
    expect(answer).toBeUndefined()
  })
})
