import { sha256, toHex, verify } from '@consort/crypto'
import type { VerifiedSignatures } from '@consort/crypto'
import { Role } from '@consort/types'
import type { Clock, OrgConfig } from '@consort/types'
import { isSignedBy, parseCertificate } from './certificate.js'
import type { ParsedCertificate } from './certificate.js'
import { IdentityError, IdentityErrorCode } from './errors.js'

/** A certificate that passed every membership check at the time of the check. */
export type ValidatedIdentity = ParsedCertificate

interface Org {
  readonly mspId: string
  readonly roots: ParsedCertificate[]
  readonly revoked: ReadonlySet<string>
}

/**
 * Fabric's MSP in compact form: knows each organization's root CAs and revocation list
 * (from the channel configuration) and decides whether a certificate belongs to the
 * channel. Time comes from the injected clock so a verdict can be replayed.
 */
export class MembershipService {
  private readonly orgs: Map<string, Org>
  // Certificate signature checks are pure, so their verdicts are cached by content hash.
  private readonly chainVerdicts: Map<string, ParsedCertificate>
  private static readonly CACHE_LIMIT = 10_000

  constructor(
    orgs: readonly OrgConfig[],
    /** `verified`: signatures a VerifyPool already checked (the node's), taken instead of checking again. */
    private readonly modules: { clock: Clock; verified?: VerifiedSignatures | undefined },
    shared?: { orgs: Map<string, Org>; chainVerdicts: Map<string, ParsedCertificate> },
  ) {
    this.orgs = shared?.orgs ?? new Map()
    this.chainVerdicts = shared?.chainVerdicts ?? new Map()
    if (shared !== undefined) return
    for (const org of orgs) {
      const roots = org.rootCerts.map((bytes) => {
        const root = parseCertificate(bytes)
        if (!root.body.isCa || root.org !== org.mspId || !isSignedBy(root, root)) {
          throw new IdentityError(IdentityErrorCode.UNTRUSTED_ISSUER, `root certificate of ${org.mspId} is not a self-signed CA of that org`, {
            org: org.mspId,
            subject: root.subject,
          })
        }
        return root
      })
      this.orgs.set(org.mspId, { mspId: org.mspId, roots, revoked: new Set(org.revoked.map((s) => s.toLowerCase())) })
    }
  }

  /**
   * The same membership judged at another time (e.g. a transaction's timestamp): shares the
   * parsed roots and the cache of verified certificate signatures, so it costs nothing.
   */
  at(clock: Clock): MembershipService {
    return new MembershipService([], { clock, verified: this.modules.verified }, { orgs: this.orgs, chainVerdicts: this.chainVerdicts })
  }

  get orgIds(): string[] {
    return [...this.orgs.keys()]
  }

  hasOrg(mspId: string): boolean {
    return this.orgs.has(mspId)
  }

  /** Validates a certificate against the channel's organizations; throws IdentityError. */
  validate(certBytes: Uint8Array): ValidatedIdentity {
    const key = toHex(sha256(certBytes))
    let cert = this.chainVerdicts.get(key)
    if (cert === undefined) {
      cert = this.verifyChain(parseCertificate(certBytes))
      if (this.chainVerdicts.size >= MembershipService.CACHE_LIMIT) this.chainVerdicts.clear()
      this.chainVerdicts.set(key, cert)
    }
    const org = this.orgs.get(cert.org)
    if (org === undefined) {
      throw new IdentityError(IdentityErrorCode.UNKNOWN_ORG, `organization ${cert.org} is not in the channel`, { org: cert.org })
    }
    const now = this.modules.clock.now()
    const issuer = org.roots.find((r) => r.subject === cert.body.issuer)
    for (const c of issuer === undefined ? [cert] : [issuer, cert]) {
      if (now < c.body.notBefore) {
        throw new IdentityError(IdentityErrorCode.NOT_YET_VALID, `certificate ${c.subject} is not valid before ${new Date(c.body.notBefore).toISOString()}`, {
          subject: c.subject,
          notBefore: c.body.notBefore,
        })
      }
      if (now > c.body.notAfter) {
        throw new IdentityError(IdentityErrorCode.EXPIRED, `certificate ${c.subject} expired at ${new Date(c.body.notAfter).toISOString()}`, {
          subject: c.subject,
          notAfter: c.body.notAfter,
        })
      }
    }
    if (org.revoked.has(cert.serial)) {
      throw new IdentityError(IdentityErrorCode.REVOKED, `certificate ${cert.subject} of ${cert.org} is revoked`, {
        subject: cert.subject,
        org: cert.org,
        serial: cert.serial,
      })
    }
    return cert
  }

  /**
   * Validates the signer's certificate and its signature over `message`. `remember`: a valid
   * signature is kept in `verified` for the next check of the same bytes (which takes it).
   */
  verifySignature(certBytes: Uint8Array, message: Uint8Array, signature: Uint8Array, opts: { remember?: boolean } = {}): ValidatedIdentity {
    const cert = this.validate(certBytes)
    const ok = verify(cert.publicKey, message, signature, this.modules.verified)
    if (ok && opts.remember === true) this.modules.verified?.remember(cert.publicKey, message, signature)
    if (!ok) {
      throw new IdentityError(IdentityErrorCode.BAD_SIGNATURE, `signature of ${cert.subject} (${cert.org}) does not verify`, {
        subject: cert.subject,
        org: cert.org,
      })
    }
    return cert
  }

  /** Validates and checks the role, e.g. that a deploy approval comes from an org admin. */
  validateRole(certBytes: Uint8Array, role: Role): ValidatedIdentity {
    const cert = this.validate(certBytes)
    if (cert.role !== role) {
      throw new IdentityError(IdentityErrorCode.WRONG_ROLE, `${cert.subject} has role ${cert.role}, not ${role}`, {
        subject: cert.subject,
        role: cert.role,
        required: role,
      })
    }
    return cert
  }

  private verifyChain(cert: ParsedCertificate): ParsedCertificate {
    const org = this.orgs.get(cert.org)
    if (org === undefined) {
      throw new IdentityError(IdentityErrorCode.UNKNOWN_ORG, `organization ${cert.org} is not in the channel`, { org: cert.org })
    }
    if (cert.body.isCa || cert.role === Role.ROLE_UNSPECIFIED) {
      throw new IdentityError(IdentityErrorCode.MALFORMED, `${cert.subject} is a CA certificate, not a member`, { subject: cert.subject })
    }
    const issuer = org.roots.find((r) => r.subject === cert.body.issuer)
    if (issuer === undefined) {
      // Signed by some other org's CA, or by nobody this org trusts.
      const other = [...this.orgs.values()].find((o) => o.roots.some((r) => r.subject === cert.body.issuer && isSignedBy(cert, r)))
      if (other !== undefined) {
        throw new IdentityError(IdentityErrorCode.WRONG_ORG, `${cert.subject} claims ${cert.org} but was issued by ${other.mspId}'s CA`, {
          subject: cert.subject,
          org: cert.org,
          issuerOrg: other.mspId,
        })
      }
      throw new IdentityError(IdentityErrorCode.UNTRUSTED_ISSUER, `${cert.subject} was issued by ${cert.body.issuer}, which ${cert.org} does not trust`, {
        subject: cert.subject,
        issuer: cert.body.issuer,
      })
    }
    if (!isSignedBy(cert, issuer)) {
      throw new IdentityError(IdentityErrorCode.BAD_CERT_SIGNATURE, `${cert.subject}'s certificate signature does not verify under ${issuer.subject}`, {
        subject: cert.subject,
        issuer: issuer.subject,
      })
    }
    return cert
  }
}
