import { ConsortError } from '@consort/types'

export const CryptoErrorCode = {
  INVALID_KEY: 'ERR_CRYPTO_INVALID_KEY',
  KEY_FILE: 'ERR_CRYPTO_KEY_FILE',
} as const
export type CryptoErrorCode = (typeof CryptoErrorCode)[keyof typeof CryptoErrorCode]

export class CryptoError extends ConsortError<CryptoErrorCode> {}
