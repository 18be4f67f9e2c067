// Signatures already found valid (by a VerifyPool worker), keyed by the signature, with the
// public key and a copy of the message they cover (a copy: the caller's buffer could change;
// comparing bytes costs less than hashing them). `verify` consults it first: a record that
// matches all three byte for byte is the same check's answer, so it is used once and dropped. Bounded: records nobody asks about (a transaction
// found invalid before its endorsements are looked at) are dropped oldest first.
const LIMIT = 8192
const valid = new Map<string, { publicKey: Uint8Array; message: Uint8Array }>()

const keyOf = (signature: Uint8Array) => Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64')
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))

export function rememberValid(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): void {
  if (valid.size >= LIMIT) valid.delete(valid.keys().next().value as string)
  valid.set(keyOf(signature), { publicKey: new Uint8Array(publicKey), message: new Uint8Array(message) })
}

/** True if this exact (key, message, signature) was found valid and not yet asked about. */
export function takeVerified(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (valid.size === 0) return false
  const key = keyOf(signature)
  const rec = valid.get(key)
  if (rec === undefined) return false
  valid.delete(key)
  return same(rec.publicKey, publicKey) && same(rec.message, message)
}
