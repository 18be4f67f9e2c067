import { draftUpdate, signUpdate, updateConfig, updateEnvelope } from '@consort/consortium'
import type { UpdateOp } from '@consort/consortium'
import { findLeader, loadManifest, nodeStatus, startNode, stopNode, waitUntil } from '@consort/devnet'
import type { Manifest, NodeEntry } from '@consort/devnet'
import { signingIdentity } from '@consort/identity'
import { readChannelConfig } from '@consort/protocol'
import type { Network } from '@consort/sdk'
import { Status } from '@consort/types'
import type { ChannelConfig } from '@consort/types'
import { connectLocal, localAdmins } from './client.js'
import { CliError } from './output.js'

/** One node as `consort dr status` shows it. */
export interface DrNodeView {
  name: string
  kind: 'orderer' | 'peer'
  org: string
  site: string
  /** voter, learner (orderers) or peer. */
  member: string
  up: boolean
  height: number | null
  /** Blocks behind the leader, and how much older its tip is than the leader's (ms). */
  lagBlocks: number | null
  lagMs: number | null
}

export interface DrStatus {
  channel: string
  activeSite: string
  switchingTo: string
  leader: { name: string; site: string; height: number; tipHash: string } | null
  nodes: DrNodeView[]
  /**
   * Per passive site, what it would lose if the active site vanished now: blocks the leader has
   * that none of the site's orderers holds, and how many ms of ordering they span (the RPO).
   */
  rpo: { site: string; blocks: number; ms: number }[]
}

type NodeState = Record<string, unknown> | undefined

const num = (v: unknown) => Number(v ?? 0)

/** The sites of the local network in `dir`, each node's lag behind the leader, and each passive site's RPO. */
export async function drStatus(dir: string): Promise<DrStatus> {
  const manifest = await loadManifest(dir)
  return drStatusOf(manifest, await configOf(manifest))
}

/** The channel config in force (fetched from the orderers); refused when the channel has one site. */
async function configOf(manifest: Manifest): Promise<ChannelConfig> {
  const n = await connectLocal(manifest.dir, manifest.orgs[0]!.mspId, 'admin')
  try {
    const config = readChannelConfig((await n.latestConfigBlock()).bytes)
    if (config.dr === undefined) {
      throw new CliError('ERR_DR_NOT_CONFIGURED', 'this channel has one site: create the network with sites (consort network up --sites east,west)')
    }
    return config
  } finally {
    await n.close()
  }
}

function statusOf(manifest: Manifest, states: NodeState[], config: ChannelConfig): DrStatus {
  const dr = config.dr!
  const leaderIdx = states.findIndex((s) => s?.role === 'Leader')
  const leader = leaderIdx === -1 ? undefined : states[leaderIdx]
  const leaderHeight = num(leader?.height)
  const leaderTime = num(leader?.tipTime)
  const nodes: DrNodeView[] = manifest.nodes.map((n, i) => {
    const s = states[i]
    const consenter = config.consenters.find((c) => c.name === n.name)
    const height = s === undefined ? null : num(s.height)
    const behind = leader === undefined || height === null ? null : Math.max(0, leaderHeight - height)
    return {
      name: n.name,
      kind: n.kind,
      org: n.org,
      site: consenter?.site ?? n.site ?? '',
      member: consenter === undefined ? 'peer' : consenter.learner ? 'learner' : 'voter',
      up: s !== undefined,
      height,
      lagBlocks: behind,
      lagMs: behind === null ? null : behind === 0 ? 0 : Math.max(0, leaderTime - num(s?.tipTime)),
    }
  })
  const sites = [...new Set(config.consenters.map((c) => c.site))].filter((s) => s !== dr.activeSite)
  const rpo = sites.map((site) => {
    const orderers = nodes.filter((n) => n.kind === 'orderer' && n.site === site && n.height !== null)
    const best = orderers.reduce((a, b) => ((b.height ?? 0) > (a?.height ?? -1) ? b : a), orderers[0])
    return { site, blocks: best?.lagBlocks ?? leaderHeight, ms: best?.lagMs ?? 0 }
  })
  const leaderNode = leaderIdx === -1 ? undefined : (manifest.nodes[leaderIdx] as NodeEntry)
  return {
    channel: config.channelId,
    activeSite: dr.activeSite,
    switchingTo: dr.switchingTo,
    leader:
      leaderNode === undefined ? null : { name: leaderNode.name, site: nodes[leaderIdx]!.site, height: leaderHeight, tipHash: String(leader?.tipHash ?? '') },
    nodes,
    rpo,
  }
}

export interface SwitchoverStep {
  step: string
  ms: number
}

export interface SwitchoverResult {
  from: string
  to: string
  /** From closing the old site to opening the new one: how long no site took transactions. */
  rtoMs: number
  /** Blocks the new site lacked when it opened (0: it held every block). */
  rpoBlocks: number
  /** Where the final sync met: every node of the new site at this height and block hash. */
  finalSync: { height: number; tipHash: string }
  steps: SwitchoverStep[]
}

/**
 * `consort dr switchover --to SITE` on the local network, in the order HA runbooks prescribe:
 * (a) close the active site (a config update: broadcasts and gateways answer SITE_PASSIVE,
 * in-flight transactions finish), (b) final sync: wait until every node of SITE holds the
 * leader's tip, (c) promote SITE's orderers to voters one config update at a time, hand Raft
 * leadership to one of them, demote the old site's orderers to learners one at a time, (d)
 * open SITE. Each update is signed by every org's admin. `log` hears each step.
 */
export async function drSwitchover(dir: string, to: string, log: (line: string) => void): Promise<SwitchoverResult> {
  const manifest = await loadManifest(dir)
  const session = await DrSession.open(manifest, log)
  const { n, steps } = session
  const update = (op: UpdateOp) => session.update(op)
  try {
    let config = session.config
    const dr = config.dr!
    const from = dr.activeSite
    checkSite(config, to)
    if (dr.switchingTo !== '' && dr.switchingTo !== to && to !== from) {
      throw new CliError('ERR_DR_SWITCHING', `a switchover to ${dr.switchingTo} is under way: finish it (--to ${dr.switchingTo}) or cancel it (--to ${from})`)
    }
    // Cancelling a switchover that has not promoted anything yet reopens the old site.
    if (to === from) {
      const t0 = performance.now()
      await update({ type: 'set-sites', activeSite: from, switchingTo: '' })
      return { from, to, rtoMs: Math.round(performance.now() - t0), rpoBlocks: 0, finalSync: { height: 0, tipHash: '' }, steps }
    }
    const target = config.consenters.filter((c) => c.site === to)
    const old = config.consenters.filter((c) => c.site !== to && !c.learner)
    const before = await drStatusOf(manifest, config)
    const down = before.nodes.filter((x) => x.kind === 'orderer' && x.site === to && !x.up)
    if (down.length > 0) {
      throw new CliError(
        'ERR_DR_SITE_NOT_READY',
        `site ${to} is not ready: ${down.map((x) => x.name).join(', ')} down; a switchover needs every orderer of the site up`,
      )
    }
    log(`switchover from ${from} to ${to}`)
    const t0 = performance.now()
    // (a) close the active site
    if (dr.switchingTo === '') await update({ type: 'set-sites', activeSite: from, switchingTo: to })
    config = session.config
    // (b) final sync: every node of the new site at the leader's tip
    const t = performance.now()
    let sync: DrStatus | undefined
    const synced = await waitUntil(async () => {
      sync = await drStatusOf(manifest, config)
      const leader = sync.leader
      return leader !== null && sync.nodes.filter((x) => x.site === to).every((x) => x.up && x.height === leader.height)
    }, 30_000)
    if (!synced || sync?.leader === null || sync === undefined) {
      throw new CliError(
        'ERR_DR_SYNC_TIMEOUT',
        `site ${to} did not reach the leader's tip within 30 s; the channel stays closed: rerun to resume, or --to ${from} to cancel`,
      )
    }
    const finalSync = { height: sync.leader!.height, tipHash: sync.leader!.tipHash }
    steps.push({ step: `final sync at block ${finalSync.height - 1}`, ms: Math.round(performance.now() - t) })
    log(`  final sync: every node of ${to} holds block ${finalSync.height - 1} (${finalSync.tipHash.slice(0, 16)}…)`)
    // (c) the new site's orderers vote, the old site's become learners
    for (const c of target) {
      if (!c.learner) continue
      await update({ type: 'promote', name: c.name })
      await waitForMembership(manifest, c.id, 'voters')
    }
    const tt = performance.now()
    const moved = await n.transferLeader(target[0]!.name)
    steps.push({ step: `leadership to ${moved.to}`, ms: Math.round(performance.now() - tt) })
    log(`  leadership moved from ${moved.from} to ${moved.to}`)
    for (const c of old) {
      await update({ type: 'demote', name: c.name })
      await waitForMembership(manifest, c.id, 'learners')
    }
    // (d) open the new site
    await update({ type: 'set-sites', activeSite: to, switchingTo: '' })
    const rtoMs = Math.round(performance.now() - t0)
    const after = await drStatusOf(manifest, session.config)
    const newBest = Math.max(...after.nodes.filter((x) => x.kind === 'orderer' && x.site === to).map((x) => x.height ?? 0))
    return { from, to, rtoMs, rpoBlocks: Math.max(0, finalSync.height - newBest), finalSync, steps }
  } finally {
    await n.close()
  }
}

export interface PromoteResult {
  from: string
  to: string
  /** The orderer whose Raft log the new cluster started from (the longest of the site's). */
  seed: string
  /** Blocks the site held before (the best of its orderers) and once the new cluster committed what the seed had received (before the config updates). */
  heightBefore: number
  heightAfter: number
  /**
   * Blocks the old site had committed that this site never received (the old leader's commit
   * index as its last appends told it, beyond the seed's log): lost. Blocks the old site
   * ordered after its last append reached this site are lost too, and nobody here knows of them.
   */
  lostBlocks: number
  /** From the command's start until the new site took transactions. */
  rtoMs: number
  steps: SwitchoverStep[]
}

/**
 * `consort dr promote --to SITE --force` on the local network, when the active site is gone: the
 * site's orderers (learners) form a new Raft cluster of their own (each stopped, its membership
 * set by hand at its tip at a new term, restarted: the longest log first), then signed config
 * updates make them voters, the lost site's orderers learners, and SITE active. Refused without
 * `force`, while any node of another site still answers, and when a peer of SITE holds a block
 * its orderers do not (the new cluster would fork from it).
 */
export async function drPromote(dir: string, to: string, force: boolean, log: (line: string) => void): Promise<PromoteResult> {
  const started = performance.now()
  const manifest = await loadManifest(dir)
  const config = await configOf(manifest)
  const from = config.dr!.activeSite
  checkSite(config, to)
  if (!force) {
    throw new CliError(
      'ERR_DR_FORCE_REQUIRED',
      `promote forms a new ordering cluster from site ${to}'s orderers without site ${from}: blocks ${from} ordered that ${to} never received are lost (consort dr status shows the RPO). For a planned move run dr switchover; to promote anyway add --force`,
    )
  }
  const states = await Promise.all(manifest.nodes.map((x) => nodeStatus(x)))
  const reachable = manifest.nodes.filter((x, i) => siteOf(config, x) !== to && states[i] !== undefined)
  if (reachable.length > 0) {
    throw new CliError(
      'ERR_DR_ACTIVE_SITE_REACHABLE',
      `nodes of another site still answer (${reachable.map((x) => x.name).join(', ')}): a promote while they run would make two clusters; stop them, or run dr switchover`,
    )
  }
  const orderers = manifest.nodes.filter((x) => x.kind === 'orderer' && siteOf(config, x) === to)
  const ids = orderers.map((x) => config.consenters.find((c) => c.name === x.name)!.id)
  const leaderCommit = Math.max(0, ...orderers.map((x) => Number(states[manifest.nodes.indexOf(x)]?.leaderCommit ?? 0)))
  const { forceNewCluster, inspectOrdererData } = await import('@consort/orderer')
  // Stopped, the orderers' data is read and rewritten by hand.
  for (const x of orderers) await stopNode(x, 'SIGTERM')
  const data = await Promise.all(orderers.map((x) => inspectOrdererData(x.dataDir)))
  const heightBefore = Math.max(...data.map((d) => d.height))
  const seedAt = data.reduce((best, d, i) => (d.lastIndex > (data[best] as typeof d).lastIndex ? i : best), 0)
  const seed = data[seedAt]!
  const peersAhead = manifest.nodes.filter(
    (x, i) => x.kind === 'peer' && siteOf(config, x) === to && Number(states[i]?.height ?? 0) > seed.height + (seed.lastIndex - seed.applied),
  )
  if (peersAhead.length > 0) {
    for (const x of orderers) await startNode(x)
    throw new CliError(
      'ERR_DR_PEER_AHEAD',
      `${peersAhead.map((x) => x.name).join(', ')} hold blocks no orderer of ${to} has: a new cluster would fork from them`,
    )
  }
  const term = Math.max(...data.map((d) => d.term)) + 1
  for (const x of orderers) await forceNewCluster(x.dataDir, ids, term)
  log(`new cluster of ${orderers.map((x) => x.name).join(', ')} at term ${term}, from ${orderers[seedAt]!.name}'s log (entry ${seed.lastIndex})`)
  // The seed and one other first: whoever of the two wins holds the longest log.
  const order = [seedAt, ...orderers.keys()].filter((i, k, all) => all.indexOf(i) === k)
  for (const i of order.slice(0, 2)) await startNode(orderers[i]!)
  if (!(await waitUntil(async () => (await findLeader(orderers)) !== undefined, 20_000))) {
    throw new CliError('ERR_DR_NO_LEADER', `the new cluster of ${to} elected no leader within 20 s; see the orderers' logs`)
  }
  for (const i of order.slice(2)) await startNode(orderers[i]!)
  const session = await DrSession.open(manifest, log)
  const formed = await Promise.all(orderers.map((x) => nodeStatus(x)))
  try {
    for (const c of config.consenters) if (c.site === to && c.learner) await session.update({ type: 'promote', name: c.name })
    for (const c of config.consenters) if (c.site !== to && !c.learner) await session.update({ type: 'demote', name: c.name })
    await session.update({ type: 'set-sites', activeSite: to, switchingTo: '' })
    return {
      from,
      to,
      seed: orderers[seedAt]!.name,
      heightBefore,
      heightAfter: Math.max(...formed.map((s) => Number(s?.height ?? 0))),
      lostBlocks: Math.max(0, leaderCommit - seed.lastIndex),
      rtoMs: Math.round(performance.now() - started),
      steps: session.steps,
    }
  } finally {
    await session.n.close()
  }
}

/** A node's site: a consenter's from the config, a peer's from the manifest. */
function siteOf(config: ChannelConfig, node: NodeEntry): string {
  return config.consenters.find((c) => c.name === node.name)?.site ?? node.site ?? ''
}

/** Refuses a site that is not one, and the active one unless a switchover away from it is to be cancelled. */
function checkSite(config: ChannelConfig, site: string): void {
  const dr = config.dr!
  const sites = new Set(config.consenters.map((c) => c.site))
  if (!sites.has(site)) throw new CliError('ERR_DR_UNKNOWN_SITE', `no site ${site}; sites: ${[...sites].join(', ')}`)
  if (site === dr.activeSite && dr.switchingTo === '') throw new CliError('ERR_DR_ALREADY_ACTIVE', `site ${site} is the active site already`)
}

/** A DR operation on the local network: the config in force, and config updates signed by every org's admin. */
class DrSession {
  readonly steps: SwitchoverStep[] = []

  private constructor(
    readonly n: Network,
    private readonly admins: { certificate: Uint8Array; privateKey: Uint8Array }[],
    public config: ChannelConfig,
    private readonly log: (line: string) => void,
  ) {}

  static async open(manifest: Manifest, log: (line: string) => void): Promise<DrSession> {
    const admins = await localAdmins(manifest)
    const config = await configOf(manifest)
    return new DrSession(await connectLocal(manifest.dir, manifest.orgs[0]!.mspId, 'admin'), admins, config, log)
  }

  /** Orders `op` (retrying while the cluster settles after the previous change); the config it put in force. */
  async update(op: UpdateOp): Promise<void> {
    const t = performance.now()
    this.config = await submitUpdate(this.n, this.config, op, this.admins)
    const ms = Math.round(performance.now() - t)
    this.steps.push({ step: describe(op), ms })
    this.log(`  ${describe(op)} (config ${this.config.sequence}, ${ms} ms)`)
  }
}

async function drStatusOf(manifest: Manifest, config: ChannelConfig): Promise<DrStatus> {
  return statusOf(manifest, await Promise.all(manifest.nodes.map((x) => nodeStatus(x))), config)
}

function describe(op: UpdateOp): string {
  switch (op.type) {
    case 'set-sites':
      return op.switchingTo !== '' ? `closed site ${op.activeSite}` : `opened site ${op.activeSite}`
    case 'promote':
      return `${op.name} votes`
    case 'demote':
      return `${op.name} is a learner`
    default:
      return op.type
  }
}

/** Drafts `op`, signs it as every admin, orders it; the config it put in force. */
async function submitUpdate(
  n: Network,
  current: ChannelConfig,
  op: UpdateOp,
  admins: { certificate: Uint8Array; privateKey: Uint8Array }[],
): Promise<ChannelConfig> {
  let file = draftUpdate(current, op)
  for (const a of admins) file = signUpdate(file, a)
  const submitter = signingIdentity(admins[0]!.certificate, admins[0]!.privateKey)
  for (let attempt = 0; ; attempt++) {
    const { envelope, txId } = updateEnvelope(file, submitter, Date.now())
    const r = await n.orderers.broadcast(envelope, txId)
    if (r.status === Status.SUCCESS) break
    // The cluster settles after each membership change: a consenter change waits until every
    // consenter is caught up again (CLUSTER_UNHEALTHY) or the previous change is applied.
    if (attempt >= 100 || r.status !== Status.SERVICE_UNAVAILABLE) {
      throw new CliError(`ERR_DR_UPDATE_${r.code}`, `the orderers refused "${file.description}" (${r.code}): ${r.info}`)
    }
    await new Promise((res) => setTimeout(res, 100))
  }
  return updateConfig(file)
}

/** Waits until the leader's Raft membership lists `id` among `which`. */
async function waitForMembership(manifest: Manifest, id: number, which: 'voters' | 'learners'): Promise<void> {
  const ok = await waitUntil(async () => {
    const states = await Promise.all(manifest.nodes.filter((x) => x.kind === 'orderer').map((x) => nodeStatus(x)))
    const leader = states.find((s) => s?.role === 'Leader')
    return Array.isArray(leader?.[which]) && (leader[which] as number[]).includes(id)
  }, 20_000)
  if (!ok) throw new CliError('ERR_DR_MEMBERSHIP_TIMEOUT', `Raft did not make consenter ${id} one of the ${which} within 20 s`)
}
