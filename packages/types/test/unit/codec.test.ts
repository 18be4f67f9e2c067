import { describe, expect, it } from 'vitest'
import {
  Block,
  BlockHeader,
  Certificate,
  ChannelConfig,
  decode,
  DecodeError,
  DecodeErrorCode,
  Envelope,
  Header,
  HeaderType,
  Proposal,
  raftpb,
  seededRng,
  TxReadWriteSet,
  validationCodeFromByte,
  validationCodeToByte,
  ValidationCode,
} from '../../src/index.js'
import type { MessageCodec } from '../../src/index.js'

const bytes = (...xs: number[]) => new Uint8Array(xs)

describe('codecs', () => {
  it('round-trips a block with its exact header bytes', () => {
    const header = BlockHeader.encode({ number: 7, previousHash: bytes(1, 2), dataHash: bytes(3) })
    const env = Envelope.encode({ payload: bytes(9, 9), signature: bytes(8), signer: bytes(7) })
    const block = Block.encode({
      header,
      data: [env],
      metadata: { signatures: [], lastConfig: 0, raftIndex: 12, validationCodes: bytes(0) },
    })
    const decoded = decode(Block, block, 'Block')
    expect(decoded.header).toEqual(header)
    expect(decode(BlockHeader, decoded.header, 'BlockHeader').number).toBe(7)
    expect(decode(Envelope, decoded.data[0]!, 'Envelope').payload).toEqual(bytes(9, 9))
    expect(decoded.metadata?.raftIndex).toBe(12)
  })

  it('keeps 64-bit fields as numbers and enums as names', () => {
    const h = decode(Header, Header.encode({ type: HeaderType.TRANSACTION, channelId: 'c', txId: 'ab', timestamp: 1_700_000_000_000 }), 'Header')
    expect(h.timestamp).toBe(1_700_000_000_000)
    expect(h.type).toBe(HeaderType.TRANSACTION)
  })

  it('marks absent read versions as undefined, not as version 0', () => {
    const rw = TxReadWriteSet.encode({
      nsRwset: [
        {
          namespace: 'cc',
          reads: [{ key: 'a' }, { key: 'b', version: { blockNum: 0, txNum: 0 } }],
          rangeQueries: [],
          writes: [{ key: 'a', isDelete: false, value: bytes(1) }],
        },
      ],
    })
    const decoded = decode(TxReadWriteSet, rw, 'TxReadWriteSet')
    expect(decoded.nsRwset[0]?.reads[0]?.version).toBeUndefined()
    expect(decoded.nsRwset[0]?.reads[1]?.version).toEqual({ blockNum: 0, txNum: 0 })
  })

  it('maps validation codes to bytes and back, unknown bytes to INVALID_OTHER_REASON', () => {
    for (const code of Object.values(ValidationCode).filter((v) => typeof v === 'string')) {
      expect(validationCodeFromByte(validationCodeToByte(code as ValidationCode))).toBe(code)
    }
    expect(validationCodeToByte(ValidationCode.VALID)).toBe(0)
    expect(validationCodeToByte(ValidationCode.MVCC_READ_CONFLICT)).toBe(13)
    expect(validationCodeFromByte(200)).toBe(ValidationCode.INVALID_OTHER_REASON)
  })
})

describe('decoding untrusted bytes', () => {
  const codecs: Array<[string, MessageCodec<unknown>]> = [
    ['Envelope', Envelope],
    ['Block', Block],
    ['Certificate', Certificate],
    ['Proposal', Proposal],
    ['TxReadWriteSet', TxReadWriteSet],
    ['ChannelConfig', ChannelConfig],
    ['raft Message', raftpb.Message],
  ]

  it('throws DecodeError on truncated and invalid input', () => {
    // a length-delimited field claiming 100 bytes with 1 present
    expect(() => decode(Envelope, bytes(0x0a, 100, 1), 'Envelope')).toThrow(DecodeError)
    // an invalid wire type (7)
    expect(() => decode(Envelope, bytes(0x0f), 'Envelope')).toThrow(expect.objectContaining({ code: DecodeErrorCode.MALFORMED, meta: { what: 'Envelope' } }))
  })

  it('refuses oversized input before parsing it', () => {
    expect(() => decode(Envelope, new Uint8Array(11), 'Envelope', 10)).toThrow(expect.objectContaining({ code: DecodeErrorCode.TOO_LARGE }))
  })

  it('never throws anything but DecodeError on 5,000 random inputs per message', () => {
    const rng = seededRng(42)
    const next = () => rng.next()
    for (const [name, codec] of codecs) {
      for (let i = 0; i < 5000; i++) {
        const buf = new Uint8Array(Math.floor(next() * 64))
        for (let j = 0; j < buf.length; j++) buf[j] = Math.floor(next() * 256)
        const thrown = (() => {
          try {
            decode(codec, buf, name)
            return undefined
          } catch (err) {
            return err
          }
        })()
        // Decodes, or throws DecodeError: never anything else.
        expect(thrown === undefined || thrown instanceof DecodeError, `${name} input ${Buffer.from(buf).toString('hex')}: ${String(thrown)}`).toBe(true)
      }
    }
  })
})
