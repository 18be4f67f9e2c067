import { afterAll, describe, expect, it } from 'vitest'
import { generateKeyPair, sign, verify, VerifiedSignatures, VerifyPool } from '../../src/index.js'

const pool = new VerifyPool(2)
afterAll(() => pool.close())

describe('VerifyPool', () => {
  it('checks many signatures on worker threads, with the same verdicts as verify()', async () => {
    const keys = Array.from({ length: 4 }, () => generateKeyPair())
    const cases = Array.from({ length: 400 }, (_, i) => {
      const k = keys[i % keys.length]!
      const message = new TextEncoder().encode(`message ${i}`)
      const signature = sign(k.privateKey, message)
      // Every third is tampered, every seventh signed by another key; one has a short signature.
      if (i % 3 === 0) signature[5]! ^= 1
      const publicKey = i % 7 === 0 ? keys[(i + 1) % keys.length]!.publicKey : k.publicKey
      return { publicKey, message, signature: i === 10 ? signature.subarray(0, 10) : signature }
    })
    const expected = cases.map((c) => verify(c.publicKey, c.message, c.signature))
    const got = await Promise.all(cases.map((c) => pool.verify(c.publicKey, c.message, c.signature)))
    expect(got).toEqual(expected)
    expect(got.filter(Boolean).length).toBeGreaterThan(200)
  })

  it('remembers a valid signature in its own cache, for the very same key, message and signature, once', async () => {
    const pool = new VerifyPool(1)
    const k = generateKeyPair()
    const message = new TextEncoder().encode('once')
    const signature = sign(k.privateKey, message)
    expect(await pool.verify(k.publicKey, message, signature)).toBe(true)
    expect(pool.verified.size).toBe(1)
    // Another message with the remembered signature is checked for real, and fails (the record is spent).
    expect(verify(k.publicKey, new TextEncoder().encode('twice'), signature, pool.verified)).toBe(false)
    expect(pool.verified.size).toBe(0)
    expect(verify(k.publicKey, message, signature, pool.verified)).toBe(true)
    // Nothing is shared between caches: another pool's, or none, checks for real.
    expect(await pool.verify(k.publicKey, message, signature)).toBe(true)
    const other = new VerifiedSignatures()
    expect(verify(k.publicKey, message, signature, other)).toBe(true)
    expect(pool.verified.size).toBe(1)
    expect(verify(k.publicKey, message, signature, pool.verified)).toBe(true)
    expect(pool.verified.size).toBe(0)
    await pool.close()
  })

  it('a message changed in place after the pool checked it is checked again', async () => {
    const k = generateKeyPair()
    const message = new TextEncoder().encode('mutable')
    const signature = sign(k.privateKey, message)
    expect(await pool.verify(k.publicKey, message, signature)).toBe(true)
    message[0] = 0x4d
    expect(verify(k.publicKey, message, signature, pool.verified)).toBe(false)
  })

  it('starts its workers at the first check, or before it when warmed', async () => {
    const lazy = new VerifyPool(2)
    expect(lazy.running).toBe(0)
    const k = generateKeyPair()
    const message = new TextEncoder().encode('warm')
    expect(await lazy.verify(k.publicKey, message, sign(k.privateKey, message))).toBe(true)
    expect(lazy.running).toBe(2)
    await lazy.close()
    const warm = new VerifyPool(2)
    warm.warm()
    expect(warm.running).toBe(2)
    warm.warm()
    expect(warm.running).toBe(2)
    expect(await warm.verify(k.publicKey, message, sign(k.privateKey, message))).toBe(true)
    await warm.close()
    expect(warm.running).toBe(0)
    warm.warm()
    expect(warm.running).toBe(0)
    const none = new VerifyPool(0)
    none.warm()
    expect(none.running).toBe(0)
  })

  it('with no workers it checks nothing and leaves the check to the caller', async () => {
    const none = new VerifyPool(0)
    const k = generateKeyPair()
    const message = new TextEncoder().encode('inline')
    expect(await none.verify(k.publicKey, message, sign(k.privateKey, message))).toBe(false)
    await none.close()
  })
})
