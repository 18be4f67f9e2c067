// Where a leadership transfer may go, from a leader's Raft status (a pure function).
import { DEFAULT_BATCH, DEFAULT_RAFT, normalizeChannelConfig } from '@consort/protocol'
import type { Status } from '@consort/raft'
import { describe, expect, it } from 'vitest'
import { nextMembershipChange, transferTarget } from '../../src/membership.js'

const config = normalizeChannelConfig({
  channelId: 'consort',
  orgs: [{ mspId: 'Org1', rootCerts: [new Uint8Array([1])], revoked: [], anchorPeers: [] }],
  consenters: [1, 2, 3, 4].map((id) => ({ id, name: `orderer${id}`, org: 'Org1', address: '/ip4/127.0.0.1/tcp/1', certificate: new Uint8Array([id]) })),
  raft: DEFAULT_RAFT,
  batch: DEFAULT_BATCH,
})

/** A leader's status (node 1, last index 100) with each peer's match; node 4 a learner unless `voters` says otherwise. */
function leaderStatus(match: Record<number, number>, voters = [1, 2, 3], learners = [4]): Status {
  const progress = new Map(
    Object.entries(match).map(([id, m]) => [Number(id), { match: m, next: m + 1, state: 'Replicate', isLearner: learners.includes(Number(id)) }]),
  )
  return {
    id: 1,
    term: 2,
    commit: 100,
    applied: 100,
    lastIndex: 100,
    leadTransferee: 0,
    hardState: { term: 2, vote: 1, commit: 100 },
    softState: { lead: 1, role: 'Leader' },
    confState: { voters, learners },
    progress,
  } as unknown as Status
}
const NOW = 10_000
const heard = new Map([
  [2, NOW - 100],
  [3, NOW - 100],
  [4, NOW - 100],
])

describe('transferTarget', () => {
  it('goes to the named voter when it is up and caught up', () => {
    expect(transferTarget(config, leaderStatus({ 1: 100, 2: 100, 3: 95 }), heard, NOW, { to: 3, configPending: false })).toBe(3)
  })

  it('without a target, picks the most caught-up voter that is up', () => {
    expect(transferTarget(config, leaderStatus({ 1: 100, 2: 97, 3: 100, 4: 10 }), heard, NOW, { configPending: false })).toBe(3)
    const only2 = new Map([[2, NOW - 100]])
    expect(transferTarget(config, leaderStatus({ 1: 100, 2: 97, 3: 100 }), only2, NOW, { configPending: false })).toBe(2)
  })

  it('refuses a learner, a voter down or behind, an unknown id, and any transfer while a change is pending, saying which', () => {
    // Node 4 caught up but a learner: a membership change (its promotion) is due, so first that one…
    const s = leaderStatus({ 1: 100, 2: 100, 3: 100, 4: 100 })
    expect(() => transferTarget(config, s, heard, NOW, { to: 4, configPending: false })).toThrow(/config or membership change is in progress/)
    // …and a learner still catching up is refused as such.
    const behind4 = leaderStatus({ 1: 100, 2: 100, 3: 100, 4: 10 })
    expect(() => transferTarget(config, behind4, heard, NOW, { to: 4, configPending: false })).toThrow(/orderer4 is a learner/)
    expect(() => transferTarget(config, behind4, heard, NOW, { to: 2, configPending: true })).toThrow(/change is in progress/)
    const silent = new Map([[2, NOW - 5000]])
    expect(() => transferTarget(config, behind4, silent, NOW, { to: 2, configPending: false })).toThrow(
      /orderer2 is down or cut off: not heard from for 5000 ms/,
    )
    expect(() => transferTarget(config, behind4, silent, NOW, { to: 3, configPending: false })).toThrow(/orderer3 is down or cut off: never heard from/)
    const lagging = leaderStatus({ 1: 100, 2: 50, 3: 100, 4: 10 })
    expect(() => transferTarget(config, lagging, heard, NOW, { to: 2, configPending: false })).toThrow(/orderer2 is behind: it holds entry 50 of 100/)
    expect(() => transferTarget(config, lagging, heard, NOW, { to: 9, configPending: false })).toThrow(/raft id 9 is not a voter/)
    expect(() => transferTarget(config, leaderStatus({ 1: 100, 2: 50, 3: 40, 4: 10 }), new Map(), NOW, { configPending: false })).toThrow(
      /no other voter is up and caught up/,
    )
  })

  it('refuses on a follower', () => {
    const follower = { ...leaderStatus({}), softState: { lead: 2, role: 'Follower' } } as unknown as Status
    expect(() => transferTarget(config, follower, heard, NOW, { to: 2, configPending: false })).toThrow(/does not lead/)
  })
})

describe('nextMembershipChange with a DR site', () => {
  // Nodes 1-3 at the active site vote; node 4 is a DR site's learner.
  const withSites = (learners: number[]) =>
    normalizeChannelConfig({
      ...config,
      consenters: config.consenters.map((c) => ({ ...c, learner: learners.includes(c.id), site: learners.includes(c.id) ? 'west' : 'east' })),
    })

  it('keeps a caught-up learner a learner while the config says so', () => {
    expect(nextMembershipChange(withSites([4]), leaderStatus({ 1: 100, 2: 100, 3: 100, 4: 100 }))).toBeUndefined()
  })

  it('promotes a learner the config makes a voter once it is caught up, then demotes a voter the config makes a learner', () => {
    // Node 4 to vote, node 3 to learn: the promotion comes first (the quorum never shrinks first).
    const cfg = withSites([3])
    expect(nextMembershipChange(cfg, leaderStatus({ 1: 100, 2: 100, 3: 100, 4: 50 }))).toBeUndefined()
    expect(nextMembershipChange(cfg, leaderStatus({ 1: 100, 2: 100, 3: 100, 4: 100 }))).toEqual({ type: 'ConfChangeAddNode', nodeId: 4 })
    expect(nextMembershipChange(cfg, leaderStatus({ 1: 100, 2: 100, 3: 100, 4: 100 }, [1, 2, 3, 4], []))).toEqual({
      type: 'ConfChangeAddLearnerNode',
      nodeId: 3,
    })
    expect(nextMembershipChange(cfg, leaderStatus({ 1: 100, 2: 100, 3: 100, 4: 100 }, [1, 2, 4], [3]))).toBeUndefined()
  })
})
