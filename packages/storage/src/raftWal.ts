import { decodeEntry, decodeHardState, decodeSnapshot, encodeEntry, encodeHardState, encodeSnapshot, MemoryStorage } from '@consort/raft'
import type { ConfState, Entry, HardState, Snapshot } from '@consort/raft'
import { openDb, view } from './db.js'
import type { BatchOp, Db } from './db.js'
import { StorageError, StorageErrorCode } from './errors.js'
import { keyNumber, numberKey } from './keys.js'

const ENTRY = 0x65 // 'e' + index
const HARD_STATE = new Uint8Array([0x68]) // 'h'
const SNAPSHOT = new Uint8Array([0x73]) // 's'

/**
 * Raft's durable state in LevelDB: entries keyed by index, the hard state and the latest
 * snapshot. At open it is read back into a MemoryStorage, which Raft reads; every change
 * is written (atomically, synced when Raft says it must be) before it reaches the
 * MemoryStorage, so what Raft sees as stable is on disk.
 */
export class LevelRaftWal {
  private constructor(
    private readonly db: Db,
    readonly storage: MemoryStorage,
  ) {}

  /** Opens the WAL at `path`; a new one starts from `initialConfState` (the channel's consenters). */
  static async open(path: string, initialConfState: ConfState): Promise<LevelRaftWal> {
    const db = await openDb(path)
    const snapBytes = await db.get(SNAPSHOT)
    const storage = new MemoryStorage(initialConfState)
    if (snapBytes !== undefined) storage.applySnapshot(decodeSnapshot(view(snapBytes)))
    const entries: Entry[] = []
    for await (const value of db.values({ gte: numberKey(ENTRY, 0), lte: numberKey(ENTRY, Number.MAX_SAFE_INTEGER) })) {
      const e = decodeEntry(view(value))
      if (e.index > storage.snapshot().metadata.index) entries.push(e)
    }
    storage.append(entries)
    const hsBytes = await db.get(HARD_STATE)
    if (hsBytes !== undefined) storage.setHardState(decodeHardState(view(hsBytes)))
    return new LevelRaftWal(db, storage)
  }

  /** Persists what a Ready asks for, in one atomic batch; synced when `mustSync`. */
  async save(rd: { hardState?: HardState; entries: Entry[]; snapshot?: Snapshot; mustSync: boolean }): Promise<void> {
    const ops: BatchOp[] = []
    const st = this.storage
    if (rd.snapshot !== undefined) {
      // The snapshot replaces the whole log.
      for (let i = st.firstIndex(); i <= st.lastIndex(); i++) ops.push({ type: 'del', key: numberKey(ENTRY, i) })
      ops.push({ type: 'put', key: SNAPSHOT, value: encodeSnapshot(rd.snapshot) })
    }
    if (rd.entries.length > 0) {
      const first = (rd.entries[0] as Entry).index
      const last = (rd.entries[rd.entries.length - 1] as Entry).index
      for (const e of rd.entries) ops.push({ type: 'put', key: numberKey(ENTRY, e.index), value: encodeEntry(e) })
      // Entries after the new ones were replaced by a leader: they go in the same batch.
      const oldLast = rd.snapshot !== undefined ? rd.snapshot.metadata.index : st.lastIndex()
      for (let i = Math.max(last + 1, first); i <= oldLast; i++) ops.push({ type: 'del', key: numberKey(ENTRY, i) })
    }
    if (rd.hardState !== undefined) ops.push({ type: 'put', key: HARD_STATE, value: encodeHardState(rd.hardState) })
    if (ops.length > 0) await this.db.batch(ops, { sync: rd.mustSync || rd.snapshot !== undefined })
    if (rd.snapshot !== undefined) st.applySnapshot(rd.snapshot)
    st.append(rd.entries)
    if (rd.hardState !== undefined) st.setHardState(rd.hardState)
  }

  /**
   * Records the application's snapshot at applied index `index` and drops entries up to
   * `compactTo` (which stays at or below `index`; keeping a tail lets slow followers catch
   * up from the log rather than a snapshot).
   */
  async snapshotAndCompact(index: number, confState: ConfState, data: Uint8Array, compactTo: number): Promise<Snapshot> {
    const first = this.storage.firstIndex()
    const snap = this.storage.createSnapshot(index, confState, data)
    const upTo = Math.min(compactTo, index)
    const ops: BatchOp[] = [{ type: 'put', key: SNAPSHOT, value: encodeSnapshot(snap) }]
    for (let i = first; i <= upTo; i++) ops.push({ type: 'del', key: numberKey(ENTRY, i) })
    await this.db.batch(ops, { sync: true })
    this.storage.compact(upTo)
    return snap
  }

  /**
   * Sets the membership by hand, for a new cluster formed from what survives (a DR site promoted
   * after its active site was lost; no quorum of the old members exists to agree to a change): a
   * snapshot at `index` (an applied index in the log) with `confState`, and a hard state at
   * `term` that has voted for nobody. Entries after `index` stay: the new leader commits them.
   * On a WAL no node runs; reopen it afterwards.
   */
  async forceMembership(index: number, confState: ConfState, data: Uint8Array, term: number): Promise<void> {
    const st = this.storage
    if (index < st.snapshot().metadata.index || index > st.lastIndex()) {
      throw new StorageError(StorageErrorCode.CORRUPT, `index ${index} is not in the log (${st.snapshot().metadata.index}..${st.lastIndex()})`, { index })
    }
    const snap: Snapshot = { data, metadata: { index, term: st.term(index), confState } }
    const ops: BatchOp[] = [
      { type: 'put', key: SNAPSHOT, value: encodeSnapshot(snap) },
      { type: 'put', key: HARD_STATE, value: encodeHardState({ term, vote: 0, commit: index }) },
    ]
    for (let i = st.firstIndex(); i <= index; i++) ops.push({ type: 'del', key: numberKey(ENTRY, i) })
    await this.db.batch(ops, { sync: true })
  }

  /** Every record, as of this call (a LevelDB snapshot), for a backup (copyDb). */
  records(): AsyncIterable<[Uint8Array, Uint8Array]> {
    return this.db.iterator()
  }

  /** Entry indexes on disk, for tests and diagnostics. */
  async diskIndexes(): Promise<number[]> {
    const out: number[] = []
    for await (const key of this.db.keys({ gte: numberKey(ENTRY, 0), lte: numberKey(ENTRY, Number.MAX_SAFE_INTEGER) })) {
      out.push(keyNumber(view(key)))
    }
    return out
  }

  async close(): Promise<void> {
    await this.db.close()
  }
}
