import { EventEmitter } from 'node:events'
import type { MembershipService, SigningIdentity } from '@consort/identity'
import { blockTxIds, channelMsp, createBlock, isConfigBlock, parseBlock, validateConfigBlock } from '@consort/protocol'
import type { ParsedBlock } from '@consort/protocol'
import { decodeConfChange, RaftError, RawNode } from '@consort/raft'
import type { ConfState, Entry, Message, Ready, Snapshot, SoftState } from '@consort/raft'
import type { LevelBlockStore, LevelRaftWal } from '@consort/storage'
import { bytesEqual } from '@consort/crypto'
import { OrdererSnapshot, decode } from '@consort/types'
import type { ChannelConfig, Clock, Logger, Rng } from '@consort/types'
import { BlockCutter } from './blockCutter.js'
import type { PendingEnvelope } from './blockCutter.js'
import { OrdererError, OrdererErrorCode } from '@consort/client'
import type { OrdererMetrics } from './metrics.js'
import type { RaftTransport } from './raftTransport.js'

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
  transport: RaftTransport
  metrics: OrdererMetrics
  logger: Logger
  rng: Rng
  /** The ordering time written into each block this node cuts. */
  clock: Clock
  /** Brings the block store up to `number` from other orderers (after a snapshot). */
  catchUp: (toBlock: number) => Promise<void>
}

interface Waiter {
  resolve: (blockNumber: number) => void
  reject: (err: OrdererError) => void
}

/**
 * One channel's chain on one orderer: drives Raft (tick timer and the Ready loop: persist,
 * send, apply, advance), cuts blocks when leader, applies committed blocks to the block
 * store, and tells waiting broadcasts when their transaction is in a committed block.
 */
export class Chain extends EventEmitter {
  readonly node: RawNode
  private readonly cutter: BlockCutter
  private readonly waiters = new Map<string, Waiter[]>()
  private readonly recentTx = new Map<string, number>()
  /** Tx ids this leader has queued or put in proposed blocks, not yet committed. */
  private readonly inFlightTx = new Set<string>()
  private confState: ConfState
  private soft: SoftState
  private tickTimer: NodeJS.Timeout | undefined
  private batchTimer: NodeJS.Timeout | undefined
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
  /** Leader only: a config block is proposed and not yet applied. */
  private configPending = false
  /** Leader only: batches cut before this leader may propose (see propose()). */
  private deferred: PendingEnvelope[][] = []

  constructor(
    private readonly opts: ChainOptions,
    private readonly m: ChainModules,
  ) {
    super()
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
    this.confState = this.node.raft.confState()
    this.soft = this.node.raft.softState()
  }

  start(): void {
    this.stopped = false
    const tickMs = this.config.raft!.tickMs
    const tick = () => {
      this.node.tick()
      this.reconcileMembership()
      this.kick()
    }
    // Ticks start at a random phase: orderers started together would otherwise tick in step,
    // and two followers that lose their leader at the same moment would campaign in the same
    // millisecond and split the vote.
    this.tickTimer = setTimeout(
      () => {
        if (!this.stopped) this.tickTimer = setInterval(tick, tickMs)
      },
      Math.floor(this.m.rng.next() * tickMs),
    )
    this.m.metrics.blockHeight.set(this.m.blocks.height)
    this.kick()
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.tickTimer)
    if (this.batchTimer) clearTimeout(this.batchTimer)
    for (const [, ws] of this.waiters) {
      for (const w of ws) w.reject(new OrdererError(OrdererErrorCode.SHUTTING_DOWN, 'orderer is shutting down'))
    }
    this.waiters.clear()
    while (this.processing) await new Promise((r) => setTimeout(r, 5))
  }

  // ---------------------------------------------------------------- status

  /** When (epoch ms) this node last saw the leader change, for operators and benchmarks. */
  leaderChangedAt = 0

  get leader(): number {
    return this.soft.lead
  }

  get isLeader(): boolean {
    return this.soft.role === 'Leader'
  }

  get role(): string {
    return this.soft.role
  }

  get term(): number {
    return this.node.raft.term
  }

  get height(): number {
    return this.m.blocks.height
  }

  get applied(): number {
    return this.node.raft.log.applied
  }

  // ---------------------------------------------------------------- inputs

  step(m: Message): void {
    if (this.stopped) return
    this.lastHeard.set(m.from, performance.now())
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
    const done = this.waitFor(env.txId, timeoutMs)
    if (!this.inFlightTx.has(env.txId)) {
      this.inFlightTx.add(env.txId)
      const batches = this.cutter.ordered(env)
      for (const b of batches) this.propose(b)
      this.scheduleIdleCut()
      if (this.cutter.pendingCount > 0 && this.batchTimer === undefined) {
        this.batchTimer = setTimeout(() => {
          this.batchTimer = undefined
          const b = this.cutter.cut()
          if (b.length > 0) this.propose(b)
        }, this.config.batch!.batchTimeoutMs)
      } else if (this.cutter.pendingCount === 0 && this.batchTimer !== undefined) {
        clearTimeout(this.batchTimer)
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
    const done = this.waitFor(env.txId, timeoutMs)
    this.configPending = true
    this.inFlightTx.add(env.txId)
    const pending = this.cutter.cut()
    if (pending.length > 0) this.propose(pending)
    this.propose([env])
    return done
  }

  /**
   * Whether the cluster can take a membership change now: this node leads and every
   * current consenter (but the one `leaving`) is replicating and close to the leader's log.
   */
  healthyForMembershipChange(leaving?: number): boolean {
    if (!this.isLeader) return false
    const st = this.node.status()
    const last = this.node.raft.log.lastIndex()
    // Heartbeats go out every heartbeat tick; a live follower answers each one.
    const window = Math.max(500, 5 * this.config.raft!.heartbeatTick * this.config.raft!.tickMs)
    const now = performance.now()
    for (const [id, pr] of st.progress) {
      if (pr.isLearner || id === leaving || id === this.opts.raftId) continue
      // (An idle follower may sit in Probe with nothing to probe: the match is what counts.)
      if (pr.state === 'Snapshot' || pr.match + 100 < last) return false
      if (now - (this.lastHeard.get(id) ?? -Infinity) > window) return false
    }
    return true
  }

  /**
   * Leader: brings Raft's membership in line with the config's consenters, one change at a
   * time. A new consenter joins as a learner and becomes a voter once it has caught up.
   */
  private reconcileMembership(): void {
    if (!this.isLeader || this.created === undefined) return
    const cs = this.node.raft.confState()
    const desired = new Set(this.config.consenters.map((c) => c.id))
    const members = [...cs.voters, ...cs.learners]
    let change: { type: 'ConfChangeAddNode' | 'ConfChangeRemoveNode' | 'ConfChangeAddLearnerNode'; nodeId: number } | undefined
    const gone = members.find((id) => !desired.has(id))
    if (gone !== undefined) {
      change = { type: 'ConfChangeRemoveNode', nodeId: gone }
    } else {
      const fresh = [...desired].find((id) => !members.includes(id))
      if (fresh !== undefined) {
        change = { type: 'ConfChangeAddLearnerNode', nodeId: fresh }
      } else {
        const last = this.node.raft.log.lastIndex()
        const ready = cs.learners.find((id) => {
          const pr = this.node.raft.prs.get(id)
          return pr !== undefined && pr.match + 10 >= last
        })
        if (ready !== undefined) change = { type: 'ConfChangeAddNode', nodeId: ready }
      }
    }
    if (change === undefined) return
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
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        const list = this.waiters.get(txId)
        if (list !== undefined) {
          const i = list.indexOf(w)
          if (i >= 0) list.splice(i, 1)
          if (list.length === 0) this.waiters.delete(txId)
        }
        reject(new OrdererError(OrdererErrorCode.TIMEOUT, `transaction ${txId} was not committed within ${timeoutMs} ms`, { txId }))
      }, timeoutMs)
      const w: Waiter = {
        resolve: (n) => {
          clearTimeout(timer)
          resolve(n)
        },
        reject: (e) => {
          clearTimeout(timer)
          reject(e)
        },
      }
      const list = this.waiters.get(txId) ?? []
      list.push(w)
      this.waiters.set(txId, list)
    })
  }

  /**
   * Cuts what is pending as soon as no block of ours is waiting to commit (checked once the
   * envelopes that arrive in this turn are in): a lightly loaded leader does not wait out
   * the batch timeout, and under load blocks fill while the previous one replicates.
   */
  private scheduleIdleCut(): void {
    if (this.idleCutScheduled) return
    this.idleCutScheduled = true
    setImmediate(() => {
      this.idleCutScheduled = false
      const idle = this.created !== undefined && this.created.number < this.m.blocks.height
      if (!this.isLeader || !idle || this.cutter.pendingCount === 0) return
      if (this.batchTimer !== undefined) clearTimeout(this.batchTimer)
      this.batchTimer = undefined
      this.propose(this.cutter.cut())
    })
  }

  private propose(batch: PendingEnvelope[]): void {
    // A batch waits until this leader has applied everything before its term: only then do
    // it know the chain's tip, and whether an older leader already ordered a transaction.
    if (this.node.raft.log.applied < this.leaderSince || this.created === undefined) {
      this.deferred.push(batch)
      return
    }
    const fresh = batch.filter((e) => {
      const block = this.recentTx.get(e.txId)
      if (block === undefined) return true
      this.resolveWaiters(e.txId, block)
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
        raftIndex: this.node.raft.log.lastIndex() + 1,
      },
      this.opts.signer,
    )
    try {
      this.node.propose(bytes)
    } catch (err) {
      const code = err instanceof RaftError && err.code === 'ERR_RAFT_NOT_LEADER' ? OrdererErrorCode.LEADER_CHANGED : OrdererErrorCode.NO_LEADER
      for (const e of fresh) {
        this.inFlightTx.delete(e.txId)
        this.rejectWaiters(e.txId, new OrdererError(code, `cannot order now: ${(err as Error).message}`, { txId: e.txId }))
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
    setImmediate(() => {
      this.scheduled = false
      void this.runReady()
    })
  }

  private async runReady(): Promise<void> {
    if (this.processing || this.stopped) return
    this.processing = true
    try {
      while (!this.stopped && this.node.hasReady()) {
        const rd: Ready = this.node.ready()
        // 1. persist (synced when Raft requires it) before anything that depends on it
        const t0 = performance.now()
        await this.m.wal.save(rd)
        if (rd.entries.length > 0 || rd.hardState !== undefined) this.m.metrics.persistSeconds.observe((performance.now() - t0) / 1000)
        // 2. send
        this.m.transport.send(rd.messages)
        // 3. apply
        if (rd.snapshot !== undefined) await this.applySnapshot(rd.snapshot)
        for (const e of rd.committedEntries) await this.applyEntry(e)
        // 4. advance
        this.node.advance()
        if (rd.softState !== undefined) this.onSoftState(rd.softState)
        this.m.metrics.committedIndex.set(this.node.raft.log.committed)
        this.m.metrics.raftTerm.set(this.node.raft.term)
        await this.maybeStartCutting()
        if (rd.committedEntries.length > 0) this.scheduleIdleCut()
      }
    } catch (err) {
      this.m.logger.error({ err: (err as Error).stack ?? String(err) }, 'raft ready loop failed; stopping the chain')
      this.emit('fatal', err)
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
      this.leaderChangedAt = Date.now()
      this.m.metrics.leaderChanges.inc()
      this.m.logger.info({ leader: s.lead, term: s.term, role: s.role }, 'raft leader changed')
      this.emit('leader', s.lead)
    }
    if (s.role === 'Leader' && before.role !== 'Leader') {
      this.leaderSince = this.node.raft.log.lastIndex()
      this.created = undefined
    }
    if (s.role !== 'Leader' && before.role === 'Leader') {
      // Envelopes not yet in a proposed block are handed back: the client resubmits them.
      const orphaned = [...this.cutter.cut(), ...this.deferred.flat()]
      this.deferred = []
      if (this.batchTimer) clearTimeout(this.batchTimer)
      this.batchTimer = undefined
      for (const e of orphaned) {
        this.inFlightTx.delete(e.txId)
        this.rejectWaiters(
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
    if (!this.isLeader || this.created !== undefined) return
    if (this.node.raft.log.applied < this.leaderSince) return
    const tip = this.m.blocks.tip
    if (tip === undefined) return
    const { timestamp } = parseBlock((await this.m.blocks.get(tip.number)) as Uint8Array).header
    this.created = { number: tip.number, hash: tip.hash, timestamp }
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
      this.resolveWaiters(txId, block.number)
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

  private resolveWaiters(txId: string, block: number): void {
    const list = this.waiters.get(txId)
    if (list === undefined) return
    this.waiters.delete(txId)
    for (const w of list) w.resolve(block)
  }

  private rejectWaiters(txId: string, err: OrdererError): void {
    const list = this.waiters.get(txId)
    if (list === undefined) return
    this.waiters.delete(txId)
    for (const w of list) w.reject(err)
  }
}
