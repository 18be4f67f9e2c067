const keyOf = (signature: Uint8Array) => Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64')
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))

/**
 * Signatures already found valid (by a VerifyPool's workers), keyed by the signature, with the
 * public key and a copy of the message they cover (a copy: the caller's buffer could change;
 * comparing bytes costs less than hashing them). `verify(…, verified)` consults it first: a
 * record that matches all three byte for byte is the same check's answer, so it is used once
 * and dropped. Bounded: records nobody asks about (a transaction found invalid before its
 * endorsements are looked at) are dropped oldest first. One per node (its pool owns it), handed
 * to the membership service that checks the same signatures.
 */
export class VerifiedSignatures {
  private readonly valid = new Map<string, { publicKey: Uint8Array; message: Uint8Array }>()

  constructor(private readonly limit = 8192) {}

  remember(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): void {
    if (this.valid.size >= this.limit) this.valid.delete(this.valid.keys().next().value as string)
    this.valid.set(keyOf(signature), { publicKey: new Uint8Array(publicKey), message: new Uint8Array(message) })
  }

  /** True if this exact (key, message, signature) was found valid and not yet asked about. */
  take(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
    if (this.valid.size === 0) return false
    const key = keyOf(signature)
    const rec = this.valid.get(key)
    if (rec === undefined) return false
    this.valid.delete(key)
    return same(rec.publicKey, publicKey) && same(rec.message, message)
  }

  get size(): number {
    return this.valid.size
  }
}
