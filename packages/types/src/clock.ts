/** Milliseconds since the epoch, injected wherever a verdict depends on time. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A clock that moves only when told to, for tests and replays. */
export class ManualClock implements Clock {
  constructor(private ms = 0) {}
  now(): number {
    return this.ms
  }
  set(ms: number): void {
    this.ms = ms
  }
  advance(ms: number): void {
    this.ms += ms
  }
}

/** A timer a Scheduler handed out, to cancel it with `clear`. */
export type TimerHandle = { readonly timer: unknown }

/**
 * Timers and the monotonic time they run on, injected where behaviour must replay (the
 * orderer's Raft driver and block cutter): the system's in a node, a ManualScheduler in tests.
 */
export interface Scheduler {
  /** Monotonic milliseconds (performance.now()), for durations; a Clock gives wall time. */
  monotonic(): number
  setTimeout(fn: () => void, ms: number): TimerHandle
  setInterval(fn: () => void, ms: number): TimerHandle
  clear(handle: TimerHandle | undefined): void
  /** Runs `fn` soon, after the I/O of the current turn (setImmediate). */
  immediate(fn: () => void): void
}

export const systemScheduler: Scheduler = {
  monotonic: () => performance.now(),
  setTimeout: (fn, ms) => ({ timer: setTimeout(fn, ms) }),
  setInterval: (fn, ms) => ({ timer: setInterval(fn, ms) }),
  clear: (h) => {
    if (h !== undefined) clearTimeout(h.timer as NodeJS.Timeout)
  },
  immediate: (fn) => {
    setImmediate(fn)
  },
}

/**
 * A scheduler whose time moves only when told to: `advance(ms)` runs the timers that fall due,
 * in time order, and `runImmediates()` what was queued to run soon. Tests drive a node's timers
 * with it, so a schedule replays exactly.
 */
export class ManualScheduler implements Scheduler {
  private t = 0
  private seq = 0
  private readonly timers = new Map<number, { at: number; fn: () => void; every?: number }>()
  private queue: (() => void)[] = []

  monotonic(): number {
    return this.t
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = ++this.seq
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn })
    return { timer: id }
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    const id = ++this.seq
    const every = Math.max(1, ms)
    this.timers.set(id, { at: this.t + every, fn, every })
    return { timer: id }
  }

  clear(h: TimerHandle | undefined): void {
    if (h !== undefined) this.timers.delete(h.timer as number)
  }

  immediate(fn: () => void): void {
    this.queue.push(fn)
  }

  /** How many functions are queued to run soon. */
  get pending(): number {
    return this.queue.length
  }

  /** Runs what is queued to run soon, and what that queues, up to `limit` calls; how many ran. */
  runImmediates(limit = 100_000): number {
    let ran = 0
    while (this.queue.length > 0 && ran < limit) {
      const batch = this.queue
      this.queue = []
      for (const fn of batch) {
        fn()
        ran++
      }
    }
    return ran
  }

  /** Moves time forward by `ms`, running each timer that falls due at its time (earliest first, then by creation). */
  advance(ms: number): void {
    const end = this.t + ms
    for (;;) {
      let next: [number, { at: number; fn: () => void; every?: number }] | undefined
      for (const e of this.timers) if (e[1].at <= end && (next === undefined || e[1].at < next[1].at)) next = e
      if (next === undefined) break
      const [id, timer] = next
      this.t = timer.at
      if (timer.every !== undefined) timer.at += timer.every
      else this.timers.delete(id)
      timer.fn()
    }
    this.t = end
  }
}
