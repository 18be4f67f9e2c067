import type { RaftConfig, RaftModules } from './config.js'
import { RaftError, RaftErrorCode } from './errors.js'
import { Raft } from './raft.js'
import { EMPTY_BYTES, encodeConfChange, isLocalMessage, isResponseMessage, message } from './types.js'
import type { ConfChange, ConfState, Entry, HardState, Message, Ready, SoftState } from './types.js'

/** The scalars a driver reads on its hot path (etcd-io/raft's BasicStatus): no copies of the membership. */
export interface BasicStatus {
  id: number
  /** The current term. */
  term: number
  /** Highest index known committed. */
  commit: number
  applied: number
  /** The last index in the log, stable or not. */
  lastIndex: number
  /** Leader: the node leadership is being transferred to (0 when none). */
  leadTransferee: number
}

/** What a driver may know of its Raft node: a copy, taken when status() is called. */
export interface Status extends BasicStatus {
  hardState: HardState
  softState: SoftState
  confState: ConfState
  /** Leader only: each peer's match and next index. */
  progress: Map<number, { match: number; next: number; state: string; isLearner: boolean }>
}

function hardStateEqual(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit
}

/**
 * The application's handle on Raft (etcd-io/raft's RawNode). The loop that drives it:
 *
 *   on timer: node.tick()
 *   on message from a peer: node.step(msg)
 *   while (node.hasReady()) {
 *     const rd = node.ready()
 *     persist rd.hardState, rd.entries, rd.snapshot (fsync if rd.mustSync)
 *     send rd.messages
 *     apply rd.snapshot, then rd.committedEntries (applyConfChange for conf-change entries)
 *     node.advance()
 *   }
 */
export class RawNode {
  /**
   * The state machine itself, for this package's tests and simulation checker only: a driver
   * reads status() (ESLint refuses `node.raft` outside packages/raft).
   */
  readonly raft: Raft
  private prevSoft: SoftState
  private prevHard: HardState
  private pending: Ready | undefined

  constructor(config: RaftConfig, modules: RaftModules) {
    this.raft = new Raft(config, modules)
    this.prevSoft = this.raft.softState()
    this.prevHard = this.raft.hardState()
  }

  tick(): void {
    this.raft.tick()
  }

  /** Starts an election now (subject to PreVote), as if the election timeout had passed. */
  campaign(): void {
    this.raft.step(message({ type: 'MsgHup', from: this.raft.id }))
  }

  /** Proposes data to be appended; throws RaftError NOT_LEADER (meta.leader) on a non-leader. */
  propose(data: Uint8Array): void {
    this.raft.step(message({ type: 'MsgProp', from: this.raft.id, entries: [{ term: 0, index: 0, type: 'EntryNormal', data }] }))
  }

  /** Proposes several entries in one step (one append, one broadcast). */
  proposeBatch(data: Uint8Array[]): void {
    if (data.length === 0) return
    this.raft.step(
      message({
        type: 'MsgProp',
        from: this.raft.id,
        entries: data.map((d) => ({ term: 0, index: 0, type: 'EntryNormal' as const, data: d })),
      }),
    )
  }

  /**
   * Proposes a membership change: one voter or learner added or removed at a time, refused
   * (CONF_CHANGE_PENDING) while another is in flight. When its entry commits, decode it
   * with decodeConfChange and pass it to applyConfChange.
   */
  proposeConfChange(change: ConfChange): void {
    this.raft.step(
      message({
        type: 'MsgProp',
        from: this.raft.id,
        entries: [{ term: 0, index: 0, type: 'EntryConfChange', data: encodeConfChange(change) }],
      }),
    )
  }

  applyConfChange(cc: ConfChange): ConfState {
    return this.raft.applyConfChange(cc)
  }

  /** Hands leadership to `to` once its log is current (TimeoutNow); call on any node. */
  transferLeadership(to: number): void {
    this.raft.step(message({ type: 'MsgTransferLeader', from: to, context: EMPTY_BYTES }))
  }

  /** Feeds a message from a peer. Local-only message types and unknown responders are refused. */
  step(m: Message): void {
    if (isLocalMessage(m.type)) {
      throw new RaftError(RaftErrorCode.STEP_LOCAL_MSG, `${m.type} cannot come from the network`, { type: m.type, from: m.from })
    }
    if (isResponseMessage(m.type) && !this.raft.prs.has(m.from)) {
      throw new RaftError(RaftErrorCode.STEP_PEER_NOT_FOUND, `response from ${m.from}, which is not a member`, {
        type: m.type,
        from: m.from,
      })
    }
    this.raft.step(m)
  }

  reportUnreachable(id: number): void {
    this.raft.step(message({ type: 'MsgUnreachable', from: id }))
  }

  reportSnapshot(id: number, failed: boolean): void {
    this.raft.step(message({ type: 'MsgSnapStatus', from: id, reject: failed }))
  }

  hasReady(): boolean {
    const r = this.raft
    if (r.msgs.length > 0) return true
    const soft = r.softState()
    if (soft.lead !== this.prevSoft.lead || soft.role !== this.prevSoft.role || soft.term !== this.prevSoft.term) return true
    if (!hardStateEqual(r.hardState(), this.prevHard)) return true
    if (r.log.unstable.snapshot !== undefined) return true
    if (r.log.unstableEntries().length > 0) return true
    return r.log.hasNextCommittedEnts()
  }

  /** What to persist, send and apply now. Call advance() when done with it. */
  ready(): Ready {
    const r = this.raft
    const soft = r.softState()
    const hard = r.hardState()
    const entries = r.log.unstableEntries().slice()
    const rd: Ready = {
      entries,
      committedEntries: r.log.nextCommittedEnts(),
      messages: r.msgs,
      mustSync: entries.length > 0 || hard.term !== this.prevHard.term || hard.vote !== this.prevHard.vote,
    }
    r.msgs = []
    if (soft.lead !== this.prevSoft.lead || soft.role !== this.prevSoft.role || soft.term !== this.prevSoft.term) {
      rd.softState = soft
    }
    if (!hardStateEqual(hard, this.prevHard)) rd.hardState = hard
    if (r.log.unstable.snapshot !== undefined) rd.snapshot = r.log.unstable.snapshot
    this.pending = rd
    return rd
  }

  /** The last Ready has been persisted, sent and applied. */
  advance(): void {
    const rd = this.pending
    if (rd === undefined) return
    this.pending = undefined
    const r = this.raft
    if (rd.softState !== undefined) this.prevSoft = rd.softState
    if (rd.hardState !== undefined) this.prevHard = rd.hardState
    if (rd.snapshot !== undefined) r.log.stableSnapTo(rd.snapshot.metadata.index)
    if (rd.entries.length > 0) {
      const last = rd.entries[rd.entries.length - 1] as Entry
      r.log.stableTo(last.index, last.term)
    }
    if (rd.snapshot !== undefined) r.log.appliedTo(rd.snapshot.metadata.index)
    if (rd.committedEntries.length > 0) {
      r.log.appliedTo((rd.committedEntries[rd.committedEntries.length - 1] as Entry).index)
    }
  }

  /** Term, commit, applied and last index: cheap, for every Ready round and every proposal. */
  basicStatus(): BasicStatus {
    const r = this.raft
    return { id: r.id, term: r.term, commit: r.log.committed, applied: r.log.applied, lastIndex: r.log.lastIndex(), leadTransferee: r.leadTransferee }
  }

  /** Everything a driver may know, the membership and (on a leader) each peer's progress included. */
  status(): Status {
    const r = this.raft
    const progress = new Map<number, { match: number; next: number; state: string; isLearner: boolean }>()
    if (r.state === 'Leader') {
      for (const [id, pr] of r.prs) progress.set(id, { match: pr.match, next: pr.next, state: pr.state, isLearner: pr.isLearner })
    }
    const hardState = r.hardState()
    return {
      id: r.id,
      hardState,
      softState: r.softState(),
      term: hardState.term,
      commit: hardState.commit,
      applied: r.log.applied,
      lastIndex: r.log.lastIndex(),
      confState: r.confState(),
      progress,
      leadTransferee: r.leadTransferee,
    }
  }

  get id(): number {
    return this.raft.id
  }

  get isLeader(): boolean {
    return this.raft.state === 'Leader'
  }
}
