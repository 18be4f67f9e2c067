import { RaftError, RaftErrorCode, invariant } from './errors.js'
import { emptySnapshot, entrySize } from './types.js'
import type { ConfState, Entry, HardState, Snapshot } from './types.js'

/**
 * The log as Raft reads it. Raft never writes to it: the application persists what a
 * Ready hands it (into this storage or one it rebuilds from disk) before calling advance.
 */
export interface Storage {
  initialState(): { hardState: HardState; confState: ConfState }
  /** Entries in [lo, hi), at least one if any, at most about maxSize bytes. */
  entries(lo: number, hi: number, maxSize?: number): Entry[]
  /** Term of entry i; i may be firstIndex()-1 (the snapshot's). */
  term(i: number): number
  lastIndex(): number
  firstIndex(): number
  snapshot(): Snapshot
}

/** Keeps the first entry and stops before the one that would exceed maxSize. */
export function limitSize(entries: Entry[], maxSize: number | undefined): Entry[] {
  if (maxSize === undefined || entries.length === 0) return entries
  let size = entrySize(entries[0] as Entry)
  let n = 1
  for (; n < entries.length; n++) {
    size += entrySize(entries[n] as Entry)
    if (size > maxSize) break
  }
  return n === entries.length ? entries : entries.slice(0, n)
}

/**
 * Storage in memory, the shape of etcd's MemoryStorage: entries after the latest snapshot,
 * preceded by a dummy entry that records the snapshot's index and term. The orderer
 * rebuilds one from its LevelDB WAL at start; tests use it as their "disk".
 */
export class MemoryStorage implements Storage {
  private hardState: HardState = { term: 0, vote: 0, commit: 0 }
  private snap: Snapshot
  // ents[0] is the dummy entry: index and term of the snapshot.
  private ents: Entry[]

  constructor(confState: ConfState = { voters: [], learners: [] }) {
    this.snap = emptySnapshot()
    this.snap.metadata.confState = { voters: [...confState.voters], learners: [...confState.learners] }
    this.ents = [{ term: 0, index: 0, type: 'EntryNormal', data: new Uint8Array(0) }]
  }

  initialState(): { hardState: HardState; confState: ConfState } {
    return { hardState: { ...this.hardState }, confState: this.snap.metadata.confState }
  }

  setHardState(hs: HardState): void {
    this.hardState = { ...hs }
  }

  hardStateNow(): HardState {
    return { ...this.hardState }
  }

  entries(lo: number, hi: number, maxSize?: number): Entry[] {
    const offset = this.dummy.index
    if (lo <= offset) throw new RaftError(RaftErrorCode.COMPACTED, 'entries compacted', { lo, firstIndex: offset + 1 })
    if (hi > this.lastIndex() + 1) {
      throw new RaftError(RaftErrorCode.UNAVAILABLE, 'entries beyond the log', { hi, lastIndex: this.lastIndex() })
    }
    return limitSize(this.ents.slice(lo - offset, hi - offset), maxSize)
  }

  term(i: number): number {
    const offset = this.dummy.index
    if (i < offset) throw new RaftError(RaftErrorCode.COMPACTED, 'term of a compacted entry', { index: i, firstIndex: offset + 1 })
    if (i - offset >= this.ents.length) throw new RaftError(RaftErrorCode.UNAVAILABLE, 'term beyond the log', { index: i })
    return (this.ents[i - offset] as Entry).term
  }

  lastIndex(): number {
    return this.dummy.index + this.ents.length - 1
  }

  firstIndex(): number {
    return this.dummy.index + 1
  }

  snapshot(): Snapshot {
    return this.snap
  }

  /** Replaces the log with a snapshot received from the leader. */
  applySnapshot(snap: Snapshot): void {
    if (snap.metadata.index <= this.snap.metadata.index) {
      throw new RaftError(RaftErrorCode.SNAPSHOT_OUT_OF_DATE, 'snapshot is older than the one held', {
        index: snap.metadata.index,
        held: this.snap.metadata.index,
      })
    }
    this.snap = snap
    this.ents = [{ term: snap.metadata.term, index: snap.metadata.index, type: 'EntryNormal', data: new Uint8Array(0) }]
  }

  /** Records the application's snapshot at applied index i (i must be in the log). */
  createSnapshot(i: number, confState: ConfState, data: Uint8Array): Snapshot {
    if (i <= this.snap.metadata.index) {
      throw new RaftError(RaftErrorCode.SNAPSHOT_OUT_OF_DATE, 'snapshot index not newer than the held one', {
        index: i,
        held: this.snap.metadata.index,
      })
    }
    invariant(i <= this.lastIndex(), 'snapshot index beyond the log', { index: i, lastIndex: this.lastIndex() })
    this.snap = {
      data,
      metadata: { index: i, term: this.term(i), confState: { voters: [...confState.voters], learners: [...confState.learners] } },
    }
    return this.snap
  }

  /** Drops entries up to and including `compactIndex`, which must not exceed the snapshot's index. */
  compact(compactIndex: number): void {
    const offset = this.dummy.index
    if (compactIndex <= offset) return
    invariant(compactIndex <= this.lastIndex(), 'compaction beyond the log', { compactIndex, lastIndex: this.lastIndex() })
    const i = compactIndex - offset
    const dummy = this.ents[i] as Entry
    this.ents = [{ term: dummy.term, index: dummy.index, type: 'EntryNormal', data: new Uint8Array(0) }, ...this.ents.slice(i + 1)]
  }

  /** Appends entries, replacing any conflicting suffix; entries before the snapshot are ignored. */
  append(entries: Entry[]): void {
    if (entries.length === 0) return
    const first = this.firstIndex()
    const last = (entries[entries.length - 1] as Entry).index
    if (last < first) return
    if (first > (entries[0] as Entry).index) entries = entries.slice(first - (entries[0] as Entry).index)
    const offset = (entries[0] as Entry).index - this.dummy.index
    invariant(offset <= this.ents.length, 'gap in appended entries', { first: (entries[0] as Entry).index, lastIndex: this.lastIndex() })
    this.ents = this.ents.slice(0, offset).concat(entries)
  }

  private get dummy(): Entry {
    return this.ents[0] as Entry
  }
}
