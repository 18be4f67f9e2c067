import { createHash } from 'node:crypto'

const keyOf = (signature: Uint8Array) => Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64')
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))
const digestOf = (message: Uint8Array) => createHash('sha256').update(message).digest()

/** A valid signature's key and message: a copy of the message, or (for the node's own signatures) its SHA-256. */
type Known = { publicKey: Uint8Array; message: Uint8Array; digest?: undefined } | { publicKey: Uint8Array; message?: undefined; digest: Uint8Array }

/**
 * Signatures known to be valid, keyed by the signature, with the public key and the message
 * they cover: found valid by a VerifyPool's workers (a copy of the message: the caller's
 * buffer could change; comparing bytes costs less than hashing them), or made by this node
 * with its own key (`rememberSigned`: an endorsement it signed, valid by construction; kept as
 * the message's SHA-256, since many are never asked about, e.g. a query's). `verify(…,
 * verified)` consults it first: a record that matches key, message and signature byte for byte
 * is the same check's answer, so it is used once and dropped; a VerifyPool answers true at
 * once for one (`has`), without a worker. Bounded: records nobody asks about (a transaction
 * found invalid before its endorsements are looked at, a query's endorsement) are dropped
 * oldest first. One per node (its pool owns it), handed to the membership service that checks
 * the same signatures.
 */
export class VerifiedSignatures {
  private readonly valid = new Map<string, Known>()

  constructor(private readonly limit = 8192) {}

  remember(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): void {
    this.add(signature, { publicKey: new Uint8Array(publicKey), message: new Uint8Array(message) })
  }

  /** A signature this node made over `message` with the private key of `publicKey`. */
  rememberSigned(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): void {
    this.add(signature, { publicKey: new Uint8Array(publicKey), digest: digestOf(message) })
  }

  /** True if this exact (key, message, signature) is known valid; the record stays. */
  has(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
    if (this.valid.size === 0) return false
    const rec = this.valid.get(keyOf(signature))
    return rec !== undefined && matches(rec, publicKey, message)
  }

  /** True if this exact (key, message, signature) is known valid and not yet asked about. */
  take(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
    if (this.valid.size === 0) return false
    const key = keyOf(signature)
    const rec = this.valid.get(key)
    if (rec === undefined) return false
    this.valid.delete(key)
    return matches(rec, publicKey, message)
  }

  get size(): number {
    return this.valid.size
  }

  private add(signature: Uint8Array, rec: Known): void {
    if (this.valid.size >= this.limit) this.valid.delete(this.valid.keys().next().value as string)
    this.valid.set(keyOf(signature), rec)
  }
}

function matches(rec: Known, publicKey: Uint8Array, message: Uint8Array): boolean {
  return same(rec.publicKey, publicKey) && (rec.message !== undefined ? same(rec.message, message) : same(rec.digest, digestOf(message)))
}
