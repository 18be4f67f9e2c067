import { randomInt } from '@consort/types'
import type { Logger, Rng } from '@consort/types'
import { resolveConfig } from './config.js'
import type { RaftConfig, RaftModules, ResolvedConfig } from './config.js'
import { RaftError, RaftErrorCode, invariant } from './errors.js'
import { RaftLog } from './log.js'
import { Progress } from './progress.js'
import { decodeConfChange, EMPTY_BYTES, NONE, message } from './types.js'
import type { ConfChange, ConfState, Entry, HardState, Message, MessageType, Snapshot, SoftState, StateType } from './types.js'

/** Marks a vote request sent on a leader's instruction (TimeoutNow): voters skip their lease check. */
const CAMPAIGN_TRANSFER = new TextEncoder().encode('CampaignTransfer')

type CampaignType = 'preElection' | 'election' | 'transfer'
type VoteResult = 'won' | 'lost' | 'pending'

function isTransferContext(ctx: Uint8Array): boolean {
  if (ctx.byteLength !== CAMPAIGN_TRANSFER.byteLength) return false
  for (let i = 0; i < ctx.byteLength; i++) if (ctx[i] !== CAMPAIGN_TRANSFER[i]) return false
  return true
}

/**
 * The Raft state machine (Ongaro's thesis, in the shape of etcd-io/raft). Synchronous and
 * deterministic: ticks and messages go in, outgoing messages collect in `msgs`, state
 * changes are read by RawNode into a Ready. Nothing here reads a clock, a socket or a disk.
 */
export class Raft {
  readonly id: number
  term = 0
  vote = NONE
  lead = NONE
  state: StateType = 'Follower'
  readonly log: RaftLog
  readonly prs = new Map<number, Progress>()
  /** Messages to send, drained by RawNode.ready(). */
  msgs: Message[] = []
  /** Leader only: the node we are handing leadership to. */
  leadTransferee = NONE
  /** Index of the latest membership change in the log; one may be in flight at a time. */
  pendingConfIndex = 0

  private readonly votes = new Map<number, boolean>()
  private electionElapsed = 0
  private heartbeatElapsed = 0
  private randomizedElectionTimeout = 0
  /** The transport reported our leader gone: until we hear from a leader, elections retry within a few ticks (see tickElection). */
  private leaderLost = false
  /** The leader the transport last reported gone (see succession()). */
  private lostLeader = NONE
  private retryTicks = 1
  /**
   * The latest pre-vote ignored because we still heard from our leader (see step). Answered
   * if the transport then reports that leader gone; forgotten when the leader is heard again.
   */
  private ignoredPreVote: Message | undefined
  private readonly cfg: ResolvedConfig
  private readonly rng: Rng
  private readonly logger: Logger

  constructor(config: RaftConfig, modules: RaftModules) {
    this.cfg = resolveConfig(config)
    this.id = this.cfg.id
    this.rng = modules.rng
    this.logger = modules.logger
    this.log = new RaftLog(this.cfg.storage, this.cfg.maxCommittedSizePerReady)
    const { hardState, confState } = this.cfg.storage.initialState()
    this.applyConfState(confState)
    if (hardState.term !== 0 || hardState.vote !== NONE || hardState.commit !== 0) this.loadHardState(hardState)
    if (this.cfg.applied > 0) this.log.appliedTo(this.cfg.applied)
    this.becomeFollower(this.term, NONE)
  }

  // ------------------------------------------------------------------ state

  hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.log.committed }
  }

  softState(): SoftState {
    return { lead: this.lead, role: this.state, term: this.term }
  }

  confState(): ConfState {
    const voters: number[] = []
    const learners: number[] = []
    for (const [id, pr] of this.prs) (pr.isLearner ? learners : voters).push(id)
    return { voters: voters.sort((a, b) => a - b), learners: learners.sort((a, b) => a - b) }
  }

  /** Whether this node may become leader: it is a voter. */
  promotable(): boolean {
    const pr = this.prs.get(this.id)
    return pr !== undefined && !pr.isLearner
  }

  private loadHardState(hs: HardState): void {
    invariant(hs.commit >= this.log.committed && hs.commit <= this.log.lastIndex(), 'hard state commit outside the log', {
      commit: hs.commit,
      committed: this.log.committed,
      lastIndex: this.log.lastIndex(),
    })
    this.log.committed = hs.commit
    this.term = hs.term
    this.vote = hs.vote
  }

  private voterIds(): number[] {
    const ids: number[] = []
    for (const [id, pr] of this.prs) if (!pr.isLearner) ids.push(id)
    return ids
  }

  /**
   * The order in which voters campaign when the leader `lostLeader` is gone: the voters after
   * it in id order, wrapping around, without it.
   */
  private succession(): number[] {
    const ids = this.voterIds()
      .filter((v) => v !== this.lostLeader)
      .sort((a, b) => a - b)
    const after = ids.findIndex((v) => v > this.lostLeader)
    return after <= 0 ? ids : [...ids.slice(after), ...ids.slice(0, after)]
  }

  /** Whether `a` comes before `b` in the succession (see succession()). */
  private precedes(a: number, b: number): boolean {
    const order = this.succession()
    const i = order.indexOf(a)
    return i >= 0 && i < order.indexOf(b)
  }

  private quorum(): number {
    return Math.floor(this.voterIds().length / 2) + 1
  }

  // ------------------------------------------------------------------ sending

  private send(m: Message): void {
    // A forwarded message keeps its original sender.
    if (m.from === NONE) m.from = this.id
    if (m.type === 'MsgVote' || m.type === 'MsgVoteResp' || m.type === 'MsgPreVote' || m.type === 'MsgPreVoteResp') {
      // Vote messages carry the term they are about, which may not be ours (PreVote).
      invariant(m.term !== 0, 'vote message without a term', { type: m.type })
    } else if (m.type !== 'MsgProp') {
      m.term = this.term
    }
    this.msgs.push(m)
  }

  /** Sends an append (or a snapshot) to `to` if its progress allows; true if something was sent. */
  private maybeSendAppend(to: number, sendIfEmpty: boolean): boolean {
    const pr = this.prs.get(to)
    if (pr === undefined || pr.isPaused()) return false
    let logTerm: number
    let ents: Entry[]
    try {
      logTerm = this.log.term(pr.next - 1)
      // With a full window only an empty append goes out: if every append in the window was
      // lost, its answer (an ack or a rejection) clears the window instead of stalling it.
      ents = pr.state === 'Replicate' && pr.inflights.full() ? [] : this.log.entries(pr.next, this.cfg.maxSizePerMsg)
    } catch (err) {
      if (!(err instanceof RaftError) || err.code !== RaftErrorCode.COMPACTED) throw err
      return this.sendSnapshot(to, pr)
    }
    if (ents.length === 0 && !sendIfEmpty) return false
    this.send(message({ type: 'MsgApp', to, index: pr.next - 1, logTerm, entries: ents, commit: this.log.committed }))
    if (pr.state === 'Replicate') {
      if (ents.length > 0) {
        const last = (ents[ents.length - 1] as Entry).index
        pr.optimisticUpdate(last)
        pr.inflights.add(last)
      }
      pr.msgAppFlowPaused = pr.inflights.full()
    } else if (pr.state === 'Probe' && ents.length > 0) {
      pr.msgAppFlowPaused = true
    }
    return true
  }

  private sendSnapshot(to: number, pr: Progress): boolean {
    // Do not ship a snapshot to a node we have not heard from: it may be down.
    if (!pr.recentActive) return false
    let snapshot
    try {
      snapshot = this.log.snapshot()
    } catch (err) {
      if (err instanceof RaftError && err.code === RaftErrorCode.SNAPSHOT_TEMPORARILY_UNAVAILABLE) return false
      throw err
    }
    invariant(snapshot.metadata.index > 0, 'need a non-empty snapshot')
    this.logger.debug({ id: this.id, to, index: snapshot.metadata.index }, 'raft sending snapshot')
    pr.becomeSnapshot(snapshot.metadata.index)
    this.send(message({ type: 'MsgSnap', to, snapshot }))
    return true
  }

  private sendAppend(to: number): void {
    this.maybeSendAppend(to, true)
  }

  private bcastAppend(): void {
    for (const id of this.prs.keys()) if (id !== this.id) this.sendAppend(id)
  }

  private bcastHeartbeat(): void {
    for (const [id, pr] of this.prs) {
      if (id === this.id) continue
      // Never tell a follower to commit beyond what it is known to hold.
      this.send(message({ type: 'MsgHeartbeat', to: id, commit: Math.min(pr.match, this.log.committed) }))
    }
  }

  private sendTimeoutNow(to: number): void {
    this.send(message({ type: 'MsgTimeoutNow', to }))
  }

  // ------------------------------------------------------------------ role changes

  private reset(term: number): void {
    if (this.term !== term) {
      this.term = term
      this.vote = NONE
    }
    this.ignoredPreVote = undefined
    this.lead = NONE
    this.electionElapsed = 0
    this.heartbeatElapsed = 0
    this.randomizedElectionTimeout = this.cfg.electionTick + randomInt(this.rng, this.cfg.electionJitter)
    this.leadTransferee = NONE
    this.votes.clear()
    const last = this.log.lastIndex()
    for (const [id, pr] of this.prs) {
      const fresh = new Progress(last + 1, this.cfg.maxInflightMsgs, pr.isLearner)
      if (id === this.id) fresh.match = last
      this.prs.set(id, fresh)
    }
    this.pendingConfIndex = 0
  }

  becomeFollower(term: number, lead: number): void {
    this.reset(term)
    this.lead = lead
    if (lead !== NONE) this.leaderLost = false
    this.state = 'Follower'
  }

  private becomePreCandidate(): void {
    invariant(this.state !== 'Leader', 'leader cannot become pre-candidate')
    // A pre-candidate changes neither term nor vote: it only asks whether it could win.
    this.state = 'PreCandidate'
    this.votes.clear()
    this.lead = NONE
  }

  private becomeCandidate(): void {
    invariant(this.state !== 'Leader', 'leader cannot become candidate')
    this.reset(this.term + 1)
    this.vote = this.id
    this.state = 'Candidate'
  }

  private becomeLeader(): void {
    invariant(this.state !== 'Follower', 'follower cannot become leader directly')
    this.reset(this.term)
    this.lead = this.id
    this.leaderLost = false
    this.state = 'Leader'
    ;(this.prs.get(this.id) as Progress).becomeReplicate()
    // Conf changes in the log we inherit may not be applied yet: wait for them.
    this.pendingConfIndex = this.log.lastIndex()
    // An entry of our own term lets earlier entries commit (§5.4.2, figure 8).
    this.appendEntries([{ term: 0, index: 0, type: 'EntryNormal', data: EMPTY_BYTES }])
    this.logger.info({ id: this.id, term: this.term }, 'raft became leader')
  }

  private appendEntries(es: Entry[]): void {
    let li = this.log.lastIndex()
    for (const e of es) {
      e.term = this.term
      e.index = ++li
    }
    li = this.log.append(es)
    ;(this.prs.get(this.id) as Progress).maybeUpdate(li)
    this.maybeCommit()
  }

  private maybeCommit(): boolean {
    const matches = this.voterIds()
      .map((id) => (this.prs.get(id) as Progress).match)
      .sort((a, b) => b - a)
    if (matches.length === 0) return false
    const quorumMatch = matches[this.quorum() - 1] as number
    return this.log.maybeCommit(quorumMatch, this.term)
  }

  // ------------------------------------------------------------------ ticks

  tick(): void {
    if (this.state === 'Leader') this.tickHeartbeat()
    else this.tickElection()
  }

  private tickElection(): void {
    this.electionElapsed++
    // Whose leader is known to be gone, a pre-candidate asks again within a few ticks (its
    // first pre-votes may have met a voter that had not noticed yet; pre-votes change no
    // term, so asking often disrupts nothing), and a candidate that split the vote with
    // another retries once within a few ticks; after that, the usual timeout.
    const due = this.leaderLost && this.state !== 'Follower' ? this.retryTicks : this.randomizedElectionTimeout
    if (this.promotable() && this.electionElapsed >= due) {
      this.electionElapsed = 0
      if (this.state === 'Candidate') this.leaderLost = false
      this.step(message({ type: 'MsgHup', from: this.id }))
    }
  }

  private tickHeartbeat(): void {
    this.heartbeatElapsed++
    this.electionElapsed++
    if (this.electionElapsed >= this.cfg.electionTick) {
      this.electionElapsed = 0
      if (this.cfg.checkQuorum) this.step(message({ type: 'MsgCheckQuorum', from: this.id }))
      // A transfer that did not finish within an election timeout is abandoned.
      if (this.state === 'Leader' && this.leadTransferee !== NONE) this.leadTransferee = NONE
    }
    if (this.state !== 'Leader') return
    // A snapshot that was lost without the transport noticing would stall its follower
    // forever: after an election timeout with no answer, send it again.
    for (const pr of this.prs.values()) {
      if (pr.state === 'Snapshot' && ++pr.snapshotTicks >= this.cfg.electionTick) {
        pr.pendingSnapshot = 0
        pr.becomeProbe()
      }
    }
    if (this.heartbeatElapsed >= this.cfg.heartbeatTick) {
      this.heartbeatElapsed = 0
      this.step(message({ type: 'MsgBeat', from: this.id }))
    }
  }

  // ------------------------------------------------------------------ elections

  private hup(t: CampaignType): void {
    if (this.state === 'Leader') return
    if (!this.promotable()) return
    // A committed but unapplied membership change could change who votes: wait for it.
    if (this.log.applied < this.log.committed) {
      // Entries inside a snapshot not applied yet are gone from the log; their membership is
      // the snapshot's, already in effect here.
      const pending = this.log.slice(Math.max(this.log.applied + 1, this.log.firstIndex()), this.log.committed + 1)
      if (pending.some((e) => e.type === 'EntryConfChange')) {
        this.logger.warn({ id: this.id, term: this.term }, 'raft cannot campaign with unapplied conf changes')
        return
      }
    }
    this.campaign(t)
  }

  /** A follower heard from its leader (an append, a heartbeat, a snapshot): its election clock and any loss start over. */
  private heardFromLeader(from: number): void {
    this.electionElapsed = 0
    this.lead = from
    this.leaderLost = false
    this.ignoredPreVote = undefined
  }

  private campaign(t: CampaignType): void {
    // A retry (see tickElection) counts from here, and gives this round at least one whole
    // tick: a round restarted before its answers came back would lose them.
    this.electionElapsed = 0
    this.retryTicks = 2 + randomInt(this.rng, Math.max(1, this.cfg.electionJitter))
    let term: number
    let voteMsg: MessageType
    if (t === 'preElection') {
      this.becomePreCandidate()
      voteMsg = 'MsgPreVote'
      term = this.term + 1
    } else {
      this.becomeCandidate()
      voteMsg = 'MsgVote'
      term = this.term
    }
    if (this.poll(this.id, true) === 'won') {
      // A single-voter cluster wins at once.
      if (t === 'preElection') this.campaign('election')
      else this.becomeLeader()
      return
    }
    const lastIndex = this.log.lastIndex()
    const lastTerm = this.log.lastTerm()
    for (const id of this.voterIds()) {
      if (id === this.id) continue
      this.send(
        message({
          type: voteMsg,
          to: id,
          term,
          index: lastIndex,
          logTerm: lastTerm,
          context: t === 'transfer' ? CAMPAIGN_TRANSFER : EMPTY_BYTES,
        }),
      )
    }
  }

  private poll(id: number, granted: boolean): VoteResult {
    if (!this.votes.has(id)) this.votes.set(id, granted)
    let yes = 0
    let no = 0
    for (const voter of this.voterIds()) {
      const v = this.votes.get(voter)
      if (v === true) yes++
      else if (v === false) no++
    }
    const q = this.quorum()
    if (yes >= q) return 'won'
    if (no > this.voterIds().length - q) return 'lost'
    return 'pending'
  }

  // ------------------------------------------------------------------ step

  step(m: Message): void {
    if (m.term === 0) {
      // local message
    } else if (m.term > this.term) {
      if (m.type === 'MsgVote' || m.type === 'MsgPreVote') {
        const force = isTransferContext(m.context)
        const inLease = this.cfg.checkQuorum && this.lead !== NONE && this.electionElapsed < this.cfg.electionTick
        if (!force && inLease) {
          // We heard from a leader within the election timeout: ignore a disruptive candidate.
          if (m.type === 'MsgPreVote') this.ignoredPreVote = m
          return
        }
      }
      if (m.type === 'MsgPreVote') {
        // Never change our term in response to a PreVote.
      } else if (m.type === 'MsgPreVoteResp' && !m.reject) {
        // A granted pre-vote carries the term we will use if we win; not ours yet.
      } else if (m.type === 'MsgApp' || m.type === 'MsgHeartbeat' || m.type === 'MsgSnap') {
        this.becomeFollower(m.term, m.from)
      } else {
        this.becomeFollower(m.term, NONE)
      }
    } else if (m.term < this.term) {
      if ((this.cfg.checkQuorum || this.cfg.preVote) && (m.type === 'MsgHeartbeat' || m.type === 'MsgApp')) {
        // A stale leader (e.g. after a partition) learns our term and steps down; without
        // this, a node that PreVote keeps from raising its term could be stuck.
        this.send(message({ type: 'MsgAppResp', to: m.from }))
      } else if (m.type === 'MsgPreVote') {
        this.send(message({ type: 'MsgPreVoteResp', to: m.from, term: this.term, reject: true }))
      }
      return
    }

    switch (m.type) {
      case 'MsgHup':
        this.hup(this.cfg.preVote ? 'preElection' : 'election')
        return
      case 'MsgVote':
      case 'MsgPreVote': {
        const canVote = this.vote === m.from || (this.vote === NONE && this.lead === NONE) || (m.type === 'MsgPreVote' && m.term > this.term)
        const respType = m.type === 'MsgVote' ? 'MsgVoteResp' : 'MsgPreVoteResp'
        const upToDate = this.log.isUpToDate(m.index, m.logTerm)
        if (canVote && upToDate) {
          // Answer with the term of the request: a pre-candidate counts only answers about its future term.
          this.send(message({ type: respType, to: m.from, term: m.term }))
          if (m.type === 'MsgVote') {
            this.electionElapsed = 0
            this.vote = m.from
          } else {
            // Two pre-candidates would each win the other's pre-vote and split the real vote:
            // the later one in the succession gives way.
            if (this.state === 'PreCandidate' && this.precedes(m.from, this.id)) this.becomeFollower(this.term, NONE)
            if (this.leaderLost && this.state === 'Follower') {
              // Having lost our leader, we let the candidate we back finish its election before
              // we campaign ourselves: 2 or 3 ticks from now (jitter 3).
              const ticks = 2 + randomInt(this.rng, Math.max(1, this.cfg.electionJitter - 1))
              this.electionElapsed = this.randomizedElectionTimeout - ticks
            }
          }
        } else {
          this.send(message({ type: respType, to: m.from, term: this.term, reject: true }))
          if (canVote && m.type === 'MsgPreVote' && this.leaderLost && this.state === 'Follower') {
            const order = this.succession()
            if (order.includes(m.from) && order[order.indexOf(m.from) + 1] === this.id) {
              // The candidate before us in the succession lacks entries we hold: we are next, now.
              this.step(message({ type: 'MsgHup', from: this.id }))
            }
          }
        }
        return
      }
    }

    switch (this.state) {
      case 'Leader':
        this.stepLeader(m)
        return
      case 'Candidate':
      case 'PreCandidate':
        this.stepCandidate(m)
        return
      case 'Follower':
        this.stepFollower(m)
        return
    }
  }

  private stepLeader(m: Message): void {
    switch (m.type) {
      case 'MsgBeat':
        this.bcastHeartbeat()
        return
      case 'MsgCheckQuorum': {
        if (!this.quorumActive()) {
          this.logger.warn({ id: this.id, term: this.term }, 'raft leader lost its quorum; stepping down')
          this.becomeFollower(this.term, NONE)
        }
        for (const [id, pr] of this.prs) if (id !== this.id) pr.recentActive = false
        return
      }
      case 'MsgProp': {
        invariant(m.entries.length > 0, 'empty proposal')
        if (!this.prs.has(this.id)) {
          throw new RaftError(RaftErrorCode.PROPOSAL_DROPPED, 'this node was removed from the cluster', { id: this.id })
        }
        if (this.leadTransferee !== NONE) {
          throw new RaftError(RaftErrorCode.PROPOSAL_DROPPED, 'leadership transfer in progress', {
            id: this.id,
            transferee: this.leadTransferee,
          })
        }
        m.entries.forEach((e, i) => {
          if (e.type !== 'EntryConfChange') return
          if (this.pendingConfIndex > this.log.applied) {
            throw new RaftError(RaftErrorCode.CONF_CHANGE_PENDING, 'a membership change is still in flight', {
              pendingConfIndex: this.pendingConfIndex,
              applied: this.log.applied,
            })
          }
          const cc = decodeConfChange(e.data)
          if (this.votersAfter(cc).length === 0) {
            throw new RaftError(RaftErrorCode.INVALID_CONF_CHANGE, `${cc.type} of node ${cc.nodeId} would leave no voter`, { nodeId: cc.nodeId })
          }
          this.pendingConfIndex = this.log.lastIndex() + i + 1
        })
        this.appendEntries(m.entries)
        this.bcastAppend()
        return
      }
    }

    const pr = this.prs.get(m.from)
    if (pr === undefined) return
    switch (m.type) {
      case 'MsgAppResp': {
        pr.recentActive = true
        if (m.reject) {
          let nextProbe = m.rejectHint
          if (m.logTerm > 0) nextProbe = this.log.findConflictByTerm(m.rejectHint, m.logTerm).index
          if (m.index >= pr.match && m.rejectHint < pr.match) {
            // It no longer holds entries it acknowledged: its log was lost or restored from a
            // backup. Forget what it acknowledged and probe for where the logs agree.
            this.logger.warn(
              { id: this.id, follower: m.from, match: pr.match, holds: m.rejectHint },
              'raft follower lost acknowledged entries; probing it again',
            )
            pr.match = 0
            pr.becomeProbe()
            pr.next = nextProbe + 1
            this.sendAppend(m.from)
            return
          }
          if (pr.maybeDecrTo(m.index, nextProbe)) {
            if (pr.state === 'Replicate') pr.becomeProbe()
            this.sendAppend(m.from)
          }
          return
        }
        const oldPaused = pr.isPaused()
        // An acknowledgement equal to Match still tells a probing leader where the logs agree
        // (etcd-io/raft: it moves the follower to Replicate).
        if (!pr.maybeUpdate(m.index) && !(pr.state === 'Probe' && pr.match === m.index)) return
        if (pr.state === 'Probe') {
          pr.becomeReplicate()
        } else if (pr.state === 'Snapshot' && pr.match >= pr.pendingSnapshot) {
          pr.becomeProbe()
          pr.becomeReplicate()
        } else if (pr.state === 'Replicate') {
          pr.inflights.freeLE(m.index)
        }
        if (this.maybeCommit()) {
          this.bcastAppend()
        } else if (oldPaused) {
          this.sendAppend(m.from)
        }
        // Fill the pipeline.
        while (this.maybeSendAppend(m.from, false)) {
          // keep sending while the window allows
        }
        if (m.from === this.leadTransferee && pr.match === this.log.lastIndex()) {
          this.logger.info({ id: this.id, to: m.from }, 'raft transferee caught up; sending TimeoutNow')
          this.sendTimeoutNow(m.from)
        }
        return
      }
      case 'MsgHeartbeatResp':
        pr.recentActive = true
        // A heartbeat answer says the follower is alive, not which appends it received: it
        // unblocks a probe but frees no in-flight slot (etcd-io/raft).
        pr.msgAppFlowPaused = false
        if (pr.match < this.log.lastIndex() || pr.state === 'Probe') this.sendAppend(m.from)
        return
      case 'MsgSnapStatus':
        if (pr.state !== 'Snapshot') return
        if (m.reject) pr.pendingSnapshot = 0
        pr.becomeProbe()
        // Wait for the follower's append response before probing further.
        pr.msgAppFlowPaused = true
        return
      case 'MsgUnreachable':
        if (pr.state === 'Replicate') pr.becomeProbe()
        return
      case 'MsgTransferLeader': {
        if (pr.isLearner) return
        const transferee = m.from
        if (this.leadTransferee !== NONE) {
          if (this.leadTransferee === transferee) return
          this.leadTransferee = NONE
        }
        if (transferee === this.id) return
        this.logger.info({ id: this.id, to: transferee, term: this.term }, 'raft transferring leadership')
        // The transfer must finish within one election timeout.
        this.electionElapsed = 0
        this.leadTransferee = transferee
        if (pr.match === this.log.lastIndex()) this.sendTimeoutNow(transferee)
        else this.sendAppend(transferee)
        return
      }
    }
  }

  private stepCandidate(m: Message): void {
    const myVoteResp: MessageType = this.state === 'PreCandidate' ? 'MsgPreVoteResp' : 'MsgVoteResp'
    switch (m.type) {
      case 'MsgProp':
        throw new RaftError(RaftErrorCode.NOT_LEADER, 'no leader yet: an election is in progress', { leader: NONE })
      case 'MsgApp':
        this.becomeFollower(m.term, m.from)
        this.handleAppendEntries(m)
        return
      case 'MsgHeartbeat':
        this.becomeFollower(m.term, m.from)
        this.handleHeartbeat(m)
        return
      case 'MsgSnap':
        this.becomeFollower(m.term, m.from)
        this.handleSnapshot(m)
        return
      case myVoteResp: {
        const result = this.poll(m.from, !m.reject)
        if (result === 'won') {
          if (this.state === 'PreCandidate') {
            this.campaign('election')
          } else {
            this.becomeLeader()
            this.bcastAppend()
          }
        } else if (result === 'lost') {
          this.becomeFollower(this.term, NONE)
        }
        return
      }
      default:
        return
    }
  }

  private stepFollower(m: Message): void {
    switch (m.type) {
      case 'MsgProp':
        // Refuse rather than forward, so the caller can redirect and knows where its entry went.
        throw new RaftError(RaftErrorCode.NOT_LEADER, this.lead === NONE ? 'no leader yet' : `not the leader; the leader is ${this.lead}`, {
          leader: this.lead,
        })
      case 'MsgApp':
        this.heardFromLeader(m.from)
        this.handleAppendEntries(m)
        return
      case 'MsgHeartbeat':
        this.heardFromLeader(m.from)
        this.handleHeartbeat(m)
        return
      case 'MsgSnap':
        this.heardFromLeader(m.from)
        this.handleSnapshot(m)
        return
      case 'MsgTransferLeader':
        if (this.lead === NONE) {
          throw new RaftError(RaftErrorCode.NOT_LEADER, 'no leader to transfer leadership from', { leader: NONE })
        }
        // Forwarded with the transferee as sender, as the leader expects.
        this.send({ ...m, to: this.lead })
        return
      case 'MsgUnreachable':
        // The transport lost its connection to our leader (a killed process resets it at
        // once): stop vouching for the leader (so pre-votes are granted) and campaign within
        // a few ticks rather than after a whole election timeout of silence. A leader that is
        // alive loses nothing: the voters that still hear from it refuse the pre-votes.
        if (m.from === this.lead) {
          this.lead = NONE
          this.leaderLost = true
          this.lostLeader = m.from
          if (this.succession()[0] === this.id) {
            // The leader's successor (the next voter by id) campaigns at once; the others
            // wait, so they do not split the vote with it. Its pre-votes reach voters that
            // noticed the loss, or are answered when they notice (below).
            this.ignoredPreVote = undefined
            this.step(message({ type: 'MsgHup', from: this.id }))
            return
          }
          // The others at the next tick or the one after (jitter 3: 1 or 2 ticks): should the
          // successor be down, the first of them to tick usually wins before another campaigns
          // (their tick timers run at random phases); a split vote retries within a few ticks
          // (retryTicks).
          const ticks = 1 + randomInt(this.rng, Math.max(1, this.cfg.electionJitter - 1))
          this.electionElapsed = Math.max(this.electionElapsed, this.randomizedElectionTimeout - ticks)
          // A pre-vote we ignored while we still vouched for that leader gets its answer now:
          // its candidate need not wait for its next round to hear it.
          const ignored = this.ignoredPreVote
          this.ignoredPreVote = undefined
          if (ignored !== undefined) this.step(ignored)
        }
        return
      case 'MsgTimeoutNow':
        this.logger.info({ id: this.id, term: this.term, from: m.from }, 'raft received TimeoutNow; campaigning')
        // A transfer skips the pre-vote: the leader asked for it.
        this.hup('transfer')
        return
      default:
        return
    }
  }

  private handleAppendEntries(m: Message): void {
    if (m.index < this.log.committed) {
      this.send(message({ type: 'MsgAppResp', to: m.from, index: this.log.committed }))
      return
    }
    const lastNew = this.log.maybeAppend(m.index, m.logTerm, m.commit, m.entries)
    if (lastNew !== undefined) {
      this.send(message({ type: 'MsgAppResp', to: m.from, index: lastNew }))
      return
    }
    // Tell the leader where our logs may agree: the last entry at or before m.index whose
    // term is <= m.logTerm, skipping a whole mismatched term at once.
    const hint = this.log.findConflictByTerm(Math.min(m.index, this.log.lastIndex()), m.logTerm)
    this.send(message({ type: 'MsgAppResp', to: m.from, index: m.index, reject: true, rejectHint: hint.index, logTerm: hint.term }))
  }

  private handleHeartbeat(m: Message): void {
    this.log.commitTo(Math.min(m.commit, this.log.lastIndex()))
    this.send(message({ type: 'MsgHeartbeatResp', to: m.from, context: m.context }))
  }

  private handleSnapshot(m: Message): void {
    const s = m.snapshot
    if (s === undefined) return
    if (this.restore(s)) {
      this.logger.info({ id: this.id, index: s.metadata.index, term: s.metadata.term }, 'raft restored snapshot')
      this.send(message({ type: 'MsgAppResp', to: m.from, index: this.log.lastIndex() }))
    } else {
      this.send(message({ type: 'MsgAppResp', to: m.from, index: this.log.committed }))
    }
  }

  /** Installs a snapshot from the leader; false if it is stale or we already have its entries. */
  private restore(s: Snapshot): boolean {
    if (s.metadata.index <= this.log.committed) return false
    if (this.state !== 'Follower') {
      // Only a follower restores; a snapshot from a leader of our term means we are not leader.
      this.becomeFollower(this.term + 1, NONE)
      return false
    }
    // The snapshot may predate this node's addition (its conf state lacks us): the leader
    // sends only to members, and the log after the snapshot brings the change that adds us.
    const cs = s.metadata.confState
    if (this.log.matchTerm(s.metadata.index, s.metadata.term)) {
      // We hold the entry already: fast-forward the commit index instead.
      this.log.commitTo(s.metadata.index)
      return false
    }
    this.log.restore(s)
    this.prs.clear()
    this.applyConfState(cs)
    return true
  }

  private quorumActive(): boolean {
    let active = 0
    for (const [id, pr] of this.prs) {
      if (pr.isLearner) continue
      if (id === this.id || pr.recentActive) active++
    }
    return active >= this.quorum()
  }

  // ------------------------------------------------------------------ membership

  private applyConfState(cs: ConfState): void {
    const last = this.log.lastIndex()
    for (const id of cs.voters) this.prs.set(id, new Progress(last + 1, this.cfg.maxInflightMsgs, false))
    for (const id of cs.learners) this.prs.set(id, new Progress(last + 1, this.cfg.maxInflightMsgs, true))
    const self = this.prs.get(this.id)
    if (self !== undefined) self.match = last
  }

  /** The voters once `cc` is applied to the current membership. */
  private votersAfter(cc: ConfChange): number[] {
    const voters = this.voterIds().filter((id) => id !== cc.nodeId)
    return cc.type === 'ConfChangeAddNode' ? [...voters, cc.nodeId] : voters
  }

  /** Applies a committed membership change; called by the application when it applies the entry. */
  applyConfChange(cc: ConfChange): ConfState {
    // Refused at proposal; an entry that slipped in anyway is ignored by every node alike.
    if (this.votersAfter(cc).length === 0) {
      this.logger.warn({ id: this.id, change: cc.type, nodeId: cc.nodeId }, 'raft ignoring a membership change that would leave no voter')
      return this.confState()
    }
    const last = this.log.lastIndex()
    switch (cc.type) {
      case 'ConfChangeAddNode': {
        const pr = this.prs.get(cc.nodeId)
        if (pr !== undefined) {
          pr.isLearner = false
        } else {
          const fresh = new Progress(last + 1, this.cfg.maxInflightMsgs, false)
          fresh.recentActive = true
          this.prs.set(cc.nodeId, fresh)
        }
        break
      }
      case 'ConfChangeAddLearnerNode': {
        const pr = this.prs.get(cc.nodeId)
        if (pr !== undefined) {
          pr.isLearner = true
        } else {
          const fresh = new Progress(last + 1, this.cfg.maxInflightMsgs, true)
          fresh.recentActive = true
          this.prs.set(cc.nodeId, fresh)
        }
        break
      }
      case 'ConfChangeRemoveNode':
        this.prs.delete(cc.nodeId)
        break
    }
    if (this.state === 'Leader') {
      if (!this.prs.has(this.id) || this.prs.get(this.id)?.isLearner === true) {
        // A leader that is no longer a voter steps down; the others elect a new one.
        this.becomeFollower(this.term, NONE)
      } else {
        // A transfer to a node that left or was demoted to learner can never finish: abort it,
        // or proposals stay refused until it times out.
        const transferee = this.prs.get(this.leadTransferee)
        if (this.leadTransferee !== NONE && (transferee === undefined || transferee.isLearner)) this.leadTransferee = NONE
        // The quorum may have shrunk.
        if (this.maybeCommit()) this.bcastAppend()
        else for (const id of this.prs.keys()) if (id !== this.id) this.maybeSendAppend(id, false)
      }
    }
    return this.confState()
  }
}
