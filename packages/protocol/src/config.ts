import type { VerifiedSignatures } from '@consort/crypto'
import type { MembershipService } from '@consort/identity'
import { ChannelConfig, ConfigUpdate, decode, DecodeError, Envelope, HeaderType, Payload } from '@consort/types'
import type { BatchConfig, Clock, Consenter, RaftConfig } from '@consort/types'
import { MembershipService as Msp } from '@consort/identity'
import { createBlock, parseBlock } from './blocks.js'
import type { ParsedBlock } from './blocks.js'
import { createHeader, openEnvelope } from './envelope.js'
import { ProtocolError, ProtocolErrorCode } from './errors.js'

/**
 * Block cutting defaults, chosen for latency: a block is cut at 500 envelopes, at 2 MB, or
 * 50 ms after its first envelope arrived, whichever comes first; no envelope over 10 MB.
 */
export const DEFAULT_BATCH: BatchConfig = {
  maxMessageCount: 500,
  preferredMaxBytes: 2 * 1024 * 1024,
  absoluteMaxBytes: 10 * 1024 * 1024,
  batchTimeoutMs: 50,
}

/**
 * Raft timing defaults: a 100 ms tick, a heartbeat every tick, an election after 10 ticks
 * of silence (randomized to 10-12, so a failover takes about a second), a snapshot every
 * 1,000 blocks. No preferred leader; if one is set, a reclaim waits until it has been healthy
 * for 30 s and the leader has led for 60 s.
 */
export const DEFAULT_RAFT: RaftConfig = {
  tickMs: 100,
  electionTick: 10,
  electionJitter: 3,
  heartbeatTick: 1,
  snapshotIntervalBlocks: 1000,
  maxInflightMsgs: 256,
  maxSizePerMsg: 4 * 1024 * 1024,
  preferredLeaders: [],
  reclaimAfterMs: 30_000,
  minLeaderTenureMs: 60_000,
}

export const DEFAULT_ADMINS_POLICY = 'MAJORITY Admins'

/** How far a transaction's timestamp may be from its block's ordering time, by default. */
export const DEFAULT_TX_TIME_WINDOW_MS = 5 * 60_000

/** Defaults for the fields a config leaves unset (protobuf decodes unset numbers as 0). */
function withDefaults<T extends object>(defaults: T, given: Partial<T> | undefined): T {
  const out = { ...defaults }
  for (const [k, v] of Object.entries(given ?? {})) if (v !== undefined && v !== 0) (out as Record<string, unknown>)[k] = v
  return out
}

/** A consenter as a config is written: a voter of no particular site unless it says otherwise. */
export type ConsenterInput = Omit<Consenter, 'learner' | 'site'> & Partial<Pick<Consenter, 'learner' | 'site'>>

/** Fills in defaults and checks the invariants a running network relies on. */
export function normalizeChannelConfig(
  c: Partial<Omit<ChannelConfig, 'consenters'>> & Pick<ChannelConfig, 'channelId' | 'orgs'> & { consenters: readonly ConsenterInput[] },
): ChannelConfig {
  const config: ChannelConfig = {
    channelId: c.channelId,
    sequence: c.sequence ?? 0,
    orgs: c.orgs,
    consenters: c.consenters.map((x) => ({ ...x, learner: x.learner ?? false, site: x.site ?? '' })),
    batch: withDefaults(DEFAULT_BATCH, c.batch),
    raft: withDefaults(DEFAULT_RAFT, c.raft),
    adminsPolicy: c.adminsPolicy || DEFAULT_ADMINS_POLICY,
    lifecyclePolicy: c.lifecyclePolicy || DEFAULT_ADMINS_POLICY,
    txTimeWindowMs: c.txTimeWindowMs || DEFAULT_TX_TIME_WINDOW_MS,
    retiredConsenterIds: [...(c.retiredConsenterIds ?? [])].sort((a, b) => a - b),
    ...(c.dr !== undefined && c.dr.activeSite !== '' ? { dr: c.dr } : {}),
  }
  const bad = (reason: string): never => {
    throw new ProtocolError(ProtocolErrorCode.BAD_CONFIG, `channel config: ${reason}`, { channel: c.channelId })
  }
  if (!/^[a-z][a-z0-9.-]{0,248}$/.test(config.channelId)) bad('channel id must be lowercase letters, digits, dots and dashes')
  if (config.orgs.length === 0) bad('needs at least one organization')
  if (config.consenters.length === 0) bad('needs at least one consenter')
  const ids = new Set(config.consenters.map((x) => x.id))
  if (ids.size !== config.consenters.length || ids.has(0)) bad('consenter ids must be unique and non-zero')
  const retired = config.consenters.find((x) => config.retiredConsenterIds.includes(x.id))
  if (retired !== undefined) bad(`consenter id ${retired.id} (${retired.name}) was used before by a removed consenter; ids are never reused, give it a new one`)
  if (config.consenters.every((x) => x.learner)) bad('needs at least one voting consenter (not a learner)')
  if (config.dr !== undefined) {
    const sites = new Set(config.consenters.map((x) => x.site))
    if (!sites.has(config.dr.activeSite)) bad(`the active site ${config.dr.activeSite} has no consenter`)
    if (config.dr.switchingTo !== '' && (!sites.has(config.dr.switchingTo) || config.dr.switchingTo === config.dr.activeSite)) {
      bad(`cannot switch to ${config.dr.switchingTo}: not another site with consenters`)
    }
  }
  const orgIds = new Set(config.orgs.map((o) => o.mspId))
  for (const x of config.consenters) if (!orgIds.has(x.org)) bad(`consenter ${x.name} belongs to unknown org ${x.org}`)
  const raft = config.raft as RaftConfig
  if (raft.electionTick <= raft.heartbeatTick) bad('electionTick must exceed heartbeatTick')
  return config
}

/** The genesis block: block 0 holding one CONFIG envelope with the channel configuration. */
export function createGenesisBlock(config: ChannelConfig, timestamp: number): Uint8Array {
  const normalized = normalizeChannelConfig(config)
  const { header } = createHeader({
    type: HeaderType.CONFIG,
    channelId: normalized.channelId,
    creator: new Uint8Array(0),
    timestamp,
    nonce: new Uint8Array(0),
  })
  const payload = Payload.encode({ header, data: ChannelConfig.encode(normalized) })
  const envelope = Envelope.encode({ payload, signature: new Uint8Array(0), signer: new Uint8Array(0) })
  return createBlock({ number: 0, previousHash: new Uint8Array(0), data: [envelope], timestamp })
}

/**
 * Reads the channel configuration out of a config block: the genesis block (a CONFIG
 * envelope holding the config) or a later config block (the CONFIG_UPDATE envelope that
 * changed it, holding the next config and its admin signatures).
 */
export function readChannelConfig(blockBytes: Uint8Array): ChannelConfig {
  const block = parseBlock(blockBytes)
  if (!isConfigBlock(block)) {
    throw new ProtocolError(ProtocolErrorCode.BAD_CONFIG, `block ${block.number} is not a config block`, { number: block.number })
  }
  const { header, payload } = openEnvelope(block.block.data[0] as Uint8Array)
  try {
    const config = header.type === HeaderType.CONFIG ? payload.data : decode(ConfigUpdate, payload.data, 'ConfigUpdate').config
    return normalizeChannelConfig(decode(ChannelConfig, config, 'ChannelConfig'))
  } catch (err) {
    if (err instanceof DecodeError) {
      throw new ProtocolError(ProtocolErrorCode.BAD_CONFIG, `config block does not decode: ${err.message}`, {}, { cause: err })
    }
    throw err
  }
}

/** Whether a block is a config block (its only envelope is a CONFIG or CONFIG_UPDATE). */
export function isConfigBlock(block: ParsedBlock): boolean {
  if (block.block.data.length !== 1) return false
  try {
    const type = openEnvelope(block.block.data[0] as Uint8Array).header.type
    return type === HeaderType.CONFIG || type === HeaderType.CONFIG_UPDATE
  } catch {
    return false
  }
}

/**
 * Checks a transaction's timestamp against the ordering time `at`: it may differ by at most
 * the channel's tx time window, so a client cannot have its certificates, or its endorsers',
 * judged at a time of its choosing.
 */
export function checkTxTime(windowMs: number, txTimestamp: number, at: number): void {
  const window = windowMs || DEFAULT_TX_TIME_WINDOW_MS
  if (Math.abs(txTimestamp - at) > window) {
    throw new ProtocolError(
      ProtocolErrorCode.BAD_TIMESTAMP,
      `transaction timestamp ${new Date(txTimestamp).toISOString()} is more than ${window} ms from the ordering time ${new Date(at).toISOString()}`,
      { timestamp: txTimestamp, at, windowMs: window },
    )
  }
}

/**
 * The channel config in force at block `tip` of a chain, and the number of the config block
 * that put it there (the tip itself, or the one the tip's metadata names).
 */
export async function configInForce(tip: number, getBlock: (n: number) => Promise<Uint8Array | undefined>): Promise<{ config: ChannelConfig; number: number }> {
  const missing = (n: number): never => {
    throw new ProtocolError(ProtocolErrorCode.BAD_CONFIG, `block ${n} is missing from the chain`, { number: n })
  }
  const last = parseBlock((await getBlock(tip)) ?? missing(tip))
  const number = isConfigBlock(last) ? last.number : (last.block.metadata?.lastConfig ?? 0)
  return { config: readChannelConfig((await getBlock(number)) ?? missing(number)), number }
}

/** The membership service of a channel configuration; `verified`: the node's VerifyPool's findings. */
export function channelMsp(config: ChannelConfig, clock: Clock, verified?: VerifiedSignatures): MembershipService {
  return new Msp(config.orgs, { clock, verified })
}
