import { createHash } from 'node:crypto'

// Signatures already found valid (by a VerifyPool worker), keyed by the signature, with the
// public key and the sha256 of the message they cover. `verify` consults it first: a record
// that matches all three is the same check's answer, so it is used once and dropped.
const LIMIT = 65_536
const valid = new Map<string, { publicKey: Buffer; digest: Buffer }>()

const keyOf = (signature: Uint8Array) => Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64')
const digestOf = (message: Uint8Array) => createHash('sha256').update(message).digest()

export function rememberValid(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): void {
  if (valid.size >= LIMIT) valid.delete(valid.keys().next().value as string)
  valid.set(keyOf(signature), { publicKey: Buffer.from(publicKey), digest: digestOf(message) })
}

/** True if this exact (key, message, signature) was found valid and not yet asked about. */
export function takeVerified(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (valid.size === 0) return false
  const key = keyOf(signature)
  const rec = valid.get(key)
  if (rec === undefined) return false
  valid.delete(key)
  return rec.publicKey.equals(publicKey) && rec.digest.equals(digestOf(message))
}
