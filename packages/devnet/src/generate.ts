import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { ConnectionProfile } from '@consort/client'
import { channelGenesis, initNode, initOrg, readIdentity, readOrg } from '@consort/consortium'
import type { IdentityFiles, InitNodeResult } from '@consort/consortium'
import { readChannelConfig } from '@consort/protocol'
import { ConsortError } from '@consort/types'
import type { BatchConfig, Consenter, RaftConfig } from '@consort/types'

export interface NetworkSpec {
  /** Folder for every file of the network. */
  dir: string
  orgs: number
  /** Orderer nodes, spread over the orgs round-robin (every org contributes one by default). */
  orderers: number
  peersPerOrg: number
  /** First port; each node takes two (p2p, operations), three when proxied. */
  basePort: number
  channelId?: string
  raft?: Partial<RaftConfig>
  batch?: Partial<BatchConfig>
  /**
   * Every node gets a third port, its advertised one, for a FaultProxy in front of its own:
   * the channel config, the connection profile and every other node dial that one.
   */
  proxied?: boolean
  /**
   * Active/passive sites, the active one first (e.g. ['east', 'west']): each site runs
   * `orderers` orderers and `peersPerOrg` peers per org; the other sites' orderers are Raft
   * learners and their nodes refuse transactions (SITE_PASSIVE) until a switchover.
   */
  sites?: string[]
}

export interface NodeEntry {
  name: string
  kind: 'orderer' | 'peer'
  org: string
  raftId?: number
  /** The site it runs in, when the network has several. */
  site?: string
  listen: string
  /** Full multiaddr clients dial (listen, or the proxy's port when proxied, + /p2p/<peer id>). */
  address: string
  /** When proxied: the port of the FaultProxy that forwards to `listen`. */
  proxyPort?: number
  operationsPort: number
  config: string
  dataDir: string
  log: string
  pidFile: string
}

export interface OrgEntry {
  mspId: string
  /** The org's folder, as `consort org init` writes it (ca/, users/, org.json). */
  dir: string
  orgFile: string
  /** Path of the CA certificate. */
  caCertificate: string
  admin: IdentityFiles
  client: IdentityFiles
}

/** network.json: everything a tool needs to find and drive the network. */
export interface Manifest {
  channelId: string
  dir: string
  genesisBlock: string
  orgs: OrgEntry[]
  nodes: NodeEntry[]
  /** Path of the connection profile for clients (SDK, CLI). */
  connectionProfile: string
}

/**
 * The network's connection profile: every node by name (a profile made from the channel config,
 * as `consort profile` makes, knows peers only by their anchor addresses).
 */
function connectionProfile(m: Manifest): ConnectionProfile {
  const pick = (kind: NodeEntry['kind']) => m.nodes.filter((n) => n.kind === kind).map((n) => ({ name: n.name, org: n.org, address: n.address }))
  return { channel: m.channelId, orderers: pick('orderer'), peers: pick('peer') }
}

export const DevnetErrorCode = {
  BAD_SPEC: 'ERR_DEVNET_BAD_SPEC',
  NO_NETWORK: 'ERR_DEVNET_NO_NETWORK',
  UNKNOWN_NODE: 'ERR_DEVNET_UNKNOWN_NODE',
  START_FAILED: 'ERR_DEVNET_START_FAILED',
} as const
export type DevnetErrorCode = (typeof DevnetErrorCode)[keyof typeof DevnetErrorCode]
export class DevnetError extends ConsortError<DevnetErrorCode> {}

/**
 * Writes a new network the way a consortium is deployed (`consort org init`, `consort node
 * init`, `consort channel genesis`), every org's folder under `dir/orgs` and every node's
 * under `dir/nodes`: each org's CA, admin and client identities and org.json; each node's key,
 * certificate and node.json, entered in its org's org.json; the genesis block computed from the
 * org.json files alone and copied into each node's folder; and network.json.
 */
export async function generateNetwork(spec: NetworkSpec): Promise<Manifest> {
  if (spec.orgs < 1 || spec.orderers < 1 || spec.peersPerOrg < 0 || spec.basePort < 1024 || spec.basePort > 65000) {
    throw new DevnetError(DevnetErrorCode.BAD_SPEC, 'need at least 1 org and 1 orderer, and a base port in 1024-65000', { ...spec })
  }
  const sites = spec.sites ?? []
  if (sites.length === 1 || new Set(sites).size !== sites.length) {
    throw new DevnetError(DevnetErrorCode.BAD_SPEC, 'sites: give two or more different site names, the active one first', { sites })
  }
  const dir = resolve(spec.dir)
  const channelId = spec.channelId ?? 'consort'
  let port = spec.basePort
  const orgs: OrgEntry[] = []
  for (let i = 1; i <= spec.orgs; i++) {
    const r = await initOrg(`Org${i}`, join(dir, 'orgs', `Org${i}`))
    orgs.push({ mspId: r.mspId, dir: r.dir, orgFile: r.orgFile, caCertificate: r.ca.certificate, admin: r.admin, client: r.client })
  }

  const nodes: NodeEntry[] = []
  const newNode = async (kind: 'orderer' | 'peer', name: string, org: OrgEntry, site: string | undefined) => {
    const listenPort = port++
    const operationsPort = port++
    const proxyPort = spec.proxied === true ? port++ : undefined
    const r = await initNode(name, org.dir, {
      kind,
      listen: `127.0.0.1:${listenPort}`,
      ...(proxyPort !== undefined ? { advertise: `127.0.0.1:${proxyPort}` } : {}),
      operations: `127.0.0.1:${operationsPort}`,
      ...(site !== undefined ? { site } : {}),
      out: join(dir, 'nodes', name),
    })
    nodes.push({ ...nodeEntry(r, listenPort, operationsPort), ...(proxyPort !== undefined ? { proxyPort } : {}), ...(site !== undefined ? { site } : {}) })
  }
  // The active site's nodes keep the plain names; another site's carry its name (peer0.org1.west).
  for (const [s, site] of (sites.length === 0 ? [undefined] : sites).entries()) {
    const suffix = s === 0 || site === undefined ? '' : `.${site}`
    for (let i = 0; i < spec.orderers; i++) {
      const org = orgs[i % spec.orgs] as OrgEntry
      await newNode('orderer', `orderer${Math.floor(i / spec.orgs)}.${org.mspId.toLowerCase()}${suffix}`, org, site)
    }
    // Every peer is an anchor peer: gateways of other orgs may ask it to endorse.
    for (const org of orgs) for (let p = 0; p < spec.peersPerOrg; p++) await newNode('peer', `peer${p}.${org.mspId.toLowerCase()}${suffix}`, org, site)
  }

  const checked = await Promise.all(orgs.map((o) => readOrg(o.orgFile)))
  const genesis = channelGenesis(checked, {
    channelId,
    ...(spec.raft !== undefined ? { raft: spec.raft } : {}),
    ...(spec.batch !== undefined ? { batch: spec.batch } : {}),
    ...(sites[0] !== undefined ? { activeSite: sites[0] } : {}),
  })
  const genesisBlock = join(dir, 'genesis.block')
  await writeFile(genesisBlock, genesis)
  const { consenters } = readChannelConfig(genesis)
  for (const node of nodes) {
    await copyFile(genesisBlock, join(dirname(node.config), 'genesis.block'))
    const consenter = consenters.find((c) => c.name === node.name)
    if (consenter !== undefined) node.raftId = consenter.id
  }
  const manifest: Manifest = { channelId, dir, genesisBlock, orgs, nodes, connectionProfile: join(dir, 'connection-profile.json') }
  await writeManifest(manifest)
  await writeFile(manifest.connectionProfile, JSON.stringify(connectionProfile(manifest), null, 2))
  return manifest
}

/** The manifest entry of a node `consort node init` wrote, listening on 127.0.0.1; its log and pid file beside its node.json. */
function nodeEntry(r: InitNodeResult, listenPort: number, operationsPort: number): NodeEntry {
  return {
    name: r.name,
    kind: r.kind,
    org: r.org,
    listen: `/ip4/127.0.0.1/tcp/${listenPort}`,
    address: r.address,
    operationsPort,
    config: r.config,
    dataDir: join(r.dir, 'data'),
    log: join(r.dir, 'node.log'),
    pidFile: join(r.dir, 'node.pid'),
  }
}

async function writeManifest(manifest: Manifest): Promise<void> {
  await writeFile(join(manifest.dir, 'network.json'), JSON.stringify(manifest, null, 2))
}

export async function loadManifest(dir: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(join(resolve(dir), 'network.json'), 'utf8')) as Manifest
  } catch (err) {
    throw new DevnetError(DevnetErrorCode.NO_NETWORK, `no network in ${dir} (network.json missing or unreadable)`, { dir }, { cause: err })
  }
}

/**
 * Adds an orderer node to an existing network as `consort node init` does (identity from its
 * org's CA, node.json, an entry in org.json and the manifest), for a consenter to be added by a
 * config update. Its node.json names `genesis.block` in its folder as the block to start from:
 * write there the config block that adds it.
 */
export async function addOrdererNode(
  manifest: Manifest,
  mspId: string,
  opts: { raftId: number; port: number },
): Promise<{ node: NodeEntry; consenter: Consenter }> {
  const org = manifest.orgs.find((o) => o.mspId === mspId)
  if (org === undefined) throw new DevnetError(DevnetErrorCode.BAD_SPEC, `no org ${mspId}`, { mspId })
  const index = manifest.nodes.filter((n) => n.kind === 'orderer' && n.org === mspId).length
  const name = `orderer${index}.${mspId.toLowerCase()}`
  const r = await initNode(name, org.dir, {
    kind: 'orderer',
    listen: `127.0.0.1:${opts.port}`,
    operations: `127.0.0.1:${opts.port + 1}`,
    out: join(manifest.dir, 'nodes', name),
  })
  const node: NodeEntry = { ...nodeEntry(r, opts.port, opts.port + 1), raftId: opts.raftId }
  manifest.nodes.push(node)
  await writeManifest(manifest)
  const certificate = (await readIdentity(r.dir)).certificate
  return { node, consenter: { id: opts.raftId, name, org: mspId, address: node.listen, certificate, learner: false, site: '' } }
}
