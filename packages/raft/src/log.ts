import { RaftError, RaftErrorCode, invariant } from './errors.js'
import { limitSize } from './storage.js'
import type { Storage } from './storage.js'
import { Unstable } from './unstable.js'
import type { Entry, Snapshot } from './types.js'

/** The log as Raft sees it: what the storage holds plus what is not yet persisted. */
export class RaftLog {
  readonly unstable: Unstable
  /** Highest index known to be committed. */
  committed: number
  /** Highest index the application has applied. */
  applied: number

  constructor(
    readonly storage: Storage,
    private readonly maxApplyingSize: number,
  ) {
    const first = storage.firstIndex()
    const last = storage.lastIndex()
    this.unstable = new Unstable(last + 1)
    // Everything up to the snapshot is committed and applied by definition.
    this.committed = first - 1
    this.applied = first - 1
  }

  firstIndex(): number {
    return this.unstable.maybeFirstIndex() ?? this.storage.firstIndex()
  }

  lastIndex(): number {
    return this.unstable.maybeLastIndex() ?? this.storage.lastIndex()
  }

  /** Term of entry i; 0 beyond the log; throws COMPACTED before it. */
  term(i: number): number {
    const dummy = this.firstIndex() - 1
    if (i < dummy) throw new RaftError(RaftErrorCode.COMPACTED, 'term of a compacted entry', { index: i, firstIndex: dummy + 1 })
    if (i > this.lastIndex()) return 0
    return this.unstable.maybeTerm(i) ?? this.storage.term(i)
  }

  termOrZero(i: number): number {
    try {
      return this.term(i)
    } catch (err) {
      if (err instanceof RaftError && (err.code === RaftErrorCode.COMPACTED || err.code === RaftErrorCode.UNAVAILABLE)) return 0
      throw err
    }
  }

  lastTerm(): number {
    return this.term(this.lastIndex())
  }

  matchTerm(i: number, t: number): boolean {
    if (i > this.lastIndex()) return false
    try {
      return this.term(i) === t
    } catch (err) {
      if (err instanceof RaftError && err.code === RaftErrorCode.COMPACTED) return false
      throw err
    }
  }

  /** Whether a candidate's log (last index and term) is at least as up to date as ours (§5.4.1). */
  isUpToDate(lastIndex: number, term: number): boolean {
    const ourTerm = this.lastTerm()
    return term > ourTerm || (term === ourTerm && lastIndex >= this.lastIndex())
  }

  /**
   * A leader's append: if our entry at `index` has `logTerm`, append `ents` (replacing a
   * conflicting suffix), advance the commit index, and return the new last index;
   * otherwise return undefined.
   */
  maybeAppend(index: number, logTerm: number, committed: number, ents: Entry[]): number | undefined {
    if (!this.matchTerm(index, logTerm)) return undefined
    const lastNew = index + ents.length
    const ci = this.findConflict(ents)
    if (ci !== 0) {
      invariant(ci > this.committed, 'entry conflicts with a committed entry', { conflict: ci, committed: this.committed })
      this.append(ents.slice(ci - (index + 1)))
    }
    this.commitTo(Math.min(committed, lastNew))
    return lastNew
  }

  append(ents: Entry[]): number {
    if (ents.length === 0) return this.lastIndex()
    const after = (ents[0] as Entry).index - 1
    invariant(after >= this.committed, 'append would overwrite committed entries', { after, committed: this.committed })
    this.unstable.truncateAndAppend(ents)
    return this.lastIndex()
  }

  /** Index of the first entry whose term differs from ours, or 0 if none (new entries only extend). */
  findConflict(ents: Entry[]): number {
    for (const e of ents) if (!this.matchTerm(e.index, e.term)) return e.index
    return 0
  }

  /**
   * The largest index <= `index` whose term is <= `term`, with that term: where a
   * follower's log and a leader's can next agree. Lets a rejected append skip a whole
   * term of mismatched entries at once (fast backtracking).
   */
  findConflictByTerm(index: number, term: number): { index: number; term: number } {
    for (; index > 0; index--) {
      let t: number
      try {
        t = this.term(index)
      } catch {
        return { index, term: 0 }
      }
      if (t <= term) return { index, term: t }
    }
    return { index: 0, term: 0 }
  }

  commitTo(toCommit: number): void {
    if (this.committed >= toCommit) return
    invariant(toCommit <= this.lastIndex(), 'commit index beyond the log; was the log lost?', {
      toCommit,
      lastIndex: this.lastIndex(),
    })
    this.committed = toCommit
  }

  /** Commits maxIndex if its entry is from `term`: only current-term entries commit by counting (§5.4.2). */
  maybeCommit(maxIndex: number, term: number): boolean {
    if (maxIndex > this.committed && this.termOrZero(maxIndex) === term) {
      this.commitTo(maxIndex)
      return true
    }
    return false
  }

  appliedTo(i: number): void {
    if (i === 0) return
    invariant(i <= this.committed && i >= this.applied, 'applied index out of range', {
      applied: i,
      previous: this.applied,
      committed: this.committed,
    })
    this.applied = i
  }

  stableTo(i: number, t: number): void {
    this.unstable.stableTo(i, t)
  }

  stableSnapTo(i: number): void {
    this.unstable.stableSnapTo(i)
  }

  unstableEntries(): Entry[] {
    return this.unstable.entries
  }

  hasNextCommittedEnts(): boolean {
    return this.committed > Math.max(this.applied, this.firstIndex() - 1)
  }

  nextCommittedEnts(): Entry[] {
    const off = Math.max(this.applied + 1, this.firstIndex())
    if (this.committed + 1 <= off) return []
    return this.slice(off, this.committed + 1, this.maxApplyingSize)
  }

  snapshot(): Snapshot {
    return this.unstable.snapshot ?? this.storage.snapshot()
  }

  /** Entries from i to the end, about maxSize bytes at most (at least one). */
  entries(i: number, maxSize?: number): Entry[] {
    if (i > this.lastIndex()) return []
    return this.slice(i, this.lastIndex() + 1, maxSize)
  }

  /** Entries in [lo, hi) across storage and unstable; throws COMPACTED if lo was compacted. */
  slice(lo: number, hi: number, maxSize?: number): Entry[] {
    const first = this.firstIndex()
    if (lo < first) throw new RaftError(RaftErrorCode.COMPACTED, 'entries compacted', { lo, firstIndex: first })
    invariant(hi <= this.lastIndex() + 1 && lo <= hi, 'slice out of bounds', { lo, hi, lastIndex: this.lastIndex() })
    if (lo === hi) return []
    let ents: Entry[] = []
    const offset = this.unstable.offset
    if (lo < offset) {
      ents = this.storage.entries(lo, Math.min(hi, offset), maxSize)
      // The storage stopped early (size limit): do not add unstable entries after a gap.
      if (ents.length < Math.min(hi, offset) - lo) return ents
    }
    if (hi > offset) {
      const tail = this.unstable.slice(Math.max(lo, offset), hi)
      ents = ents.length > 0 ? ents.concat(tail) : tail
    }
    return limitSize(ents, maxSize)
  }

  /** Replaces the log with a snapshot from the leader. */
  restore(s: Snapshot): void {
    this.committed = s.metadata.index
    this.unstable.restore(s)
  }
}
