import { bytesEqual, sign } from '@consort/crypto'
import { evaluatePolicy, IdentityError, parsePolicy, PolicyError } from '@consort/identity'
import type { MembershipService, SigningIdentity, ValidatedIdentity } from '@consort/identity'
import { ChannelConfig, ConfigUpdate, decode, DecodeError, HeaderType } from '@consort/types'
import type { Consenter } from '@consort/types'
import type { ParsedBlock } from './blocks.js'
import { checkTxTime, normalizeChannelConfig } from './config.js'
import { createSignedEnvelope, openEnvelope, verifyEnvelope } from './envelope.js'
import { ProtocolError, ProtocolErrorCode } from './errors.js'

/**
 * A config update envelope: the next channel configuration, signed by org admins (as the
 * channel's admins policy requires, MAJORITY Admins by default), submitted by `submitter`.
 */
export function createConfigUpdateEnvelope(
  submitter: SigningIdentity,
  next: ChannelConfig,
  admins: readonly { certificate: Uint8Array; privateKey: Uint8Array }[],
  timestamp: number,
): { envelope: Uint8Array; txId: string } {
  const config = ChannelConfig.encode(normalizeChannelConfig(next))
  const update = ConfigUpdate.encode({
    config,
    signatures: admins.map((a) => ({ signer: new Uint8Array(a.certificate), signature: sign(a.privateKey, config) })),
  })
  return createSignedEnvelope(submitter, { type: HeaderType.CONFIG_UPDATE, channelId: next.channelId, timestamp, data: update })
}

export type ConsenterChange = { type: 'add' | 'remove' | 'promote' | 'demote'; consenter: Consenter }

/** The one consenter added, removed, promoted from learner to voter or demoted between two configs, if any. */
export function consenterChange(current: ChannelConfig, next: ChannelConfig): ConsenterChange | undefined {
  const added = next.consenters.filter((c) => !current.consenters.some((x) => x.id === c.id))
  const removed = current.consenters.filter((c) => !next.consenters.some((x) => x.id === c.id))
  if (added[0] !== undefined) return { type: 'add', consenter: added[0] }
  if (removed[0] !== undefined) return { type: 'remove', consenter: removed[0] }
  for (const c of next.consenters) {
    const before = current.consenters.find((x) => x.id === c.id)
    if (before !== undefined && before.learner !== c.learner) return { type: c.learner ? 'demote' : 'promote', consenter: c }
  }
  return undefined
}

/**
 * Why this node's site takes no transactions under `config`, or undefined if it takes them:
 * during a planned switchover no site does; otherwise only the active site's nodes.
 */
export function sitePassive(config: ChannelConfig, site: string): string | undefined {
  const dr = config.dr
  if (dr === undefined) return undefined
  if (dr.switchingTo !== '') return `channel ${config.channelId} is switching over from site ${dr.activeSite} to ${dr.switchingTo}; retry shortly`
  if (site !== '' && site !== dr.activeSite) return `site ${site} is passive; the active site is ${dr.activeSite}`
  return undefined
}

/** The next config without consenter `id`, its id retired for good. */
export function retireConsenter(config: ChannelConfig, id: number): ChannelConfig {
  return {
    ...config,
    consenters: config.consenters.filter((c) => c.id !== id),
    retiredConsenterIds: [...new Set([...config.retiredConsenterIds, id])].sort((a, b) => a - b),
  }
}

/**
 * Checks a config update against the current config and returns the next config:
 * same channel, the next sequence, admin signatures that satisfy the admins policy, and at
 * most one consenter added or removed (existing consenters unchanged, ids never reused: a
 * removed consenter's id is recorded in the config's retired ids).
 */
export function validateConfigUpdate(current: ChannelConfig, updateBytes: Uint8Array, msp: MembershipService): ChannelConfig {
  const bad = (reason: string, code: ProtocolErrorCode = ProtocolErrorCode.BAD_CONFIG): never => {
    throw new ProtocolError(code, `config update refused: ${reason}`, { channel: current.channelId })
  }
  let update: ConfigUpdate
  let next: ChannelConfig
  try {
    update = decode(ConfigUpdate, updateBytes, 'ConfigUpdate')
    next = normalizeChannelConfig(decode(ChannelConfig, update.config, 'ChannelConfig'))
  } catch (err) {
    if (err instanceof DecodeError || err instanceof ProtocolError) return bad(err.message)
    throw err
  }
  if (next.channelId !== current.channelId) bad(`channel ${next.channelId} is not ${current.channelId}`)
  if (next.sequence !== current.sequence + 1) bad(`sequence must be ${current.sequence + 1}, got ${next.sequence}`)
  const signers: ValidatedIdentity[] = []
  for (const s of update.signatures) {
    try {
      signers.push(msp.verifySignature(s.signer, update.config, s.signature))
    } catch (err) {
      if (err instanceof IdentityError) bad(`a signature does not verify: ${err.message}`, ProtocolErrorCode.BAD_SIGNATURE)
      throw err
    }
  }
  try {
    if (!evaluatePolicy(parsePolicy(current.adminsPolicy), signers, msp.orgIds)) {
      bad(`signatures do not satisfy the admins policy "${current.adminsPolicy}"`, ProtocolErrorCode.BAD_CREATOR)
    }
  } catch (err) {
    if (err instanceof PolicyError) bad(`admins policy: ${err.message}`)
    throw err
  }
  const added = next.consenters.filter((c) => !current.consenters.some((x) => x.id === c.id))
  const removed = current.consenters.filter((c) => !next.consenters.some((x) => x.id === c.id))
  // Every change of Raft membership (add, remove, learner to voter and back) is one per update.
  let flipped = 0
  for (const c of next.consenters) {
    const before = current.consenters.find((x) => x.id === c.id)
    if (before !== undefined && (before.address !== c.address || !bytesEqual(before.certificate, c.certificate) || before.org !== c.org)) {
      bad(`consenter ${c.id} changed; remove it and add a new one instead`)
    }
    if (before !== undefined && before.learner !== c.learner) flipped++
  }
  if (added.length + removed.length + flipped > 1) bad('add, remove, promote or demote one consenter at a time')
  // (A consenter with a retired id never gets here: normalizeChannelConfig refuses it.)
  // Retired ids stay retired: the next config keeps every one and adds each removed id.
  const retired = [...new Set([...current.retiredConsenterIds, ...removed.map((c) => c.id)])].sort((a, b) => a - b)
  if (retired.length !== next.retiredConsenterIds.length || retired.some((id, i) => next.retiredConsenterIds[i] !== id)) {
    bad(`retired consenter ids must be [${retired.join(', ')}], got [${next.retiredConsenterIds.join(', ')}] (use retireConsenter to draft a removal)`)
  }
  if (next.consenters.length === 0) bad('the last consenter cannot be removed')
  return next
}

/**
 * Validates a config block delivered on a chain whose config in force is `current` (with
 * membership `msp`), exactly as the orderers did when they ordered it: the update envelope's
 * creator and signature, its timestamp within the tx window of the block's ordering time,
 * and the update's admin signatures against the current admins policy, every certificate
 * judged at the ordering time. Returns the config the block puts in force.
 */
export function validateConfigBlock(current: ChannelConfig, msp: MembershipService, block: ParsedBlock): ChannelConfig {
  const opened = openEnvelope(block.block.data[0] as Uint8Array)
  const at = msp.at({ now: () => block.header.timestamp })
  verifyEnvelope(opened, at, { channelId: current.channelId, types: [HeaderType.CONFIG_UPDATE] })
  checkTxTime(current.txTimeWindowMs, opened.header.timestamp, block.header.timestamp)
  return validateConfigUpdate(current, opened.payload.data, at)
}
