// An in-memory cluster for tests: nodes with a MemoryStorage as their "disk", a replicated
// state machine (a list of applied payloads), and a network that can delay, drop,
// duplicate, reorder and partition. Everything is driven by one seeded Rng.
import { randomInt, seededRng, silentLogger } from '@consort/types'
import type { Rng } from '@consort/types'
import { decodeConfChange, decodeMessage, encodeMessage, MemoryStorage, NONE, RawNode } from '../src/index.js'
import type { ConfState, Entry, Message, RaftConfig, Ready } from '../src/index.js'

const enc = new TextEncoder()
const dec = new TextDecoder()

export interface NodeOptions {
  electionTick?: number
  electionJitter?: number
  heartbeatTick?: number
  preVote?: boolean
  checkQuorum?: boolean
  maxSizePerMsg?: number
  maxInflightMsgs?: number
}

/** The application's state: the payloads of applied normal entries, and the membership. */
interface AppState {
  appliedIndex: number
  payloads: string[]
  confState: ConfState
}

function encodeApp(s: AppState): Uint8Array {
  return enc.encode(JSON.stringify(s))
}

function decodeApp(b: Uint8Array): AppState {
  return JSON.parse(dec.decode(b)) as AppState
}

export class SimNode {
  node: RawNode | undefined
  app: AppState
  /** Applied entries in order, with their terms: what the state machine safety check reads. */
  onApply: (id: number, e: Entry) => void = () => {}

  constructor(
    readonly id: number,
    readonly storage: MemoryStorage,
    private readonly opts: Required<NodeOptions>,
    private readonly rng: Rng,
  ) {
    this.app = { appliedIndex: 0, payloads: [], confState: storage.initialState().confState }
    this.start()
  }

  get up(): boolean {
    return this.node !== undefined
  }

  get raw(): RawNode {
    if (this.node === undefined) throw new Error(`node ${this.id} is down`)
    return this.node
  }

  /** Starts (or restarts) from what the storage holds: the snapshot, then committed entries replay. */
  start(): void {
    const snap = this.storage.snapshot()
    this.app = snap.metadata.index > 0 ? decodeApp(snap.data) : { appliedIndex: 0, payloads: [], confState: this.storage.initialState().confState }
    const config: RaftConfig = {
      id: this.id,
      storage: this.storage,
      electionTick: this.opts.electionTick,
      electionJitter: this.opts.electionJitter,
      heartbeatTick: this.opts.heartbeatTick,
      preVote: this.opts.preVote,
      checkQuorum: this.opts.checkQuorum,
      maxSizePerMsg: this.opts.maxSizePerMsg,
      maxInflightMsgs: this.opts.maxInflightMsgs,
      applied: snap.metadata.index,
    }
    this.node = new RawNode(config, { rng: this.rng, logger: silentLogger })
  }

  /** Loses everything not persisted: the Raft object and any Ready not yet handled. */
  crash(): void {
    this.node = undefined
  }

  /** Handles one Ready in the documented order and returns the messages to send. */
  handleReady(): Message[] {
    const node = this.raw
    if (!node.hasReady()) return []
    const rd: Ready = node.ready()
    // 1. persist
    if (rd.snapshot !== undefined) this.storage.applySnapshot(rd.snapshot)
    this.storage.append(rd.entries)
    if (rd.hardState !== undefined) this.storage.setHardState(rd.hardState)
    // 2. send (returned to the caller) 3. apply
    if (rd.snapshot !== undefined) {
      this.app = decodeApp(rd.snapshot.data)
    }
    for (const e of rd.committedEntries) {
      if (e.type === 'EntryConfChange') {
        this.app.confState = node.applyConfChange(decodeConfChange(e.data))
      } else if (e.data.byteLength > 0) {
        this.app.payloads.push(dec.decode(e.data))
      }
      this.app.appliedIndex = e.index
      this.onApply(this.id, e)
    }
    // 4. advance
    node.advance()
    return rd.messages
  }

  /** Snapshots the state machine at its applied index and compacts all but `keep` entries. */
  compact(keep: number): boolean {
    const applied = this.app.appliedIndex
    const held = this.storage.snapshot().metadata.index
    if (applied <= held || applied > this.storage.lastIndex()) return false
    this.storage.createSnapshot(applied, this.app.confState, encodeApp(this.app))
    this.storage.compact(Math.max(held, applied - keep))
    return true
  }
}

export interface InFlight {
  msg: Uint8Array
  from: number
  to: number
  deliverAt: number
}

/** A cluster of SimNodes and the network between them. */
export class Cluster {
  readonly nodes = new Map<number, SimNode>()
  readonly rng: Rng
  readonly opts: Required<NodeOptions>
  /** Messages in flight, encoded, as on a real wire. */
  inflight: InFlight[] = []
  now = 0
  dropRate = 0
  dupRate = 0
  maxDelay = 0
  /** Whether the transport tells a leader that a snapshot it sent was lost (as a real one does when it can). */
  reportSnapshots = true
  /** Whether both ends of a message that cannot be delivered learn the other is unreachable (as a reset connection tells them). */
  reportUnreachable = false
  private partition: Map<number, number> | undefined
  private readonly cuts = new Set<string>()

  constructor(ids: number[], opts: NodeOptions = {}, seed = 1) {
    this.rng = seededRng(seed)
    this.opts = {
      electionTick: opts.electionTick ?? 10,
      electionJitter: opts.electionJitter ?? opts.electionTick ?? 10,
      heartbeatTick: opts.heartbeatTick ?? 1,
      preVote: opts.preVote ?? true,
      checkQuorum: opts.checkQuorum ?? true,
      maxSizePerMsg: opts.maxSizePerMsg ?? 1024 * 1024,
      maxInflightMsgs: opts.maxInflightMsgs ?? 256,
    }
    for (const id of ids) this.addNode(id, { voters: ids, learners: [] })
  }

  addNode(id: number, confState: ConfState): SimNode {
    const n = new SimNode(id, new MemoryStorage(confState), this.opts, this.rng)
    this.nodes.set(id, n)
    return n
  }

  node(id: number): SimNode {
    const n = this.nodes.get(id)
    if (n === undefined) throw new Error(`no node ${id}`)
    return n
  }

  raw(id: number): RawNode {
    return this.node(id).raw
  }

  leader(): number {
    const leaders = [...this.nodes.values()].filter((n) => n.up && n.raw.isLeader)
    // With several nodes that think they lead (a stale one in a minority), take the highest term.
    leaders.sort((a, b) => b.raw.raft.term - a.raw.raft.term)
    return leaders[0]?.id ?? NONE
  }

  // ---------------------------------------------------------------- network

  canTalk(a: number, b: number): boolean {
    if (this.cuts.has(`${a}-${b}`) || this.cuts.has(`${b}-${a}`)) return false
    if (this.partition === undefined) return true
    return this.partition.get(a) === this.partition.get(b)
  }

  /** Splits the nodes into groups that cannot talk to each other. */
  partitionInto(groups: number[][]): void {
    this.partition = new Map()
    groups.forEach((g, i) => g.forEach((id) => this.partition?.set(id, i)))
  }

  isolate(id: number): void {
    for (const other of this.nodes.keys()) if (other !== id) this.cut(id, other)
  }

  cut(a: number, b: number): void {
    this.cuts.add(`${a}-${b}`)
  }

  heal(): void {
    this.partition = undefined
    this.cuts.clear()
  }

  enqueue(msgs: Message[]): void {
    for (const m of msgs) {
      if (this.dropRate > 0 && this.rng.next() < this.dropRate) {
        if (m.type === 'MsgSnap') this.snapshotLost(m.from, m.to)
        continue
      }
      const copies = this.dupRate > 0 && this.rng.next() < this.dupRate ? 2 : 1
      const bytes = encodeMessage(m)
      for (let i = 0; i < copies; i++) {
        const delay = this.maxDelay > 0 ? randomInt(this.rng, this.maxDelay + 1) : 0
        this.inflight.push({ msg: bytes, from: m.from, to: m.to, deliverAt: this.now + delay })
      }
    }
  }

  /** Delivers one message to its node; returns false if it was dropped on the way. */
  deliver(f: InFlight): boolean {
    const target = this.nodes.get(f.to)
    const m = decodeMessage(f.msg)
    if (target === undefined || !target.up || !this.canTalk(f.from, f.to)) {
      if (m.type === 'MsgSnap') this.snapshotLost(f.from, f.to)
      if (this.reportUnreachable) {
        const sender = this.nodes.get(f.from)
        if (sender?.up === true) sender.raw.reportUnreachable(f.to)
        if (target?.up === true) target.raw.reportUnreachable(f.from)
      }
      return false
    }
    try {
      target.raw.step(m)
    } catch (err) {
      // A response from a node no longer in the configuration is refused; that is fine.
      if ((err as { code?: string }).code !== 'ERR_RAFT_STEP_PEER_NOT_FOUND') throw err
    }
    return true
  }

  private snapshotLost(from: number, to: number): void {
    const sender = this.nodes.get(from)
    if (this.reportSnapshots && sender?.up === true) sender.raw.reportSnapshot(to, true)
  }

  /** Handles every live node's Ready and sends what they produce. */
  readyAll(): void {
    for (const n of this.nodes.values()) if (n.up) this.enqueue(n.handleReady())
  }

  /**
   * Delivers everything now (no delays) until the network is quiet, as etcd's tests do
   * with `send`. Bounded, so a livelock fails the test instead of hanging it.
   */
  stabilize(maxRounds = 10_000): void {
    for (let round = 0; round < maxRounds; round++) {
      this.readyAll()
      if (this.inflight.length === 0) return
      const batch = this.inflight
      this.inflight = []
      for (const f of batch) this.deliver(f)
    }
    throw new Error('cluster did not stabilize')
  }

  tickAll(n = 1): void {
    for (let i = 0; i < n; i++) for (const node of this.nodes.values()) if (node.up) node.raw.tick()
  }

  /** Has a node campaign now, then stabilizes. Followers inside a leader lease will refuse. */
  elect(id: number): void {
    this.raw(id).campaign()
    this.stabilize()
  }

  /** Ticks until some node other than those in `not` leads; returns it. */
  awaitNewLeader(not: number[], maxTicks = 200): number {
    for (let t = 0; t < maxTicks; t++) {
      this.tickAll()
      this.stabilize()
      const l = this.leader()
      if (l !== NONE && !not.includes(l)) return l
    }
    throw new Error('no new leader elected')
  }

  propose(id: number, payload: string): void {
    this.raw(id).propose(enc.encode(payload))
  }

  payloads(id: number): string[] {
    return this.node(id).app.payloads
  }
}
