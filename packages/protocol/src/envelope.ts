import { randomBytes } from 'node:crypto'
import { bytesEqual, sha256Parts, toHex } from '@consort/crypto'
import { IdentityError } from '@consort/identity'
import type { MembershipService, SigningIdentity, ValidatedIdentity } from '@consort/identity'
import { decode, DecodeError, Envelope, Header, HeaderType, Payload } from '@consort/types'
import { ProtocolError, ProtocolErrorCode } from './errors.js'

/** A transaction id: hex(sha256(nonce || creator)), so an id cannot be claimed by another creator. */
export function computeTxId(nonce: Uint8Array, creator: Uint8Array): string {
  return toHex(sha256Parts([nonce, creator]))
}

export interface HeaderOptions {
  type: HeaderType
  channelId: string
  creator: Uint8Array
  timestamp: number
  /** 24 random bytes unless given (tests, replays). */
  nonce?: Uint8Array
}

export function createHeader(opts: HeaderOptions): { header: Uint8Array; txId: string } {
  const nonce = opts.nonce ?? new Uint8Array(randomBytes(24))
  const txId = computeTxId(nonce, opts.creator)
  const header = Header.encode({
    type: opts.type,
    channelId: opts.channelId,
    txId,
    timestamp: opts.timestamp,
    nonce: new Uint8Array(nonce),
    creator: new Uint8Array(opts.creator),
  })
  return { header, txId }
}

/** An envelope around payload bytes, their signature and the signer's certificate. */
export function envelopeOf(payload: Uint8Array, signature: Uint8Array, signerCertificate: Uint8Array): Uint8Array {
  return Envelope.encode({ payload: new Uint8Array(payload), signature: new Uint8Array(signature), signer: new Uint8Array(signerCertificate) })
}

/** Signs payload bytes as `signer`: the envelope carries exactly the bytes that were signed. */
export function signEnvelope(signer: SigningIdentity, payload: Uint8Array): Uint8Array {
  return envelopeOf(payload, signer.sign(payload), signer.certificate.bytes)
}

/** The payload of an envelope of the given type around `data`, created by `creator` (to be signed). */
export function envelopePayload(creator: Uint8Array, opts: Omit<HeaderOptions, 'creator'> & { data: Uint8Array }): { payload: Uint8Array; txId: string } {
  const { header, txId } = createHeader({ ...opts, creator })
  return { payload: Payload.encode({ header, data: new Uint8Array(opts.data) }), txId }
}

/** Builds and signs an envelope of the given type around `data`. */
export function createSignedEnvelope(
  signer: SigningIdentity,
  opts: Omit<HeaderOptions, 'creator'> & { data: Uint8Array },
): { envelope: Uint8Array; txId: string } {
  const { payload, txId } = envelopePayload(signer.certificate.bytes, opts)
  return { envelope: signEnvelope(signer, payload), txId }
}

/** An envelope decoded down to its header, not yet verified. */
export interface OpenedEnvelope {
  bytes: Uint8Array
  envelope: Envelope
  payload: Payload
  header: Header
}

export function openEnvelope(bytes: Uint8Array, maxBytes?: number): OpenedEnvelope {
  try {
    const envelope = decode(Envelope, bytes, 'Envelope', maxBytes)
    const payload = decode(Payload, envelope.payload, 'Payload')
    const header = decode(Header, payload.header, 'Header')
    return { bytes, envelope, payload, header }
  } catch (err) {
    if (err instanceof DecodeError) {
      throw new ProtocolError(ProtocolErrorCode.MALFORMED, `malformed envelope: ${err.message}`, { cause: err.code }, { cause: err })
    }
    throw err
  }
}

export interface VerifyOptions {
  channelId: string
  types?: readonly HeaderType[]
  /**
   * Keep the signature's verdict for the next check of the same bytes on this node (the
   * membership service's `verified` takes it once): a gateway's check of a proposal that its
   * own endorser checks next.
   */
  remember?: boolean
}

/**
 * Checks an envelope from the network: right channel and type, the signer is a valid
 * member whose signature covers the payload, the signer is the header's creator, and the
 * transaction id is bound to that creator. Returns the validated signer.
 */
export function verifyEnvelope(opened: OpenedEnvelope, msp: MembershipService, opts: VerifyOptions): ValidatedIdentity {
  const { envelope, header } = opened
  if (header.channelId !== opts.channelId) {
    throw new ProtocolError(ProtocolErrorCode.WRONG_CHANNEL, `envelope is for channel ${header.channelId}, not ${opts.channelId}`, {
      channel: header.channelId,
    })
  }
  if (opts.types !== undefined && !opts.types.includes(header.type)) {
    throw new ProtocolError(ProtocolErrorCode.WRONG_TYPE, `envelope type ${header.type} is not accepted here`, { type: header.type })
  }
  if (!bytesEqual(header.creator, envelope.signer)) {
    throw new ProtocolError(ProtocolErrorCode.BAD_CREATOR, 'envelope signer is not the header creator')
  }
  let signer: ValidatedIdentity
  try {
    signer = msp.verifySignature(envelope.signer, envelope.payload, envelope.signature, { remember: opts.remember === true })
  } catch (err) {
    if (err instanceof IdentityError) {
      const code = err.code === 'ERR_IDENTITY_BAD_SIGNATURE' ? ProtocolErrorCode.BAD_SIGNATURE : ProtocolErrorCode.BAD_CREATOR
      throw new ProtocolError(code, err.message, { identityCode: err.code }, { cause: err })
    }
    throw err
  }
  if (header.type !== HeaderType.CONFIG && computeTxId(header.nonce, header.creator) !== header.txId) {
    throw new ProtocolError(ProtocolErrorCode.BAD_TXID, 'transaction id is not sha256(nonce || creator)', { txId: header.txId })
  }
  return signer
}
