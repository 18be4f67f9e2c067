import type { BatchConfig } from '@consort/types'

export interface PendingEnvelope {
  bytes: Uint8Array
  txId: string
}

/**
 * Groups envelopes into batches as Fabric's block cutter does: a batch is cut when it
 * reaches `maxMessageCount` envelopes, or when the next envelope would take it past
 * `preferredMaxBytes`; an envelope larger than that goes in a batch of its own. The
 * batch timeout is the caller's: it calls cut() when the first pending envelope is
 * `batchTimeoutMs` old.
 */
export class BlockCutter {
  private pending: PendingEnvelope[] = []
  private pendingBytes = 0

  constructor(private readonly batch: BatchConfig) {}

  get pendingCount(): number {
    return this.pending.length
  }

  /** Adds an envelope; returns the batches that are now complete (zero, one or two). */
  ordered(env: PendingEnvelope): PendingEnvelope[][] {
    const batches: PendingEnvelope[][] = []
    const size = env.bytes.byteLength
    if (size > this.batch.preferredMaxBytes) {
      if (this.pending.length > 0) batches.push(this.cut())
      batches.push([env])
      return batches
    }
    if (this.pendingBytes + size > this.batch.preferredMaxBytes && this.pending.length > 0) batches.push(this.cut())
    this.pending.push(env)
    this.pendingBytes += size
    if (this.pending.length >= this.batch.maxMessageCount) batches.push(this.cut())
    return batches
  }

  cut(): PendingEnvelope[] {
    const out = this.pending
    this.pending = []
    this.pendingBytes = 0
    return out
  }
}
