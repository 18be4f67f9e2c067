import { ConsortError, RefusalCode, Status, ValidationCode } from '@consort/types'

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

const REFUSAL: Record<ProtocolErrorCode, RefusalCode> = {
  ERR_PROTOCOL_MALFORMED: RefusalCode.MALFORMED,
  ERR_PROTOCOL_BAD_SIGNATURE: RefusalCode.BAD_SIGNATURE,
  ERR_PROTOCOL_BAD_CREATOR: RefusalCode.NOT_AUTHORIZED,
  ERR_PROTOCOL_BAD_TXID: RefusalCode.BAD_TXID,
  ERR_PROTOCOL_WRONG_CHANNEL: RefusalCode.WRONG_CHANNEL,
  ERR_PROTOCOL_WRONG_TYPE: RefusalCode.UNSUPPORTED,
  ERR_PROTOCOL_BAD_BLOCK: RefusalCode.MALFORMED,
  ERR_PROTOCOL_BAD_CONFIG: RefusalCode.BAD_CONFIG,
  ERR_PROTOCOL_BAD_TIMESTAMP: RefusalCode.BAD_TIMESTAMP,
}

export class ProtocolError extends ConsortError<ProtocolErrorCode> {
  /** The refusal a node answers a request that fails this way with. */
  get refusal(): RefusalCode {
    return REFUSAL[this.code]
  }

  /** The status of that answer: FORBIDDEN for who signed it, NOT_FOUND for a wrong channel, else BAD_REQUEST. */
  get status(): Status {
    const r = this.refusal
    if (r === RefusalCode.BAD_SIGNATURE || r === RefusalCode.NOT_AUTHORIZED) return Status.FORBIDDEN
    return r === RefusalCode.WRONG_CHANNEL ? Status.NOT_FOUND : Status.BAD_REQUEST
  }

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
