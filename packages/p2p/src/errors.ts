import { ConsortError } from '@consort/types'

export const P2PErrorCode = {
  DIAL_FAILED: 'ERR_P2P_DIAL_FAILED',
  TIMEOUT: 'ERR_P2P_TIMEOUT',
  STREAM_CLOSED: 'ERR_P2P_STREAM_CLOSED',
  FRAME_TOO_LARGE: 'ERR_P2P_FRAME_TOO_LARGE',
  BAD_ADDRESS: 'ERR_P2P_BAD_ADDRESS',
  MALFORMED_FRAME: 'ERR_P2P_MALFORMED_FRAME',
  REMOTE_FAILED: 'ERR_P2P_REMOTE_FAILED',
  /** The remote node refused this node's credential (meta.info says why). */
  ADMISSION_REFUSED: 'ERR_P2P_ADMISSION_REFUSED',
} as const
export type P2PErrorCode = (typeof P2PErrorCode)[keyof typeof P2PErrorCode]

export class P2PError extends ConsortError<P2PErrorCode> {}
