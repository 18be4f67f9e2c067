import { ConsortError, Status } from '@consort/types'

/** Why a broadcast was refused; the code travels in BroadcastResponse.code. */
export const OrdererErrorCode = {
  MALFORMED: 'MALFORMED',
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  NOT_AUTHORIZED: 'NOT_AUTHORIZED',
  BAD_TXID: 'BAD_TXID',
  /** The transaction's timestamp is outside the channel's tx time window around the orderer's clock. */
  BAD_TIMESTAMP: 'BAD_TIMESTAMP',
  WRONG_CHANNEL: 'WRONG_CHANNEL',
  UNSUPPORTED: 'UNSUPPORTED',
  TOO_LARGE: 'TOO_LARGE',
  DUPLICATE_TXID: 'DUPLICATE_TXID',
  NO_LEADER: 'NO_LEADER',
  LEADER_CHANGED: 'LEADER_CHANGED',
  TIMEOUT: 'TIMEOUT',
  BAD_CONFIG: 'BAD_CONFIG',
  CONFIG_PENDING: 'CONFIG_PENDING',
  CLUSTER_UNHEALTHY: 'CLUSTER_UNHEALTHY',
  SHUTTING_DOWN: 'SHUTTING_DOWN',
  /** This orderer was removed from the channel's consenters: ask another. */
  NOT_A_CONSENTER: 'NOT_A_CONSENTER',
  INTERNAL: 'INTERNAL',
} as const
export type OrdererErrorCode = (typeof OrdererErrorCode)[keyof typeof OrdererErrorCode]

const STATUS: Record<OrdererErrorCode, Status> = {
  MALFORMED: Status.BAD_REQUEST,
  BAD_SIGNATURE: Status.FORBIDDEN,
  NOT_AUTHORIZED: Status.FORBIDDEN,
  BAD_TXID: Status.BAD_REQUEST,
  BAD_TIMESTAMP: Status.BAD_REQUEST,
  WRONG_CHANNEL: Status.NOT_FOUND,
  UNSUPPORTED: Status.BAD_REQUEST,
  TOO_LARGE: Status.REQUEST_ENTITY_TOO_LARGE,
  DUPLICATE_TXID: Status.CONFLICT,
  NO_LEADER: Status.SERVICE_UNAVAILABLE,
  LEADER_CHANGED: Status.SERVICE_UNAVAILABLE,
  TIMEOUT: Status.SERVICE_UNAVAILABLE,
  BAD_CONFIG: Status.BAD_REQUEST,
  CONFIG_PENDING: Status.SERVICE_UNAVAILABLE,
  CLUSTER_UNHEALTHY: Status.SERVICE_UNAVAILABLE,
  SHUTTING_DOWN: Status.SERVICE_UNAVAILABLE,
  NOT_A_CONSENTER: Status.SERVICE_UNAVAILABLE,
  INTERNAL: Status.INTERNAL_SERVER_ERROR,
}

export class OrdererError extends ConsortError<OrdererErrorCode> {
  get status(): Status {
    return STATUS[this.code]
  }

  /** Whether trying again (on this or another orderer) may succeed. */
  get retryable(): boolean {
    return this.status === Status.SERVICE_UNAVAILABLE || this.status === Status.INTERNAL_SERVER_ERROR
  }
}
