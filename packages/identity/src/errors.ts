import { ConsortError } from '@consort/types'

export const IdentityErrorCode = {
  MALFORMED: 'ERR_IDENTITY_MALFORMED',
  UNKNOWN_ORG: 'ERR_IDENTITY_UNKNOWN_ORG',
  UNTRUSTED_ISSUER: 'ERR_IDENTITY_UNTRUSTED_ISSUER',
  WRONG_ORG: 'ERR_IDENTITY_WRONG_ORG',
  BAD_CERT_SIGNATURE: 'ERR_IDENTITY_BAD_CERT_SIGNATURE',
  EXPIRED: 'ERR_IDENTITY_EXPIRED',
  NOT_YET_VALID: 'ERR_IDENTITY_NOT_YET_VALID',
  REVOKED: 'ERR_IDENTITY_REVOKED',
  NOT_A_CA: 'ERR_IDENTITY_NOT_A_CA',
  BAD_SIGNATURE: 'ERR_IDENTITY_BAD_SIGNATURE',
  WRONG_ROLE: 'ERR_IDENTITY_WRONG_ROLE',
} as const
export type IdentityErrorCode = (typeof IdentityErrorCode)[keyof typeof IdentityErrorCode]

export class IdentityError extends ConsortError<IdentityErrorCode> {}

export const PolicyErrorCode = {
  SYNTAX: 'ERR_POLICY_SYNTAX',
  UNKNOWN_ORG: 'ERR_POLICY_UNKNOWN_ORG',
} as const
export type PolicyErrorCode = (typeof PolicyErrorCode)[keyof typeof PolicyErrorCode]

/** A policy that does not parse; meta.position is the 0-based offset of the problem. */
export class PolicyError extends ConsortError<PolicyErrorCode> {}
