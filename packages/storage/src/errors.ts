import { ConsortError } from '@consort/types'

export const StorageErrorCode = {
  OPEN_FAILED: 'ERR_STORAGE_OPEN_FAILED',
  CORRUPT: 'ERR_STORAGE_CORRUPT',
  OUT_OF_ORDER: 'ERR_STORAGE_OUT_OF_ORDER',
  /** A ledger snapshot cannot be written or used (meta and the message say why). */
  SNAPSHOT: 'ERR_STORAGE_SNAPSHOT',
} as const
export type StorageErrorCode = (typeof StorageErrorCode)[keyof typeof StorageErrorCode]

export class StorageError extends ConsortError<StorageErrorCode> {}
