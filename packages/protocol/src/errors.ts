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

/** The Status of an answer refusing with each code: broadcast's, and the services that share its codes. */
const REFUSAL_STATUS: Partial<Record<RefusalCode, Status>> = {
  [RefusalCode.MALFORMED]: Status.BAD_REQUEST,
  [RefusalCode.BAD_SIGNATURE]: Status.FORBIDDEN,
  [RefusalCode.NOT_AUTHORIZED]: Status.FORBIDDEN,
  [RefusalCode.BAD_TXID]: Status.BAD_REQUEST,
  [RefusalCode.BAD_TIMESTAMP]: Status.BAD_REQUEST,
  [RefusalCode.WRONG_CHANNEL]: Status.NOT_FOUND,
  [RefusalCode.UNSUPPORTED]: Status.BAD_REQUEST,
  [RefusalCode.TOO_LARGE]: Status.REQUEST_ENTITY_TOO_LARGE,
  [RefusalCode.DUPLICATE_TXID]: Status.CONFLICT,
  [RefusalCode.NO_LEADER]: Status.SERVICE_UNAVAILABLE,
  [RefusalCode.LEADER_CHANGED]: Status.SERVICE_UNAVAILABLE,
  [RefusalCode.TIMEOUT]: Status.SERVICE_UNAVAILABLE,
  [RefusalCode.BAD_CONFIG]: Status.BAD_REQUEST,
  [RefusalCode.CONFIG_PENDING]: Status.SERVICE_UNAVAILABLE,
  [RefusalCode.CLUSTER_UNHEALTHY]: Status.SERVICE_UNAVAILABLE,
  [RefusalCode.SHUTTING_DOWN]: Status.SERVICE_UNAVAILABLE,
  [RefusalCode.NOT_A_CONSENTER]: Status.SERVICE_UNAVAILABLE,
  [RefusalCode.INTERNAL]: Status.INTERNAL_SERVER_ERROR,
  [RefusalCode.NOT_LEADER]: Status.SERVICE_UNAVAILABLE,
  [RefusalCode.UNKNOWN_CONSENTER]: Status.NOT_FOUND,
  [RefusalCode.TARGET_LEARNER]: Status.CONFLICT,
  [RefusalCode.TARGET_DOWN]: Status.SERVICE_UNAVAILABLE,
  [RefusalCode.TARGET_BEHIND]: Status.SERVICE_UNAVAILABLE,
  [RefusalCode.TRANSFER_FAILED]: Status.SERVICE_UNAVAILABLE,
  [RefusalCode.SITE_PASSIVE]: Status.SERVICE_UNAVAILABLE,
}

/** The Status an answer carrying `code` has (INTERNAL_SERVER_ERROR for a code of no refusal above). */
export function refusalStatus(code: RefusalCode): Status {
  return REFUSAL_STATUS[code] ?? Status.INTERNAL_SERVER_ERROR
}

/** How a service answers a request that failed with `err`: a ProtocolError's refusal, else MALFORMED. */
export function refusalFor(err: unknown): { status: Status; code: RefusalCode } {
  return err instanceof ProtocolError ? { status: err.status, code: err.refusal } : { status: Status.BAD_REQUEST, code: RefusalCode.MALFORMED }
}

export class ProtocolError extends ConsortError<ProtocolErrorCode> {
  /** The refusal a node answers a request that fails this way with. */
  get refusal(): RefusalCode {
    return REFUSAL[this.code]
  }

  /** The status of that answer: FORBIDDEN for who signed it, NOT_FOUND for a wrong channel, else BAD_REQUEST. */
  get status(): Status {
    return refusalStatus(this.refusal)
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
