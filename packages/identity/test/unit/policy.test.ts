import { ManualClock, Role } from '@consort/types'
import { describe, expect, it } from 'vitest'
import { checkPolicyOrgs, DAY_MS, evaluatePolicy, MembershipService, parsePolicy, PolicyErrorCode, satisfiableBy } from '../../src/index.js'
import type { ValidatedIdentity } from '../../src/index.js'
import { makeOrg, T0 } from './fixtures.js'

const orgs = ['Org1', 'Org2', 'Org3'].map(makeOrg)
const orgIds = orgs.map((o) => o.mspId)
const msp = new MembershipService(
  orgs.map((o) => o.config),
  { clock: new ManualClock(T0 + DAY_MS) },
)
const id = (org: number, role: Role): ValidatedIdentity => msp.validate(orgs[org]!.member(role).certificate.bytes)
const peer1 = id(0, Role.PEER)
const peer2 = id(1, Role.PEER)
const peer3 = id(2, Role.PEER)
const admin1 = id(0, Role.ADMIN)
const admin2 = id(1, Role.ADMIN)
const client1 = id(0, Role.CLIENT)

const ok = (policy: string, signers: ValidatedIdentity[]) => evaluatePolicy(parsePolicy(policy), signers, orgIds)

describe('policy parsing', () => {
  it('parses every form', () => {
    expect(parsePolicy("AND('Org1.peer', 'Org2.peer')")).toEqual({
      type: 'outOf',
      n: 2,
      rules: [
        { type: 'signedBy', org: 'Org1', role: 'peer' },
        { type: 'signedBy', org: 'Org2', role: 'peer' },
      ],
    })
    expect(parsePolicy('OR("Org1.member", "Org2.admin")')).toMatchObject({ type: 'outOf', n: 1 })
    expect(parsePolicy("OutOf(2, 'Org1.peer', 'Org2.peer', 'Org3.peer')")).toMatchObject({ type: 'outOf', n: 2 })
    expect(parsePolicy('MAJORITY')).toEqual({ type: 'implicit', rule: 'MAJORITY', role: 'peer' })
    expect(parsePolicy('MAJORITY Admins')).toEqual({ type: 'implicit', rule: 'MAJORITY', role: 'admin' })
    expect(parsePolicy('ANY Members')).toEqual({ type: 'implicit', rule: 'ANY', role: 'member' })
    expect(parsePolicy('all')).toEqual({ type: 'implicit', rule: 'ALL', role: 'peer' })
    expect(parsePolicy("OR(AND('Org1.peer','Org2.peer'), 'Org3.admin')")).toMatchObject({ type: 'outOf', n: 1 })
  })

  const syntax = (policy: string, position: number) => {
    expect(() => parsePolicy(policy)).toThrow(expect.objectContaining({ code: PolicyErrorCode.SYNTAX, meta: expect.objectContaining({ position }) }))
  }

  it('names the position of a syntax error', () => {
    syntax("AND('Org1.peer' 'Org2.peer')", 16) // missing comma
    syntax("AND('Org1.peer',", 16) // cut short
    syntax("OR('Org1.peer'", 14) // unclosed call
    syntax("AND('Org1.peer')) ", 16) // trailing text
    syntax("XOR('Org1.peer')", 0) // unknown operator
    syntax("AND('Org1.peer)", 4) // unterminated string
    syntax("AND('Org1.boss')", 4) // unknown role
    syntax("AND('Org1')", 4) // no role
    syntax("OutOf(4, 'Org1.peer', 'Org2.peer')", 6) // n too large
    syntax("OutOf(0, 'Org1.peer')", 6) // n too small
    syntax("OutOf('Org1.peer')", 6) // no n
    syntax('MAJORITY Bosses', 9)
    syntax('AND()', 4)
    syntax('', 0)
    syntax("AND('Org1.peer'; 'Org2.peer')", 15)
  })

  it('refuses a policy that names an unknown org', () => {
    expect(() => checkPolicyOrgs(parsePolicy("AND('Org1.peer','Org7.peer')"), orgIds)).toThrow(
      expect.objectContaining({ code: PolicyErrorCode.UNKNOWN_ORG, meta: expect.objectContaining({ org: 'Org7' }) }),
    )
    expect(() => checkPolicyOrgs(parsePolicy('MAJORITY'), orgIds)).not.toThrow()
  })
})

describe('policy evaluation', () => {
  it('AND needs every principal', () => {
    expect(ok("AND('Org1.peer', 'Org2.peer')", [peer1, peer2])).toBe(true)
    expect(ok("AND('Org1.peer', 'Org2.peer')", [peer1])).toBe(false)
    expect(ok("AND('Org1.peer', 'Org2.peer')", [peer1, peer3])).toBe(false)
  })

  it('OR needs one principal', () => {
    expect(ok("OR('Org1.peer', 'Org2.peer')", [peer2])).toBe(true)
    expect(ok("OR('Org1.peer', 'Org2.peer')", [peer3])).toBe(false)
    expect(ok("OR('Org1.peer', 'Org2.peer')", [])).toBe(false)
  })

  it('OutOf counts distinct principals', () => {
    const p = "OutOf(2, 'Org1.peer', 'Org2.peer', 'Org3.peer')"
    expect(ok(p, [peer1, peer3])).toBe(true)
    expect(ok(p, [peer2])).toBe(false)
    expect(ok(p, [peer2, peer2])).toBe(false) // a duplicate signer counts once
  })

  it('one signer satisfies at most one principal', () => {
    expect(ok("AND('Org1.member', 'Org1.member')", [peer1])).toBe(false)
    expect(ok("AND('Org1.member', 'Org1.member')", [peer1, admin1])).toBe(true)
  })

  it('backtracks rather than depending on signer order', () => {
    // admin1 matches both principals; a greedy pass that gives it to the first fails.
    const p = "AND('Org1.member', 'Org1.admin')"
    expect(ok(p, [admin1, client1])).toBe(true)
    expect(ok(p, [client1, admin1])).toBe(true)
  })

  it('roles: member matches any role, others match exactly', () => {
    expect(ok("OR('Org1.member')", [client1])).toBe(true)
    expect(ok("OR('Org1.peer')", [client1])).toBe(false)
    expect(ok("OR('Org1.admin')", [admin1])).toBe(true)
    expect(ok("OR('Org1.admin')", [peer1])).toBe(false)
  })

  it('MAJORITY, ANY and ALL resolve against the channel orgs', () => {
    expect(ok('MAJORITY', [peer1, peer2])).toBe(true)
    expect(ok('MAJORITY', [peer1])).toBe(false)
    expect(ok('MAJORITY', [peer1, admin2])).toBe(false) // MAJORITY means peers
    expect(ok('MAJORITY Admins', [admin1, admin2])).toBe(true)
    expect(ok('ANY', [peer3])).toBe(true)
    expect(ok('ANY', [client1])).toBe(false)
    expect(ok('ANY Members', [client1])).toBe(true)
    expect(ok('ALL', [peer1, peer2])).toBe(false)
    expect(ok('ALL', [peer1, peer2, peer3])).toBe(true)
  })

  it('nests', () => {
    const p = "OR(AND('Org1.peer', 'Org2.peer'), 'Org3.admin')"
    expect(ok(p, [peer1, peer2])).toBe(true)
    expect(ok(p, [id(2, Role.ADMIN)])).toBe(true)
    expect(ok(p, [peer1, peer3])).toBe(false)
  })
})

describe('which orgs a gateway must ask', () => {
  const orgs = ['Org1', 'Org2', 'Org3']
  it('one peer endorsement from each org of the set, against the policy', () => {
    const majority = parsePolicy('MAJORITY')
    expect(satisfiableBy(majority, ['Org1'], orgs)).toBe(false)
    expect(satisfiableBy(majority, ['Org1', 'Org3'], orgs)).toBe(true)
    const both = parsePolicy("AND('Org1.peer', 'Org2.peer')")
    expect(satisfiableBy(both, ['Org1', 'Org3'], orgs)).toBe(false)
    expect(satisfiableBy(both, ['Org2', 'Org1'], orgs)).toBe(true)
    // A policy that wants an admin's signature is not satisfied by peers.
    expect(satisfiableBy(parsePolicy("OR('Org1.admin')"), ['Org1'], orgs)).toBe(false)
    expect(satisfiableBy(parsePolicy('ANY'), ['Org2'], orgs)).toBe(true)
  })
})
