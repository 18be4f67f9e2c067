import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { ConnectionProfile } from '@consort/client'
import { generateKeyPair, readPrivateKeyFile, writePrivateKeyFile } from '@consort/crypto'
import { certificateFromPem, certificateToPem, createRootCA, issueCertificate, parseCertificate } from '@consort/identity'
import type { CertificateAuthority } from '@consort/identity'
import { peerIdOf } from '@consort/p2p'
import { createGenesisBlock, normalizeChannelConfig } from '@consort/protocol'
import { ConsortError, Role } from '@consort/types'
import type { BatchConfig, Consenter, OrgConfig, RaftConfig } from '@consort/types'

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
  /** Certificate validity start; defaults to now minus a minute. */
  notBefore?: number
  /**
   * Every node gets a third port, its advertised one, for a FaultProxy in front of its own:
   * the channel config, the connection profile and every other node dial that one.
   */
  proxied?: boolean
}

export interface IdentityFiles {
  certificate: string
  privateKey: string
}

export interface NodeEntry {
  name: string
  kind: 'orderer' | 'peer'
  org: string
  raftId?: number
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

export function connectionProfile(m: Manifest): ConnectionProfile {
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

/** A node's config file (the format `consort-orderer` and `consort-peer` read). */
async function writeNodeConfig(node: NodeEntry, files: IdentityFiles, genesisBlock: string): Promise<void> {
  const config = {
    name: node.name,
    certificate: files.certificate,
    privateKey: files.privateKey,
    listen: node.listen,
    dataDir: node.dataDir,
    genesisBlock,
    operations: { host: '127.0.0.1', port: node.operationsPort },
  }
  await writeFile(node.config, JSON.stringify(config, null, 2))
}

async function writeIdentity(dir: string, cert: Uint8Array, privateKey: Uint8Array): Promise<IdentityFiles> {
  await mkdir(dir, { recursive: true })
  const files = { certificate: join(dir, 'cert.pem'), privateKey: join(dir, 'key.pem') }
  await writeFile(files.certificate, certificateToPem(cert))
  await writePrivateKeyFile(files.privateKey, privateKey)
  return files
}

/**
 * Writes a new network: each org's CA, admin and client identities; orderer and peer
 * identities; the genesis block naming every orderer as a consenter; one config file per
 * node; and network.json.
 */
export async function generateNetwork(spec: NetworkSpec): Promise<Manifest> {
  if (spec.orgs < 1 || spec.orderers < 1 || spec.peersPerOrg < 0 || spec.basePort < 1024 || spec.basePort > 65000) {
    throw new DevnetError(DevnetErrorCode.BAD_SPEC, 'need at least 1 org and 1 orderer, and a base port in 1024-65000', { ...spec })
  }
  const dir = resolve(spec.dir)
  const channelId = spec.channelId ?? 'consort'
  const notBefore = spec.notBefore ?? Date.now() - 60_000
  let port = spec.basePort
  const orgs: OrgEntry[] = []
  const orgConfigs: OrgConfig[] = []
  const cas: CertificateAuthority[] = []
  for (let i = 1; i <= spec.orgs; i++) {
    const mspId = `Org${i}`
    const orgDir = join(dir, 'orgs', mspId)
    const ca = createRootCA({ org: mspId, notBefore })
    cas.push(ca)
    await mkdir(join(orgDir, 'ca'), { recursive: true })
    await writeFile(join(orgDir, 'ca', 'cert.pem'), certificateToPem(ca.certificate))
    await writePrivateKeyFile(join(orgDir, 'ca', 'key.pem'), ca.privateKey)
    const issue = async (role: Role, subject: string, where: string): Promise<IdentityFiles> => {
      const keys = generateKeyPair()
      const cert = issueCertificate(ca, { subject, role, publicKey: keys.publicKey, notBefore, notAfter: notBefore + 10 * 365 * 86_400_000 })
      return writeIdentity(where, cert, keys.privateKey)
    }
    orgs.push({
      mspId,
      caCertificate: join(orgDir, 'ca', 'cert.pem'),
      admin: await issue(Role.ADMIN, `admin.${mspId.toLowerCase()}`, join(orgDir, 'users', 'admin')),
      client: await issue(Role.CLIENT, `client.${mspId.toLowerCase()}`, join(orgDir, 'users', 'client')),
    })
    orgConfigs.push({ mspId, rootCerts: [ca.certificate], revoked: [], anchorPeers: [] })
  }

  const nodes: NodeEntry[] = []
  const consenters: Consenter[] = []
  const newNode = async (kind: 'orderer' | 'peer', name: string, orgIndex: number, role: Role) => {
    const org = orgs[orgIndex] as OrgEntry
    const nodeDir = join(dir, 'nodes', name)
    const keys = generateKeyPair()
    const cert = issueCertificate(cas[orgIndex] as CertificateAuthority, {
      subject: name,
      role,
      publicKey: keys.publicKey,
      notBefore,
      notAfter: notBefore + 10 * 365 * 86_400_000,
    })
    const files = await writeIdentity(nodeDir, cert, keys.privateKey)
    const listen = `/ip4/127.0.0.1/tcp/${port++}`
    const operationsPort = port++
    const proxyPort = spec.proxied === true ? port++ : undefined
    const advertised = proxyPort === undefined ? listen : `/ip4/127.0.0.1/tcp/${proxyPort}`
    const entry: NodeEntry = {
      name,
      kind,
      org: org.mspId,
      listen,
      address: `${advertised}/p2p/${peerIdOf(parseCertificate(cert).publicKey)}`,
      ...(proxyPort !== undefined ? { proxyPort } : {}),
      operationsPort,
      config: join(nodeDir, 'config.json'),
      dataDir: join(nodeDir, 'data'),
      log: join(nodeDir, 'node.log'),
      pidFile: join(nodeDir, 'node.pid'),
    }
    nodes.push(entry)
    return { entry, cert, files }
  }

  for (let i = 0; i < spec.orderers; i++) {
    const orgIndex = i % spec.orgs
    const org = orgs[orgIndex] as OrgEntry
    const { entry, cert, files } = await newNode('orderer', `orderer${Math.floor(i / spec.orgs)}.${org.mspId.toLowerCase()}`, orgIndex, Role.ORDERER)
    entry.raftId = i + 1
    consenters.push({ id: i + 1, name: entry.name, org: org.mspId, address: entry.address.slice(0, entry.address.indexOf('/p2p/')), certificate: cert })
    await writeNodeConfig(entry, files, join(dir, 'genesis.block'))
  }
  for (let o = 0; o < spec.orgs; o++) {
    for (let p = 0; p < spec.peersPerOrg; p++) {
      const org = orgs[o] as OrgEntry
      const { entry, files } = await newNode('peer', `peer${p}.${org.mspId.toLowerCase()}`, o, Role.PEER)
      await writeNodeConfig(entry, files, join(dir, 'genesis.block'))
      // Every peer is an anchor peer: gateways of other orgs may ask it to endorse.
      ;(orgConfigs[o] as OrgConfig).anchorPeers.push(entry.address)
    }
  }

  const config = normalizeChannelConfig({
    channelId,
    orgs: orgConfigs,
    consenters,
    ...(spec.raft !== undefined ? { raft: spec.raft as RaftConfig } : {}),
    ...(spec.batch !== undefined ? { batch: spec.batch as BatchConfig } : {}),
  })
  const genesisBlock = join(dir, 'genesis.block')
  await writeFile(genesisBlock, createGenesisBlock(config, notBefore))
  const manifest: Manifest = { channelId, dir, genesisBlock, orgs, nodes, connectionProfile: join(dir, 'connection-profile.json') }
  await writeFile(join(dir, 'network.json'), JSON.stringify(manifest, null, 2))
  await writeFile(manifest.connectionProfile, JSON.stringify(connectionProfile(manifest), null, 2))
  return manifest
}

export async function loadManifest(dir: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(join(resolve(dir), 'network.json'), 'utf8')) as Manifest
  } catch (err) {
    throw new DevnetError(DevnetErrorCode.NO_NETWORK, `no network in ${dir} (network.json missing or unreadable)`, { dir }, { cause: err })
  }
}

/**
 * Adds an orderer node's files to an existing network (identity from its org's CA, config,
 * manifest entry) for a consenter to be added by a config update. Its config names
 * `join.block` in its folder as the block to start from: write there the config block
 * that adds it.
 */
export async function addOrdererNode(
  manifest: Manifest,
  mspId: string,
  opts: { raftId: number; port: number },
): Promise<{ node: NodeEntry; consenter: Consenter }> {
  const org = manifest.orgs.find((o) => o.mspId === mspId)
  if (org === undefined) throw new DevnetError(DevnetErrorCode.BAD_SPEC, `no org ${mspId}`, { mspId })
  const caDir = join(manifest.dir, 'orgs', mspId, 'ca')
  const ca: CertificateAuthority = {
    certificate: certificateFromPem(await readFile(join(caDir, 'cert.pem'), 'utf8')),
    privateKey: await readPrivateKeyFile(join(caDir, 'key.pem')),
  }
  const index = manifest.nodes.filter((n) => n.kind === 'orderer' && n.org === mspId).length
  const name = `orderer${index}.${mspId.toLowerCase()}`
  const nodeDir = join(manifest.dir, 'nodes', name)
  const keys = generateKeyPair()
  const notBefore = Date.now() - 60_000
  const cert = issueCertificate(ca, { subject: name, role: Role.ORDERER, publicKey: keys.publicKey, notBefore, notAfter: notBefore + 10 * 365 * 86_400_000 })
  const files = await writeIdentity(nodeDir, cert, keys.privateKey)
  const listen = `/ip4/127.0.0.1/tcp/${opts.port}`
  const node: NodeEntry = {
    name,
    kind: 'orderer',
    org: mspId,
    raftId: opts.raftId,
    listen,
    address: `${listen}/p2p/${peerIdOf(parseCertificate(cert).publicKey)}`,
    operationsPort: opts.port + 1,
    config: join(nodeDir, 'config.json'),
    dataDir: join(nodeDir, 'data'),
    log: join(nodeDir, 'node.log'),
    pidFile: join(nodeDir, 'node.pid'),
  }
  await writeNodeConfig(node, files, join(nodeDir, 'join.block'))
  manifest.nodes.push(node)
  await writeFile(join(manifest.dir, 'network.json'), JSON.stringify(manifest, null, 2))
  return { node, consenter: { id: opts.raftId, name, org: mspId, address: listen, certificate: cert } }
}
