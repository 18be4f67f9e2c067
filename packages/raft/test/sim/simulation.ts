// Deterministic simulation: one seed decides a whole schedule of ticks, message delays,
// drops, duplicates, partitions, crashes (losing what was not persisted), restarts,
// snapshots, leadership transfers and membership changes. The Raft safety properties are
// checked after every step, liveness after the faults heal.
import { randomInt, seededRng } from '@consort/types'
import type { Rng } from '@consort/types'
import { NONE, RaftError } from '../../src/index.js'
import type { Entry } from '../../src/index.js'
import { Cluster } from '../harness.js'
import type { SimNode } from '../harness.js'

const dec = new TextDecoder()

export interface ScheduleOptions {
  seed: number
  nodes: 3 | 5
  /** Rounds with faults before everything heals. */
  faultRounds?: number
  /** Rounds allowed after healing for a leader to commit a new entry everywhere. */
  livenessRounds?: number
}

export interface ScheduleResult {
  seed: number
  nodes: number
  committed: number
  leaders: number
  crashes: number
  snapshots: number
  confChanges: number
  transfers: number
}

/** A property violation, with the seed that replays it and the last events. */
export class SimulationFailure extends Error {
  constructor(
    readonly seed: number,
    readonly nodes: number,
    reason: string,
    trace: string[],
  ) {
    super(
      `raft simulation failed: ${reason}\n` +
        `replay: SIM_SEED=${seed} SIM_NODES=${nodes} pnpm --filter @consort/raft exec vitest run test/sim\n` +
        `last events:\n  ${trace.slice(-40).join('\n  ')}`,
    )
  }
}

interface CommittedEntry {
  term: number
  data: string
}

class Checker {
  /** What some node applied at each index: every node must apply the same. */
  readonly committed = new Map<number, CommittedEntry>()
  /** term -> the node that led it. */
  readonly leaderOfTerm = new Map<number, number>()
  maxCommitted = 0

  constructor(private readonly fail: (reason: string) => never) {}

  onApply(id: number, e: Entry): void {
    const data = dec.decode(e.data)
    const seen = this.committed.get(e.index)
    if (seen === undefined) {
      this.committed.set(e.index, { term: e.term, data })
      this.maxCommitted = Math.max(this.maxCommitted, e.index)
    } else if (seen.term !== e.term || seen.data !== data) {
      this.fail(
        `state machine safety: node ${id} applied (${e.index}, t${e.term}, ${JSON.stringify(data)}) ` +
          `where another applied (t${seen.term}, ${JSON.stringify(seen.data)})`,
      )
    }
  }

  /**
   * Whatever a node believes committed is committed: record it the moment its commit index
   * moves, not only when it applies, so a wrong commit is caught even if never applied.
   */
  checkCommitted(nodes: Iterable<SimNode>): void {
    for (const n of nodes) {
      if (!n.up) continue
      const log = n.raw.raft.log
      const from = Math.max(log.firstIndex(), (this.seenCommit.get(n.id) ?? 0) + 1)
      if (from <= log.committed) for (const e of log.slice(from, log.committed + 1)) this.onApply(n.id, e)
      this.seenCommit.set(n.id, log.committed)
    }
  }

  private readonly seenCommit = new Map<number, number>()

  /** Election safety and leader completeness, for every node that is leader now. */
  checkLeaders(nodes: Iterable<SimNode>): void {
    for (const n of nodes) {
      if (!n.up || !n.raw.isLeader) continue
      const r = n.raw.raft
      const prev = this.leaderOfTerm.get(r.term)
      if (prev !== undefined && prev !== n.id) this.fail(`election safety: nodes ${prev} and ${n.id} both led term ${r.term}`)
      if (prev === undefined) {
        this.leaderOfTerm.set(r.term, n.id)
        this.checkCompleteness(n)
      }
    }
  }

  private checkCompleteness(n: SimNode): void {
    const log = n.raw.raft.log
    if (log.lastIndex() < this.maxCommitted) {
      this.fail(`leader completeness: leader ${n.id} (term ${n.raw.raft.term}) lacks committed index ${this.maxCommitted}`)
    }
    for (let i = log.firstIndex(); i <= this.maxCommitted; i++) {
      const c = this.committed.get(i)
      if (c === undefined) continue
      const [e] = log.slice(i, i + 1)
      if (e === undefined || e.term !== c.term || dec.decode(e.data) !== c.data) {
        this.fail(`leader completeness: leader ${n.id} (term ${n.raw.raft.term}) has a different entry at committed index ${i}`)
      }
    }
  }

  /** Log matching: where two logs hold an entry of the same index and term, they agree up to it. */
  checkLogMatching(nodes: SimNode[]): void {
    const live = nodes.filter((n) => n.up)
    for (let a = 0; a < live.length; a++) {
      for (let b = a + 1; b < live.length; b++) {
        const la = (live[a] as SimNode).raw.raft.log
        const lb = (live[b] as SimNode).raw.raft.log
        const lo = Math.max(la.firstIndex(), lb.firstIndex())
        let hi = Math.min(la.lastIndex(), lb.lastIndex())
        while (hi >= lo && la.term(hi) !== lb.term(hi)) hi--
        if (hi < lo) continue
        const ea = la.slice(lo, hi + 1)
        const eb = lb.slice(lo, hi + 1)
        for (let i = 0; i < ea.length; i++) {
          const x = ea[i] as Entry
          const y = eb[i] as Entry
          if (x.term !== y.term || dec.decode(x.data) !== dec.decode(y.data)) {
            this.fail(`log matching: nodes ${(live[a] as SimNode).id} and ${(live[b] as SimNode).id} agree at ${hi} but differ at ${x.index}`)
          }
        }
      }
    }
  }
}

function pick<T>(rng: Rng, xs: readonly T[]): T | undefined {
  return xs.length === 0 ? undefined : xs[randomInt(rng, xs.length)]
}

const KNOWN_REFUSALS = new Set(['ERR_RAFT_NOT_LEADER', 'ERR_RAFT_PROPOSAL_DROPPED', 'ERR_RAFT_CONF_CHANGE_PENDING'])

export function runSchedule(opts: ScheduleOptions): ScheduleResult {
  const { seed, nodes: n } = opts
  const rng = seededRng(seed * 7919 + n)
  const trace: string[] = []
  const fail = (reason: string): never => {
    throw new SimulationFailure(seed, n, reason, trace)
  }
  const ids = Array.from({ length: n }, (_, i) => i + 1)
  const spare = n + 1
  const c = new Cluster(
    ids,
    {
      electionTick: 10,
      // The orderers run with a narrow spread; the simulation tries both.
      electionJitter: pick(rng, [10, 10, 3, 2]) as number,
      heartbeatTick: 1,
      maxInflightMsgs: 1 + randomInt(rng, 8),
      maxSizePerMsg: pick(rng, [1, 1, 64, 1024, 1024 * 1024]) as number,
    },
    seed,
  )
  c.maxDelay = randomInt(rng, 4)
  c.dropRate = pick(rng, [0, 0.02, 0.1, 0.25]) as number
  c.dupRate = pick(rng, [0, 0.05, 0.2]) as number
  c.reportSnapshots = rng.next() < 0.5
  c.reportUnreachable = rng.next() < 0.5
  const membership = rng.next() < 0.35
  const checker = new Checker(fail)
  const wire = (node: SimNode) => {
    node.onApply = (id, e) => checker.onApply(id, e)
  }
  for (const node of c.nodes.values()) wire(node)
  const stats: ScheduleResult = { seed, nodes: n, committed: 0, leaders: 0, crashes: 0, snapshots: 0, confChanges: 0, transfers: 0 }
  let proposals = 0

  const guard = (what: string, fn: () => void): void => {
    try {
      fn()
    } catch (err) {
      if (err instanceof RaftError && KNOWN_REFUSALS.has(err.code)) {
        trace.push(`  ${what} refused: ${err.code} ${JSON.stringify(err.meta)}`)
        return
      }
      if (err instanceof SimulationFailure) throw err
      fail(`${what} threw ${(err as Error).stack ?? String(err)}`)
    }
  }

  const deliverDue = (): void => {
    const due: typeof c.inflight = []
    const later: typeof c.inflight = []
    for (const f of c.inflight) (f.deliverAt <= c.now ? due : later).push(f)
    c.inflight = later
    // Random order: delays already reorder; this shuffles messages due at the same time.
    for (let i = due.length - 1; i > 0; i--) {
      const j = randomInt(rng, i + 1)
      ;[due[i], due[j]] = [due[j] as (typeof due)[number], due[i] as (typeof due)[number]]
    }
    for (const f of due) guard(`deliver to ${f.to}`, () => void c.deliver(f))
  }

  const propose = (): void => {
    const node = pick(
      rng,
      [...c.nodes.values()].filter((x) => x.up),
    )
    if (node === undefined) return
    const payload = `s${seed}-${proposals++}`
    try {
      node.raw.propose(new TextEncoder().encode(payload))
      trace.push(`${c.now}: propose ${payload} on ${node.id}`)
    } catch (err) {
      if (err instanceof RaftError && err.code === 'ERR_RAFT_NOT_LEADER') {
        // The refusal must name the leader this node knows of, so a client can redirect.
        if (err.meta.leader !== node.raw.raft.lead) fail(`NOT_LEADER names ${String(err.meta.leader)}, node knows ${node.raw.raft.lead}`)
        return
      }
      if (err instanceof RaftError && KNOWN_REFUSALS.has(err.code)) return
      throw err
    }
  }

  const changeMembership = (): void => {
    const leaderId = c.leader()
    if (leaderId === NONE) return
    const leader = c.raw(leaderId)
    const cs = leader.raft.confState()
    let change: { type: 'ConfChangeAddNode' | 'ConfChangeRemoveNode' | 'ConfChangeAddLearnerNode'; nodeId: number }
    if (!cs.voters.includes(spare) && !cs.learners.includes(spare)) {
      if (c.nodes.has(spare)) return // removed earlier: ids are never reused
      change = { type: 'ConfChangeAddLearnerNode', nodeId: spare }
    } else if (cs.learners.includes(spare)) {
      change = { type: 'ConfChangeAddNode', nodeId: spare }
    } else if (cs.voters.length > 3) {
      const victim = pick(
        rng,
        cs.voters.filter((v) => v !== leaderId),
      ) as number
      change = { type: 'ConfChangeRemoveNode', nodeId: victim }
    } else {
      return
    }
    guard(`conf change ${change.type} ${change.nodeId}`, () => {
      leader.proposeConfChange({ ...change, context: new Uint8Array() })
      stats.confChanges++
      trace.push(`${c.now}: propose ${change.type} ${change.nodeId} on ${leaderId}`)
      if (change.type === 'ConfChangeAddLearnerNode' && !c.nodes.has(spare)) {
        // The joining node starts from the membership that includes it.
        wire(c.addNode(spare, { voters: cs.voters, learners: [...cs.learners, spare] }))
      }
    })
  }

  const step = (): void => {
    c.now++
    const all = [...c.nodes.values()]
    for (const node of all) if (node.up && rng.next() < 0.9) guard(`tick ${node.id}`, () => node.raw.tick())
    // Persistence lags: a node may hold unpersisted entries for a while, and lose them in a crash.
    for (const node of all) if (node.up && rng.next() < 0.7) guard(`ready ${node.id}`, () => c.enqueue(node.handleReady()))
    deliverDue()
  }

  // A third of the schedules churn leaders hard: the leader crashes often, right after
  // taking entries, and comes back soon — the ground for figure 8's uncommitted-entry races.
  const churn = rng.next() < 0.33
  const faultRounds = opts.faultRounds ?? 300
  let lastLeader = NONE
  for (let round = 0; round < faultRounds; round++) {
    step()
    if (churn) {
      const up = [...c.nodes.values()].filter((x) => x.up)
      const down = [...c.nodes.values()].filter((x) => !x.up)
      const q = rng.next()
      if (q < 0.4) propose()
      else if (q < 0.47 && c.leader() !== NONE) {
        const l = c.leader()
        c.node(l).crash()
        // What sat in its socket buffers dies with it.
        if (rng.next() < 0.5) c.inflight = c.inflight.filter((f) => f.from !== l)
        stats.crashes++
        trace.push(`${c.now}: crash leader ${l}`)
      } else if (q < 0.6 && down.length > 0) {
        const back = pick(rng, down) as SimNode
        guard(`restart ${back.id}`, () => back.start())
        trace.push(`${c.now}: restart ${back.id}`)
      } else if (q < 0.62 && up.length > 0) {
        const victim = pick(rng, up) as SimNode
        victim.crash()
        stats.crashes++
        trace.push(`${c.now}: crash ${victim.id}`)
      }
      checker.checkLeaders(c.nodes.values())
      checker.checkCommitted(c.nodes.values())
      if (round % 25 === 0) checker.checkLogMatching([...c.nodes.values()])
      continue
    }
    const r = rng.next()
    const up = [...c.nodes.values()].filter((x) => x.up)
    const down = [...c.nodes.values()].filter((x) => !x.up)
    if (r < 0.3) {
      propose()
    } else if (r < 0.32) {
      const victim = pick(rng, up)
      if (victim !== undefined) {
        victim.crash()
        stats.crashes++
        trace.push(`${c.now}: crash ${victim.id}`)
      }
    } else if (r < 0.35) {
      const back = pick(rng, down)
      if (back !== undefined) {
        guard(`restart ${back.id}`, () => back.start())
        trace.push(`${c.now}: restart ${back.id}`)
      }
    } else if (r < 0.37) {
      const shuffled = [...c.nodes.keys()].sort(() => rng.next() - 0.5)
      const cutAt = 1 + randomInt(rng, shuffled.length - 1)
      c.partitionInto([shuffled.slice(0, cutAt), shuffled.slice(cutAt)])
      trace.push(`${c.now}: partition ${JSON.stringify([shuffled.slice(0, cutAt), shuffled.slice(cutAt)])}`)
    } else if (r < 0.4) {
      c.heal()
      trace.push(`${c.now}: heal`)
    } else if (r < 0.41) {
      const from = pick(rng, up)
      const to = pick(rng, ids)
      if (from !== undefined && to !== undefined) {
        guard(`transfer to ${to}`, () => from.raw.transferLeadership(to))
        stats.transfers++
        trace.push(`${c.now}: transfer leadership to ${to} (asked on ${from.id})`)
      }
    } else if (r < 0.425) {
      // Crash the leader right after it took entries: the figure 8 setting, where a new
      // leader holds entries of an older term that only it can finish committing.
      const l = c.leader()
      if (l !== NONE) {
        propose()
        c.node(l).crash()
        stats.crashes++
        trace.push(`${c.now}: crash leader ${l}`)
      }
    } else if (r < 0.435) {
      const node = pick(rng, up)
      if (node !== undefined && node.compact(randomInt(rng, 5))) {
        stats.snapshots++
        trace.push(`${c.now}: snapshot+compact on ${node.id} at ${node.app.appliedIndex}`)
      }
    } else if (r < 0.445 && membership) {
      changeMembership()
    }
    checker.checkLeaders(c.nodes.values())
    checker.checkCommitted(c.nodes.values())
    const l = c.leader()
    if (l !== lastLeader && l !== NONE) {
      stats.leaders++
      trace.push(`${c.now}: leader is ${l} (term ${c.raw(l).raft.term})`)
    }
    lastLeader = l
    if (round % 25 === 0) checker.checkLogMatching([...c.nodes.values()])
  }

  // Heal: everything comes back, the network becomes reliable (but still delays).
  c.heal()
  c.dropRate = 0
  c.dupRate = 0
  trace.push(`${c.now}: heal all, restart all, reliable network`)
  for (const node of c.nodes.values()) if (!node.up) guard(`restart ${node.id}`, () => node.start())

  const marker = `final-${seed}`
  let markerProposedAt = -1
  const livenessRounds = opts.livenessRounds ?? 600
  for (let round = 0; round < livenessRounds; round++) {
    step()
    checker.checkLeaders(c.nodes.values())
    checker.checkCommitted(c.nodes.values())
    const l = c.leader()
    if (l === NONE) continue
    const members = c.raw(l).raft.confState().voters.concat(c.raw(l).raft.confState().learners)
    const done = members.every((id) => c.nodes.get(id)?.app.payloads.includes(marker) === true)
    if (done) {
      checker.checkLogMatching([...c.nodes.values()])
      // Every member applied the same sequence, as far as it got (the marker may have been
      // proposed twice, and a member may not have applied the second one yet).
      const reference = c.node(l).app.payloads
      for (const id of members) {
        const mine = c.node(id).app.payloads
        const shorter = Math.min(mine.length, reference.length)
        if (JSON.stringify(mine.slice(0, shorter)) !== JSON.stringify(reference.slice(0, shorter))) fail(`members ${l} and ${id} applied different sequences`)
      }
      stats.committed = c.node(l).app.payloads.length
      return stats
    }
    // (Re)propose the marker on the leader until it sticks: a leader may lose it.
    if (markerProposedAt < 0 || round - markerProposedAt > 100) {
      guard('propose marker', () => {
        c.raw(l).propose(new TextEncoder().encode(marker))
        markerProposedAt = round
        trace.push(`${c.now}: propose marker on ${l}`)
      })
    }
  }
  return fail(`liveness: no leader committed a new entry on every member within ${livenessRounds} rounds after healing`)
}
