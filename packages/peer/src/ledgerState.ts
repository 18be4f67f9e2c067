import type { HistoryEntry, StateReader, VersionedValue } from '@consort/runtime'
import type { LevelLedger } from '@consort/storage'

/** The ledger's committed world state as the contract runtime reads it. */
export class LedgerStateReader implements StateReader {
  constructor(private readonly ledger: LevelLedger) {}

  get(ns: string, key: string): Promise<VersionedValue | undefined> {
    return this.ledger.getState(ns, key)
  }

  range(ns: string, start: string, end: string, limit: number): Promise<Array<{ key: string } & VersionedValue>> {
    return this.ledger.range(ns, start, end, limit)
  }

  async history(ns: string, key: string, limit: number): Promise<HistoryEntry[]> {
    return (await this.ledger.history(ns, key, limit)).map((h) => ({
      txId: h.txId,
      value: h.value,
      isDelete: h.isDelete,
      blockNumber: h.blockNumber,
      timestamp: h.timestamp,
    }))
  }
}
