import type { Logger, Rng } from '@consort/types'
import { RaftError, RaftErrorCode } from './errors.js'
import type { Storage } from './storage.js'

export interface RaftConfig {
  /** This node's id; never 0. */
  id: number
  /** Ticks of silence before a follower campaigns; randomized in [electionTick, electionTick + electionJitter). */
  electionTick: number
  /**
   * Spread of the randomized election timeout, in ticks (default electionTick, as etcd). A
   * smaller spread makes failover faster and closer to electionTick; PreVote keeps the rarer
   * split elections harmless.
   */
  electionJitter?: number
  /** Ticks between a leader's heartbeats; must be less than electionTick. */
  heartbeatTick: number
  storage: Storage
  /** Last applied index, when restarting with state the application already applied. */
  applied?: number
  /** Bytes of entries in one append message. */
  maxSizePerMsg?: number
  /** Unacknowledged appends in flight to one follower. */
  maxInflightMsgs?: number
  /** Bytes of committed entries handed out in one Ready. */
  maxCommittedSizePerReady?: number
  /** A leader steps down when it has not heard from a quorum for an election timeout. */
  checkQuorum?: boolean
  /** Run a pre-election so that a partitioned node cannot disrupt the cluster on rejoining. */
  preVote?: boolean
}

export interface RaftModules {
  rng: Rng
  logger: Logger
}

export interface ResolvedConfig extends Required<Omit<RaftConfig, 'applied'>> {
  applied: number
}

export function resolveConfig(c: RaftConfig): ResolvedConfig {
  const bad = (reason: string): never => {
    throw new RaftError(RaftErrorCode.INVALID_CONFIG, reason, { id: c.id })
  }
  if (!Number.isSafeInteger(c.id) || c.id <= 0) bad('id must be a positive integer')
  if (c.heartbeatTick <= 0) bad('heartbeatTick must be positive')
  if (c.electionTick <= c.heartbeatTick) bad('electionTick must be greater than heartbeatTick')
  const resolved: ResolvedConfig = {
    id: c.id,
    electionTick: c.electionTick,
    electionJitter: c.electionJitter ?? c.electionTick,
    heartbeatTick: c.heartbeatTick,
    storage: c.storage,
    applied: c.applied ?? 0,
    maxSizePerMsg: c.maxSizePerMsg ?? 1024 * 1024,
    maxInflightMsgs: c.maxInflightMsgs ?? 256,
    maxCommittedSizePerReady: c.maxCommittedSizePerReady ?? 16 * 1024 * 1024,
    checkQuorum: c.checkQuorum ?? true,
    preVote: c.preVote ?? true,
  }
  if (resolved.maxInflightMsgs <= 0) bad('maxInflightMsgs must be positive')
  if (!Number.isInteger(resolved.electionJitter) || resolved.electionJitter < 1) bad('electionJitter must be a positive integer')
  return resolved
}
