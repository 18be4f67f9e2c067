import { access, mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { generateKeyPair } from '@consort/crypto'
import { certificateToPem, issueCertificate, parseCertificate } from '@consort/identity'
import { peerIdOf } from '@consort/p2p'
import { Role } from '@consort/types'
import { hostPortToMultiaddr } from './address.js'
import { ConsortiumError, ConsortiumErrorCode } from './errors.js'
import { readOrgCA, VALIDITY_MS, writeIdentity, writeOrg } from './org.js'

export interface InitNodeOptions {
  kind: 'orderer' | 'peer'
  /** HOST:PORT the node listens on (0.0.0.0 for every interface). */
  listen: string
  /** HOST:PORT other nodes and clients dial; defaults to `listen` (which must then not be 0.0.0.0). */
  advertise?: string
  /** HOST:PORT of the operations endpoint (/healthz, /metrics, /status). */
  operations?: string
  /** The site (data centre) the node runs in, for an active/passive DR setup. */
  site?: string
  out: string
  now?: number
}

export interface InitNodeResult {
  name: string
  kind: 'orderer' | 'peer'
  org: string
  dir: string
  /** The node's config file, for `consort node run --config`. */
  config: string
  /** Advertised address, with /p2p/<peer id>. */
  address: string
  orgFile: string
}

/**
 * `consort node init`: a node key and a certificate issued by the org's CA (in the node's folder,
 * on the machine that runs it), the node's config file (node.json), and the node's public entry
 * added to the org's org.json — an orderer's consenter address and certificate, a peer's
 * anchor-peer address.
 */
export async function initNode(name: string, orgDir: string, opts: InitNodeOptions): Promise<InitNodeResult> {
  if (!/^[a-z0-9][a-z0-9.-]{0,126}$/i.test(name)) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_FOLDER, `"${name}" is not a node name: letters, digits, . and -`, { name })
  }
  const { ca, org, orgFile } = await readOrgCA(orgDir)
  const def = org.definition
  if ([...def.orderers, ...def.peers].some((n) => n.name === name)) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_FOLDER, `${def.mspId} already has a node named ${name}`, { name })
  }
  if (opts.site !== undefined && !/^[a-z][a-z0-9-]{0,62}$/.test(opts.site)) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_FOLDER, `"${opts.site}" is not a site name: lowercase letters, digits and -`, { site: opts.site })
  }
  const listen = hostPortToMultiaddr(opts.listen)
  const advertiseFrom = opts.advertise ?? opts.listen
  if (opts.advertise === undefined && /^(0\.0\.0\.0|\[?::\]?):/.test(opts.listen)) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_ADDRESS, `listening on ${opts.listen} needs --advertise HOST:PORT: the address others dial`, {
      listen: opts.listen,
    })
  }
  const advertised = hostPortToMultiaddr(advertiseFrom, { dns: true })
  let operations: { host: string; port: number } | undefined
  if (opts.operations !== undefined) {
    const [, host, port] = /^(.*):(\d+)$/.exec(opts.operations) ?? []
    hostPortToMultiaddr(opts.operations)
    operations = { host: (host as string).replace(/^\[|\]$/g, ''), port: Number(port) }
  }
  const dir = resolve(opts.out)
  const configFile = join(dir, 'node.json')
  if (
    await access(configFile).then(
      () => true,
      () => false,
    )
  ) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_FOLDER, `${dir} already holds a node (node.json)`, { dir })
  }
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const notBefore = (opts.now ?? Date.now()) - 60_000
  const keys = generateKeyPair()
  const role = opts.kind === 'orderer' ? Role.ORDERER : Role.PEER
  const cert = issueCertificate(ca, { subject: name, role, publicKey: keys.publicKey, notBefore, notAfter: notBefore + VALIDITY_MS })
  await writeIdentity(dir, cert, keys.privateKey)
  const config = {
    name,
    kind: opts.kind,
    org: def.mspId,
    certificate: 'cert.pem',
    privateKey: 'key.pem',
    listen,
    // What others dial (public: it goes into org.json, and into a channel update adding this node).
    advertise: advertised,
    dataDir: 'data',
    // Copy the channel's genesis block (or, to join later, the config block that added this node) here.
    genesisBlock: 'genesis.block',
    ...(operations !== undefined ? { operations } : {}),
    ...(opts.site !== undefined ? { site: opts.site } : {}),
    logLevel: 'info',
  }
  await writeFile(configFile, `${JSON.stringify(config, null, 2)}\n`)
  const address = `${advertised}/p2p/${peerIdOf(parseCertificate(cert).publicKey)}`
  const site = opts.site !== undefined ? { site: opts.site } : {}
  if (opts.kind === 'orderer') def.orderers.push({ name, address: advertised, certificate: certificateToPem(cert), ...site })
  else def.peers.push({ name, address, ...site })
  await writeOrg(orgFile, def)
  return { name, kind: opts.kind, org: def.mspId, dir, config: configFile, address, orgFile }
}
