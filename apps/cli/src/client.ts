import { readFile } from 'node:fs/promises'
import { readPrivateKeyFile } from '@consort/crypto'
import { readIdentity } from '@consort/consortium'
import { loadManifest } from '@consort/devnet'
import type { Manifest } from '@consort/devnet'
import { certificateFromPem } from '@consort/identity'
import { connect, deploy } from '@consort/sdk'
import type { DeployResult, Identity, Network } from '@consort/sdk'
import { PROTOCOL } from '@consort/client'
import { HeaderType, OrdererAdminRequest, OrdererAdminResponse, SnapshotRequest, SnapshotResponse, Status } from '@consort/types'
import type { BackupResult } from '@consort/types'
import { CliError } from './output.js'

/** Who a client command acts as: an org of the local network in --dir, or an identity folder with a connection profile. */
export interface ClientOptions {
  org: string
  profile?: string
  identity?: string
}

async function identityOf(manifest: Manifest, org: string, who: 'admin' | 'client'): Promise<{ certificate: Uint8Array; privateKey: Uint8Array }> {
  const o = manifest.orgs.find((x) => x.mspId.toLowerCase() === org.toLowerCase())
  if (o === undefined) throw new CliError('UNKNOWN_ORG', `no organization ${org}; orgs: ${manifest.orgs.map((x) => x.mspId).join(', ')}`)
  const files = o[who]
  return { certificate: certificateFromPem(await readFile(files.certificate, 'utf8')), privateKey: await readPrivateKeyFile(files.privateKey) }
}

/** Every org's admin identity of the local network (who signs its config updates and deploys). */
export function localAdmins(manifest: Manifest): Promise<{ certificate: Uint8Array; privateKey: Uint8Array }[]> {
  return Promise.all(manifest.orgs.map((org) => identityOf(manifest, org.mspId, 'admin')))
}

/** An identity folder (cert.pem, key.pem), e.g. an org's users/admin. */
export async function identityIn(dir: string): Promise<{ certificate: Uint8Array; privateKey: Uint8Array }> {
  try {
    return await readIdentity(dir)
  } catch (err) {
    throw new CliError('ERR_CLI_IDENTITY', `${dir} is not an identity folder (cert.pem, key.pem): ${(err as Error).message}`)
  }
}

/** Connects with a profile and an identity folder. */
export async function connectWith(profile: string, identity: string): Promise<Network> {
  return connect({ profile, identity: await identityIn(identity) })
}

function profileAndIdentities(o: { profile?: string | undefined; identities: string[] }): { profile: string; identities: string[] } | undefined {
  if (o.profile === undefined && o.identities.length === 0) return undefined
  if (o.profile === undefined || o.identities.length === 0) throw new CliError('ERR_CLI_USAGE', '--profile and --identity go together')
  return { profile: o.profile, identities: o.identities }
}

/** Connects as --identity with --profile, or as the client (or admin) of `org` in the local network in `dir`. */
export async function connectAs(dir: string, o: ClientOptions, who: 'client' | 'admin' = 'client'): Promise<Network> {
  const member = profileAndIdentities({ profile: o.profile, identities: o.identity !== undefined ? [o.identity] : [] })
  if (member !== undefined) return connectWith(member.profile, member.identities[0] as string)
  return connectLocal(dir, o.org, who)
}

/** Connects as the client (or admin) identity of `org` in the local network in `dir`. */
export async function connectLocal(dir: string, org: string, who: 'client' | 'admin' = 'client'): Promise<Network> {
  const manifest = await loadManifest(dir)
  return connect({ profile: manifest.connectionProfile, identity: await identityOf(manifest, org, who) })
}

/**
 * Deploys as the admins given (--identity, with --profile): each installs on its org's peers and
 * approves, and the definition is committed once the approvals meet the lifecycle policy. In the
 * local network in `dir` (no --profile), as every org's admin.
 */
export async function deployContract(
  dir: string,
  path: string,
  o: { name: string; version?: string; policy?: string; profile?: string; identity?: string[] },
): Promise<DeployResult> {
  const member = profileAndIdentities({ profile: o.profile, identities: o.identity ?? [] })
  let profile: string
  let admins: Identity[]
  if (member !== undefined) {
    profile = member.profile
    admins = await Promise.all(member.identities.map(identityIn))
  } else {
    const manifest = await loadManifest(dir)
    profile = manifest.connectionProfile
    admins = await localAdmins(manifest)
  }
  return deploy({
    profile,
    contract: path,
    name: o.name,
    admins,
    ...(o.version !== undefined ? { version: o.version } : {}),
    ...(o.policy !== undefined ? { policy: o.policy } : {}),
  })
}

/** Asks the peer named `name` (as an admin of its org) to write a ledger snapshot; what it wrote. */
export async function peerSnapshot(network: Network, name: string, at: number): Promise<Omit<SnapshotResponse, 'status' | 'code' | 'info'>> {
  const peer = network.peers.find((p) => p.name === name)
  if (peer === undefined) throw new CliError('ERR_CLI_UNKNOWN_PEER', `no peer named ${name}; peers: ${network.peers.map((p) => p.name).join(', ')}`)
  const request = await network.envelope({ type: HeaderType.PEER_ADMIN, timestamp: Date.now(), data: SnapshotRequest.encode({ atBlock: at }) })
  const r = await network.request(peer, PROTOCOL.PEER_SNAPSHOT, request, SnapshotResponse, 600_000)
  if (r.status !== Status.SUCCESS) throw new CliError(`ERR_CLI_SNAPSHOT_${r.code}`, `${name} refused: ${r.info}`)
  const { status: _s, code: _c, info: _i, ...rest } = r
  return rest
}

/**
 * Asks the orderer named `name` (default: the first of the identity's org) to write a consistent
 * backup of its data into `dir` on its machine, as an admin of its org.
 */
export async function ordererBackup(network: Network, name: string | undefined, dir: string): Promise<BackupResult> {
  const org = network.signer.certificate.org
  const orderers = network.profile.orderers
  const target = name === undefined ? orderers.find((o) => o.org === org) : orderers.find((o) => o.name === name)
  if (target === undefined) {
    throw new CliError(
      'ERR_CLI_UNKNOWN_ORDERER',
      `no orderer ${name === undefined ? `of ${org}` : `named ${name}`}; orderers: ${orderers.map((o) => o.name).join(', ')}`,
    )
  }
  const request = await network.envelope({ type: HeaderType.ORDERER_ADMIN, timestamp: Date.now(), data: OrdererAdminRequest.encode({ backup: { dir } }) })
  const r = await network.request(target, PROTOCOL.ORDERER_ADMIN, request, OrdererAdminResponse, 600_000)
  if (r.status !== Status.SUCCESS || r.backup === undefined) {
    // A refusal of the backup itself names its code first (ERR_BACKUP_…: …).
    const [, code, info] = /^(ERR_BACKUP_[A-Z_]+): (.*)$/s.exec(r.info) ?? [undefined, `ERR_CLI_BACKUP_${r.code}`, r.info]
    throw new CliError(code as string, `${target.name} refused: ${info}`)
  }
  return r.backup
}
