export { IdentityError, IdentityErrorCode, PolicyError, PolicyErrorCode } from './errors.js'
export {
  certificateFromPem,
  certificateToPem,
  createRootCA,
  DAY_MS,
  isSignedBy,
  issueCertificate,
  parseCertificate,
} from './certificate.js'
export type { CertificateAuthority, IssueOptions, ParsedCertificate, RootCAOptions } from './certificate.js'
export { MembershipService } from './membership.js'
export type { ValidatedIdentity } from './membership.js'
export { parsePolicy } from './policy/parser.js'
export { checkPolicyOrgs, evaluatePolicy, policyOrgs, resolvePolicy, satisfiableBy } from './policy/evaluate.js'
export type { PolicySigner } from './policy/evaluate.js'
export { PRINCIPAL_ROLES } from './policy/policy.js'
export type { ImplicitRule, Policy, PrincipalRole } from './policy/policy.js'
export { signingIdentity } from './signingIdentity.js'
export type { Signer, SigningIdentity } from './signingIdentity.js'
