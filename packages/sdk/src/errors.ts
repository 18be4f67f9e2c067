import type { ValidationCode } from '@consort/types'
import { ConsortError } from '@consort/types'

export const SdkErrorCode = {
  ENDORSE: 'ERR_SDK_ENDORSE',
  SUBMIT: 'ERR_SDK_SUBMIT',
  COMMIT: 'ERR_SDK_COMMIT',
  PROFILE: 'ERR_SDK_PROFILE',
  IDENTITY: 'ERR_SDK_IDENTITY',
  DEPLOY: 'ERR_SDK_DEPLOY',
} as const
export type SdkErrorCode = (typeof SdkErrorCode)[keyof typeof SdkErrorCode]

/** The proposal was not endorsed: a contract error, an unknown contract, or too few endorsing orgs. */
export class EndorseError extends ConsortError<SdkErrorCode> {
  constructor(
    readonly txId: string,
    message: string,
    meta: Record<string, unknown> = {},
  ) {
    super(SdkErrorCode.ENDORSE, message, { txId, ...meta })
  }
}

/** The ordering service refused the transaction, or did not take it before the deadline. */
export class SubmitError extends ConsortError<SdkErrorCode> {
  constructor(
    readonly txId: string,
    message: string,
    meta: Record<string, unknown> = {},
  ) {
    super(SdkErrorCode.SUBMIT, message, { txId, ...meta })
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
