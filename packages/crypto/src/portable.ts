import * as ed from '@noble/ed25519'
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256, sha512 } from '@noble/hashes/sha2.js'
import { CryptoError, CryptoErrorCode } from './errors.js'

// noble's synchronous API needs a sha512; @noble/hashes is pure JS, so this runs anywhere.
ed.hashes.sha512 = sha512

/**
 * Pure-JavaScript ed25519 for places without node:crypto (an SDK in a browser) and for
 * key derivation. About ten times slower than the node:crypto functions: keep it off
 * the hot path. Signatures are interchangeable with ed25519.ts.
 */
export function portableSign(privateKey: Uint8Array, message: Uint8Array): Uint8Array {
  assertPrivateKey(privateKey)
  return ed.sign(message, privateKey)
}

export function portableVerify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    // zip215: false gives RFC 8032 strict rules, the same verdicts as OpenSSL.
    return ed.verify(signature, message, publicKey, { zip215: false })
  } catch {
    return false
  }
}

export function portablePublicKey(privateKey: Uint8Array): Uint8Array {
  assertPrivateKey(privateKey)
  return ed.getPublicKey(privateKey)
}

/**
 * Derives a 32-byte ed25519 private key from a master secret and a label with
 * HKDF-SHA256, so one secret can produce many stable keys (e.g. per-node keys in tests).
 */
export function deriveKey(master: Uint8Array, label: string, salt: Uint8Array = new Uint8Array(0)): Uint8Array {
  if (master.byteLength < 16) {
    throw new CryptoError(CryptoErrorCode.INVALID_KEY, 'master secret must be at least 16 bytes', {
      length: master.byteLength,
    })
  }
  return hkdf(sha256, master, salt, new TextEncoder().encode(`consort/ed25519/${label}`), 32)
}

function assertPrivateKey(privateKey: Uint8Array): void {
  if (privateKey.byteLength !== 32) {
    throw new CryptoError(CryptoErrorCode.INVALID_KEY, 'ed25519 private key must be 32 bytes', {
      length: privateKey.byteLength,
    })
  }
}
