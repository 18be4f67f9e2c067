import { generateKeyPair, sign, VerifiedSignatures } from '@consort/crypto'
import { Certificate, CertificateBody, ManualClock, Role } from '@consort/types'
import { beforeEach, describe, expect, it } from 'vitest'
import { certificateFromPem, certificateToPem, DAY_MS, IdentityErrorCode, issueCertificate, MembershipService } from '../../src/index.js'
import { makeOrg, T0 } from './fixtures.js'

const org1 = makeOrg('Org1')
const org2 = makeOrg('Org2')
const outsider = makeOrg('Org9')
const msg = new TextEncoder().encode('payload')

describe('MembershipService', () => {
  let clock: ManualClock
  let msp: MembershipService
  beforeEach(() => {
    clock = new ManualClock(T0 + DAY_MS)
    msp = new MembershipService([org1.config, org2.config], { clock })
  })

  it('accepts a member of a channel org and reports its org and role', () => {
    const peer = org1.member(Role.PEER)
    const id = msp.validate(peer.certificate.bytes)
    expect(id.org).toBe('Org1')
    expect(id.role).toBe(Role.PEER)
    expect(msp.verifySignature(peer.certificate.bytes, msg, peer.sign(msg)).subject).toBe('peer0.org1')
  })

  it('rejects an org that is not in the channel', () => {
    expect(() => msp.validate(outsider.member(Role.CLIENT).certificate.bytes)).toThrow(expect.objectContaining({ code: IdentityErrorCode.UNKNOWN_ORG }))
  })

  it('rejects expired and not-yet-valid certificates by the injected clock', () => {
    const shortLived = org1.member(Role.CLIENT, 'short', { notBefore: T0, notAfter: T0 + 2 * DAY_MS })
    const future = org1.member(Role.CLIENT, 'future', { notBefore: T0 + 5 * DAY_MS })
    expect(msp.validate(shortLived.certificate.bytes).subject).toBe('short')
    clock.set(T0 + 3 * DAY_MS)
    expect(() => msp.validate(shortLived.certificate.bytes)).toThrow(expect.objectContaining({ code: IdentityErrorCode.EXPIRED }))
    expect(() => msp.validate(future.certificate.bytes)).toThrow(expect.objectContaining({ code: IdentityErrorCode.NOT_YET_VALID }))
    clock.set(T0 + 6 * DAY_MS)
    expect(msp.validate(future.certificate.bytes).subject).toBe('future')
  })

  it('judges the same membership at another time without re-parsing its roots', () => {
    const shortLived = org1.member(Role.CLIENT, 'brief', { notBefore: T0, notAfter: T0 + 2 * DAY_MS })
    expect(msp.validate(shortLived.certificate.bytes).subject).toBe('brief')
    expect(() => msp.at(new ManualClock(T0 + 3 * DAY_MS)).validate(shortLived.certificate.bytes)).toThrow(
      expect.objectContaining({ code: IdentityErrorCode.EXPIRED }),
    )
    expect(msp.at(new ManualClock(T0 + 1)).orgIds).toEqual(['Org1', 'Org2'])
  })

  it('honours the org revocation list', () => {
    const client = org1.member(Role.CLIENT)
    const revoking = new MembershipService([{ ...org1.config, revoked: [client.certificate.serial] }, org2.config], { clock })
    expect(() => revoking.validate(client.certificate.bytes)).toThrow(expect.objectContaining({ code: IdentityErrorCode.REVOKED }))
    expect(msp.validate(client.certificate.bytes).serial).toBe(client.certificate.serial)
  })

  it('rejects a certificate that claims one org but was issued by another', () => {
    const keys = generateKeyPair()
    const cert = issueCertificate(org1.ca, { subject: 'mallory', role: Role.ADMIN, publicKey: keys.publicKey, notBefore: T0 })
    // re-label the body as Org2 and re-sign it with Org1's CA key
    const decoded = Certificate.decode(cert)
    const body = CertificateBody.decode(decoded.body)
    const relabeled = CertificateBody.encode({ ...body, org: 'Org2' })
    const forged = Certificate.encode({ body: relabeled, signature: sign(org1.ca.privateKey, relabeled) })
    expect(() => msp.validate(forged)).toThrow(expect.objectContaining({ code: IdentityErrorCode.WRONG_ORG }))
  })

  it('rejects a tampered certificate', () => {
    const admin = org1.member(Role.CLIENT)
    const decoded = Certificate.decode(admin.certificate.bytes)
    const body = CertificateBody.decode(decoded.body)
    const promoted = Certificate.encode({ body: CertificateBody.encode({ ...body, role: Role.ADMIN }), signature: decoded.signature })
    expect(() => msp.validate(promoted)).toThrow(expect.objectContaining({ code: IdentityErrorCode.BAD_CERT_SIGNATURE }))
  })

  it('rejects a certificate from an issuer the org does not know', () => {
    const rogue = makeOrg('Org1') // same name, different CA key and serials
    expect(() => msp.validate(rogue.member(Role.ADMIN).certificate.bytes)).toThrow(expect.objectContaining({ code: IdentityErrorCode.BAD_CERT_SIGNATURE }))
  })

  it('rejects garbage and CA certificates used as members', () => {
    expect(() => msp.validate(new Uint8Array([1, 2, 3]))).toThrow(expect.objectContaining({ code: IdentityErrorCode.MALFORMED }))
    expect(() => msp.validate(org1.ca.certificate)).toThrow(expect.objectContaining({ code: IdentityErrorCode.MALFORMED }))
  })

  it('rejects a signature that does not match the certificate key', () => {
    const a = org1.member(Role.CLIENT)
    const b = org1.member(Role.CLIENT)
    expect(() => msp.verifySignature(a.certificate.bytes, msg, b.sign(msg))).toThrow(expect.objectContaining({ code: IdentityErrorCode.BAD_SIGNATURE }))
  })

  it('keeps a verdict it is asked to remember for the next check of the same bytes, and only a valid one', () => {
    const verified = new VerifiedSignatures()
    const remembering = new MembershipService([org1.config], { clock, verified })
    const a = org1.member(Role.CLIENT)
    expect(() => remembering.verifySignature(a.certificate.bytes, msg, a.sign(new TextEncoder().encode('other')), { remember: true })).toThrow(
      /does not verify/,
    )
    expect(verified.size).toBe(0)
    const signature = a.sign(msg)
    remembering.verifySignature(a.certificate.bytes, msg, signature, { remember: true })
    expect(verified.size).toBe(1)
    // The next check of those bytes takes it (the gateway's own endorser, after the gateway).
    remembering.verifySignature(a.certificate.bytes, msg, signature)
    expect(verified.size).toBe(0)
  })

  it('checks roles', () => {
    const client = org2.member(Role.CLIENT)
    expect(() => msp.validateRole(client.certificate.bytes, Role.ADMIN)).toThrow(expect.objectContaining({ code: IdentityErrorCode.WRONG_ROLE }))
    expect(msp.validateRole(org2.member(Role.ADMIN).certificate.bytes, Role.ADMIN).org).toBe('Org2')
  })

  it('refuses a channel whose root is not a self-signed CA of that org', () => {
    expect(() => new MembershipService([{ mspId: 'Org2', rootCerts: [org1.ca.certificate], revoked: [], anchorPeers: [] }], { clock })).toThrow(
      expect.objectContaining({ code: IdentityErrorCode.UNTRUSTED_ISSUER }),
    )
  })

  it('round-trips certificates through PEM', () => {
    const peer = org1.member(Role.PEER)
    expect(certificateFromPem(certificateToPem(peer.certificate.bytes))).toEqual(peer.certificate.bytes)
    expect(() => certificateFromPem('nope')).toThrow(expect.objectContaining({ code: IdentityErrorCode.MALFORMED }))
  })
})
