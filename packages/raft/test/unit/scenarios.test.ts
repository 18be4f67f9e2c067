// Scenario tests named after sections of the Raft paper (Ongaro & Ousterhout, 2014) and
// Ongaro's thesis (2014). Each drives a real in-memory cluster deterministically.
import { silentLogger, seededRng } from '@consort/types'
import { describe, expect, it } from 'vitest'
import { decodeMessage, MemoryStorage, message, RaftErrorCode, RawNode } from '../../src/index.js'
import { Progress } from '../../src/progress.js'
import type { Entry } from '../../src/index.js'
import { Cluster } from '../harness.js'

const enc = new TextEncoder()
const entry = (index: number, term: number, data = ''): Entry => ({ index, term, type: 'EntryNormal', data: enc.encode(data) })

describe('§5.2 leader election', () => {
  it('elects one leader; the others follow it in its term', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    expect(c.raw(1).raft.state).toBe('Leader')
    for (const id of [2, 3]) {
      expect(c.raw(id).raft.state).toBe('Follower')
      expect(c.raw(id).raft.lead).toBe(1)
      expect(c.raw(id).raft.term).toBe(c.raw(1).raft.term)
    }
  })

  it('elects a leader by election timeout alone', () => {
    const c = new Cluster([1, 2, 3], {}, 7)
    for (let t = 0; t < 40 && c.leader() === 0; t++) {
      c.tickAll()
      c.stabilize()
    }
    expect(c.leader()).not.toBe(0)
  })

  it('election safety: at most one leader per term when two candidates race', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const c = new Cluster([1, 2, 3, 4, 5], {}, seed)
      c.raw(1).campaign()
      c.raw(2).campaign()
      c.maxDelay = 2
      for (let round = 0; round < 100; round++) {
        c.readyAll()
        c.now++
        const due = c.inflight.filter((f) => f.deliverAt <= c.now)
        c.inflight = c.inflight.filter((f) => f.deliverAt > c.now)
        for (const f of due) c.deliver(f)
        const leadersByTerm = new Map<number, number[]>()
        for (const n of c.nodes.values()) {
          if (!n.raw.isLeader) continue
          const list = leadersByTerm.get(n.raw.raft.term) ?? []
          list.push(n.id)
          leadersByTerm.set(n.raw.raft.term, list)
        }
        for (const [, ids] of leadersByTerm) expect(ids.length).toBe(1)
      }
    }
  })

  it('§5.4.1 election restriction: a node with a stale log cannot win', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    c.isolate(3)
    c.propose(1, 'a')
    c.stabilize()
    c.heal()
    c.isolate(1)
    c.raw(3).campaign()
    c.stabilize()
    expect(c.raw(3).raft.state).not.toBe('Leader')
    c.raw(2).campaign()
    c.stabilize()
    expect(c.raw(2).raft.state).toBe('Leader')
  })
})

describe('§5.3 log replication', () => {
  it('replicates and applies proposals in order on every node', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    for (let i = 0; i < 10; i++) c.propose(1, `p${i}`)
    c.stabilize()
    const want = Array.from({ length: 10 }, (_, i) => `p${i}`)
    for (const id of [1, 2, 3]) expect(c.payloads(id)).toEqual(want)
  })

  it('refuses a proposal on a follower with an error naming the leader', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(2)
    expect(() => c.propose(1, 'x')).toThrow(expect.objectContaining({ code: RaftErrorCode.NOT_LEADER, meta: { leader: 2 } }))
    const fresh = new Cluster([1, 2, 3])
    expect(() => fresh.propose(1, 'x')).toThrow(expect.objectContaining({ code: RaftErrorCode.NOT_LEADER, meta: { leader: 0 } }))
  })

  it('repairs a follower whose log diverged, backtracking a term at a time', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    c.propose(1, 'base')
    c.stabilize()
    // Node 1 appends 50 entries that never replicate, then loses leadership.
    c.isolate(1)
    for (let i = 0; i < 50; i++) c.propose(1, `lost${i}`)
    c.stabilize()
    const leader = c.awaitNewLeader([1])
    c.propose(leader, 'kept')
    c.stabilize()
    c.heal()
    let rejections = 0
    const original = c.deliver.bind(c)
    c.deliver = (f) => {
      if (f.from === 1 && decodeMessage(f.msg).reject) rejections++
      return original(f)
    }
    c.tickAll(2)
    c.stabilize()
    expect(c.payloads(1)).toEqual(['base', 'kept'])
    // One rejection reveals the whole mismatched term: far fewer round trips than entries.
    expect(rejections).toBeLessThan(10)
  })

  it('pipelines appends within the in-flight window', () => {
    const c = new Cluster([1, 2, 3], { maxInflightMsgs: 4, maxSizePerMsg: 1 })
    c.elect(1)
    c.raw(1).raft.msgs.length = 0
    for (let i = 0; i < 10; i++) c.propose(1, `p${i}`)
    const toTwo = c.raw(1).raft.msgs.filter((m) => m.type === 'MsgApp' && m.to === 2)
    // Each proposal broadcasts; after 4 unacknowledged appends the window is full.
    expect(toTwo.length).toBe(4)
    c.stabilize()
    expect(c.payloads(3)).toHaveLength(10)
  })
})

describe('§5.4.2 committing entries from previous terms (figure 8)', () => {
  it('does not commit an old-term entry by counting replicas, only with a current-term entry', () => {
    // Node 1 holds an entry of term 2 that nobody else has; it becomes leader of term 4.
    const storages = [1, 2, 3].map(() => new MemoryStorage({ voters: [1, 2, 3], learners: [] }))
    storages[0]!.append([entry(1, 1), entry(2, 2)])
    storages[1]!.append([entry(1, 1)])
    storages[2]!.append([entry(1, 1)])
    for (const s of storages) s.setHardState({ term: 3, vote: 0, commit: 1 })
    const nodes = storages.map(
      (storage, i) => new RawNode({ id: i + 1, storage, electionTick: 10, heartbeatTick: 1, preVote: false }, { rng: seededRng(i), logger: silentLogger }),
    )
    const leader = nodes[0]!
    leader.campaign()
    leader.step(message({ type: 'MsgVoteResp', from: 2, to: 1, term: 4 }))
    expect(leader.raft.state).toBe('Leader')
    expect(leader.raft.term).toBe(4)
    expect(leader.raft.log.lastIndex()).toBe(3) // the term-4 empty entry
    // A follower acknowledges index 2 (the term-2 entry): a majority holds it, yet it must not commit.
    leader.step(message({ type: 'MsgAppResp', from: 2, to: 1, term: 4, index: 2 }))
    expect(leader.raft.log.committed).toBe(1)
    // Once the term-4 entry is on a majority, it commits, and index 2 with it.
    leader.step(message({ type: 'MsgAppResp', from: 2, to: 1, term: 4, index: 3 }))
    expect(leader.raft.log.committed).toBe(3)
  })
})

describe('thesis §9.6 PreVote', () => {
  it('a partitioned node that rejoins does not disrupt the leader', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    const term = c.raw(1).raft.term
    c.isolate(3)
    for (let i = 0; i < 100; i++) {
      c.tickAll()
      c.stabilize()
    }
    // Pre-campaigning does not raise its term.
    expect(c.raw(3).raft.term).toBe(term)
    c.heal()
    for (let i = 0; i < 30; i++) {
      c.tickAll()
      c.stabilize()
    }
    expect(c.leader()).toBe(1)
    expect(c.raw(1).raft.term).toBe(term)
    expect(c.raw(3).raft.lead).toBe(1)
  })

  it('without PreVote or CheckQuorum, the same rejoin forces a new election', () => {
    const c = new Cluster([1, 2, 3], { preVote: false, checkQuorum: false })
    c.elect(1)
    const term = c.raw(1).raft.term
    c.isolate(3)
    for (let i = 0; i < 100; i++) {
      c.tickAll()
      c.stabilize()
    }
    expect(c.raw(3).raft.term).toBeGreaterThan(term)
    c.heal()
    for (let i = 0; i < 30; i++) {
      c.tickAll()
      c.stabilize()
    }
    expect(c.raw(c.leader()).raft.term).toBeGreaterThan(term)
  })
})

describe('thesis §6.2 CheckQuorum', () => {
  it('a leader that cannot hear from a quorum steps down within an election timeout', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    c.isolate(1)
    for (let i = 0; i < 2 * c.opts.electionTick + 1; i++) {
      c.tickAll()
      c.stabilize()
    }
    expect(c.raw(1).raft.state).toBe('Follower')
    const other = c.leader()
    expect([2, 3]).toContain(other)
  })

  it('followers in a leader lease ignore a disruptive vote request', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    const term = c.raw(1).raft.term
    c.raw(2).step(message({ type: 'MsgVote', from: 3, to: 2, term: term + 5, index: 100, logTerm: term + 4 }))
    expect(c.raw(2).raft.term).toBe(term)
    expect(c.raw(2).raft.vote).not.toBe(3)
  })
})

describe('a follower told its leader is unreachable', () => {
  /** Three voters with the orderers' election jitter (3 ticks), node 1 elected. */
  const ledBy1 = (seed?: number): Cluster => {
    const c = new Cluster([1, 2, 3], { electionJitter: 3 }, seed)
    c.elect(1)
    return c
  }

  it('campaigns within a few ticks instead of an election timeout, and wins when the leader is gone', () => {
    const c = ledBy1()
    c.node(1).crash()
    c.raw(2).reportUnreachable(1)
    c.raw(3).reportUnreachable(1)
    let ticks = 0
    for (; ticks < c.opts.electionTick && c.leader() === 0; ticks++) {
      c.tickAll()
      c.stabilize()
    }
    expect([2, 3]).toContain(c.leader())
    expect(ticks).toBeLessThanOrEqual(4)
  })

  it("the leader's successor (the next voter by id) campaigns at once, without a tick", () => {
    const c = new Cluster([1, 2, 3, 4, 5], { electionJitter: 3 })
    c.elect(4)
    c.node(4).crash()
    // Node 5 comes after 4: it campaigns; node 1 (the next after 5) does not.
    for (const id of [1, 2, 3, 5]) c.raw(id).reportUnreachable(4)
    c.stabilize()
    expect(c.leader()).toBe(5)
  })

  it('a pre-vote ignored under the lease is answered once that voter notices the loss too', () => {
    const c = ledBy1()
    c.node(1).crash()
    // Node 2 (the successor) notices first; node 3 still vouches for the leader and ignores its pre-vote.
    c.raw(2).reportUnreachable(1)
    c.stabilize()
    expect(c.raw(2).raft.state).toBe('PreCandidate')
    expect(c.leader()).toBe(0)
    // Node 3 notices: it answers the pre-vote it ignored, and node 2 wins, still without a tick.
    c.raw(3).reportUnreachable(1)
    c.stabilize()
    expect(c.leader()).toBe(2)
  })

  it('a voter that backs the successor does not campaign against it at its next tick', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const c = ledBy1(seed)
      c.node(1).crash()
      c.raw(2).reportUnreachable(1)
      c.stabilize()
      // Node 3 notices and grants node 2's pre-vote; its own tick comes before node 2 hears back.
      c.raw(3).reportUnreachable(1)
      c.raw(3).tick()
      expect(c.raw(3).raft.state).toBe('Follower')
      c.stabilize()
      expect(c.leader()).toBe(2)
    }
  })

  it('when the successor lacks entries, the voter after it that holds them campaigns at once', () => {
    const c = ledBy1()
    // Node 3 has an entry node 2 lacks: only 3 can win.
    c.cut(1, 2)
    c.propose(1, 'only-on-3')
    c.stabilize()
    c.node(1).crash()
    c.heal()
    c.raw(2).reportUnreachable(1)
    c.raw(3).reportUnreachable(1)
    c.stabilize()
    expect(c.leader()).toBe(3)
  })

  it('two pre-candidates whose pre-votes cross do not split the vote: the later one in the succession gives way', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const c = ledBy1(seed)
      const term = c.raw(2).raft.term
      c.node(1).crash()
      // Both time out before either hears from the other (no transport report: plain timeouts).
      for (let t = 0; t < c.opts.electionTick + 3; t++) {
        c.raw(2).tick()
        c.raw(3).tick()
      }
      expect(c.raw(2).raft.state).toBe('PreCandidate')
      expect(c.raw(3).raft.state).toBe('PreCandidate')
      c.stabilize()
      expect(c.leader()).not.toBe(0)
      expect(c.raw(c.leader()).raft.term).toBe(term + 1)
    }
  })

  it('forgets an ignored pre-vote once it hears from its leader again', () => {
    const c = ledBy1()
    const term = c.raw(1).raft.term
    c.cut(1, 2)
    c.raw(2).reportUnreachable(1)
    c.stabilize()
    expect(c.raw(2).raft.state).toBe('PreCandidate')
    // Node 3 ignored node 2's pre-vote; then a heartbeat from node 1 reaches it.
    c.raw(1).tick()
    c.stabilize()
    // A connection of node 3's to node 1 breaks: the old pre-vote is not answered.
    c.raw(3).reportUnreachable(1)
    c.stabilize()
    expect(c.raw(2).raft.state).toBe('PreCandidate')
    expect(c.raw(3).raft.term).toBe(term)
  })

  it('a pre-candidate whose pre-votes met a voter that had not noticed yet tries again within a few ticks', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const c = ledBy1(seed)
      // Node 2 has an entry node 3 lacks: only 2 can win.
      c.cut(1, 3)
      c.propose(1, 'only-on-2')
      c.stabilize()
      c.node(1).crash()
      c.heal()
      c.raw(2).reportUnreachable(1)
      let ticks = 0
      for (; ticks < 5 && c.raw(2).raft.state !== 'PreCandidate'; ticks++) {
        c.tickAll()
        c.stabilize()
      }
      // Node 3 still holds its lease and ignored the pre-votes; now it notices too.
      expect(c.raw(2).raft.state).toBe('PreCandidate')
      c.raw(3).reportUnreachable(1)
      for (; ticks < 12 && c.leader() === 0; ticks++) {
        c.tickAll()
        c.stabilize()
      }
      expect(c.leader()).toBe(2)
      expect(ticks).toBeLessThanOrEqual(8)
    }
  })

  it('does not unseat a leader the other voters still hear from', () => {
    const c = ledBy1()
    const term = c.raw(1).raft.term
    c.cut(1, 2)
    c.raw(2).reportUnreachable(1)
    for (let t = 0; t < 5; t++) {
      c.tickAll()
      c.stabilize()
    }
    expect(c.raw(1).raft.state).toBe('Leader')
    expect(c.raw(3).raft.term).toBe(term)
  })
})

/** Node 3 was cut off while 30 entries committed and node 1 compacted its log past them. */
function followerBehindCompaction(): Cluster {
  const c = new Cluster([1, 2, 3])
  c.elect(1)
  c.isolate(3)
  for (let i = 0; i < 30; i++) c.propose(1, `p${i}`)
  c.stabilize()
  expect(c.node(1).compact(2)).toBe(true)
  return c
}

describe('§7 log compaction and InstallSnapshot', () => {
  it('a follower too far behind receives a snapshot and catches up', () => {
    const c = followerBehindCompaction()
    expect(c.node(1).storage.firstIndex()).toBeGreaterThan(c.raw(3).raft.log.lastIndex() + 1)
    c.heal()
    let snaps = 0
    const original = c.deliver.bind(c)
    c.deliver = (f) => {
      if (f.to === 3 && decodeMessage(f.msg).type === 'MsgSnap') snaps++
      return original(f)
    }
    for (let i = 0; i < 5; i++) {
      c.tickAll()
      c.stabilize()
    }
    expect(c.node(3).storage.snapshot().metadata.index).toBeGreaterThan(0)
    expect(c.payloads(3)).toEqual(c.payloads(1))
    c.propose(1, 'after')
    c.stabilize()
    expect(c.payloads(3).at(-1)).toBe('after')
    expect(snaps).toBe(1)
  })
})

describe('a snapshot received but not applied yet', () => {
  it('does not stop the follower from campaigning when its leader goes', () => {
    const c = followerBehindCompaction()
    c.heal()
    // Let the snapshot reach node 3 but do not hand node 3's Ready to the application.
    let snap: Uint8Array | undefined
    const original = c.deliver.bind(c)
    c.deliver = (f) => {
      if (f.to === 3 && decodeMessage(f.msg).type === 'MsgSnap') {
        snap = f.msg
        return true
      }
      return original(f)
    }
    for (let i = 0; i < 3 && snap === undefined; i++) {
      c.tickAll()
      c.stabilize()
    }
    expect(snap).toBeDefined()
    c.raw(3).step(decodeMessage(snap as Uint8Array))
    expect(c.raw(3).raft.log.applied).toBeLessThan(c.raw(3).raft.log.committed)
    // Its leader is gone; its election timer fires while the snapshot is still pending.
    c.raw(3).reportUnreachable(1)
    expect(() => {
      for (let i = 0; i < 3 * c.opts.electionTick; i++) c.raw(3).tick()
    }).not.toThrow()
    expect(c.raw(3).raft.state).not.toBe('Follower')
  })
})

describe('thesis §4.1 single-server membership change', () => {
  it('adds a learner, promotes it, removes a voter, one change at a time', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    c.propose(1, 'before')
    c.stabilize()

    c.raw(1).proposeConfChange({ type: 'ConfChangeAddLearnerNode', nodeId: 4, context: new Uint8Array() })
    // A second change while the first is in flight is refused.
    expect(() => c.raw(1).proposeConfChange({ type: 'ConfChangeRemoveNode', nodeId: 2, context: new Uint8Array() })).toThrow(
      expect.objectContaining({ code: RaftErrorCode.CONF_CHANGE_PENDING }),
    )
    c.stabilize()
    // A joining node starts from the membership that includes it, as an orderer joining
    // from the latest config block does; the log replays the rest.
    c.addNode(4, c.raw(1).raft.confState())
    c.tickAll()
    c.stabilize()
    expect(c.raw(1).raft.confState()).toEqual({ voters: [1, 2, 3], learners: [4] })
    expect(c.payloads(4)).toEqual(['before'])
    // A learner never campaigns.
    for (let i = 0; i < 50; i++) c.raw(4).tick()
    c.stabilize()
    expect(c.raw(4).raft.state).toBe('Follower')

    c.raw(1).proposeConfChange({ type: 'ConfChangeAddNode', nodeId: 4, context: new Uint8Array() })
    c.stabilize()
    expect(c.raw(4).raft.confState()).toEqual({ voters: [1, 2, 3, 4], learners: [] })

    c.raw(1).proposeConfChange({ type: 'ConfChangeRemoveNode', nodeId: 2, context: new Uint8Array() })
    c.stabilize()
    expect(c.raw(1).raft.confState()).toEqual({ voters: [1, 3, 4], learners: [] })
    // With 2 gone, 3 of {1,3,4} is a quorum without it.
    c.node(2).crash()
    c.propose(1, 'after')
    c.stabilize()
    expect(c.payloads(4)).toEqual(['before', 'after'])
  })
})

describe('thesis §3.10 leadership transfer', () => {
  it('hands leadership to an up-to-date follower with TimeoutNow', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    const term = c.raw(1).raft.term
    c.raw(1).transferLeadership(2)
    c.stabilize()
    expect(c.leader()).toBe(2)
    expect(c.raw(2).raft.term).toBe(term + 1)
  })

  it('brings a lagging transferee up to date first, refusing proposals meanwhile', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    c.isolate(3)
    for (let i = 0; i < 5; i++) c.propose(1, `p${i}`)
    c.stabilize()
    c.heal()
    c.raw(1).transferLeadership(3)
    expect(() => c.propose(1, 'during')).toThrow(expect.objectContaining({ code: RaftErrorCode.PROPOSAL_DROPPED }))
    c.stabilize()
    expect(c.leader()).toBe(3)
    expect(c.payloads(3)).toHaveLength(5)
  })

  it('primary reclaim: a preferred leader that returns takes leadership back', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    c.node(1).crash()
    const interim = c.awaitNewLeader([1])
    c.propose(interim, 'while-away')
    c.stabilize()
    c.node(1).start()
    c.tickAll()
    c.stabilize()
    // Asked on any node, the transfer is forwarded to the current leader.
    c.raw(1).transferLeadership(1)
    c.stabilize()
    expect(c.leader()).toBe(1)
    expect(c.payloads(1)).toEqual(['while-away'])
  })

  it('abandons a transfer to an unreachable node after an election timeout', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    c.isolate(3)
    c.raw(1).transferLeadership(3)
    c.stabilize()
    for (let i = 0; i < c.opts.electionTick; i++) {
      c.raw(1).tick()
      c.raw(2).tick()
      c.stabilize()
    }
    expect(c.leader()).toBe(1)
    expect(c.raw(1).raft.leadTransferee).toBe(0)
    c.propose(1, 'ok')
  })
})

describe('membership changes that would leave no voter', () => {
  it('refuses removing the last voter, and demoting it to learner', () => {
    const c = new Cluster([1])
    c.elect(1)
    c.raw(1).proposeConfChange({ type: 'ConfChangeAddLearnerNode', nodeId: 2, context: new Uint8Array() })
    c.stabilize()
    expect(c.raw(1).raft.confState()).toEqual({ voters: [1], learners: [2] })
    for (const type of ['ConfChangeRemoveNode', 'ConfChangeAddLearnerNode'] as const) {
      expect(() => c.raw(1).proposeConfChange({ type, nodeId: 1, context: new Uint8Array() })).toThrow(
        expect.objectContaining({ code: RaftErrorCode.INVALID_CONF_CHANGE }),
      )
    }
    // An entry that slipped into the log anyway is ignored alike by every node that applies it.
    expect(c.raw(1).applyConfChange({ type: 'ConfChangeRemoveNode', nodeId: 1, context: new Uint8Array() })).toEqual({ voters: [1], learners: [2] })
    c.propose(1, 'still leading')
    c.stabilize()
    expect(c.payloads(1)).toEqual(['still leading'])
  })
})

describe('leadership transfer to a node demoted meanwhile', () => {
  it('is aborted when the demotion applies, so proposals are taken again at once', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    c.isolate(3)
    // The demotion is in the log before the transfer starts; it commits with {1, 2}.
    c.raw(1).proposeConfChange({ type: 'ConfChangeAddLearnerNode', nodeId: 3, context: new Uint8Array() })
    c.raw(1).transferLeadership(3)
    expect(c.raw(1).raft.leadTransferee).toBe(3)
    c.stabilize()
    expect(c.raw(1).raft.confState()).toEqual({ voters: [1, 2], learners: [3] })
    expect(c.raw(1).raft.leadTransferee).toBe(0)
    c.propose(1, 'after')
    c.stabilize()
    expect(c.payloads(2)).toEqual(['after'])
  })
})

describe('flow control as in current etcd-io/raft', () => {
  it('an acknowledgement equal to Match moves a probing follower to Replicate', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    c.propose(1, 'x')
    c.stabilize()
    const leader = c.raw(1).raft
    const pr = leader.prs.get(2) as Progress
    pr.becomeProbe()
    leader.step(message({ type: 'MsgAppResp', from: 2, to: 1, term: leader.term, index: pr.match }))
    expect(pr.state).toBe('Replicate')
  })

  it('a stale rejection never rewinds Next below Match + 1', () => {
    const pr = new Progress(10, 4, false)
    pr.match = 5
    // A probe at 9 rejected with a hint far behind what the follower already acknowledged.
    expect(pr.maybeDecrTo(9, 2)).toBe(true)
    expect(pr.next).toBe(6)
  })

  it('a follower that lost acknowledged entries (restored from a backup) is probed again from where its log ends', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    for (let i = 0; i < 5; i++) c.propose(1, `p${i}`)
    c.stabilize()
    const leader = c.raw(1).raft
    const pr = leader.prs.get(2) as Progress
    const acked = pr.match
    expect(acked).toBeGreaterThan(3)
    leader.msgs.length = 0
    // Node 2 now holds only entries up to 2 (the leader's term is on every entry after the first).
    leader.step(message({ type: 'MsgAppResp', from: 2, to: 1, term: leader.term, index: acked, reject: true, rejectHint: 2, logTerm: leader.term }))
    expect(pr.match).toBe(0)
    expect(pr.state).toBe('Probe')
    expect(leader.msgs.find((m) => m.type === 'MsgApp' && m.to === 2)?.index).toBeLessThanOrEqual(2)
  })

  it('heartbeat responses free no in-flight slot', () => {
    const c = new Cluster([1, 2, 3], { maxInflightMsgs: 2, maxSizePerMsg: 1 })
    c.elect(1)
    const leader = c.raw(1).raft
    c.cut(1, 2)
    for (let i = 0; i < 4; i++) c.propose(1, `p${i}`)
    const pr = leader.prs.get(2) as Progress
    expect(pr.state).toBe('Replicate')
    expect(pr.inflights.full()).toBe(true)
    leader.msgs.length = 0
    leader.step(message({ type: 'MsgHeartbeatResp', from: 2, to: 1, term: leader.term }))
    expect(pr.inflights.full()).toBe(true)
    // At most an empty append, whose answer clears the window if everything in it was lost.
    expect(leader.msgs.filter((m) => m.type === 'MsgApp' && m.to === 2 && m.entries.length > 0)).toEqual([])
    c.heal()
    c.tickAll(2)
    c.stabilize()
    expect(c.payloads(2)).toEqual(['p0', 'p1', 'p2', 'p3'])
  })
})

describe('RawNode input checks', () => {
  it('refuses local-only message types from the network', () => {
    const c = new Cluster([1, 2, 3])
    expect(() => c.raw(1).step(message({ type: 'MsgHup', from: 2 }))).toThrow(expect.objectContaining({ code: RaftErrorCode.STEP_LOCAL_MSG }))
  })

  it('refuses responses from non-members', () => {
    const c = new Cluster([1, 2, 3])
    c.elect(1)
    expect(() => c.raw(1).step(message({ type: 'MsgAppResp', from: 9, term: c.raw(1).raft.term }))).toThrow(
      expect.objectContaining({ code: RaftErrorCode.STEP_PEER_NOT_FOUND }),
    )
  })

  it('rejects an invalid configuration', () => {
    const storage = new MemoryStorage({ voters: [1], learners: [] })
    expect(() => new RawNode({ id: 1, storage, electionTick: 1, heartbeatTick: 1 }, { rng: seededRng(1), logger: silentLogger })).toThrow(
      expect.objectContaining({ code: RaftErrorCode.INVALID_CONFIG }),
    )
  })

  it('a single-node cluster commits by itself', () => {
    const c = new Cluster([1])
    c.elect(1)
    c.propose(1, 'solo')
    c.stabilize()
    expect(c.payloads(1)).toEqual(['solo'])
  })
})
