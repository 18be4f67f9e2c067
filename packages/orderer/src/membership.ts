import type { ConfChange, Status } from '@consort/raft'
import { OrdererError, OrdererErrorCode } from '@consort/client'
import type { ChannelConfig } from '@consort/types'

/**
 * The next Raft membership change that brings the members in line with the config's consenters,
 * one at a time: removals first, then new members (as learners), then a learner the config wants
 * voting once it has caught up, then a voter the config wants a learner (a DR site's orderers).
 */
export function nextMembershipChange(config: ChannelConfig, status: Status): Omit<ConfChange, 'context'> | undefined {
  const cs = status.confState
  const desired = new Map(config.consenters.map((c) => [c.id, c]))
  const members = [...cs.voters, ...cs.learners]
  const gone = members.find((id) => !desired.has(id))
  if (gone !== undefined) return { type: 'ConfChangeRemoveNode', nodeId: gone }
  // A new consenter joins as a learner…
  const fresh = [...desired.keys()].find((id) => !members.includes(id))
  if (fresh !== undefined) return { type: 'ConfChangeAddLearnerNode', nodeId: fresh }
  // …and becomes a voter once it has caught up, unless the config keeps it a learner.
  const promoting = cs.learners.filter((id) => desired.get(id)?.learner !== true)
  const ready = promoting.find((id) => {
    const pr = status.progress.get(id)
    return pr !== undefined && pr.match + 10 >= status.lastIndex
  })
  if (ready !== undefined) return { type: 'ConfChangeAddNode', nodeId: ready }
  // No voter leaves before the learners due to vote do: the quorum never shrinks first.
  if (promoting.length > 0) return undefined
  const demoted = cs.voters.find((id) => desired.get(id)?.learner === true)
  return demoted === undefined ? undefined : { type: 'ConfChangeAddLearnerNode', nodeId: demoted }
}

/**
 * Whether the cluster can take a membership change now: `status` is a leader's, and every
 * current consenter (but the one `leaving`) is replicating, close to the leader's log, and was
 * heard from within the last five heartbeats (`lastHeard`: monotonic ms by Raft id).
 */
export function healthyForMembershipChange(
  config: ChannelConfig,
  status: Status,
  lastHeard: ReadonlyMap<number, number>,
  now: number,
  leaving?: number,
): boolean {
  if (status.softState.role !== 'Leader') return false
  const window = silenceWindowMs(config)
  for (const [id, pr] of status.progress) {
    if (pr.isLearner || id === leaving || id === status.id) continue
    // (An idle follower may sit in Probe with nothing to probe: the match is what counts.)
    if (pr.state === 'Snapshot' || pr.match + 100 < status.lastIndex) return false
    if (now - (lastHeard.get(id) ?? -Infinity) > window) return false
  }
  return true
}

/** How long a consenter may go unheard and still count as up: five heartbeats, at least 500 ms. */
function silenceWindowMs(config: ChannelConfig): number {
  return Math.max(500, 5 * config.raft!.heartbeatTick * config.raft!.tickMs)
}

/** A consenter's name, by Raft id (for sentences). */
export function consenterName(config: ChannelConfig, id: number): string {
  return config.consenters.find((c) => c.id === id)?.name ?? `raft id ${id}`
}

/** How far behind the leader's log a transfer target may be (Raft sends it the rest before TimeoutNow). */
const TRANSFER_MAX_LAG = 10

/**
 * Why `id` cannot take leadership from the leader whose status this is, or undefined if it
 * can: it must be a voter, heard from within five heartbeats (`lastHeard`, monotonic ms), and
 * replicating within a few entries of the leader's log.
 */
export function transferRefusal(
  config: ChannelConfig,
  status: Status,
  lastHeard: ReadonlyMap<number, number>,
  now: number,
  id: number,
): OrdererError | undefined {
  const name = consenterName(config, id)
  if (status.confState.learners.includes(id)) {
    return new OrdererError(OrdererErrorCode.TARGET_LEARNER, `${name} is a learner (still catching up to become a voter)`)
  }
  const pr = status.progress.get(id)
  if (pr === undefined || !status.confState.voters.includes(id)) return new OrdererError(OrdererErrorCode.UNKNOWN_CONSENTER, `${name} is not a voter`)
  const silent = now - (lastHeard.get(id) ?? -Infinity)
  if (silent > silenceWindowMs(config)) {
    return new OrdererError(
      OrdererErrorCode.TARGET_DOWN,
      `${name} is down or cut off: ${Number.isFinite(silent) ? `not heard from for ${Math.round(silent)} ms` : 'never heard from'}`,
    )
  }
  if (pr.state === 'Snapshot' || pr.match + TRANSFER_MAX_LAG < status.lastIndex) {
    return new OrdererError(OrdererErrorCode.TARGET_BEHIND, `${name} is behind: it holds entry ${pr.match} of ${status.lastIndex}`)
  }
  return undefined
}

/**
 * Where a leadership transfer may go: `to` (a Raft id), or the most caught-up voter but this one
 * (the lowest id among equals). Refused (OrdererError) unless `status` is a leader's, no config
 * change is pending, and the target may take over (see transferRefusal).
 */
export function transferTarget(
  config: ChannelConfig,
  status: Status,
  lastHeard: ReadonlyMap<number, number>,
  now: number,
  opts: { to?: number; configPending: boolean },
): number {
  if (status.softState.role !== 'Leader') throw new OrdererError(OrdererErrorCode.NOT_LEADER, 'this orderer does not lead')
  if (opts.configPending || nextMembershipChange(config, status) !== undefined) {
    throw new OrdererError(OrdererErrorCode.CONFIG_PENDING, 'a config or membership change is in progress; transfer leadership once it is done')
  }
  if (opts.to !== undefined) {
    if (opts.to === status.id) return status.id
    const why = transferRefusal(config, status, lastHeard, now, opts.to)
    if (why !== undefined) throw why
    return opts.to
  }
  const target = mostCaughtUpVoter(config, status, lastHeard, now)
  if (target === undefined) throw new OrdererError(OrdererErrorCode.TARGET_DOWN, 'no other voter is up and caught up')
  return target
}

/**
 * The voter but the leader whose status this is that may take leadership (see transferRefusal)
 * and holds the most of the log (the lowest id among equals), leaving out one the config is
 * about to make a learner; undefined if there is none.
 */
export function mostCaughtUpVoter(config: ChannelConfig, status: Status, lastHeard: ReadonlyMap<number, number>, now: number): number | undefined {
  return status.confState.voters
    .filter((id) => id !== status.id && config.consenters.find((c) => c.id === id)?.learner !== true)
    .filter((id) => transferRefusal(config, status, lastHeard, now, id) === undefined)
    .sort((a, b) => (status.progress.get(b)?.match ?? 0) - (status.progress.get(a)?.match ?? 0) || a - b)[0]
}
