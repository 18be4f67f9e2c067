/** Who a principal names: any member of an org, or only members with one role. */
export type PrincipalRole = 'member' | 'admin' | 'peer' | 'orderer' | 'client'

export type ImplicitRule = 'ANY' | 'MAJORITY' | 'ALL'

/**
 * A parsed policy. AND and OR are OutOf with n = all and n = 1; an implicit rule
 * (MAJORITY, ANY, ALL) is resolved against the channel's organizations when evaluated.
 */
export type Policy =
  | { readonly type: 'signedBy'; readonly org: string; readonly role: PrincipalRole }
  | { readonly type: 'outOf'; readonly n: number; readonly rules: readonly Policy[] }
  | { readonly type: 'implicit'; readonly rule: ImplicitRule; readonly role: PrincipalRole }

export const PRINCIPAL_ROLES: readonly PrincipalRole[] = ['member', 'admin', 'peer', 'orderer', 'client']
