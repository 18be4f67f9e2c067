import { Role } from '@consort/types'
import { PolicyError, PolicyErrorCode } from '../errors.js'
import type { ValidatedIdentity } from '../membership.js'
import type { Policy, PrincipalRole } from './policy.js'

const ROLE_OF: Record<Exclude<PrincipalRole, 'member'>, Role> = {
  admin: Role.ADMIN,
  peer: Role.PEER,
  orderer: Role.ORDERER,
  client: Role.CLIENT,
}

/** What evaluation looks at in a signer: who (key), which org, which role. */
export type PolicySigner = Pick<ValidatedIdentity, 'publicKey' | 'org' | 'role'>

// Evaluation backtracks; this bounds the work a pathological policy can cause.
const MAX_STEPS = 100_000

/** Replaces MAJORITY / ANY / ALL by explicit OutOf rules over the channel's orgs. */
export function resolvePolicy(policy: Policy, orgs: readonly string[]): Policy {
  switch (policy.type) {
    case 'signedBy':
      return policy
    case 'outOf':
      return { type: 'outOf', n: policy.n, rules: policy.rules.map((r) => resolvePolicy(r, orgs)) }
    case 'implicit': {
      const n = policy.rule === 'ANY' ? 1 : policy.rule === 'ALL' ? orgs.length : Math.floor(orgs.length / 2) + 1
      return { type: 'outOf', n, rules: orgs.map((org) => ({ type: 'signedBy', org, role: policy.role })) }
    }
  }
}

/** The orgs a policy names explicitly. */
export function policyOrgs(policy: Policy): Set<string> {
  const out = new Set<string>()
  const walk = (p: Policy): void => {
    if (p.type === 'signedBy') out.add(p.org)
    else if (p.type === 'outOf') p.rules.forEach(walk)
  }
  walk(policy)
  return out
}

/** Refuses a policy that names an org outside the channel: it could never be satisfied. */
export function checkPolicyOrgs(policy: Policy, orgs: readonly string[]): void {
  for (const org of policyOrgs(policy)) {
    if (!orgs.includes(org)) {
      throw new PolicyError(PolicyErrorCode.UNKNOWN_ORG, `policy names ${org}, which is not in the channel`, { org, orgs })
    }
  }
}

/**
 * True when the (already validated) signers satisfy the policy. As in Fabric, one signer
 * satisfies at most one principal and duplicates count once; unlike Fabric's greedy
 * pass, the search backtracks, so the answer does not depend on the signers' order.
 */
export function evaluatePolicy(policy: Policy, signers: readonly PolicySigner[], orgs: readonly string[]): boolean {
  const seen = new Set<string>()
  const unique = signers.filter((s) => {
    const key = Buffer.from(s.publicKey).toString('hex') + s.org
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  let steps = 0
  const matches = (p: Extract<Policy, { type: 'signedBy' }>, s: PolicySigner) => s.org === p.org && (p.role === 'member' || s.role === ROLE_OF[p.role])

  // Yields each set of signers (as a bitmask over `unique`) that satisfies p given `used`.
  function* solve(p: Policy, used: bigint): Generator<bigint> {
    if (++steps > MAX_STEPS) return
    if (p.type === 'signedBy') {
      for (let i = 0; i < unique.length; i++) {
        const bit = 1n << BigInt(i)
        if ((used & bit) === 0n && matches(p, unique[i] as PolicySigner)) yield used | bit
      }
    } else if (p.type === 'outOf') {
      yield* choose(p.rules, 0, p.n, used)
    }
  }
  function* choose(rules: readonly Policy[], from: number, need: number, used: bigint): Generator<bigint> {
    if (need === 0) {
      yield used
      return
    }
    if (rules.length - from < need) return
    for (const next of solve(rules[from] as Policy, used)) yield* choose(rules, from + 1, need - 1, next)
    yield* choose(rules, from + 1, need, used)
  }

  return !solve(resolvePolicy(policy, orgs), 0n).next().done
}

/**
 * Whether one peer's endorsement from each of `endorsingOrgs` would satisfy the policy: how
 * a gateway decides which orgs it needs to ask.
 */
export function satisfiableBy(policy: Policy, endorsingOrgs: readonly string[], orgs: readonly string[]): boolean {
  return evaluatePolicy(
    policy,
    endorsingOrgs.map((org, i) => ({ org, role: Role.PEER, publicKey: new Uint8Array([i >> 8, i & 0xff]) })),
    orgs,
  )
}
