import type { Version } from '@consort/types'

export interface VersionedValue {
  value: Uint8Array
  version: Version
}

export interface HistoryEntry {
  txId: string
  value: Uint8Array
  isDelete: boolean
  blockNumber: number
  timestamp: number
}

/**
 * Committed world state as simulation reads it (the peer's ledger implements it; tests use
 * MemoryState). Keys of one contract live in its namespace.
 */
export interface StateReader {
  get(ns: string, key: string): Promise<VersionedValue | undefined>
  /** Keys in [start, end) in order, at most `limit`. */
  range(ns: string, start: string, end: string, limit: number): Promise<Array<{ key: string } & VersionedValue>>
  /** Committed writes of `key`, newest first, at most `limit`. */
  history(ns: string, key: string, limit: number): Promise<HistoryEntry[]>
}

/** World state in memory, for contract unit tests. `commit` applies writes as a block would. */
export class MemoryState implements StateReader {
  private readonly data = new Map<string, Map<string, VersionedValue>>()
  private readonly log = new Map<string, HistoryEntry[]>()

  async get(ns: string, key: string): Promise<VersionedValue | undefined> {
    return this.data.get(ns)?.get(key)
  }

  async range(ns: string, start: string, end: string, limit: number): Promise<Array<{ key: string } & VersionedValue>> {
    const keys = [...(this.data.get(ns)?.keys() ?? [])].filter((k) => k >= start && (end === '' || k < end)).sort()
    return keys.slice(0, limit).map((key) => ({ key, ...(this.data.get(ns)?.get(key) as VersionedValue) }))
  }

  async history(ns: string, key: string, limit: number): Promise<HistoryEntry[]> {
    return (this.log.get(`${ns}\u0000${key}`) ?? []).slice(-limit).reverse()
  }

  /** Applies a transaction's writes at (blockNum, txNum). */
  commit(
    ns: string,
    writes: readonly { key: string; isDelete: boolean; value: Uint8Array }[],
    at: { blockNum: number; txNum: number; txId: string; timestamp: number },
  ): void {
    let m = this.data.get(ns)
    if (m === undefined) this.data.set(ns, (m = new Map()))
    for (const w of writes) {
      if (w.isDelete) m.delete(w.key)
      else m.set(w.key, { value: w.value, version: { blockNum: at.blockNum, txNum: at.txNum } })
      const h = this.log.get(`${ns}\u0000${w.key}`) ?? []
      h.push({ txId: at.txId, value: w.value, isDelete: w.isDelete, blockNumber: at.blockNum, timestamp: at.timestamp })
      this.log.set(`${ns}\u0000${w.key}`, h)
    }
  }
}
