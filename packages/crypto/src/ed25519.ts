import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { CryptoError, CryptoErrorCode } from './errors.js'
import type { VerifiedSignatures } from './verified.js'

/** An ed25519 key pair: the 32-byte private seed and the 32-byte public key. */
export interface KeyPair {
  privateKey: Uint8Array<ArrayBuffer>
  publicKey: Uint8Array<ArrayBuffer>
}

export const PRIVATE_KEY_BYTES = 32
export const PUBLIC_KEY_BYTES = 32
export const SIGNATURE_BYTES = 64

// DER prefixes that wrap a raw ed25519 key as PKCS#8 / SPKI (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

// Building a KeyObject costs more than a signature check, so verification keeps the public
// ones (public material only; private keys are held by whoever signs, see `signer`).
const CACHE_LIMIT = 4096
const publicKeys = new Map<string, KeyObject>()

function cached(cache: Map<string, KeyObject>, raw: Uint8Array, make: (der: Buffer) => KeyObject, prefix: Buffer): KeyObject {
  const id = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64')
  let key = cache.get(id)
  if (key === undefined) {
    key = make(Buffer.concat([prefix, raw]))
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
    cache.set(id, key)
  }
  return key
}

export function privateKeyObject(privateKey: Uint8Array): KeyObject {
  if (privateKey.byteLength !== PRIVATE_KEY_BYTES) {
    throw new CryptoError(CryptoErrorCode.INVALID_KEY, `ed25519 private key must be ${PRIVATE_KEY_BYTES} bytes`, {
      length: privateKey.byteLength,
    })
  }
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, privateKey]), format: 'der', type: 'pkcs8' })
}

/** A signing function holding its key object: for a key that signs many times (a node's, a client's). */
export function signer(privateKey: Uint8Array): (message: Uint8Array) => Uint8Array<ArrayBuffer> {
  const key = privateKeyObject(privateKey)
  return (message) => new Uint8Array(nodeSign(null, message, key))
}

/** Returns null for bytes that are not an ed25519 public key. */
function publicKeyObject(publicKey: Uint8Array): KeyObject | null {
  if (publicKey.byteLength !== PUBLIC_KEY_BYTES) return null
  try {
    return cached(publicKeys, publicKey, (der) => createPublicKey({ key: der, format: 'der', type: 'spki' }), SPKI_PREFIX)
  } catch {
    return null
  }
}

export function generateKeyPair(): KeyPair {
  const { privateKey } = generateKeyPairSync('ed25519')
  const der = privateKey.export({ format: 'der', type: 'pkcs8' })
  const seed = new Uint8Array(der.subarray(PKCS8_PREFIX.length))
  return { privateKey: seed, publicKey: publicKeyFromPrivate(seed) }
}

export function publicKeyFromPrivate(privateKey: Uint8Array): Uint8Array<ArrayBuffer> {
  const der = createPublicKey(privateKeyObject(privateKey)).export({ format: 'der', type: 'spki' })
  return new Uint8Array(der.subarray(SPKI_PREFIX.length))
}

/** Signs once (see `signer` for a key that signs often). */
export function sign(privateKey: Uint8Array, message: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(nodeSign(null, message, privateKeyObject(privateKey)))
}

/**
 * False for a wrong signature and for malformed keys or signatures: never throws. `verified`:
 * signatures a VerifyPool already found valid (the same key, message and signature pass at once).
 */
export function verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, verified?: VerifiedSignatures): boolean {
  if (signature.byteLength !== SIGNATURE_BYTES) return false
  if (verified?.take(publicKey, message, signature) === true) return true
  const key = publicKeyObject(publicKey)
  if (key === null) return false
  try {
    return nodeVerify(null, message, key, signature)
  } catch {
    return false
  }
}
