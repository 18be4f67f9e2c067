/**
 * The leader's view of one follower, as in etcd-io/raft's tracker: how far its log
 * matches ours (`match`), what to send next (`next`), and how to send:
 * - Probe: one append at a time until we find where the logs agree;
 * - Replicate: pipelined appends, at most maxInflight unacknowledged;
 * - Snapshot: waiting for a snapshot to be installed.
 */
export type ProgressState = 'Probe' | 'Replicate' | 'Snapshot'

/** A bounded window of the last indexes of unacknowledged appends. */
export class Inflights {
  private readonly buffer: number[] = []

  constructor(readonly capacity: number) {}

  add(index: number): void {
    this.buffer.push(index)
  }

  /** Frees every append whose last index is <= `to`. */
  freeLE(to: number): void {
    let n = 0
    while (n < this.buffer.length && (this.buffer[n] as number) <= to) n++
    if (n > 0) this.buffer.splice(0, n)
  }

  full(): boolean {
    return this.buffer.length >= this.capacity
  }

  get count(): number {
    return this.buffer.length
  }

  reset(): void {
    this.buffer.length = 0
  }
}

export class Progress {
  match = 0
  next: number
  state: ProgressState = 'Probe'
  /** In Snapshot state: the index of the snapshot being sent. */
  pendingSnapshot = 0
  /** Heard from since the last CheckQuorum round. */
  recentActive = false
  /**
   * Sending appends is paused: in Probe, one is out and unanswered; in Replicate, the
   * in-flight window is full (etcd-io/raft's MsgAppFlowPaused). A heartbeat answer lifts it.
   */
  msgAppFlowPaused = false
  /** In Snapshot state: leader ticks since the snapshot went out. */
  snapshotTicks = 0
  readonly inflights: Inflights

  constructor(
    next: number,
    maxInflight: number,
    public isLearner: boolean,
  ) {
    this.next = next
    this.inflights = new Inflights(maxInflight)
  }

  private resetState(state: ProgressState): void {
    this.msgAppFlowPaused = false
    this.pendingSnapshot = 0
    this.snapshotTicks = 0
    this.state = state
    this.inflights.reset()
  }

  becomeProbe(): void {
    // After a snapshot, resume right after it even if the follower has not said so yet.
    if (this.state === 'Snapshot') {
      const pending = this.pendingSnapshot
      this.resetState('Probe')
      this.next = Math.max(this.match + 1, pending + 1)
    } else {
      this.resetState('Probe')
      this.next = this.match + 1
    }
  }

  becomeReplicate(): void {
    this.resetState('Replicate')
    this.next = this.match + 1
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.resetState('Snapshot')
    this.pendingSnapshot = snapshotIndex
  }

  /** An acknowledgement up to n; false if it told us nothing new. */
  maybeUpdate(n: number): boolean {
    let updated = false
    if (this.match < n) {
      this.match = n
      updated = true
      this.msgAppFlowPaused = false
    }
    this.next = Math.max(this.next, n + 1)
    return updated
  }

  /** In Replicate state we send optimistically, before the acknowledgement. */
  optimisticUpdate(n: number): void {
    this.next = n + 1
  }

  /**
   * The follower rejected an append at `rejected`; `matchHint` is where it thinks our logs
   * may agree. False if the rejection is stale.
   */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === 'Replicate') {
      if (rejected <= this.match) return false
      this.next = this.match + 1
      return true
    }
    if (this.next - 1 !== rejected) return false
    // Never below Match + 1: entries up to Match are known to agree.
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1)
    this.msgAppFlowPaused = false
    return true
  }

  isPaused(): boolean {
    switch (this.state) {
      case 'Probe':
      case 'Replicate':
        return this.msgAppFlowPaused
      case 'Snapshot':
        return true
    }
  }
}
