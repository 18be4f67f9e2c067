import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { IdleGc, processProbe } from '../../src/idleGc.js'
import type { ProcessProbe } from '../../src/idleGc.js'

const MB = 1024 * 1024

/** A process whose CPU and heap the test moves by hand; a collection brings the heap to `live`. */
function fakeProcess(heap: number) {
  const p = { cpu: 0, heap, live: heap, collected: 0 }
  const probe: ProcessProbe = {
    cpuMicros: () => p.cpu,
    heapBytes: () => p.heap,
    collect: () => {
      p.collected++
      p.heap = p.live
    },
  }
  return { p, probe }
}

const opts = { intervalMs: 1000, quietCpuShare: 0.05, growthBytes: 32 * MB }

describe('IdleGc', () => {
  it('collects once when the process goes quiet after its heap grew, not while busy, and not again until it grows again', () => {
    const { p, probe } = fakeProcess(20 * MB)
    const gc = new IdleGc(probe, opts)
    /** One second in which the process used `cpuMicros` of CPU and its heap grew by `growth`: whether it collected. */
    const second = (cpuMicros: number, growth = 0) => {
      p.cpu += cpuMicros
      p.heap += growth
      return gc.tick(1000)
    }
    // A load round: half a core, the heap grows to 150 MB.
    for (let i = 0; i < 5; i++) expect(second(500_000, 26 * MB)).toBe(false)
    // Quiet (1 % of a core): one collection.
    expect(second(10_000)).toBe(true)
    expect(p.collected).toBe(1)
    expect(p.heap).toBe(20 * MB)
    // Still quiet, heap unchanged: nothing more.
    for (let i = 0; i < 10; i++) expect(second(10_000)).toBe(false)
    // A little growth (below the threshold) while quiet: nothing.
    expect(second(10_000, 8 * MB)).toBe(false)
    // Another round, then quiet again: a second collection.
    expect(second(900_000, 60 * MB)).toBe(false)
    expect(second(0)).toBe(true)
    expect(p.collected).toBe(2)
  })

  it('measures CPU as a share of the elapsed time', () => {
    const { p, probe } = fakeProcess(0)
    const gc = new IdleGc(probe, opts)
    p.heap = 100 * MB
    // 400 ms of CPU over 10 s is 4 % of a core: quiet.
    p.cpu += 400_000
    expect(gc.tick(10_000)).toBe(true)
  })

  it('takes a heap V8 shrank by itself as the new mark', () => {
    const { p, probe } = fakeProcess(100 * MB)
    const gc = new IdleGc(probe, opts)
    p.heap = 30 * MB
    expect(gc.tick(1000)).toBe(false)
    p.heap = 70 * MB
    expect(gc.tick(1000)).toBe(true)
  })
})

describe('processProbe', () => {
  it('collects garbage, and leaves no gc global to contexts made afterwards', () => {
    const probe = processProbe()
    expect(runInNewContext('typeof gc')).toBe('undefined')
    // Garbage, made in a function so that nothing refers to it once it returns.
    const litter = () => Array.from({ length: 200_000 }, (_, i) => ({ i, s: `item ${i}` })).length
    expect(litter()).toBe(200_000)
    const before = probe.heapBytes()
    probe.collect()
    expect(probe.heapBytes()).toBeLessThan(before)
    expect(probe.cpuMicros()).toBeGreaterThan(0)
  })
})
