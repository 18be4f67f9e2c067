// A node that has just served a load round holds its garbage: V8 collects the old generation
// when allocation pushes it to its limit, and an idle process allocates almost nothing, so
// the heap it grew under load (and the memory behind it) stays committed for as long as
// the node is quiet: 250-370 MB of RSS on a peer 30 s after a round, of which 25 MB of heap
// was live (bench/RESULTS.md, 2026-12-03). This collects once when the process goes quiet
// after its heap grew.
import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export interface IdleGcOptions {
  /** How often the process is looked at (ms). */
  intervalMs: number
  /** Quiet: less CPU than this share of one core over the last interval. */
  quietCpuShare: number
  /** Collect only once the committed heap is this much larger than after the last collection. */
  growthBytes: number
}

export const IDLE_GC_DEFAULTS: IdleGcOptions = { intervalMs: 5000, quietCpuShare: 0.05, growthBytes: 32 * 1024 * 1024 }

/** What the collector reads and does; `processProbe()` is this process's. */
export interface ProcessProbe {
  /** CPU time used by the process so far (µs). */
  cpuMicros(): number
  /** The heap V8 holds committed (bytes). */
  heapBytes(): number
  /** A full collection. */
  collect(): void
}

/**
 * Decides, at each interval, whether to collect: the process was quiet over the interval and
 * its committed heap grew by `growthBytes` since the last collection (or since the start).
 * At most one collection per quiet period: the heap must grow again before the next.
 */
export class IdleGc {
  private lastCpu: number
  private baseline: number

  constructor(
    private readonly probe: ProcessProbe,
    private readonly opts: IdleGcOptions = IDLE_GC_DEFAULTS,
  ) {
    this.lastCpu = probe.cpuMicros()
    this.baseline = probe.heapBytes()
  }

  /** One look, `elapsedMs` after the previous one; true if it collected. */
  tick(elapsedMs: number): boolean {
    const cpu = this.probe.cpuMicros()
    const share = (cpu - this.lastCpu) / 1000 / elapsedMs
    this.lastCpu = cpu
    const heap = this.probe.heapBytes()
    // A heap that shrank by itself (V8 collected under load) lowers the mark.
    this.baseline = Math.min(this.baseline, heap)
    if (share >= this.opts.quietCpuShare || heap - this.baseline < this.opts.growthBytes) return false
    this.probe.collect()
    // What the collection itself cost is not the next interval's load.
    this.lastCpu = this.probe.cpuMicros()
    this.baseline = this.probe.heapBytes()
    return true
  }
}

/**
 * This process's probe. V8's `gc` function is taken from a fresh context while --expose-gc
 * is on, then the flag is turned off again at once: contexts made later (a contract's
 * isolated-vm realm among them) get no `gc` global.
 */
export function processProbe(): ProcessProbe {
  let collect = (globalThis as { gc?: () => void }).gc
  if (collect === undefined) {
    setFlagsFromString('--expose-gc')
    try {
      collect = runInNewContext('gc') as () => void
    } finally {
      setFlagsFromString('--no-expose-gc')
    }
  }
  const gc = collect
  return {
    cpuMicros: () => {
      const u = process.cpuUsage()
      return u.user + u.system
    },
    heapBytes: () => getHeapStatistics().total_heap_size,
    collect: () => gc(),
  }
}

/**
 * Starts looking every `intervalMs` (an unref'd timer); `collected` hears the committed heap
 * before and after each collection. Returns the stop function.
 */
export function startIdleGc(
  collected: (beforeBytes: number, afterBytes: number) => void = () => undefined,
  opts: IdleGcOptions = IDLE_GC_DEFAULTS,
  probe: ProcessProbe = processProbe(),
): () => void {
  const gc = new IdleGc(probe, opts)
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    const before = probe.heapBytes()
    if (gc.tick(now - last)) collected(before, probe.heapBytes())
    last = now
  }, opts.intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
