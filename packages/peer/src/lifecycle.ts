import { checkPolicyOrgs, parsePolicy, PolicyError } from '@consort/identity'
import type { Policy } from '@consort/identity'
import { ContractDefinition, decode, DecodeError } from '@consort/types'

/** The namespace where contract definitions and approvals live. */
export const LIFECYCLE_NS = '_lifecycle'
/** Endorsement policy of lifecycle transactions. */
export const LIFECYCLE_ENDORSEMENT_POLICY = 'MAJORITY'

export const definitionKey = (name: string) => `definition/${name}`
export const approvalKey = (name: string, sequence: number, org: string) => `approval/${name}/${sequence}/${org}`

/** A committed definition with its policy parsed. */
export interface ActiveDefinition {
  definition: ContractDefinition
  policy: Policy
}

/** Parses a stored definition; undefined if it does not decode (it never activated). */
export function activeDefinition(bytes: Uint8Array | undefined, orgs: readonly string[]): ActiveDefinition | undefined {
  if (bytes === undefined || bytes.byteLength === 0) return undefined
  try {
    const definition = decode(ContractDefinition, bytes, 'ContractDefinition')
    const policy = parsePolicy(definition.endorsementPolicy)
    checkPolicyOrgs(policy, orgs)
    return { definition, policy }
  } catch (err) {
    if (err instanceof DecodeError || err instanceof PolicyError) return undefined
    throw err
  }
}

export const CONTRACT_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/
