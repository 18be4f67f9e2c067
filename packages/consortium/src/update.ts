import { readFile, writeFile } from 'node:fs/promises'
import { sign } from '@consort/crypto'
import { certificateFromPem, certificateToPem, parseCertificate } from '@consort/identity'
import type { SigningIdentity } from '@consort/identity'
import { createSignedEnvelope, normalizeChannelConfig, retireConsenter } from '@consort/protocol'
import { ChannelConfig, ConfigUpdate, decode, HeaderType, Role } from '@consort/types'
import { ConsortiumError, ConsortiumErrorCode } from './errors.js'
import type { CheckedOrg } from './org.js'

/**
 * upd.json: a drafted channel config update that admins sign one after another, each on their
 * own machine, before anyone submits it. Public: the next config and admin signatures over it.
 */
export interface ConfigUpdateFile {
  channel: string
  /** The config sequence this update applies to; the channel refuses it once it has moved past. */
  baseSequence: number
  /** What the update does, in words. */
  description: string
  /** The whole next config (sequence baseSequence + 1), protobuf, base64. */
  config: string
  /** Admin signatures over the config bytes. */
  signatures: { signer: string; org: string; signature: string }[]
}

export type UpdateOp =
  | { type: 'add-org'; org: CheckedOrg }
  | { type: 'remove-org'; mspId: string }
  /** `learner`: a non-voting member (a DR site's orderer); `site`: where it runs. */
  | { type: 'add-consenter'; name: string; org: string; address: string; certificate: Uint8Array; learner?: boolean; site?: string }
  /** A learner becomes a voter (promote) or a voter a learner (demote): one per update. */
  | { type: 'promote' | 'demote'; name: string }
  /** Which site takes transactions; `switchingTo` set: none does, a switchover to it runs. */
  | { type: 'set-sites'; activeSite: string; switchingTo: string }
  | { type: 'remove-consenter'; name: string }
  | { type: 'set-policy'; admins?: string; lifecycle?: string }
  /** Primary reclaim: consenter names, most preferred first (empty: off), and its timers. */
  | { type: 'set-leaders'; preferred?: string[]; reclaimAfterMs?: number; minLeaderTenureMs?: number }

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'))

/** Drafts the update `op` to `current` (anyone may: it carries no signature yet). */
export function draftUpdate(current: ChannelConfig, op: UpdateOp): ConfigUpdateFile {
  const bad = (why: string): never => {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_CHANNEL, `cannot draft ${op.type}: ${why}`)
  }
  let next: ChannelConfig = { ...current, sequence: current.sequence + 1 }
  let description: string
  switch (op.type) {
    case 'add-org': {
      const d = op.org.definition
      if (current.orgs.some((o) => o.mspId === d.mspId)) bad(`${d.mspId} is already a member`)
      next.orgs = [
        ...current.orgs,
        { mspId: d.mspId, rootCerts: [certificateFromPem(d.caCertificate)], revoked: [], anchorPeers: d.peers.map((p) => p.address).sort() },
      ]
      description = `add org ${d.mspId}`
      break
    }
    case 'remove-org': {
      if (!current.orgs.some((o) => o.mspId === op.mspId)) bad(`${op.mspId} is not a member`)
      if (current.consenters.some((c) => c.org === op.mspId)) bad(`${op.mspId} still runs consenters: remove them first (one update each)`)
      next.orgs = current.orgs.filter((o) => o.mspId !== op.mspId)
      description = `remove org ${op.mspId}`
      break
    }
    case 'add-consenter': {
      if (!current.orgs.some((o) => o.mspId === op.org)) bad(`${op.org} is not a member`)
      if (current.consenters.some((c) => c.name === op.name)) bad(`${op.name} is already a consenter`)
      const cert = parseCertificate(op.certificate)
      if (cert.role !== Role.ORDERER || cert.org !== op.org) bad(`${op.name}'s certificate is not an ORDERER certificate of ${op.org}`)
      const id = Math.max(0, ...current.consenters.map((c) => c.id), ...current.retiredConsenterIds) + 1
      const learner = op.learner === true
      next.consenters = [
        ...current.consenters,
        { id, name: op.name, org: op.org, address: op.address, certificate: op.certificate, learner, site: op.site ?? '' },
      ]
      description = `add consenter ${op.name} (${op.org}) as Raft id ${id}${learner ? ', a learner' : ''}${op.site !== undefined ? ` at site ${op.site}` : ''}`
      break
    }
    case 'promote':
    case 'demote': {
      const learner = op.type === 'demote'
      const c = current.consenters.find((x) => x.name === op.name)
      if (c === undefined) bad(`${op.name} is not a consenter`)
      if (c?.learner === learner) bad(`${op.name} is a ${learner ? 'learner' : 'voter'} already`)
      next.consenters = current.consenters.map((x) => (x.name === op.name ? { ...x, learner } : x))
      description = `${op.type} consenter ${op.name} to ${learner ? 'learner' : 'voter'}`
      break
    }
    case 'set-sites': {
      const sites = new Set(current.consenters.map((c) => c.site).filter((s) => s !== ''))
      for (const s of [op.activeSite, op.switchingTo])
        if (s !== '' && !sites.has(s)) bad(`no consenter runs at site ${s}; sites: ${[...sites].join(', ') || 'none'}`)
      next.dr = { activeSite: op.activeSite, switchingTo: op.switchingTo }
      description = op.switchingTo !== '' ? `close site ${op.activeSite} for the switchover to ${op.switchingTo}` : `site ${op.activeSite} takes transactions`
      break
    }
    case 'remove-consenter': {
      const c = current.consenters.find((x) => x.name === op.name)
      if (c === undefined) bad(`${op.name} is not a consenter`)
      next = { ...retireConsenter(current, (c as { id: number }).id), sequence: current.sequence + 1 }
      description = `remove consenter ${op.name}`
      break
    }
    case 'set-policy': {
      if (op.admins !== undefined) next.adminsPolicy = op.admins
      if (op.lifecycle !== undefined) next.lifecyclePolicy = op.lifecycle
      description = `set policies: admins "${next.adminsPolicy}", lifecycle "${next.lifecyclePolicy}"`
      break
    }
    case 'set-leaders': {
      const unknown = (op.preferred ?? []).filter((name) => !current.consenters.some((c) => c.name === name))
      if (unknown.length > 0) bad(`not consenters: ${unknown.join(', ')}`)
      const raft = { ...current.raft!, ...(op.preferred !== undefined ? { preferredLeaders: op.preferred } : {}) }
      if (op.reclaimAfterMs !== undefined) raft.reclaimAfterMs = op.reclaimAfterMs
      if (op.minLeaderTenureMs !== undefined) raft.minLeaderTenureMs = op.minLeaderTenureMs
      next.raft = raft
      description =
        raft.preferredLeaders.length === 0
          ? 'no preferred leader'
          : `preferred leaders ${raft.preferredLeaders.join(', ')} (reclaim after ${raft.reclaimAfterMs} ms healthy, leaders keep at least ${raft.minLeaderTenureMs} ms)`
      break
    }
  }
  const config = ChannelConfig.encode(normalizeChannelConfig(next))
  return { channel: current.channelId, baseSequence: current.sequence, description, config: b64(config), signatures: [] }
}

/** Appends `admin`'s signature; refuses a certificate that is not an admin's, or one that signed already. */
export function signUpdate(file: ConfigUpdateFile, admin: { certificate: Uint8Array; privateKey: Uint8Array }): ConfigUpdateFile {
  const cert = parseCertificate(admin.certificate)
  if (cert.role !== Role.ADMIN) {
    throw new ConsortiumError(
      ConsortiumErrorCode.BAD_SIGNER,
      `${cert.subject} (${cert.org}) is a ${cert.role}, not an ADMIN: only org admins sign config updates`,
    )
  }
  if (file.signatures.some((s) => parseCertificate(certificateFromPem(s.signer)).serial === cert.serial)) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_SIGNER, `${cert.subject} has signed this update already`)
  }
  const signature = sign(admin.privateKey, unb64(file.config))
  return { ...file, signatures: [...file.signatures, { signer: certificateToPem(admin.certificate), org: cert.org, signature: b64(signature) }] }
}

/** The CONFIG_UPDATE envelope that submits the update, signed by `submitter` (any channel member). */
export function updateEnvelope(file: ConfigUpdateFile, submitter: SigningIdentity, timestamp: number): { envelope: Uint8Array; txId: string } {
  const update = ConfigUpdate.encode({
    config: unb64(file.config),
    signatures: file.signatures.map((s) => ({ signer: certificateFromPem(s.signer), signature: unb64(s.signature) })),
  })
  return createSignedEnvelope(submitter, { type: HeaderType.CONFIG_UPDATE, channelId: file.channel, timestamp, data: update })
}

/** The next config an update file carries. */
export function updateConfig(file: ConfigUpdateFile): ChannelConfig {
  return decode(ChannelConfig, unb64(file.config), 'ChannelConfig')
}

export async function readUpdate(path: string): Promise<ConfigUpdateFile> {
  let f: ConfigUpdateFile
  try {
    f = JSON.parse(await readFile(path, 'utf8')) as ConfigUpdateFile
  } catch (err) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_UPDATE, `cannot read update ${path}: ${(err as Error).message}`, { path })
  }
  if (typeof f?.channel !== 'string' || typeof f.baseSequence !== 'number' || typeof f.config !== 'string' || !Array.isArray(f.signatures)) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_UPDATE, `${path} is not a config update (consort channel update writes one)`, { path })
  }
  try {
    updateConfig(f)
  } catch (err) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_UPDATE, `${path}: its config does not decode: ${(err as Error).message}`, { path })
  }
  return f
}

export async function writeUpdate(path: string, file: ConfigUpdateFile): Promise<void> {
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`)
}
