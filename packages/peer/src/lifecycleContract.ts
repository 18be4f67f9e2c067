import { checkPolicyOrgs, evaluatePolicy, parsePolicy, PolicyError } from '@consort/identity'
import type { ValidatedIdentity } from '@consort/identity'
import type { TxSimulator } from '@consort/runtime'
import { ContractDefinition, decode, Role } from '@consort/types'
import { PeerError, PeerErrorCode } from './errors.js'
import { activeDefinition, approvalKey, CONTRACT_NAME, definitionKey } from './lifecycle.js'

const enc = new TextEncoder()

function sameDefinition(a: ContractDefinition, b: ContractDefinition): boolean {
  return a.name === b.name && a.version === b.version && a.sequence === b.sequence && a.endorsementPolicy === b.endorsementPolicy && a.codeHash === b.codeHash
}

/**
 * The built-in `_lifecycle` contract, simulated natively on the endorser (Fabric's
 * approve/commit, simpler): an org admin approves a definition for its org; once orgs
 * whose admins satisfy the channel's lifecycle policy (default "MAJORITY Admins") approved
 * the same definition, anyone may commit it, and it becomes active. Upgrades bump the sequence.
 */
export async function runLifecycle(
  fcn: string,
  args: string[],
  creator: ValidatedIdentity,
  sim: TxSimulator,
  orgs: readonly string[],
  /** The channel config's lifecycle policy: whose approvals make a definition committable. */
  lifecyclePolicy: string,
): Promise<Uint8Array> {
  const bad = (msg: string): never => {
    throw new PeerError(PeerErrorCode.LIFECYCLE, msg, { fcn })
  }
  const parseDef = (): ContractDefinition => {
    if (args.length !== 5) bad(`${fcn} takes name, version, sequence, policy, codeHash`)
    const [name, version, seq, policy, codeHash] = args as [string, string, string, string, string]
    if (!CONTRACT_NAME.test(name)) bad(`contract name "${name}" must be lowercase letters, digits, ".", "_" or "-"`)
    const sequence = Number(seq)
    if (!Number.isSafeInteger(sequence) || sequence < 1) bad('sequence must be a positive integer')
    try {
      checkPolicyOrgs(parsePolicy(policy), orgs)
    } catch (err) {
      if (err instanceof PolicyError) bad(`endorsement policy: ${err.message}`)
      throw err
    }
    if (!/^[0-9a-f]{64}$/.test(codeHash)) bad('codeHash must be a hex sha256')
    return { name, version, sequence, endorsementPolicy: policy, codeHash }
  }
  const current = async (name: string) => activeDefinition(await sim.getState(definitionKey(name)), orgs)?.definition
  /** A definition names the sequence after the one in force. */
  const checkNextSequence = async (def: ContractDefinition): Promise<void> => {
    const expected = ((await current(def.name))?.sequence ?? 0) + 1
    if (def.sequence !== expected) bad(`sequence must be ${expected} for ${def.name}`)
  }
  /** The orgs that approved exactly `def` for its sequence, and whether they meet the lifecycle policy. */
  const readiness = async (def: ContractDefinition): Promise<{ approved: string[]; satisfied: boolean }> => {
    await checkNextSequence(def)
    const approved: string[] = []
    for (const org of orgs) {
      const bytes = await sim.getState(approvalKey(def.name, def.sequence, org))
      if (bytes.byteLength > 0 && sameDefinition(decode(ContractDefinition, bytes, 'ContractDefinition'), def)) approved.push(org)
    }
    // An approval is an admin's of its org (ApproveDefinition checks the role).
    const approvers = approved.map((org) => ({ org, role: Role.ADMIN, publicKey: enc.encode(org) }))
    try {
      return { approved, satisfied: evaluatePolicy(parsePolicy(lifecyclePolicy), approvers, orgs) }
    } catch (err) {
      if (err instanceof PolicyError) return bad(`the channel's lifecycle policy "${lifecyclePolicy}" is invalid: ${err.message}`)
      throw err
    }
  }

  switch (fcn) {
    case 'ApproveDefinition': {
      if (creator.role !== Role.ADMIN) bad(`only org admins approve definitions; ${creator.subject} is ${creator.role}`)
      const def = parseDef()
      await checkNextSequence(def)
      sim.putState(approvalKey(def.name, def.sequence, creator.org), ContractDefinition.encode(def))
      return enc.encode(JSON.stringify({ approved: def.name, org: creator.org, sequence: def.sequence }))
    }
    case 'CommitDefinition': {
      const def = parseDef()
      const { approved, satisfied } = await readiness(def)
      if (!satisfied)
        bad(
          `approved by ${approved.length} of ${orgs.length} orgs (${approved.join(', ') || 'none'}); the lifecycle policy "${lifecyclePolicy}" is not satisfied`,
        )
      sim.putState(definitionKey(def.name), ContractDefinition.encode(def))
      return enc.encode(JSON.stringify({ committed: def.name, version: def.version, sequence: def.sequence, approvedBy: approved }))
    }
    case 'CheckCommitReadiness': {
      // Fabric's checkcommitreadiness: which orgs approved this very definition, and whether
      // the lifecycle policy is met (so CommitDefinition would succeed).
      const def = parseDef()
      const { approved, satisfied } = await readiness(def)
      const approvals = Object.fromEntries(orgs.map((org) => [org, approved.includes(org)]))
      return enc.encode(JSON.stringify({ name: def.name, sequence: def.sequence, approvals, ready: satisfied, lifecyclePolicy }))
    }
    case 'QueryDefinition': {
      if (args.length !== 1) bad('QueryDefinition takes the contract name')
      const def = await current(args[0] as string)
      if (def === undefined) bad(`no contract named ${args[0]} is defined`)
      return enc.encode(JSON.stringify(def))
    }
    default:
      return bad(`_lifecycle has no function ${fcn}; functions: ApproveDefinition, CheckCommitReadiness, CommitDefinition, QueryDefinition`)
  }
}
