import { generateKeyPair } from '@consort/crypto'
import type { Role } from '@consort/types'
import type { OrgConfig } from '@consort/types'
import { createRootCA, issueCertificate, signingIdentity } from '../../src/index.js'
import type { CertificateAuthority, SigningIdentity } from '../../src/index.js'

export const T0 = Date.UTC(2026, 0, 1)

export interface TestOrg {
  mspId: string
  ca: CertificateAuthority
  config: OrgConfig
  member(role: Role, name?: string, opts?: { notBefore?: number; notAfter?: number }): SigningIdentity
}

export function makeOrg(mspId: string): TestOrg {
  const ca = createRootCA({ org: mspId, notBefore: T0 })
  const config: OrgConfig = { mspId, rootCerts: [ca.certificate], revoked: [], anchorPeers: [] }
  return {
    mspId,
    ca,
    config,
    member(role, name = `${role.toLowerCase()}0.${mspId.toLowerCase()}`, opts = {}) {
      const keys = generateKeyPair()
      const cert = issueCertificate(ca, {
        subject: name,
        role,
        publicKey: keys.publicKey,
        notBefore: opts.notBefore ?? T0,
        ...(opts.notAfter !== undefined ? { notAfter: opts.notAfter } : {}),
      })
      return signingIdentity(cert, keys.privateKey)
    },
  }
}
