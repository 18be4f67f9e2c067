import { describe, expect, it } from 'vitest'
import { BlockCutter } from '../../src/index.js'

const env = (size: number, txId = `t${size}-${Math.random()}`) => ({ bytes: new Uint8Array(size), txId })
const batch = { maxMessageCount: 3, preferredMaxBytes: 100, absoluteMaxBytes: 1000, batchTimeoutMs: 50 }

describe('BlockCutter', () => {
  it('cuts at maxMessageCount', () => {
    const c = new BlockCutter(batch)
    expect(c.ordered(env(10))).toEqual([])
    expect(c.ordered(env(10))).toEqual([])
    const out = c.ordered(env(10))
    expect(out).toHaveLength(1)
    expect(out[0]).toHaveLength(3)
    expect(c.pendingCount).toBe(0)
  })

  it('cuts before an envelope that would pass preferredMaxBytes', () => {
    const c = new BlockCutter(batch)
    c.ordered(env(60))
    const out = c.ordered(env(50))
    expect(out.map((b) => b.map((e) => e.bytes.byteLength))).toEqual([[60]])
    expect(c.pendingCount).toBe(1)
  })

  it('puts an oversized envelope in a batch of its own, after cutting what was pending', () => {
    const c = new BlockCutter(batch)
    c.ordered(env(10))
    const out = c.ordered(env(150))
    expect(out.map((b) => b.map((e) => e.bytes.byteLength))).toEqual([[10], [150]])
    expect(c.pendingCount).toBe(0)
  })

  it('cut() returns what is pending (the batch timeout path) and empties it', () => {
    const c = new BlockCutter(batch)
    c.ordered(env(10))
    c.ordered(env(20))
    expect(c.cut().map((e) => e.bytes.byteLength)).toEqual([10, 20])
    expect(c.cut()).toEqual([])
  })
})
