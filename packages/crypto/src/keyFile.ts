import { createPrivateKey, createPublicKey } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { privateKeyObject } from './ed25519.js'
import { CryptoError, CryptoErrorCode } from './errors.js'

/** PKCS#8 PEM, the form `openssl pkey` reads and writes. */
export function privateKeyToPem(privateKey: Uint8Array): string {
  return privateKeyObject(privateKey).export({ format: 'pem', type: 'pkcs8' }).toString()
}

export function privateKeyFromPem(pem: string): Uint8Array {
  try {
    const key = createPrivateKey({ key: pem, format: 'pem' })
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`key type ${key.asymmetricKeyType}`)
    const jwk = key.export({ format: 'jwk' })
    return new Uint8Array(Buffer.from(jwk.d as string, 'base64url'))
  } catch (err) {
    throw new CryptoError(CryptoErrorCode.INVALID_KEY, 'not an ed25519 private key in PKCS#8 PEM', {}, { cause: err })
  }
}

export function publicKeyToPem(publicKey: Uint8Array): string {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' })
  return key.export({ format: 'pem', type: 'spki' }).toString()
}

/** Writes a private key readable only by its owner (mode 0600). */
export async function writePrivateKeyFile(path: string, privateKey: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, privateKeyToPem(privateKey), { mode: 0o600 })
}

export async function readPrivateKeyFile(path: string): Promise<Uint8Array> {
  let pem: string
  try {
    pem = await readFile(path, 'utf8')
  } catch (err) {
    throw new CryptoError(CryptoErrorCode.KEY_FILE, `cannot read key file ${path}`, { path }, { cause: err })
  }
  try {
    return privateKeyFromPem(pem)
  } catch (err) {
    throw new CryptoError(CryptoErrorCode.KEY_FILE, `${path} is not an ed25519 private key in PKCS#8 PEM`, { path }, { cause: err })
  }
}
