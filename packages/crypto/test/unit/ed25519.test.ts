import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  CryptoErrorCode,
  deriveKey,
  fromHex,
  generateKeyPair,
  portablePublicKey,
  portableSign,
  portableVerify,
  privateKeyFromPem,
  privateKeyToPem,
  publicKeyFromPrivate,
  readPrivateKeyFile,
  sha256,
  sha256Parts,
  sign,
  toHex,
  verify,
  writePrivateKeyFile,
} from '../../src/index.js'

const msg = new TextEncoder().encode('consort')

describe('sha256', () => {
  it('matches the FIPS 180-2 test vector', () => {
    expect(toHex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
  it('hashes parts so that boundaries matter', () => {
    const a = sha256Parts([fromHex('0102'), fromHex('03')])
    const b = sha256Parts([fromHex('01'), fromHex('0203')])
    expect(toHex(a)).not.toBe(toHex(b))
  })
})

describe('ed25519', () => {
  it('matches RFC 8032 test 1', () => {
    const priv = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60')
    const pub = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'
    const sig = 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'
    expect(toHex(publicKeyFromPrivate(priv))).toBe(pub)
    expect(toHex(portablePublicKey(priv))).toBe(pub)
    expect(toHex(sign(priv, new Uint8Array(0)))).toBe(sig)
    expect(toHex(portableSign(priv, new Uint8Array(0)))).toBe(sig)
  })

  it('signs with node:crypto and verifies with noble, and the reverse', () => {
    for (let i = 0; i < 20; i++) {
      const { privateKey, publicKey } = generateKeyPair()
      const data = sha256(new Uint8Array([i]))
      const nodeSig = sign(privateKey, data)
      const nobleSig = portableSign(privateKey, data)
      expect(portableVerify(publicKey, data, nodeSig)).toBe(true)
      expect(verify(publicKey, data, nobleSig)).toBe(true)
      // ed25519 is deterministic: both libraries give the same bytes.
      expect(toHex(nodeSig)).toBe(toHex(nobleSig))
    }
  })

  it('rejects a tampered message, signature or key in both libraries', () => {
    const { privateKey, publicKey } = generateKeyPair()
    const sig = sign(privateKey, msg)
    const badSig = sig.slice()
    badSig[0] = (badSig[0] ?? 0) ^ 1
    const other = generateKeyPair().publicKey
    const badMsg = new TextEncoder().encode('consorT')
    for (const check of [verify, portableVerify]) {
      expect(check(publicKey, msg, sig)).toBe(true)
      expect(check(publicKey, badMsg, sig)).toBe(false)
      expect(check(publicKey, msg, badSig)).toBe(false)
      expect(check(other, msg, sig)).toBe(false)
    }
  })

  it('returns false, never throws, for malformed keys and signatures', () => {
    const { privateKey, publicKey } = generateKeyPair()
    const sig = sign(privateKey, msg)
    for (const check of [verify, portableVerify]) {
      expect(check(new Uint8Array(31), msg, sig)).toBe(false)
      expect(check(publicKey, msg, sig.subarray(0, 63))).toBe(false)
      expect(check(new Uint8Array(32).fill(0xff), msg, sig)).toBe(false)
    }
  })

  it('refuses a private key of the wrong length with a typed error', () => {
    expect(() => sign(new Uint8Array(5), msg)).toThrow(expect.objectContaining({ code: CryptoErrorCode.INVALID_KEY }))
    expect(() => portableSign(new Uint8Array(5), msg)).toThrow(expect.objectContaining({ code: CryptoErrorCode.INVALID_KEY }))
  })

  it('derives stable, distinct keys from one master secret', () => {
    const master = sha256(new TextEncoder().encode('master'))
    const a = deriveKey(master, 'org1/peer0')
    expect(toHex(deriveKey(master, 'org1/peer0'))).toBe(toHex(a))
    expect(toHex(deriveKey(master, 'org1/peer1'))).not.toBe(toHex(a))
    expect(verify(publicKeyFromPrivate(a), msg, sign(a, msg))).toBe(true)
    expect(() => deriveKey(new Uint8Array(8), 'x')).toThrow(expect.objectContaining({ code: CryptoErrorCode.INVALID_KEY }))
  })
})

describe('key files', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  it('round-trips a key through PKCS#8 PEM', () => {
    const { privateKey } = generateKeyPair()
    const pem = privateKeyToPem(privateKey)
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/)
    expect(toHex(privateKeyFromPem(pem))).toBe(toHex(privateKey))
  })

  it('writes owner-only files and reads them back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consort-crypto-'))
    dirs.push(dir)
    const path = join(dir, 'keys', 'node.key')
    const { privateKey } = generateKeyPair()
    await writePrivateKeyFile(path, privateKey)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect(toHex(await readPrivateKeyFile(path))).toBe(toHex(privateKey))
  })

  it('gives a typed error for a missing or garbled key file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consort-crypto-'))
    dirs.push(dir)
    await expect(readPrivateKeyFile(join(dir, 'missing.key'))).rejects.toMatchObject({ code: CryptoErrorCode.KEY_FILE })
    const garbled = join(dir, 'garbled.key')
    await writeFile(garbled, '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n')
    await expect(readPrivateKeyFile(garbled)).rejects.toMatchObject({ code: CryptoErrorCode.KEY_FILE })
  })
})
