import { EventEmitter } from 'node:events'
import type { MembershipService, SigningIdentity } from '@consort/identity'
import { blockTxIds, channelMsp, createBlock, isConfigBlock, parseBlock, validateConfigBlock } from '@consort/protocol'
import type { ParsedBlock } from '@consort/protocol'
import { decodeConfChange, RaftError, RawNode } from '@consort/raft'
import type { ConfState, Entry, Message, Ready, Snapshot, SoftState, Status } from '@consort/raft'
import type { LevelBlockStore, LevelRaftWal } from '@consort/storage'
import { bytesEqual } from '@consort/crypto'
import { OrdererSnapshot, decode } from '@consort/types'
import type { ChannelConfig, Clock, Logger, Rng, Scheduler, TimerHandle } from '@consort/types'
import { OrdererError, OrdererErrorCode } from '@consort/client'
import { BlockCutter } from './blockCutter.js'
import type { PendingEnvelope } from './blockCutter.js'
import { healthyForMembershipChange, mostCaughtUpVoter, nextMembershipChange, transferRefusal, transferTarget } from './membership.js'
import type { OrdererMetrics } from './metrics.js'
import { TxWaiters } from './waiters.js'

const ROLE_VALUE: Record<string, number> = { Follower: 0, PreCandidate: 1, Candidate: 2, Leader: 3 }
// Recently committed tx ids kept in memory for duplicate checks at cut time.
const RECENT_TX_LIMIT = 200_000
// Raft log entries kept behind a snapshot, so a briefly absent follower catches up from the log.
const LOG_TAIL_AFTER_SNAPSHOT = 500

export interface ChainOptions {
  /** The channel config in force at the block store's tip. */
  config: ChannelConfig
  /** The number of the config block that put `config` in force. */
  lastConfig: number
  raftId: number
  signer: SigningIdentity
}

export interface ChainModules {
  wal: LevelRaftWal
  blocks: LevelBlockStore
  /** Sends Raft messages to the other consenters (RaftTransport in a node). */
  transport: { send(messages: Message[]): void }
  metrics: OrdererMetrics
  logger: Logger
  /** Election jitter and the tick timer's phase. */
  rng: Rng
  /** The ordering time written into each block this node cuts. */
  clock: Clock
  /** The tick timer, the batch timeout, broadcast deadlines and the Ready loop's turns. */
  scheduler: Scheduler
  /** Brings the block store up to `number` from other orderers (after a snapshot). */
  catchUp: (toBlock: number) => Promise<void>
}

/** What a Chain tells its orderer. */
export interface ChainEvents {
  /** A block was appended to the block store. */
  block: [block: ParsedBlock]
  /** The Raft leader changed (0: none known). */
  leader: [leader: number]
  /** A config block put a new channel config in force. */
  config: [config: ChannelConfig]
  /** Raft removed this node from the cluster. */
  evicted: []
  /** The Ready loop failed; the chain has stopped. */
  fatal: [err: Error]
}

/**
 * One channel's chain on one orderer: drives Raft (tick timer and the Ready loop: persist,
 * send, apply, advance), cuts blocks when leader, applies committed blocks to the block
 * store, and tells waiting broadcasts when their transaction is in a committed block.
 */
export class Chain extends EventEmitter<ChainEvents> {
  readonly node: RawNode
  private readonly cutter: BlockCutter
  private readonly waiters: TxWaiters
  private readonly recentTx = new Map<string, number>()
  /** Tx ids this leader has queued or put in proposed blocks, not yet committed. */
  private readonly inFlightTx = new Set<string>()
  private confState: ConfState
  private soft: SoftState
  private tickTimer: TimerHandle | undefined
  private batchTimer: TimerHandle | undefined
  /** Settles when the Ready loop running now has finished. */
  private loop: Promise<void> = Promise.resolve()
  private idleCutScheduled = false
  private processing = false
  private scheduled = false
  /** Until start(), Raft input is ignored (the node may still be fetching blocks). */
  private stopped = true
  /** Leader only: the index of our first entry as leader; we cut blocks once it is applied. */
  private leaderSince = 0
  /** Leader only: the last block we created (proposed), possibly not yet committed. */
  private created: { number: number; hash: Uint8Array; timestamp: number } | undefined
  private lastConfig: number
  /** The channel configuration as of the last applied config block. */
  config: ChannelConfig
  /** The membership of `config` (certificates are judged at each block's ordering time). */
  private msp: MembershipService
  /** When we last heard from each consenter (monotonic ms). */
  private readonly lastHeard = new Map<number, number>()
  /** Leader: when (monotonic ms) it took over, and since when each preferred leader has been healthy without a break. */
  private leaderAt = 0
  private readonly healthySince = new Map<number, number>()
  private reclaiming = false
  /** Leader only: a config block is proposed and not yet applied. */
  private configPending = false
  /** Leader only: batches cut before this leader may propose (see propose()). */
  private deferred: PendingEnvelope[][] = []

  constructor(
    private readonly opts: ChainOptions,
    private readonly m: ChainModules,
  ) {
    super()
    this.waiters = new TxWaiters(m.scheduler)
    this.config = opts.config
    this.lastConfig = opts.lastConfig
    this.msp = channelMsp(opts.config, m.clock)
    const raft = opts.config.raft!
    const tip = m.blocks.tip
    const snapIndex = m.wal.storage.snapshot().metadata.index
    // A node joining from a config block holds blocks its Raft log has not committed yet:
    // it replays the log from what Raft knows is committed and skips blocks it already has.
    const committed = m.wal.storage.initialState().hardState.commit
    const applied = Math.min(Math.max(snapIndex, tip?.raftIndex ?? 0), Math.max(committed, snapIndex))
    this.node = new RawNode(
      {
        id: opts.raftId,
        storage: m.wal.storage,
        electionTick: raft.electionTick,
        electionJitter: raft.electionJitter,
        heartbeatTick: raft.heartbeatTick,
        maxInflightMsgs: raft.maxInflightMsgs,
        maxSizePerMsg: raft.maxSizePerMsg,
        applied,
        checkQuorum: true,
        preVote: true,
      },
      { rng: m.rng, logger: m.logger },
    )
    this.cutter = new BlockCutter(opts.config.batch!)
    const st = this.node.status()
    this.confState = st.confState
    this.soft = st.softState
  }

  start(): void {
    this.stopped = false
    const tickMs = this.config.raft!.tickMs
    const tick = () => {
      this.node.tick()
      this.reconcileMembership()
      this.maybeReclaim()
      this.kick()
    }
    // Ticks start at a random phase: orderers started together would otherwise tick in step,
    // and two followers that lose their leader at the same moment would campaign in the same
    // millisecond and split the vote.
    this.tickTimer = this.m.scheduler.setTimeout(
      () => {
        if (!this.stopped) this.tickTimer = this.m.scheduler.setInterval(tick, tickMs)
      },
      Math.floor(this.m.rng.next() * tickMs),
    )
    this.m.metrics.blockHeight.set(this.m.blocks.height)
    this.kick()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.m.scheduler.clear(this.tickTimer)
    this.m.scheduler.clear(this.batchTimer)
    this.waiters.rejectAll(new OrdererError(OrdererErrorCode.SHUTTING_DOWN, 'orderer is shutting down'))
    await this.loop
  }

  /** Whether nothing is running or queued in the Ready loop (for tests that drive time by hand). */
  get idle(): boolean {
    return !this.processing && !this.scheduled
  }

  /** Raft's state as this node sees it now. */
  status(): Status {
    return this.node.status()
  }

  // ---------------------------------------------------------------- status

  /** When (epoch ms) this node last saw the leader change, for operators and benchmarks. */
  leaderChangedAt = 0

  get leader(): number {
    return this.soft.lead
  }

  /** This node's Raft id. */
  get raftId(): number {
    return this.opts.raftId
  }

  get isLeader(): boolean {
    return this.soft.role === 'Leader'
  }

  get role(): string {
    return this.soft.role
  }

  get term(): number {
    return this.node.basicStatus().term
  }

  get height(): number {
    return this.m.blocks.height
  }

  get applied(): number {
    return this.node.basicStatus().applied
  }

  // ---------------------------------------------------------------- inputs

  /** The highest commit index a leader has told this node of (in appends): what a DR site knows the active site committed. */
  leaderCommit = 0

  /**
   * A node restored from a backup grants no vote until it holds this many blocks (the cluster's
   * height when it started): with entries missing that it once acknowledged, its vote could help
   * elect a leader that lacks committed entries.
   */
  abstainBelowHeight = 0

  step(m: Message): void {
    if (this.stopped) return
    if ((m.type === 'MsgVote' || m.type === 'MsgPreVote') && this.m.blocks.height < this.abstainBelowHeight) return
    this.lastHeard.set(m.from, this.m.scheduler.monotonic())
    if (m.type === 'MsgApp' && m.commit > this.leaderCommit) this.leaderCommit = m.commit
    try {
      this.node.step(m)
    } catch (err) {
      // A message Raft refuses (a stale responder, a local type) is dropped, not fatal.
      if (err instanceof RaftError) {
        this.m.logger.debug({ from: m.from, type: m.type, code: err.code }, 'raft refused message')
        return
      }
      throw err
    }
    this.kick()
  }

  reportUnreachable(id: number): void {
    if (this.stopped) return
    this.node.reportUnreachable(id)
    // (If it was our leader, we may campaign at once: send what Raft has to say now.)
    this.kick()
  }

  reportSnapshot(id: number, failed: boolean): void {
    if (this.stopped) return
    this.node.reportSnapshot(id, failed)
    this.kick()
  }

  transferLeadership(to: number): void {
    this.node.transferLeadership(to)
    this.kick()
  }

  /**
   * Leader: hands leadership to `to` (a Raft id), or to the most caught-up voter, and resolves
   * once another node leads (`ms`: from this call to that election). Refused (OrdererError) when
   * this node does not lead, a config change is pending, or the target is a learner, down or
   * behind (see transferTarget); TRANSFER_FAILED if no other node leads within two election
   * timeouts. Proposals wait meanwhile (see propose()).
   */
  async transferLeader(to?: number): Promise<{ from: number; to: number; term: number; ms: number }> {
    const me = this.opts.raftId
    const started = this.m.scheduler.monotonic()
    const target = transferTarget(this.config, this.node.status(), this.lastHeard, started, {
      ...(to !== undefined ? { to } : {}),
      configPending: this.configPending,
    })
    if (target === me) return { from: me, to: me, term: this.term, ms: 0 }
    const raft = this.config.raft!
    const timeoutMs = 2 * raft.electionTick * raft.tickMs
    const elected = new Promise<number>((resolve) => {
      const done = (id: number) => {
        this.m.scheduler.clear(timer)
        this.off('leader', onLeader)
        resolve(id)
      }
      const onLeader = (id: number) => {
        if (id !== 0 && id !== me) done(id)
      }
      const timer = this.m.scheduler.setTimeout(() => done(0), timeoutMs)
      this.on('leader', onLeader)
    })
    this.m.logger.info({ to: target }, 'transferring raft leadership')
    this.transferLeadership(target)
    const leader = await elected
    if (leader === 0) {
      throw new OrdererError(
        OrdererErrorCode.TRANSFER_FAILED,
        `raft id ${target} did not take over within ${timeoutMs} ms; ${this.isLeader ? 'this orderer still leads' : 'no leader yet'}`,
      )
    }
    return { from: me, to: leader, term: this.term, ms: this.m.scheduler.monotonic() - started }
  }

  /** Where a committed transaction is, checking memory first, then the block store. */
  async committedBlockOf(txId: string): Promise<number | undefined> {
    const recent = this.recentTx.get(txId)
    if (recent !== undefined) return recent
    return (await this.m.blocks.txLocation(txId))?.block
  }

  /**
   * Orders an envelope on the leader; resolves with the number of the block that holds it
   * once that block is committed. Call only on the leader (followers forward).
   */
  order(env: PendingEnvelope, timeoutMs: number): Promise<number> {
    if (!this.isLeader) {
      return Promise.reject(new OrdererError(OrdererErrorCode.LEADER_CHANGED, 'this orderer is no longer the leader', { leader: this.leader }))
    }
    const done = this.waiters.wait(env.txId, timeoutMs)
    if (!this.inFlightTx.has(env.txId)) {
      this.inFlightTx.add(env.txId)
      const batches = this.cutter.ordered(env)
      for (const b of batches) this.propose(b)
      this.scheduleIdleCut()
      if (this.cutter.pendingCount > 0 && this.batchTimer === undefined) {
        this.batchTimer = this.m.scheduler.setTimeout(() => {
          this.batchTimer = undefined
          const b = this.cutter.cut()
          if (b.length > 0) this.propose(b)
        }, this.config.batch!.batchTimeoutMs)
      } else if (this.cutter.pendingCount === 0 && this.batchTimer !== undefined) {
        this.m.scheduler.clear(this.batchTimer)
        this.batchTimer = undefined
      }
    }
    return done
  }

  /**
   * Orders a validated config update on the leader, in a block of its own, after what is
   * pending. One at a time: a second one while the first is in flight is refused.
   */
  orderConfig(env: PendingEnvelope, timeoutMs: number): Promise<number> {
    if (!this.isLeader) {
      return Promise.reject(new OrdererError(OrdererErrorCode.LEADER_CHANGED, 'this orderer is no longer the leader', { leader: this.leader }))
    }
    if (this.configPending) {
      return Promise.reject(new OrdererError(OrdererErrorCode.CONFIG_PENDING, 'another config update is being ordered'))
    }
    const done = this.waiters.wait(env.txId, timeoutMs)
    this.configPending = true
    this.inFlightTx.add(env.txId)
    const pending = this.cutter.cut()
    if (pending.length > 0) this.propose(pending)
    this.propose([env])
    return done
  }

  /**
   * Whether the cluster can take a membership change now: this node leads and every current
   * consenter (but the one `leaving`) is up, replicating and close to the leader's log.
   */
  healthyForMembershipChange(leaving?: number): boolean {
    return healthyForMembershipChange(this.config, this.node.status(), this.lastHeard, this.m.scheduler.monotonic(), leaving)
  }

  /**
   * Leader, with preferred leaders configured (primary reclaim): hands leadership to the most
   * preferred consenter ranked above this one that has been up and caught up (a valid transfer
   * target) without a break for `reclaimAfterMs`, once this node has led for
   * `minLeaderTenureMs`. A target that flaps is never healthy long enough; a crash failover is
   * Raft's election, which this never delays.
   */
  private maybeReclaim(): void {
    const raft = this.config.raft!
    if (!this.isLeader || raft.preferredLeaders.length === 0 || this.reclaiming || this.configPending) return
    const now = this.m.scheduler.monotonic()
    const me = this.opts.raftId
    const idOf = (name: string) => this.config.consenters.find((c) => c.name === name)?.id
    const mine = raft.preferredLeaders.findIndex((name) => idOf(name) === me)
    const above = raft.preferredLeaders.slice(0, mine === -1 ? undefined : mine)
    if (above.length === 0) return
    const status = this.node.status()
    // A membership change due first (a learner to promote) stops every clock: no transfer until it is done.
    if (nextMembershipChange(this.config, status) !== undefined) {
      this.healthySince.clear()
      return
    }
    let target: number | undefined
    for (const name of above) {
      const id = idOf(name)
      if (id === undefined) continue
      if (transferRefusal(this.config, status, this.lastHeard, now, id) !== undefined) {
        this.healthySince.delete(id)
        continue
      }
      const since = this.healthySince.get(id) ?? now
      this.healthySince.set(id, since)
      if (target === undefined && now - since >= raft.reclaimAfterMs) target = id
    }
    if (target === undefined || now - this.leaderAt < raft.minLeaderTenureMs) return
    this.reclaiming = true
    this.m.logger.info({ to: target, ledForMs: now - this.leaderAt }, 'handing leadership back to a preferred leader')
    this.transferLeader(target)
      .catch((err: Error) => this.m.logger.warn({ to: target, err: err.message }, 'preferred leader reclaim failed'))
      .finally(() => (this.reclaiming = false))
  }

  /** Leader: proposes the next Raft membership change the config's consenters call for, if any. */
  private reconcileMembership(): void {
    if (!this.isLeader || this.created === undefined) return
    const status = this.node.status()
    const change = nextMembershipChange(this.config, status)
    if (change === undefined) return
    if (change.type === 'ConfChangeAddLearnerNode' && change.nodeId === this.opts.raftId) {
      // This leader is to become a learner (a DR switchover): it hands leadership to a voter that
      // stays one first, so that nobody waits out an election timeout; the new leader demotes it.
      if (status.leadTransferee !== 0) return
      const target = mostCaughtUpVoter(this.config, status, this.lastHeard, this.m.scheduler.monotonic())
      if (target !== undefined) {
        this.m.logger.info({ to: target }, 'handing leadership over before becoming a learner')
        this.transferLeadership(target)
      }
      return
    }
    try {
      this.node.proposeConfChange({ ...change, context: new Uint8Array(0) })
      this.m.logger.info({ change: change.type, node: change.nodeId }, 'raft membership change proposed')
      this.kick()
    } catch (err) {
      if (!(err instanceof RaftError)) throw err
      // One in flight already, or leadership moving: try again on a later tick.
    }
  }

  /** Waits until `txId` is in a committed block (on any orderer's proposal). */
  waitFor(txId: string, timeoutMs: number): Promise<number> {
    return this.waiters.wait(txId, timeoutMs)
  }

  /**
   * Cuts what is pending as soon as no block of ours is waiting to commit (checked once the
   * envelopes that arrive in this turn are in): a lightly loaded leader does not wait out
   * the batch timeout, and under load blocks fill while the previous one replicates.
   */
  private scheduleIdleCut(): void {
    if (this.idleCutScheduled) return
    this.idleCutScheduled = true
    this.m.scheduler.immediate(() => {
      this.idleCutScheduled = false
      const idle = this.created !== undefined && this.created.number < this.m.blocks.height
      if (!this.isLeader || !idle || this.cutter.pendingCount === 0) return
      this.m.scheduler.clear(this.batchTimer)
      this.batchTimer = undefined
      this.propose(this.cutter.cut())
    })
  }

  private propose(batch: PendingEnvelope[]): void {
    // A batch waits until this leader has applied everything before its term: only then do
    // it know the chain's tip, and whether an older leader already ordered a transaction.
    const st = this.node.basicStatus()
    // While leadership is being handed over, Raft takes no proposal: the batch waits, and goes
    // back to its clients (LEADER_CHANGED, resubmitted to the new leader) once another leads.
    if (st.applied < this.leaderSince || this.created === undefined || st.leadTransferee !== 0) {
      this.deferred.push(batch)
      return
    }
    const fresh = batch.filter((e) => {
      const block = this.recentTx.get(e.txId)
      if (block === undefined) return true
      this.waiters.resolve(e.txId, block)
      this.inFlightTx.delete(e.txId)
      return false
    })
    if (fresh.length === 0) return
    const number = this.created.number + 1
    // Ordering time never goes back, even if this node's clock is behind the last leader's.
    const timestamp = Math.max(this.m.clock.now(), this.created.timestamp)
    const bytes = createBlock(
      {
        number,
        timestamp,
        previousHash: this.created.hash,
        data: fresh.map((e) => e.bytes),
        lastConfig: this.lastConfig,
        raftIndex: st.lastIndex + 1,
      },
      this.opts.signer,
    )
    try {
      this.node.propose(bytes)
    } catch (err) {
      const code = err instanceof RaftError && err.code === 'ERR_RAFT_NOT_LEADER' ? OrdererErrorCode.LEADER_CHANGED : OrdererErrorCode.NO_LEADER
      for (const e of fresh) {
        this.inFlightTx.delete(e.txId)
        this.waiters.reject(e.txId, new OrdererError(code, `cannot order now: ${(err as Error).message}`, { txId: e.txId }))
      }
      return
    }
    this.created = { number, hash: parseBlock(bytes).hash, timestamp }
    this.kick()
  }

  // ---------------------------------------------------------------- the Ready loop

  /** Schedules the Ready loop; it runs one at a time. */
  private kick(): void {
    if (this.scheduled || this.stopped) return
    this.scheduled = true
    this.m.scheduler.immediate(() => {
      this.scheduled = false
      this.loop = this.runReady()
    })
  }

  /** Holds of the Ready loop (see paused()). */
  private pauses = 0

  /**
   * Runs `fn` while the Ready loop is idle and held (nothing is persisted or applied meanwhile),
   * so that a backup takes its snapshots of the WAL and the block store at one point.
   */
  async paused<T>(fn: () => T): Promise<T> {
    this.pauses++
    try {
      while (this.processing) await this.loop
      return fn()
    } finally {
      this.pauses--
      this.kick()
    }
  }

  private async runReady(): Promise<void> {
    if (this.processing || this.stopped || this.pauses > 0) return
    this.processing = true
    try {
      while (!this.stopped && this.node.hasReady()) {
        const rd: Ready = this.node.ready()
        // 1. persist (synced when Raft requires it) before anything that depends on it
        const t0 = this.m.scheduler.monotonic()
        await this.m.wal.save(rd)
        if (rd.entries.length > 0 || rd.hardState !== undefined) this.m.metrics.persistSeconds.observe((this.m.scheduler.monotonic() - t0) / 1000)
        // 2. send
        this.m.transport.send(rd.messages)
        // 3. apply
        if (rd.snapshot !== undefined) await this.applySnapshot(rd.snapshot)
        for (const e of rd.committedEntries) await this.applyEntry(e)
        // 4. advance
        this.node.advance()
        if (rd.softState !== undefined) this.onSoftState(rd.softState)
        const st = this.node.basicStatus()
        this.m.metrics.committedIndex.set(st.commit)
        this.m.metrics.raftTerm.set(st.term)
        await this.maybeStartCutting()
        if (rd.committedEntries.length > 0) this.scheduleIdleCut()
      }
    } catch (err) {
      this.m.logger.error({ err: (err as Error).stack ?? String(err) }, 'raft ready loop failed; stopping the chain')
      this.emit('fatal', err as Error)
    } finally {
      this.processing = false
    }
    if (!this.stopped && this.node.hasReady()) this.kick()
  }

  private onSoftState(s: SoftState): void {
    const before = this.soft
    this.soft = s
    this.m.metrics.raftRole.set(ROLE_VALUE[s.role] ?? 0)
    if (s.lead !== before.lead) {
      this.leaderChangedAt = this.m.clock.now()
      this.m.metrics.leaderChanges.inc()
      this.m.logger.info({ leader: s.lead, term: s.term, role: s.role }, 'raft leader changed')
      this.emit('leader', s.lead)
    }
    if (s.role === 'Leader' && before.role !== 'Leader') {
      this.leaderAt = this.m.scheduler.monotonic()
      this.healthySince.clear()
      this.leaderSince = this.node.basicStatus().lastIndex
      this.created = undefined
    }
    if (s.role !== 'Leader' && before.role === 'Leader') {
      // Envelopes not yet in a proposed block are handed back: the client resubmits them.
      const orphaned = [...this.cutter.cut(), ...this.deferred.flat()]
      this.deferred = []
      this.m.scheduler.clear(this.batchTimer)
      this.batchTimer = undefined
      for (const e of orphaned) {
        this.inFlightTx.delete(e.txId)
        this.waiters.reject(
          e.txId,
          new OrdererError(OrdererErrorCode.LEADER_CHANGED, 'leadership changed before the transaction was ordered', { txId: e.txId, leader: s.lead }),
        )
      }
      this.inFlightTx.clear()
      this.created = undefined
      this.configPending = false
    }
  }

  /** A new leader starts cutting once it has applied everything up to its first entry. */
  private async maybeStartCutting(): Promise<void> {
    if (!this.isLeader) return
    if (this.created === undefined) {
      if (this.node.basicStatus().applied < this.leaderSince) return
      const tip = this.m.blocks.tip
      if (tip === undefined) return
      const { timestamp } = parseBlock((await this.m.blocks.get(tip.number)) as Uint8Array).header
      this.created = { number: tip.number, hash: tip.hash, timestamp }
    }
    // Batches held back during a leadership transfer that did not happen go out now.
    if (this.deferred.length === 0 || this.node.basicStatus().leadTransferee !== 0) return
    const batches = this.deferred
    this.deferred = []
    for (const b of batches) this.propose(b)
  }

  private async applyEntry(e: Entry): Promise<void> {
    if (e.type === 'EntryConfChange') {
      const cc = decodeConfChange(e.data)
      this.confState = this.node.applyConfChange(cc)
      this.m.logger.info({ confState: this.confState, index: e.index }, 'raft membership changed')
      if (cc.type === 'ConfChangeRemoveNode' && cc.nodeId === this.opts.raftId) {
        this.m.logger.warn({ id: this.opts.raftId }, 'this orderer was removed from the consenters')
        this.emit('evicted')
      }
    } else if (e.data.byteLength > 0) {
      await this.applyBlock(e)
    }
  }

  private async applyBlock(e: Entry): Promise<void> {
    const block = parseBlock(e.data)
    const tip = this.m.blocks.tip
    if (tip !== undefined && block.number <= tip.number) return // applied before a restart
    if (tip === undefined || block.number !== tip.number + 1 || !bytesEqual(block.header.previousHash, tip.hash)) {
      // Built on a view of the chain that did not survive (a deposed leader's pipeline).
      // Every orderer sees the same log, so every orderer skips it alike.
      this.m.logger.warn({ number: block.number, index: e.index, height: this.m.blocks.height }, 'skipping a block that does not extend the chain')
      // A leader builds on the tip again (maybeStartCutting, later in this Ready round).
      if (this.isLeader) this.created = undefined
      return
    }
    const txIds = blockTxIds(block)
    let next: ChannelConfig | undefined
    if (isConfigBlock(block)) {
      next = this.checkConfigBlock(block)
      if (next === undefined) {
        if (this.isLeader) {
          this.created = undefined
          this.configPending = false
        }
        return
      }
    }
    await this.m.blocks.append(e.data, { number: block.number, hash: block.hash, txIds, raftIndex: e.index })
    if (next !== undefined) {
      this.configPending = false
      this.adoptConfig(next, block.number)
    }
    this.m.metrics.blockHeight.set(this.m.blocks.height)
    for (const txId of txIds) {
      if (txId === '') continue
      this.recentTx.set(txId, block.number)
      this.inFlightTx.delete(txId)
      this.waiters.resolve(txId, block.number)
    }
    while (this.recentTx.size > RECENT_TX_LIMIT) this.recentTx.delete(this.recentTx.keys().next().value as string)
    this.emit('block', block)
    const interval = this.config.raft!.snapshotIntervalBlocks
    if (interval > 0 && block.number % interval === 0) await this.snapshot(e.index, block)
  }

  /**
   * Re-validates a config block as every orderer (and every peer) must, deterministically:
   * certificates are judged at the block's ordering time. Returns the next config, or
   * undefined (the block is skipped by every orderer alike) if it is not a valid update.
   */
  private checkConfigBlock(block: ParsedBlock): ChannelConfig | undefined {
    try {
      return validateConfigBlock(this.config, this.msp, block)
    } catch (err) {
      this.m.logger.warn({ block: block.number, err: (err as Error).message }, 'skipping an invalid config block')
      return undefined
    }
  }

  /** Puts a config in force from block `number` on (applied here, or fetched while catching up). */
  adoptConfig(next: ChannelConfig, number: number): void {
    this.config = next
    this.lastConfig = number
    this.msp = channelMsp(next, this.m.clock)
    this.m.logger.info({ block: number, sequence: next.sequence, consenters: next.consenters.map((c) => c.id) }, 'channel config updated')
    this.emit('config', next)
  }

  private async snapshot(index: number, block: ParsedBlock): Promise<void> {
    const data = OrdererSnapshot.encode({ blockNumber: block.number, blockHash: block.hash })
    await this.m.wal.snapshotAndCompact(index, this.confState, data, index - LOG_TAIL_AFTER_SNAPSHOT)
    this.m.logger.info({ index, block: block.number }, 'raft snapshot taken, log compacted')
  }

  /** A snapshot from the leader: the chain is at least at its block; fetch what we lack. */
  private async applySnapshot(s: Snapshot): Promise<void> {
    const info = decode(OrdererSnapshot, s.data, 'OrdererSnapshot')
    this.confState = s.metadata.confState
    this.m.logger.info({ index: s.metadata.index, block: info.blockNumber, height: this.m.blocks.height }, 'installing raft snapshot')
    if (info.blockNumber >= this.m.blocks.height) await this.m.catchUp(info.blockNumber)
  }
}
