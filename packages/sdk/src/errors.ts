import { ConsortError, RefusalCode } from '@consort/types'
import type { NodeFailure, ValidationCode } from '@consort/types'

export const SdkErrorCode = {
  ENDORSE: 'ERR_SDK_ENDORSE',
  SUBMIT: 'ERR_SDK_SUBMIT',
  COMMIT: 'ERR_SDK_COMMIT',
  PROFILE: 'ERR_SDK_PROFILE',
  IDENTITY: 'ERR_SDK_IDENTITY',
  DEPLOY: 'ERR_SDK_DEPLOY',
  /** A node did not answer a status request, or refused it. */
  STATUS: 'ERR_SDK_STATUS',
} as const
export type SdkErrorCode = (typeof SdkErrorCode)[keyof typeof SdkErrorCode]

/**
 * The proposal was not endorsed: a contract error, an unknown contract, endorsers that could
 * not be reached or disagree, or too few endorsing orgs. `reason` says which (a RefusalCode:
 * UNKNOWN_CONTRACT, ENDORSEMENT_REFUSED, UNREACHABLE, ENDORSEMENTS_DIFFER, POLICY_NOT_SATISFIED,
 * NOT_AUTHORIZED, MALFORMED); `details` lists each endorsing node that failed and why
 * (`{ node, org, code, message }`).
 */
export class EndorseError extends ConsortError<SdkErrorCode> {
  declare readonly meta: Readonly<{ txId: string; reason: RefusalCode; details: readonly NodeFailure[] }>

  constructor(
    readonly txId: string,
    message: string,
    readonly reason: RefusalCode = RefusalCode.UNREACHABLE,
    readonly details: readonly NodeFailure[] = [],
  ) {
    super(SdkErrorCode.ENDORSE, message, { txId, reason, details })
  }
}

/** The ordering service refused the transaction (`reason`: the orderer's RefusalCode), or did not take it before the deadline (NO_LEADER). */
export class SubmitError extends ConsortError<SdkErrorCode> {
  declare readonly meta: Readonly<{ txId: string; reason: RefusalCode }>

  constructor(
    readonly txId: string,
    message: string,
    readonly reason: RefusalCode = RefusalCode.NO_LEADER,
  ) {
    super(SdkErrorCode.SUBMIT, message, { txId, reason })
  }
}

/** The transaction was ordered but committed invalid (validationCode says why), or its commit was not seen in time. */
export class CommitError extends ConsortError<SdkErrorCode> {
  constructor(
    readonly txId: string,
    readonly validationCode: ValidationCode,
    message: string,
  ) {
    super(SdkErrorCode.COMMIT, message, { txId, validationCode })
  }
}
