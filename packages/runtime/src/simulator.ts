import type { ContractEvent, KVRead, KVWrite, NsReadWriteSet, RangeQueryInfo } from '@consort/types'
import { RuntimeError, RuntimeErrorCode } from './errors.js'
import type { HistoryEntry, StateReader } from './state.js'

const MAX_RANGE_RESULTS = 100_000
const MAX_HISTORY_RESULTS = 10_000
const COMPOSITE_PREFIX = '\u0000'
// Plain range queries skip the composite-key namespace, which starts at U+0000.
const FIRST_SIMPLE_KEY = '\u0001'

/**
 * Records what one simulation reads and writes, host-side where the contract cannot touch
 * it. Reads see committed state only (as in Fabric, not the transaction's own writes); the
 * version of every key read and the keys of every range read go into the read set.
 */
export class TxSimulator {
  private readonly reads = new Map<string, KVRead>()
  private readonly writes = new Map<string, KVWrite>()
  private readonly ranges: RangeQueryInfo[] = []
  private event: ContractEvent | undefined

  constructor(
    private readonly ns: string,
    readonly txId: string,
    private readonly state: StateReader,
  ) {}

  private checkKey(key: string, allowComposite = false): void {
    if (key === '' || (!allowComposite && key.startsWith(COMPOSITE_PREFIX) && key.length === 1)) {
      throw new RuntimeError(RuntimeErrorCode.BAD_KEY, 'keys must be non-empty strings', { key })
    }
  }

  async getState(key: string): Promise<Uint8Array> {
    this.checkKey(key, true)
    const v = await this.state.get(this.ns, key)
    if (!this.reads.has(key)) this.reads.set(key, v === undefined ? { key } : { key, version: v.version })
    return v?.value ?? new Uint8Array(0)
  }

  putState(key: string, value: Uint8Array): void {
    this.checkKey(key, true)
    this.writes.set(key, { key, isDelete: false, value })
  }

  deleteState(key: string): void {
    this.checkKey(key, true)
    this.writes.set(key, { key, isDelete: true, value: new Uint8Array(0) })
  }

  async getStateByRange(start: string, end: string, composite: boolean): Promise<Array<[string, Uint8Array]>> {
    const from = composite ? start : start === '' || start < FIRST_SIMPLE_KEY ? FIRST_SIMPLE_KEY : start
    const rows = await this.state.range(this.ns, from, end, MAX_RANGE_RESULTS)
    const reads: KVRead[] = rows.map((r) => ({ key: r.key, version: r.version }))
    // All matching keys were read: a phantom (a key added or removed in range) is detectable.
    this.ranges.push({ startKey: from, endKey: end, itrExhausted: rows.length < MAX_RANGE_RESULTS, reads })
    return rows.map((r) => [r.key, r.value])
  }

  async getHistoryForKey(key: string): Promise<HistoryEntry[]> {
    return this.state.history(this.ns, key, MAX_HISTORY_RESULTS)
  }

  setEvent(name: string, payload: Uint8Array): void {
    this.event = { contract: this.ns, txId: this.txId, name, payload }
  }

  /** The read/write set, sorted by key so every peer builds the same bytes. */
  result(): { rwset: NsReadWriteSet; events: ContractEvent[] } {
    const byKey = <T extends { key: string }>(m: Map<string, T>) => [...m.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    return {
      rwset: { namespace: this.ns, reads: byKey(this.reads), rangeQueries: this.ranges, writes: byKey(this.writes) },
      events: this.event === undefined ? [] : [this.event],
    }
  }
}
