import { readFile } from 'node:fs/promises'
import type { ConnectionProfile } from '@consort/client'
import { channelEndpoints } from '@consort/client'
import { toHex } from '@consort/crypto'
import { certificateFromPem, parseCertificate } from '@consort/identity'
import { createGenesisBlock, DEFAULT_BATCH, DEFAULT_RAFT, isConfigBlock, normalizeChannelConfig, parseBlock, readChannelConfig } from '@consort/protocol'
import type { BatchConfig, ChannelConfig, Consenter, OrgConfig, RaftConfig } from '@consort/types'
import { ConsortiumError, ConsortiumErrorCode } from './errors.js'
import type { CheckedOrg } from './org.js'

export interface GenesisOptions {
  channelId?: string
  /** Who may change the channel config and approve contracts: MAJORITY (default), ANY or ALL of the orgs' admins. */
  policy?: 'MAJORITY' | 'ANY' | 'ALL'
  /** Block cutting (`maxMessageCount`: envelopes per block at most; `batchTimeoutMs`: how long a leader waits to fill a block while another is in flight); defaults for the rest. */
  batch?: Partial<BatchConfig>
  /** Raft timers and snapshot interval; defaults for the rest. */
  raft?: Partial<RaftConfig>
  /**
   * Active/passive sites: the site whose orderers vote and whose nodes take transactions. The
   * orderers of other sites join as Raft learners (they replicate, neither vote nor lead).
   */
  activeSite?: string
}

/**
 * The channel config for these orgs, from their public definitions only. Deterministic: orgs
 * sorted by name, each org's orderers by name, consenter ids in that order; so every org
 * computes the same block from the same org.json files, whatever their order.
 */
export function channelConfigOf(orgs: readonly CheckedOrg[], opts: GenesisOptions = {}): ChannelConfig {
  const sorted = [...orgs].sort((a, b) => (a.definition.mspId < b.definition.mspId ? -1 : a.definition.mspId > b.definition.mspId ? 1 : 0))
  const names = new Set<string>()
  for (const o of sorted) {
    if (names.has(o.definition.mspId)) throw new ConsortiumError(ConsortiumErrorCode.BAD_CHANNEL, `org ${o.definition.mspId} is given twice`)
    names.add(o.definition.mspId)
  }
  const consenters: Consenter[] = []
  for (const o of sorted) {
    for (const orderer of [...o.orderers].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const site = orderer.site ?? ''
      consenters.push({
        id: consenters.length + 1,
        name: orderer.name,
        org: o.definition.mspId,
        address: orderer.address,
        certificate: certificateFromPem(orderer.certificate),
        learner: opts.activeSite !== undefined && site !== opts.activeSite,
        site,
      })
    }
  }
  if (consenters.length === 0)
    throw new ConsortiumError(ConsortiumErrorCode.BAD_CHANNEL, 'no org contributes an orderer: run `consort node init … --kind orderer` first')
  const orgConfigs: OrgConfig[] = sorted.map((o) => ({
    mspId: o.definition.mspId,
    rootCerts: [certificateFromPem(o.definition.caCertificate)],
    revoked: [],
    anchorPeers: o.definition.peers.map((p) => p.address).sort(),
  }))
  const policy = `${opts.policy ?? 'MAJORITY'} Admins`
  return normalizeChannelConfig({
    channelId: opts.channelId ?? 'consort',
    orgs: orgConfigs,
    consenters,
    adminsPolicy: policy,
    lifecyclePolicy: policy,
    batch: { ...DEFAULT_BATCH, ...opts.batch },
    raft: { ...DEFAULT_RAFT, ...opts.raft },
    ...(opts.activeSite !== undefined ? { dr: { activeSite: opts.activeSite, switchingTo: '' } } : {}),
  })
}

/**
 * `consort channel genesis`: the genesis block of a channel of these orgs. Its time is the latest
 * `notBefore` of the certificates it names (every one is valid from the first block on), so the
 * same inputs always give the same block.
 */
export function channelGenesis(orgs: readonly CheckedOrg[], opts: GenesisOptions = {}): Uint8Array {
  const config = channelConfigOf(orgs, opts)
  const times = orgs.flatMap((o) => [o.ca.body.notBefore, ...o.admins.map((a) => a.body.notBefore), ...o.orderers.map((x) => x.parsed.body.notBefore)])
  return createGenesisBlock(config, Math.max(...times))
}

/** A block file's channel config: the genesis block or a config block. */
export async function readConfigBlock(path: string): Promise<{ bytes: Uint8Array; config: ChannelConfig; number: number; hash: string; timestamp: number }> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(path))
  } catch (err) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_BLOCK, `cannot read ${path}: ${(err as Error).message}`, { path })
  }
  try {
    const block = parseBlock(bytes)
    if (!isConfigBlock(block)) throw new Error(`block ${block.number} is not a config block`)
    return { bytes, config: readChannelConfig(bytes), number: block.number, hash: toHex(block.hash), timestamp: block.header.timestamp }
  } catch (err) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_BLOCK, `${path} is not a genesis or config block: ${(err as Error).message}`, { path })
  }
}

/** What `consort channel inspect` prints. */
export interface ChannelSummary {
  channel: string
  block: number
  blockHash: string
  timestamp: string
  sequence: number
  orgs: { mspId: string; ca: string; anchorPeers: string[] }[]
  consenters: { id: number; name: string; org: string; address: string; learner: boolean; site: string }[]
  /** Active/passive sites, when the channel has them. */
  dr?: { activeSite: string; switchingTo: string }
  policies: { admins: string; lifecycle: string }
  batch: { maxMessageCount: number; batchTimeoutMs: number; preferredMaxBytes: number; absoluteMaxBytes: number }
  raft: {
    tickMs: number
    electionTick: number
    heartbeatTick: number
    snapshotIntervalBlocks: number
    preferredLeaders: string[]
    reclaimAfterMs: number
    minLeaderTenureMs: number
  }
  txTimeWindowMs: number
}

export function summarize(b: { config: ChannelConfig; number: number; hash: string; timestamp: number }): ChannelSummary {
  const c = b.config
  return {
    channel: c.channelId,
    block: b.number,
    blockHash: b.hash,
    timestamp: new Date(b.timestamp).toISOString(),
    sequence: c.sequence,
    orgs: c.orgs.map((o) => ({ mspId: o.mspId, ca: o.rootCerts.map((r) => parseCertificate(r).subject).join(', '), anchorPeers: o.anchorPeers })),
    consenters: c.consenters.map((x) => ({ id: x.id, name: x.name, org: x.org, address: x.address, learner: x.learner, site: x.site })),
    ...(c.dr !== undefined ? { dr: { activeSite: c.dr.activeSite, switchingTo: c.dr.switchingTo } } : {}),
    policies: { admins: c.adminsPolicy, lifecycle: c.lifecyclePolicy },
    batch: {
      maxMessageCount: c.batch!.maxMessageCount,
      batchTimeoutMs: c.batch!.batchTimeoutMs,
      preferredMaxBytes: c.batch!.preferredMaxBytes,
      absoluteMaxBytes: c.batch!.absoluteMaxBytes,
    },
    raft: {
      tickMs: c.raft!.tickMs,
      electionTick: c.raft!.electionTick,
      heartbeatTick: c.raft!.heartbeatTick,
      snapshotIntervalBlocks: c.raft!.snapshotIntervalBlocks,
      preferredLeaders: c.raft!.preferredLeaders,
      reclaimAfterMs: c.raft!.reclaimAfterMs,
      minLeaderTenureMs: c.raft!.minLeaderTenureMs,
    },
    txTimeWindowMs: c.txTimeWindowMs,
  }
}

/**
 * A connection profile from a channel config: its orderers (the consenters) and its peers (each
 * org's anchor peers), `org`'s first.
 */
export function profileOf(config: ChannelConfig, org?: string): ConnectionProfile {
  const mine = (o: { org: string }) => (o.org === org ? 0 : 1)
  const all = channelEndpoints(config)
  return { ...all, orderers: all.orderers.sort((a, b) => mine(a) - mine(b)), peers: all.peers.sort((a, b) => mine(a) - mine(b)) }
}
