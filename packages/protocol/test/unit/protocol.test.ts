import { generateKeyPair } from '@consort/crypto'
import { createRootCA, issueCertificate, signingIdentity } from '@consort/identity'
import { Admission, Envelope, Header, HeaderType, ManualClock, Payload, Role } from '@consort/types'
import { describe, expect, it } from 'vitest'
import {
  checkAdmission,
  channelMsp,
  checkTxTime,
  createAdmission,
  configInForce,
  createBlock,
  createConfigUpdateEnvelope,
  createGenesisBlock,
  createSignedEnvelope,
  normalizeChannelConfig,
  openEnvelope,
  parseBlock,
  ProtocolErrorCode,
  readChannelConfig,
  retireConsenter,
  signEnvelope,
  validateConfigBlock,
  validateConfigUpdate,
  verifyBlockSignature,
  verifyChainLink,
  verifyEnvelope,
  PROTOCOL_VERSION,
} from '../../src/index.js'

const T0 = Date.UTC(2026, 0, 1)
const ca = createRootCA({ org: 'Org1', notBefore: T0 })
const member = (role: Role, subject = `${role}.org1`, notAfter?: number) => {
  const k = generateKeyPair()
  return {
    ...signingIdentity(issueCertificate(ca, { subject, role, publicKey: k.publicKey, notBefore: T0, notAfter }), k.privateKey),
    privateKey: k.privateKey,
  }
}
const client = member(Role.CLIENT)
const orderer = member(Role.ORDERER)
const ca2 = createRootCA({ org: 'Org2', notBefore: T0 })
const k2 = generateKeyPair()
const admins = [
  member(Role.ADMIN, 'admin.org1'),
  {
    ...signingIdentity(issueCertificate(ca2, { subject: 'admin.org2', role: Role.ADMIN, publicKey: k2.publicKey, notBefore: T0 }), k2.privateKey),
    privateKey: k2.privateKey,
  },
]
const config = normalizeChannelConfig({
  channelId: 'consort',
  orgs: [{ mspId: 'Org1', rootCerts: [ca.certificate], revoked: [], anchorPeers: [] }],
  consenters: [{ id: 1, name: 'orderer0', org: 'Org1', address: '/ip4/127.0.0.1/tcp/7050', certificate: orderer.certificate.bytes }],
})
const msp = channelMsp(config, new ManualClock(T0 + 1000))
const data = new TextEncoder().encode('tx')

describe('envelopes', () => {
  it('signs and verifies, binding the tx id to the creator', () => {
    const { envelope, txId } = createSignedEnvelope(client, { type: HeaderType.TRANSACTION, channelId: 'consort', timestamp: T0, data })
    const opened = openEnvelope(envelope)
    expect(opened.header.txId).toBe(txId)
    expect(verifyEnvelope(opened, msp, { channelId: 'consort' }).subject).toBe('CLIENT.org1')
  })

  it('rejects a tampered payload, a wrong channel, a wrong type, a forged tx id', () => {
    const { envelope } = createSignedEnvelope(client, { type: HeaderType.TRANSACTION, channelId: 'consort', timestamp: T0, data })
    const env = Envelope.decode(envelope)
    const p = Payload.decode(env.payload)
    const tampered = Envelope.encode({ ...env, payload: Payload.encode({ ...p, data: new TextEncoder().encode('TX') }) })
    expect(() => verifyEnvelope(openEnvelope(tampered), msp, { channelId: 'consort' })).toThrow(
      expect.objectContaining({ code: ProtocolErrorCode.BAD_SIGNATURE }),
    )
    expect(() => verifyEnvelope(openEnvelope(envelope), msp, { channelId: 'other' })).toThrow(
      expect.objectContaining({ code: ProtocolErrorCode.WRONG_CHANNEL }),
    )
    expect(() => verifyEnvelope(openEnvelope(envelope), msp, { channelId: 'consort', types: [HeaderType.CONFIG_UPDATE] })).toThrow(
      expect.objectContaining({ code: ProtocolErrorCode.WRONG_TYPE }),
    )
    // A creator who reuses somebody else's tx id: the id no longer matches sha256(nonce || creator).
    const h = { ...openEnvelope(envelope).header, nonce: new Uint8Array(24) }
    const forged = signEnvelope(client, Payload.encode({ header: Header.encode(h), data }))
    expect(() => verifyEnvelope(openEnvelope(forged), msp, { channelId: 'consort' })).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_TXID }))
  })

  it('rejects a signer that is not the creator, and garbage', () => {
    const { envelope } = createSignedEnvelope(client, { type: HeaderType.TRANSACTION, channelId: 'consort', timestamp: T0, data })
    const env = Envelope.decode(envelope)
    const resigned = signEnvelope(orderer, env.payload)
    expect(() => verifyEnvelope(openEnvelope(resigned), msp, { channelId: 'consort' })).toThrow(
      expect.objectContaining({ code: ProtocolErrorCode.BAD_CREATOR }),
    )
    expect(() => openEnvelope(new Uint8Array([0x0a, 0x05, 1]))).toThrow(expect.objectContaining({ code: ProtocolErrorCode.MALFORMED }))
  })
})

describe('blocks', () => {
  it('chains blocks and checks links, data hashes and orderer signatures', () => {
    const genesis = parseBlock(createGenesisBlock(config, T0))
    expect(readChannelConfig(genesis.bytes).consenters[0]?.name).toBe('orderer0')
    const at = T0 + 1000
    const b1 = parseBlock(createBlock({ number: 1, previousHash: genesis.hash, data: [data], timestamp: at }, orderer))
    verifyChainLink(genesis, b1)
    verifyBlockSignature(b1, config, msp)
    const unsigned = parseBlock(createBlock({ number: 1, previousHash: genesis.hash, data: [data], timestamp: at }))
    expect(() => verifyBlockSignature(unsigned, config, msp)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_BLOCK }))
    const byClient = parseBlock(createBlock({ number: 1, previousHash: genesis.hash, data: [data], timestamp: at }, client))
    expect(() => verifyBlockSignature(byClient, config, msp)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_BLOCK }))
    const wrongLink = parseBlock(createBlock({ number: 1, previousHash: new Uint8Array(32), data: [data], timestamp: at }, orderer))
    expect(() => verifyChainLink(genesis, wrongLink)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_BLOCK }))
    const gap = parseBlock(createBlock({ number: 2, previousHash: genesis.hash, data: [data], timestamp: at }, orderer))
    expect(() => verifyChainLink(genesis, gap)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_BLOCK }))
    const backwards = parseBlock(createBlock({ number: 2, previousHash: b1.hash, data: [data], timestamp: at - 1 }, orderer))
    expect(() => verifyChainLink(b1, backwards)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_BLOCK }))
  })

  it('accepts only blocks signed by a consenter of the config in force, valid at the ordering time', () => {
    const genesis = parseBlock(createGenesisBlock(config, T0))
    // An orderer-role certificate of a channel org that is not a consenter of this config.
    const outsider = member(Role.ORDERER, 'rogue.org1')
    const forged = parseBlock(createBlock({ number: 1, previousHash: genesis.hash, data: [data], timestamp: T0 + 1000 }, outsider))
    expect(() => verifyBlockSignature(forged, config, msp)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_BLOCK }))
    // A consenter whose certificate had expired when the block claims to be ordered.
    const expiring = member(Role.ORDERER, 'short.org1', T0 + 5000)
    const cfg = normalizeChannelConfig({ ...config, consenters: [{ ...config.consenters[0]!, certificate: expiring.certificate.bytes }] })
    const late = parseBlock(createBlock({ number: 1, previousHash: genesis.hash, data: [data], timestamp: T0 + 6000 }, expiring))
    expect(() => verifyBlockSignature(late, cfg, channelMsp(cfg, new ManualClock(T0)))).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_BLOCK }))
  })

  it('finds the config in force at any height from the last config block the tip names', async () => {
    const genesis = createGenesisBlock(config, T0)
    const b1 = createBlock({ number: 1, previousHash: parseBlock(genesis).hash, data: [data], timestamp: T0, lastConfig: 0 }, orderer)
    const chain = [genesis, b1]
    expect(await configInForce(1, async (n) => chain[n])).toEqual({ config, number: 0 })
    await expect(configInForce(2, async (n) => chain[n])).rejects.toMatchObject({ code: ProtocolErrorCode.BAD_CONFIG })
  })

  it('refuses an invalid channel config', () => {
    expect(() => normalizeChannelConfig({ ...config, consenters: [] })).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_CONFIG }))
    expect(() => normalizeChannelConfig({ ...config, channelId: 'Bad Name' })).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_CONFIG }))
  })
})

describe('tx time window', () => {
  it('accepts a timestamp within the window of the ordering time, either side, and refuses one outside', () => {
    checkTxTime(60_000, T0, T0 + 60_000)
    checkTxTime(60_000, T0 + 60_000, T0)
    expect(() => checkTxTime(60_000, T0, T0 + 60_001)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_TIMESTAMP }))
    expect(() => checkTxTime(60_000, T0 + 60_001, T0)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_TIMESTAMP }))
  })
})

describe('config updates', () => {
  const cfg = normalizeChannelConfig({
    ...config,
    orgs: [...config.orgs, { mspId: 'Org2', rootCerts: [ca2.certificate], revoked: [], anchorPeers: [] }],
    adminsPolicy: 'ALL Admins',
    consenters: [1, 2, 3].map((id) => ({
      ...config.consenters[0]!,
      id,
      name: `orderer${id}`,
      certificate: member(Role.ORDERER, `orderer${id}.org1`).certificate.bytes,
    })),
  })
  const cfgMsp = channelMsp(cfg, new ManualClock(T0 + 1000))
  const update = (next: typeof cfg, signers = admins) => {
    const { envelope } = createConfigUpdateEnvelope(
      client,
      next,
      signers.map((a) => ({ certificate: a.certificate.bytes, privateKey: a.privateKey })),
      T0 + 1000,
    )
    return envelope
  }
  const blockOf = (envelope: Uint8Array, timestamp = T0 + 1000) =>
    parseBlock(createBlock({ number: 1, previousHash: new Uint8Array(32), data: [envelope], timestamp }, orderer))

  it('records a removed consenter id as retired and refuses to give it out again', () => {
    const removed = retireConsenter({ ...cfg, sequence: 1 }, 3)
    expect(removed.retiredConsenterIds).toEqual([3])
    const afterRemoval = validateConfigUpdate(cfg, openEnvelope(update(removed)).payload.data, cfgMsp)
    expect(afterRemoval.retiredConsenterIds).toEqual([3])
    // A removal that does not retire the id is refused.
    const unretired = { ...cfg, sequence: 1, consenters: cfg.consenters.filter((c) => c.id !== 3) }
    expect(() => validateConfigUpdate(cfg, openEnvelope(update(unretired)).payload.data, cfgMsp)).toThrow(
      expect.objectContaining({ code: ProtocolErrorCode.BAD_CONFIG }),
    )
    // Reusing id 3 for a new consenter is refused, with a sentence that says why.
    const newcomer = { ...cfg.consenters[0]!, id: 3, name: 'orderer3b', certificate: member(Role.ORDERER, 'orderer3b.org1').certificate.bytes }
    const reuse = { ...afterRemoval, sequence: 2, consenters: [...afterRemoval.consenters, newcomer] }
    expect(() => validateConfigUpdate(afterRemoval, openEnvelope(update(reuse)).payload.data, cfgMsp)).toThrow(
      expect.objectContaining({ code: ProtocolErrorCode.BAD_CONFIG, message: expect.stringContaining('consenter id 3 (orderer3b) was used before') }),
    )
    // A config that lists a retired id among its consenters is not a valid config at all.
    expect(() => normalizeChannelConfig(reuse)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_CONFIG }))
  })

  it('a config block is checked against the admins policy in force, at the ordering time', () => {
    const next = { ...cfg, sequence: 1, batch: { ...cfg.batch!, batchTimeoutMs: 99 } }
    expect(validateConfigBlock(cfg, cfgMsp, blockOf(update(next))).batch?.batchTimeoutMs).toBe(99)
    // Org1's admin alone does not satisfy "ALL Admins": refused, as the orderers refuse it.
    expect(() => validateConfigBlock(cfg, cfgMsp, blockOf(update(next, [admins[0]!])))).toThrow(
      expect.objectContaining({ code: ProtocolErrorCode.BAD_CREATOR }),
    )
    // An update ordered long after its own timestamp is refused.
    expect(() => validateConfigBlock(cfg, cfgMsp, blockOf(update(next), T0 + 1000 + cfg.txTimeWindowMs + 1))).toThrow(
      expect.objectContaining({ code: ProtocolErrorCode.BAD_TIMESTAMP }),
    )
  })
})

describe('admission', () => {
  it("admits a member's credential for this connection, and refuses another protocol version naming both", async () => {
    const credential = await createAdmission(client, 'server-id', 'client-id')
    expect(checkAdmission(credential, msp, 'server-id', 'client-id')).toBeUndefined()
    // Replayed on another connection: the signature covers both ends.
    expect(checkAdmission(credential, msp, 'server-id', 'other-client')).toMatch(/signature does not verify/)
    const a = Admission.decode(credential)
    const older = Admission.encode({ ...a, protocolVersion: 0 })
    expect(checkAdmission(older, msp, 'server-id', 'client-id')).toBe(
      `incompatible protocol version: the connecting side speaks Consort protocol 1 (or older), this node speaks protocol ${PROTOCOL_VERSION}; upgrade the older side`,
    )
    const newer = Admission.encode({ ...a, protocolVersion: PROTOCOL_VERSION + 1 })
    expect(checkAdmission(newer, msp, 'server-id', 'client-id')).toMatch(
      `speaks Consort protocol ${PROTOCOL_VERSION + 1}, this node speaks protocol ${PROTOCOL_VERSION}`,
    )
  })
})
