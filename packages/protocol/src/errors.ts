import { ConsortError, ValidationCode } from '@consort/types'

export const ProtocolErrorCode = {
  MALFORMED: 'ERR_PROTOCOL_MALFORMED',
  BAD_SIGNATURE: 'ERR_PROTOCOL_BAD_SIGNATURE',
  BAD_CREATOR: 'ERR_PROTOCOL_BAD_CREATOR',
  BAD_TXID: 'ERR_PROTOCOL_BAD_TXID',
  WRONG_CHANNEL: 'ERR_PROTOCOL_WRONG_CHANNEL',
  WRONG_TYPE: 'ERR_PROTOCOL_WRONG_TYPE',
  BAD_BLOCK: 'ERR_PROTOCOL_BAD_BLOCK',
  BAD_CONFIG: 'ERR_PROTOCOL_BAD_CONFIG',
  /** A transaction's timestamp is outside the channel's tx time window around the ordering time. */
  BAD_TIMESTAMP: 'ERR_PROTOCOL_BAD_TIMESTAMP',
} as const
export type ProtocolErrorCode = (typeof ProtocolErrorCode)[keyof typeof ProtocolErrorCode]

export class ProtocolError extends ConsortError<ProtocolErrorCode> {
  /** The validation code a transaction gets when it fails this way. */
  get validationCode(): ValidationCode {
    switch (this.code) {
      case ProtocolErrorCode.BAD_SIGNATURE:
        return ValidationCode.BAD_SIGNATURE
      case ProtocolErrorCode.BAD_CREATOR:
        return ValidationCode.BAD_CREATOR
      case ProtocolErrorCode.BAD_TXID:
        return ValidationCode.BAD_TXID
      case ProtocolErrorCode.WRONG_CHANNEL:
        return ValidationCode.BAD_CHANNEL
      case ProtocolErrorCode.WRONG_TYPE:
        return ValidationCode.UNKNOWN_TX_TYPE
      case ProtocolErrorCode.BAD_TIMESTAMP:
        return ValidationCode.TIMESTAMP_OUT_OF_WINDOW
      default:
        return ValidationCode.BAD_PAYLOAD
    }
  }
}
