import { bytesEqual, sha256, sha256Parts, verify } from '@consort/crypto'
import type { MembershipService, SigningIdentity } from '@consort/identity'
import { Block, BlockHeader, decode, DecodeError, Role } from '@consort/types'
import type { BlockMetadata, ChannelConfig } from '@consort/types'
import { openEnvelope } from './envelope.js'
import { ProtocolError, ProtocolErrorCode } from './errors.js'

/** A block decoded once, with its header and the bytes it came from. */
export interface ParsedBlock {
  bytes: Uint8Array
  block: Block
  header: BlockHeader
  number: number
  /** sha256 of the header bytes. */
  hash: Uint8Array
}

/** sha256 over the length-prefixed envelopes, so no two lists of envelopes hash alike. */
export function blockDataHash(data: readonly Uint8Array[]): Uint8Array {
  return sha256Parts(data)
}

export function blockHash(headerBytes: Uint8Array): Uint8Array {
  return sha256(headerBytes)
}

export function parseBlock(bytes: Uint8Array, maxBytes?: number): ParsedBlock {
  try {
    const block = decode(Block, bytes, 'Block', maxBytes)
    const header = decode(BlockHeader, block.header, 'BlockHeader')
    return { bytes, block, header, number: header.number, hash: blockHash(block.header) }
  } catch (err) {
    if (err instanceof DecodeError) {
      throw new ProtocolError(ProtocolErrorCode.BAD_BLOCK, `malformed block: ${err.message}`, {}, { cause: err })
    }
    throw err
  }
}

export interface NewBlock {
  number: number
  previousHash: Uint8Array
  /** Ordering time, ms since the epoch (the orderer's clock; not less than the previous block's). */
  timestamp: number
  data: Uint8Array[]
  lastConfig?: number
  raftIndex?: number
}

/** Builds a block and signs its header as `signer` (the orderer that cut it, if any). */
export function createBlock(b: NewBlock, signer?: SigningIdentity): Uint8Array {
  const header = BlockHeader.encode({
    number: b.number,
    previousHash: new Uint8Array(b.previousHash),
    dataHash: new Uint8Array(blockDataHash(b.data)),
    timestamp: b.timestamp,
  })
  const metadata: BlockMetadata = {
    signatures: signer === undefined ? [] : [{ signer: new Uint8Array(signer.certificate.bytes), signature: new Uint8Array(signer.sign(header)) }],
    lastConfig: b.lastConfig ?? 0,
    raftIndex: b.raftIndex ?? 0,
    validationCodes: new Uint8Array(0),
  }
  return Block.encode({ header, data: b.data.map((d) => new Uint8Array(d)), metadata })
}

/** Checks that `next` follows `prev`: consecutive number, hash link, and a data hash that matches its data. */
export function verifyChainLink(prev: ParsedBlock | undefined, next: ParsedBlock): void {
  const expectedNumber = prev === undefined ? 0 : prev.number + 1
  if (next.number !== expectedNumber) {
    throw new ProtocolError(ProtocolErrorCode.BAD_BLOCK, `expected block ${expectedNumber}, got ${next.number}`, {
      expected: expectedNumber,
      number: next.number,
    })
  }
  const expectedPrev = prev === undefined ? new Uint8Array(0) : prev.hash
  if (!bytesEqual(next.header.previousHash, expectedPrev)) {
    throw new ProtocolError(ProtocolErrorCode.BAD_BLOCK, `block ${next.number} does not link to the previous block's hash`, {
      number: next.number,
    })
  }
  if (prev !== undefined && next.header.timestamp < prev.header.timestamp) {
    throw new ProtocolError(ProtocolErrorCode.BAD_BLOCK, `block ${next.number} is ordered before the block it follows`, {
      number: next.number,
      timestamp: next.header.timestamp,
      previous: prev.header.timestamp,
    })
  }
  if (!bytesEqual(next.header.dataHash, blockDataHash(next.block.data))) {
    throw new ProtocolError(ProtocolErrorCode.BAD_BLOCK, `block ${next.number} data does not match its data hash`, {
      number: next.number,
    })
  }
}

/**
 * Checks that a consenter of `config` (the channel config in force at the block's height)
 * signed the block header, its certificate valid at the block's ordering time. `msp` is that
 * config's membership service. Genesis (block 0) is unsigned.
 */
export function verifyBlockSignature(block: ParsedBlock, config: ChannelConfig, msp: MembershipService): void {
  if (block.number === 0) return
  const at = msp.at({ now: () => block.header.timestamp })
  for (const s of block.block.metadata?.signatures ?? []) {
    if (!config.consenters.some((c) => bytesEqual(c.certificate, s.signer))) continue
    try {
      const signer = at.validateRole(s.signer, Role.ORDERER)
      if (verify(signer.publicKey, block.block.header, s.signature)) return
    } catch {
      // try the next signature
    }
  }
  throw new ProtocolError(ProtocolErrorCode.BAD_BLOCK, `block ${block.number} carries no valid signature of a consenter of config ${config.sequence}`, {
    number: block.number,
    configSequence: config.sequence,
  })
}

/** The tx id of each envelope in a block ('' for one that does not decode). */
export function blockTxIds(block: ParsedBlock): string[] {
  return block.block.data.map((d) => {
    try {
      return openEnvelope(d).header.txId
    } catch {
      return ''
    }
  })
}
