import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import {
  channelGenesis,
  draftUpdate,
  initNode,
  initOrg,
  profileOf,
  readConfigBlock,
  readOrg,
  readUpdate,
  signUpdate,
  summarize,
  updateEnvelope,
  writeUpdate,
} from '@consort/consortium'
import type { GenesisOptions, UpdateOp } from '@consort/consortium'
import { toHex } from '@consort/crypto'
import { certificateFromPem, signingIdentity } from '@consort/identity'
import { Status } from '@consort/types'
import { loadNodeConfig, nodeEnvironment, runNodeFromConfig } from '@consort/node'
import type { CreateNode } from '@consort/node'
import { parseBlock, readChannelConfig } from '@consort/protocol'
import { connectWith, identityIn } from './client.js'
import type { Output } from './output.js'
import { CliError, table } from './output.js'

/** `consort org init <Org> --out DIR` */
export async function orgInit(out: Output, mspId: string, dir: string): Promise<void> {
  const r = await initOrg(mspId, dir)
  out.result(
    { org: r.mspId, dir: r.dir, orgFile: r.orgFile, ca: r.ca, admin: r.admin, client: r.client },
    [
      `org ${r.mspId} in ${r.dir}`,
      `  public (send to the other orgs): ${r.orgFile}`,
      `  private (never leaves this machine): ${r.ca.privateKey}, ${r.admin.privateKey}, ${r.client.privateKey}`,
    ].join('\n'),
  )
}

/** `consort node init <name> --org DIR --kind orderer|peer --listen HOST:PORT [--advertise HOST:PORT] [--operations HOST:PORT] --out NODEDIR` */
export async function nodeInit(
  out: Output,
  name: string,
  o: { org: string; kind: string; listen: string; advertise?: string; operations?: string; site?: string; out: string },
): Promise<void> {
  if (o.kind !== 'orderer' && o.kind !== 'peer') throw new CliError('ERR_CLI_BAD_KIND', `--kind must be orderer or peer, not ${o.kind}`)
  const r = await initNode(name, o.org, {
    kind: o.kind,
    listen: o.listen,
    out: o.out,
    ...(o.advertise !== undefined ? { advertise: o.advertise } : {}),
    ...(o.operations !== undefined ? { operations: o.operations } : {}),
    ...(o.site !== undefined ? { site: o.site } : {}),
  })
  out.result(
    r,
    [
      `${r.kind} ${r.name} of ${r.org} in ${r.dir}`,
      `  address: ${r.address}`,
      `  added to ${r.orgFile}`,
      `  run it with: consort node run --config ${r.config}   (with the channel's genesis.block in ${r.dir})`,
    ].join('\n'),
  )
}

/** `consort channel genesis --org A/org.json … --out genesis.block` */
export async function channelGenesisCommand(out: Output, orgFiles: string[], opts: GenesisOptions & { out: string }): Promise<void> {
  if (orgFiles.length === 0) throw new CliError('ERR_CLI_NO_ORGS', 'name the orgs: --org A/org.json --org B/org.json …')
  const orgs = await Promise.all(orgFiles.map((f) => readOrg(f)))
  const bytes = channelGenesis(orgs, opts)
  await writeFile(opts.out, bytes)
  const block = parseBlock(bytes)
  const s = summarize({ config: (await readConfigBlock(opts.out)).config, number: 0, hash: toHex(block.hash), timestamp: block.header.timestamp })
  out.result(
    { file: resolve(opts.out), ...s },
    `genesis block of channel ${s.channel} written to ${opts.out}\n  hash ${s.blockHash} (every org recomputes the same from the same org.json files)\n\n${describe(s)}`,
  )
}

/** `consort channel inspect FILE` */
export async function channelInspect(out: Output, file: string): Promise<void> {
  const s = summarize(await readConfigBlock(file))
  out.result(s, describe(s))
}

function describe(s: ReturnType<typeof summarize>): string {
  return [
    `channel ${s.channel}, block ${s.block} (${s.timestamp}), config sequence ${s.sequence}`,
    `hash ${s.blockHash}`,
    '',
    table(s.orgs.map((o) => ({ org: o.mspId, ca: o.ca, anchorPeers: o.anchorPeers.length === 0 ? '-' : o.anchorPeers.join(' ') }))),
    '',
    table(
      s.consenters.map((c) => ({
        consenter: c.id,
        name: c.name,
        org: c.org,
        address: c.address,
        ...(s.dr !== undefined ? { site: c.site, member: c.learner ? 'learner' : 'voter' } : {}),
      })),
    ),
    ...(s.dr !== undefined ? ['', `active site ${s.dr.activeSite}${s.dr.switchingTo !== '' ? `, switching to ${s.dr.switchingTo} (closed)` : ''}`] : []),
    '',
    `policies: admins "${s.policies.admins}", lifecycle "${s.policies.lifecycle}"`,
    `batch: ${s.batch.maxMessageCount} envelopes, ${s.batch.batchTimeoutMs} ms; raft: tick ${s.raft.tickMs} ms, election ${s.raft.electionTick} ticks; tx time window ${s.txTimeWindowMs} ms`,
  ].join('\n')
}

/** `consort profile --channel BLOCK --org DIR --out profile.json` */
export async function profileCommand(out: Output, o: { channel: string; org: string; out: string }): Promise<void> {
  const { config } = await readConfigBlock(o.channel)
  const org = await readOrg(o.org.endsWith('.json') ? o.org : join(o.org, 'org.json'))
  const profile = profileOf(config, org.definition.mspId)
  await writeFile(o.out, `${JSON.stringify(profile, null, 2)}\n`)
  out.result(
    { file: resolve(o.out), ...profile },
    `connection profile for ${org.definition.mspId} on channel ${profile.channel} written to ${o.out} (${profile.orderers.length} orderers, ${profile.peers.length} peers)`,
  )
}

/** `consort node run --config NODEDIR/node.json [--from-snapshot DIR]`: one orderer or peer in the foreground. */
export async function nodeRun(config: string, o: { fromSnapshot?: string } = {}): Promise<void> {
  await runNodeFromConfig(
    'consort node run',
    config,
    async (cfg): Promise<CreateNode> => {
      if (cfg.kind === 'orderer') return (await import('@consort/orderer')).runOrderer
      if (cfg.kind === 'peer') {
        const { Peer } = await import('@consort/peer')
        return (input, modules) => Peer.create(input, modules)
      }
      throw new CliError('ERR_CLI_BAD_KIND', `config ${config}: "kind" must be "orderer" or "peer" (consort node init writes it)`)
    },
    nodeEnvironment(process.env),
    o.fromSnapshot !== undefined ? { fromSnapshot: resolve(o.fromSnapshot) } : {},
  )
}

/** `consort channel fetch --profile P --identity DIR --out FILE`: the latest config block. */
export async function channelFetch(out: Output, o: { profile: string; identity: string; out: string }): Promise<void> {
  const n = await connectWith(o.profile, o.identity)
  try {
    const block = await n.latestConfigBlock()
    await writeFile(o.out, block.bytes)
    const s = summarize(await readConfigBlock(o.out))
    out.result({ file: resolve(o.out), ...s }, `config block ${s.block} of channel ${s.channel} (sequence ${s.sequence}) written to ${o.out}`)
  } finally {
    await n.close()
  }
}

/** `consort channel update <op> … --channel BLOCK --out upd.json`: drafts an update to the config in BLOCK. */
/** What `consort channel update` takes besides the operation and its argument. */
export interface UpdateCliOptions {
  channel: string
  out: string
  admins?: string
  lifecycle?: string
  preferred?: string
  reclaimAfter?: number
  minTenure?: number
  learner?: boolean
  active?: string
  switchingTo?: string
}

export async function channelUpdate(out: Output, op: string, arg: string | undefined, o: UpdateCliOptions): Promise<void> {
  const { config } = await readConfigBlock(o.channel)
  const need = (what: string): string => {
    if (arg === undefined) throw new CliError('ERR_CLI_USAGE', `channel update ${op} needs ${what}`)
    return arg
  }
  let draft: UpdateOp
  if (op === 'add-org') draft = { type: 'add-org', org: await readOrg(need('an org.json')) }
  else if (op === 'remove-org') draft = { type: 'remove-org', mspId: need('an org name') }
  else if (op === 'remove-consenter') draft = { type: 'remove-consenter', name: need('a consenter name') }
  else if (op === 'promote' || op === 'demote') draft = { type: op, name: need('a consenter name') }
  else if (op === 'set-sites') {
    if (o.active === undefined) throw new CliError('ERR_CLI_USAGE', 'set-sites needs --active SITE (and --switching-to SITE to close it for a switchover)')
    draft = { type: 'set-sites', activeSite: o.active, switchingTo: o.switchingTo ?? '' }
  } else if (op === 'add-consenter') {
    const file = need("the new orderer's node.json")
    const node = await loadNodeConfig(file)
    if (node.kind !== 'orderer' || node.org === undefined || node.advertise === undefined) {
      throw new CliError('ERR_CLI_USAGE', `${file} is not an orderer's node.json written by consort node init`)
    }
    const certificate = certificateFromPem(await readFile(node.certificate, 'utf8'))
    draft = {
      type: 'add-consenter',
      name: node.name,
      org: node.org,
      address: node.advertise,
      certificate,
      ...(o.learner === true ? { learner: true } : {}),
      ...(node.site !== undefined ? { site: node.site } : {}),
    }
  } else if (op === 'set-policy') {
    if (o.admins === undefined && o.lifecycle === undefined) throw new CliError('ERR_CLI_USAGE', 'set-policy needs --admins POLICY and/or --lifecycle POLICY')
    draft = { type: 'set-policy', ...(o.admins !== undefined ? { admins: o.admins } : {}), ...(o.lifecycle !== undefined ? { lifecycle: o.lifecycle } : {}) }
  } else if (op === 'set-leaders') {
    if (o.preferred === undefined && o.reclaimAfter === undefined && o.minTenure === undefined) {
      throw new CliError('ERR_CLI_USAGE', 'set-leaders needs --preferred NAME,NAME (or "" for none), --reclaim-after MS and/or --min-tenure MS')
    }
    draft = {
      type: 'set-leaders',
      ...(o.preferred !== undefined ? { preferred: o.preferred.split(',').filter((n) => n !== '') } : {}),
      ...(o.reclaimAfter !== undefined ? { reclaimAfterMs: o.reclaimAfter } : {}),
      ...(o.minTenure !== undefined ? { minLeaderTenureMs: o.minTenure } : {}),
    }
  } else
    throw new CliError(
      'ERR_CLI_USAGE',
      `unknown update ${op}: add-org, remove-org, add-consenter, remove-consenter, promote, demote, set-sites, set-policy or set-leaders`,
    )
  const file = draftUpdate(config, draft)
  await writeUpdate(o.out, file)
  out.result(
    { file: resolve(o.out), channel: file.channel, baseSequence: file.baseSequence, description: file.description },
    `drafted "${file.description}" for channel ${file.channel} at config sequence ${file.baseSequence}: ${o.out}\n  next: each admin signs it on their machine (consort channel sign ${o.out} --identity ORG/users/admin), then anyone submits it`,
  )
}

/** `consort channel sign upd.json --identity ADMIN_DIR`: appends one admin signature. */
export async function channelSign(out: Output, path: string, o: { identity: string }): Promise<void> {
  const signed = signUpdate(await readUpdate(path), await identityIn(o.identity))
  await writeUpdate(path, signed)
  const orgs = signed.signatures.map((s) => s.org)
  out.result({ file: resolve(path), description: signed.description, signedBy: orgs }, `signed "${signed.description}"; signatures from ${orgs.join(', ')}`)
}

/** `consort channel submit upd.json --profile P --identity DIR`: orders the update. */
export async function channelSubmit(out: Output, path: string, o: { profile: string; identity: string }): Promise<void> {
  const file = await readUpdate(path)
  const id = await identityIn(o.identity)
  const n = await connectWith(o.profile, o.identity)
  try {
    const current = readChannelConfig((await n.latestConfigBlock()).bytes)
    // (An orderer a block behind may answer with an older config: only a newer one proves the
    // update stale; the orderers judge the rest.)
    if (current.sequence > file.baseSequence) {
      throw new CliError(
        'ERR_CLI_STALE_UPDATE',
        `the update was drafted for config sequence ${file.baseSequence}; channel ${current.channelId} is at ${current.sequence}: fetch the latest config and draft it again`,
      )
    }
    const { envelope, txId } = updateEnvelope(file, signingIdentity(id.certificate, id.privateKey), Date.now())
    const r = await n.orderers.broadcast(envelope, txId)
    if (r.status !== Status.SUCCESS) {
      throw new CliError(`ERR_CLI_UPDATE_${r.code}`, `the orderers refused the update (${r.code}): ${r.info}`)
    }
    out.result(
      { file: resolve(path), description: file.description, txId, blockNumber: r.blockNumber, sequence: file.baseSequence + 1 },
      `"${file.description}" is in force from block ${r.blockNumber} (config sequence ${file.baseSequence + 1})`,
    )
  } finally {
    await n.close()
  }
}

/** `consort orderer restore --from DIR --config NODE.json`: a backup into a stopped orderer's data folder. */
export async function ordererRestore(out: Output, from: string, config: string): Promise<void> {
  const node = await loadNodeConfig(config)
  if (node.kind !== 'orderer') throw new CliError('ERR_CLI_USAGE', `${config} is not an orderer's node.json`)
  const { restoreOrderer } = await import('@consort/orderer')
  const m = await restoreOrderer(resolve(from), node.dataDir, node.name)
  out.result(
    { orderer: m.orderer, dataDir: node.dataDir, height: m.height, tipHash: m.tipHash, lastIndex: m.lastIndex, createdAt: m.createdAt },
    `restored ${m.orderer} to height ${m.height} (backup of ${m.createdAt}) in ${node.dataDir}\n  start it (consort node run --config ${config}): it checks its chain against the cluster's, then catches up`,
  )
}

/** `consort orderer inspect --config NODE.json`: what a stopped orderer's data holds (tip, Raft log, term). */
export async function ordererInspect(out: Output, config: string): Promise<void> {
  const node = await loadNodeConfig(config)
  if (node.kind !== 'orderer') throw new CliError('ERR_CLI_USAGE', `${config} is not an orderer's node.json`)
  const { inspectOrdererData } = await import('@consort/orderer')
  const s = await inspectOrdererData(node.dataDir)
  out.result(
    { orderer: node.name, ...s },
    `${node.name}: height ${s.height} (${s.tipHash.slice(0, 16)}…), Raft log to entry ${s.lastIndex} (applied ${s.applied}), term ${s.term}`,
  )
}

/**
 * `consort orderer force-new-cluster --config NODE.json --channel BLOCK --site SITE --term T`: on a
 * stopped orderer of SITE, after the active site is lost, sets its Raft membership to SITE's
 * consenters at term T (see dr promote, which does this for the local network).
 */
export async function ordererForceNewCluster(out: Output, o: { config: string; channel: string; site: string; term: number }): Promise<void> {
  const node = await loadNodeConfig(o.config)
  if (node.kind !== 'orderer') throw new CliError('ERR_CLI_USAGE', `${o.config} is not an orderer's node.json`)
  const { config } = await readConfigBlock(o.channel)
  const voters = config.consenters.filter((c) => c.site === o.site)
  if (!voters.some((c) => c.name === node.name)) {
    throw new CliError(
      'ERR_CLI_USAGE',
      `${node.name} is not a consenter of site ${o.site} in ${o.channel}; its consenters: ${voters.map((c) => c.name).join(', ') || 'none'}`,
    )
  }
  const { forceNewCluster, inspectOrdererData } = await import('@consort/orderer')
  const before = await inspectOrdererData(node.dataDir)
  if (o.term <= before.term) throw new CliError('ERR_CLI_USAGE', `--term must exceed the term ${node.name} holds (${before.term}), and every other member's`)
  await forceNewCluster(
    node.dataDir,
    voters.map((c) => c.id),
    o.term,
  )
  out.result(
    { orderer: node.name, voters: voters.map((c) => c.name), term: o.term, lastIndex: before.lastIndex },
    `${node.name} is a member of a new cluster of ${voters.map((c) => c.name).join(', ')} at term ${o.term}; start the member with the longest log (entry ${before.lastIndex} here) and one other first, then the rest`,
  )
}
