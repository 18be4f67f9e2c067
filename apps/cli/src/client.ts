import { readFile } from 'node:fs/promises'
import { readPrivateKeyFile } from '@consort/crypto'
import { loadManifest } from '@consort/devnet'
import type { Manifest } from '@consort/devnet'
import { certificateFromPem } from '@consort/identity'
import { connect, deploy } from '@consort/sdk'
import type { DeployResult, Identity, Network } from '@consort/sdk'
import { CliError } from './output.js'

async function identityOf(manifest: Manifest, org: string, who: 'admin' | 'client'): Promise<Identity> {
  const o = manifest.orgs.find((x) => x.mspId.toLowerCase() === org.toLowerCase())
  if (o === undefined) throw new CliError('UNKNOWN_ORG', `no organization ${org}; orgs: ${manifest.orgs.map((x) => x.mspId).join(', ')}`)
  const files = o[who]
  return { certificate: certificateFromPem(await readFile(files.certificate, 'utf8')), privateKey: await readPrivateKeyFile(files.privateKey) }
}

/** Connects as the client (or admin) identity of `org` in the local network. */
export async function connectAs(dir: string, org: string, who: 'client' | 'admin' = 'client'): Promise<Network> {
  const manifest = await loadManifest(dir)
  return connect({ profile: manifest.connectionProfile, identity: await identityOf(manifest, org, who) })
}

/** Deploys as every org's admin: each installs on its peers and approves; then commit. */
export async function deployContract(dir: string, path: string, o: { name: string; version?: string; policy?: string }): Promise<DeployResult> {
  const manifest = await loadManifest(dir)
  const admins = await Promise.all(manifest.orgs.map((org) => identityOf(manifest, org.mspId, 'admin')))
  return deploy({
    profile: manifest.connectionProfile,
    contract: path,
    name: o.name,
    admins,
    ...(o.version !== undefined ? { version: o.version } : {}),
    ...(o.policy !== undefined ? { policy: o.policy } : {}),
  })
}
