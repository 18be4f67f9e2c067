import { invariant } from './errors.js'
import type { Entry, Snapshot } from './types.js'

/**
 * Entries and a snapshot that Raft holds but the application has not yet persisted.
 * `offset` is the index of entries[0].
 */
export class Unstable {
  snapshot: Snapshot | undefined
  entries: Entry[] = []

  constructor(public offset: number) {}

  maybeFirstIndex(): number | undefined {
    return this.snapshot === undefined ? undefined : this.snapshot.metadata.index + 1
  }

  maybeLastIndex(): number | undefined {
    if (this.entries.length > 0) return this.offset + this.entries.length - 1
    return this.snapshot?.metadata.index
  }

  maybeTerm(i: number): number | undefined {
    if (i < this.offset) {
      return this.snapshot !== undefined && this.snapshot.metadata.index === i ? this.snapshot.metadata.term : undefined
    }
    const last = this.maybeLastIndex()
    if (last === undefined || i > last) return undefined
    return this.entries[i - this.offset]?.term
  }

  /** The application persisted entries up to (i, t): drop them from here. */
  stableTo(i: number, t: number): void {
    const gt = this.maybeTerm(i)
    // Only if the entry is still ours: a newer leader may have replaced it meanwhile.
    if (gt === t && i >= this.offset) {
      this.entries = this.entries.slice(i + 1 - this.offset)
      this.offset = i + 1
    }
  }

  stableSnapTo(i: number): void {
    if (this.snapshot !== undefined && this.snapshot.metadata.index === i) this.snapshot = undefined
  }

  restore(s: Snapshot): void {
    this.offset = s.metadata.index + 1
    this.entries = []
    this.snapshot = s
  }

  truncateAndAppend(ents: Entry[]): void {
    const after = (ents[0] as Entry).index
    if (after === this.offset + this.entries.length) {
      this.entries = this.entries.concat(ents)
    } else if (after <= this.offset) {
      // Replaces everything unstable (and, from the storage's view, its suffix).
      this.offset = after
      this.entries = ents.slice()
    } else {
      this.entries = this.entries.slice(0, after - this.offset).concat(ents)
    }
  }

  slice(lo: number, hi: number): Entry[] {
    invariant(lo >= this.offset && hi <= this.offset + this.entries.length && lo <= hi, 'unstable slice out of bounds', {
      lo,
      hi,
      offset: this.offset,
      length: this.entries.length,
    })
    return this.entries.slice(lo - this.offset, hi - this.offset)
  }
}
