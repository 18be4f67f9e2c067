import { ConsortError } from '@consort/types'

export const RaftErrorCode = {
  /** A proposal reached a node that is not the leader; meta.leader names the leader (0 if unknown). */
  NOT_LEADER: 'ERR_RAFT_NOT_LEADER',
  /** The leader could not take the proposal now (transfer in progress, removed from the cluster). */
  PROPOSAL_DROPPED: 'ERR_RAFT_PROPOSAL_DROPPED',
  /** A membership change is already in flight; one at a time. */
  CONF_CHANGE_PENDING: 'ERR_RAFT_CONF_CHANGE_PENDING',
  /** The requested index was compacted into a snapshot. */
  COMPACTED: 'ERR_RAFT_COMPACTED',
  /** The requested index is beyond the log. */
  UNAVAILABLE: 'ERR_RAFT_UNAVAILABLE',
  SNAPSHOT_OUT_OF_DATE: 'ERR_RAFT_SNAPSHOT_OUT_OF_DATE',
  SNAPSHOT_TEMPORARILY_UNAVAILABLE: 'ERR_RAFT_SNAPSHOT_TEMPORARILY_UNAVAILABLE',
  /** A message type that only the node itself may generate arrived from outside. */
  STEP_LOCAL_MSG: 'ERR_RAFT_STEP_LOCAL_MSG',
  /** A response from a node that is not in the configuration. */
  STEP_PEER_NOT_FOUND: 'ERR_RAFT_STEP_PEER_NOT_FOUND',
  INVALID_CONFIG: 'ERR_RAFT_INVALID_CONFIG',
  /** A membership change that would leave the cluster without a voter (it could never elect a leader). */
  INVALID_CONF_CHANGE: 'ERR_RAFT_INVALID_CONF_CHANGE',
  /** A broken invariant: a bug, or storage that lost acknowledged data. */
  INVARIANT: 'ERR_RAFT_INVARIANT',
} as const
export type RaftErrorCode = (typeof RaftErrorCode)[keyof typeof RaftErrorCode]

export class RaftError extends ConsortError<RaftErrorCode> {}

export function invariant(condition: boolean, message: string, meta: Record<string, unknown> = {}): asserts condition {
  if (!condition) throw new RaftError(RaftErrorCode.INVARIANT, message, meta)
}
