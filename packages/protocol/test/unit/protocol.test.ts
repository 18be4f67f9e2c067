import { generateKeyPair } from '@consort/crypto'
import { createRootCA, issueCertificate, signingIdentity } from '@consort/identity'
import { Envelope, Header, HeaderType, ManualClock, Payload, Role } from '@consort/types'
import { describe, expect, it } from 'vitest'
import {
  channelMsp,
  createBlock,
  createGenesisBlock,
  createSignedEnvelope,
  normalizeChannelConfig,
  openEnvelope,
  parseBlock,
  ProtocolErrorCode,
  readChannelConfig,
  signEnvelope,
  verifyBlockSignature,
  verifyChainLink,
  verifyEnvelope,
} from '../../src/index.js'

const T0 = Date.UTC(2026, 0, 1)
const ca = createRootCA({ org: 'Org1', notBefore: T0 })
const member = (role: Role) => {
  const k = generateKeyPair()
  return signingIdentity(issueCertificate(ca, { subject: `${role}.org1`, role, publicKey: k.publicKey, notBefore: T0 }), k.privateKey)
}
const client = member(Role.CLIENT)
const orderer = member(Role.ORDERER)
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
    expect(() => verifyEnvelope(openEnvelope(forged), msp, { channelId: 'consort' })).toThrow(
      expect.objectContaining({ code: ProtocolErrorCode.BAD_TXID }),
    )
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
    const b1 = parseBlock(createBlock({ number: 1, previousHash: genesis.hash, data: [data] }, orderer))
    verifyChainLink(genesis, b1)
    verifyBlockSignature(b1, msp)
    const unsigned = parseBlock(createBlock({ number: 1, previousHash: genesis.hash, data: [data] }))
    expect(() => verifyBlockSignature(unsigned, msp)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_BLOCK }))
    const byClient = parseBlock(createBlock({ number: 1, previousHash: genesis.hash, data: [data] }, client))
    expect(() => verifyBlockSignature(byClient, msp)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_BLOCK }))
    const wrongLink = parseBlock(createBlock({ number: 1, previousHash: new Uint8Array(32), data: [data] }, orderer))
    expect(() => verifyChainLink(genesis, wrongLink)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_BLOCK }))
    const gap = parseBlock(createBlock({ number: 2, previousHash: genesis.hash, data: [data] }, orderer))
    expect(() => verifyChainLink(genesis, gap)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_BLOCK }))
  })

  it('refuses an invalid channel config', () => {
    expect(() => normalizeChannelConfig({ ...config, consenters: [] })).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_CONFIG }))
    expect(() => normalizeChannelConfig({ ...config, channelId: 'Bad Name' })).toThrow(
      expect.objectContaining({ code: ProtocolErrorCode.BAD_CONFIG }),
    )
  })
})
