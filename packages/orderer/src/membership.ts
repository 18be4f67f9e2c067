import type { ConfChange, Status } from '@consort/raft'
import type { ChannelConfig } from '@consort/types'

/** The next Raft membership change that brings the members in line with the config's consenters, one at a time. */
export function nextMembershipChange(config: ChannelConfig, status: Status): Omit<ConfChange, 'context'> | undefined {
  const cs = status.confState
  const desired = new Set(config.consenters.map((c) => c.id))
  const members = [...cs.voters, ...cs.learners]
  const gone = members.find((id) => !desired.has(id))
  if (gone !== undefined) return { type: 'ConfChangeRemoveNode', nodeId: gone }
  // A new consenter joins as a learner…
  const fresh = [...desired].find((id) => !members.includes(id))
  if (fresh !== undefined) return { type: 'ConfChangeAddLearnerNode', nodeId: fresh }
  // …and becomes a voter once it has caught up.
  const ready = cs.learners.find((id) => {
    const pr = status.progress.get(id)
    return pr !== undefined && pr.match + 10 >= status.lastIndex
  })
  return ready === undefined ? undefined : { type: 'ConfChangeAddNode', nodeId: ready }
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
  const window = Math.max(500, 5 * config.raft!.heartbeatTick * config.raft!.tickMs)
  for (const [id, pr] of status.progress) {
    if (pr.isLearner || id === leaving || id === status.id) continue
    // (An idle follower may sit in Probe with nothing to probe: the match is what counts.)
    if (pr.state === 'Snapshot' || pr.match + 100 < status.lastIndex) return false
    if (now - (lastHeard.get(id) ?? -Infinity) > window) return false
  }
  return true
}
