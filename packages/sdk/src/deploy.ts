import { parseCertificate } from '@consort/identity'
import { bundleContract } from '@consort/bundle'
import type { ContractPackage } from '@consort/bundle'
import { PROTOCOL } from '@consort/client'
import { ConsortError, ContractPackageSpec, HeaderType, InstallResponse, Status } from '@consort/types'
import { EndorseError, SdkErrorCode } from './errors.js'
import type { ConnectionProfile } from '@consort/client'
import type { ConnectOptions, Identity, Network } from './network.js'

export interface DeployOptions {
  profile: ConnectionProfile | string
  /** A contract folder (bundled with esbuild) or an already bundled package. */
  contract: string | ContractPackage
  name: string
  version?: string
  /** Endorsement policy text; default MAJORITY. */
  policy?: string
  /** Org admins: each installs on its org's peers and approves for its org. */
  admins: Identity[]
}

export interface DeployResult {
  name: string
  version: string
  sequence: number
  codeHash: string
  installedOn: string[]
  /** The orgs whose admins approved in this call. */
  approvedBy: string[]
  /** Every channel org: whether it approved this definition (in this call or before); empty if it was in force already. */
  approvals: Record<string, boolean>
  /**
   * Whether the definition was committed (the lifecycle policy was met). If not, the others
   * approve it, each with its own admin (a deploy of the same package, version and policy), and
   * the deploy that completes the approvals commits it.
   */
  committed: boolean
}

/**
 * The deploy steps, given how to connect (so this module needs nothing of network.ts at
 * run time): bundle, install on every peer of the admins' orgs, approve the definition for
 * each org, and commit it if the approvals so far meet the channel's lifecycle policy (as
 * Fabric's checkcommitreadiness, then commit). The next sequence follows the current one;
 * deploying the definition already in force (same version, policy and code) only installs.
 */
export async function deployWith(connect: (o: ConnectOptions) => Promise<Network>, opts: DeployOptions): Promise<DeployResult> {
  const pkg =
    typeof opts.contract === 'string'
      ? await bundleContract(opts.contract, { name: opts.name, ...(opts.version !== undefined ? { version: opts.version } : {}) })
      : opts.contract
  const version = opts.version ?? pkg.version
  const policy = opts.policy ?? 'MAJORITY'
  if (opts.admins.length === 0) throw new ConsortError(SdkErrorCode.DEPLOY, 'deploy needs at least one org admin identity')
  const installedOn: string[] = []
  const approvedBy: string[] = []
  let sequence = 1
  let active = false
  for (const [i, admin] of opts.admins.entries()) {
    const network = await connect({ profile: opts.profile, identity: admin })
    try {
      const org = parseCertificate(admin.certificate).org
      const envelope = await network.envelope({
        type: HeaderType.PEER_ADMIN,
        timestamp: Date.now(),
        data: ContractPackageSpec.encode({ name: opts.name, version, code: pkg.code }),
      })
      for (const peer of network.peers.filter((p) => p.org === org)) {
        const r = await network.request(peer, PROTOCOL.INSTALL, envelope, InstallResponse, 30_000)
        if (r.status !== Status.SUCCESS) throw new ConsortError(SdkErrorCode.DEPLOY, `install on ${peer.name} refused: ${r.info}`, { peer: peer.name })
        if (r.codeHash !== pkg.hash) throw new ConsortError(SdkErrorCode.DEPLOY, `${peer.name} hashed the package differently`, { peer: peer.name })
        installedOn.push(peer.name)
      }
      const lifecycle = network.contract('_lifecycle')
      if (i === 0) {
        try {
          const current = JSON.parse(new TextDecoder().decode(await lifecycle.evaluate('QueryDefinition', opts.name))) as {
            sequence: number
            version: string
            endorsementPolicy: string
            codeHash: string
          }
          // The same definition is in force already: a late org only installs on its peers.
          active = current.version === version && current.endorsementPolicy === policy && current.codeHash === pkg.hash
          sequence = active ? current.sequence : current.sequence + 1
        } catch (err) {
          if (!(err instanceof EndorseError)) throw err
        }
      }
      if (!active) {
        await lifecycle.submit('ApproveDefinition', opts.name, version, String(sequence), policy, pkg.hash)
        approvedBy.push(org)
      }
    } finally {
      await network.close()
    }
  }
  if (active) return { name: opts.name, version, sequence, codeHash: pkg.hash, installedOn, approvedBy, approvals: {}, committed: true }
  const network = await connect({ profile: opts.profile, identity: opts.admins[0] as Identity })
  try {
    const lifecycle = network.contract('_lifecycle')
    const definition = [opts.name, version, String(sequence), policy, pkg.hash]
    const { approvals, ready } = JSON.parse(new TextDecoder().decode(await lifecycle.evaluate('CheckCommitReadiness', ...definition))) as {
      approvals: Record<string, boolean>
      ready: boolean
    }
    if (ready) await lifecycle.submit('CommitDefinition', ...definition)
    return { name: opts.name, version, sequence, codeHash: pkg.hash, installedOn, approvedBy, approvals, committed: ready }
  } finally {
    await network.close()
  }
}
