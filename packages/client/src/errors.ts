import { refusalStatus } from '@consort/protocol'
import { ConsortError, RefusalCode, Status } from '@consort/types'

/** Why a broadcast was refused: the RefusalCode values an orderer answers with (BroadcastResponse.code). */
export const OrdererErrorCode = {
  MALFORMED: RefusalCode.MALFORMED,
  BAD_SIGNATURE: RefusalCode.BAD_SIGNATURE,
  NOT_AUTHORIZED: RefusalCode.NOT_AUTHORIZED,
  BAD_TXID: RefusalCode.BAD_TXID,
  /** The transaction's timestamp is outside the channel's tx time window around the orderer's clock. */
  BAD_TIMESTAMP: RefusalCode.BAD_TIMESTAMP,
  WRONG_CHANNEL: RefusalCode.WRONG_CHANNEL,
  UNSUPPORTED: RefusalCode.UNSUPPORTED,
  TOO_LARGE: RefusalCode.TOO_LARGE,
  DUPLICATE_TXID: RefusalCode.DUPLICATE_TXID,
  NO_LEADER: RefusalCode.NO_LEADER,
  LEADER_CHANGED: RefusalCode.LEADER_CHANGED,
  TIMEOUT: RefusalCode.TIMEOUT,
  BAD_CONFIG: RefusalCode.BAD_CONFIG,
  CONFIG_PENDING: RefusalCode.CONFIG_PENDING,
  CLUSTER_UNHEALTHY: RefusalCode.CLUSTER_UNHEALTHY,
  SHUTTING_DOWN: RefusalCode.SHUTTING_DOWN,
  /** This orderer was removed from the channel's consenters: ask another. */
  NOT_A_CONSENTER: RefusalCode.NOT_A_CONSENTER,
  INTERNAL: RefusalCode.INTERNAL,
  /** Leadership transfer: this orderer does not lead (meta.leader names the one that does). */
  NOT_LEADER: RefusalCode.NOT_LEADER,
  UNKNOWN_CONSENTER: RefusalCode.UNKNOWN_CONSENTER,
  TARGET_LEARNER: RefusalCode.TARGET_LEARNER,
  TARGET_DOWN: RefusalCode.TARGET_DOWN,
  TARGET_BEHIND: RefusalCode.TARGET_BEHIND,
  TRANSFER_FAILED: RefusalCode.TRANSFER_FAILED,
  /** This orderer's site is passive, or the channel is switching sites: ask the active site (or wait). */
  SITE_PASSIVE: RefusalCode.SITE_PASSIVE,
} as const
export type OrdererErrorCode = (typeof OrdererErrorCode)[keyof typeof OrdererErrorCode]

/** What an OrdererError's `meta` holds, per code. */
export type OrdererErrorMeta<C extends OrdererErrorCode> = C extends 'DUPLICATE_TXID'
  ? { txId?: string; blockNumber: number }
  : C extends 'LEADER_CHANGED'
    ? { leader?: number | string; txId?: string }
    : C extends 'TIMEOUT'
      ? { txId: string }
      : C extends 'NO_LEADER'
        ? { txId?: string }
        : C extends 'MALFORMED' | 'BAD_SIGNATURE' | 'NOT_AUTHORIZED' | 'BAD_TXID' | 'BAD_TIMESTAMP' | 'BAD_CONFIG'
          ? { cause?: string }
          : C extends 'INTERNAL'
            ? { status?: Status; blockNumber?: number }
            : C extends 'NOT_LEADER'
              ? { leader?: string }
              : Record<string, never>

export class OrdererError<C extends OrdererErrorCode = OrdererErrorCode> extends ConsortError<C> {
  declare readonly meta: Readonly<OrdererErrorMeta<C>>

  constructor(code: C, message: string, meta?: OrdererErrorMeta<C>) {
    super(code, message, meta ?? {})
  }

  get status(): Status {
    return refusalStatus(this.code)
  }

  /** The block the refusal names (where a DUPLICATE_TXID was ordered), else 0. */
  get blockNumber(): number {
    const meta = this.meta as { blockNumber?: unknown }
    return typeof meta.blockNumber === 'number' ? meta.blockNumber : 0
  }

  /** Whether trying again (on this or another orderer) may succeed. */
  get retryable(): boolean {
    return this.status === Status.SERVICE_UNAVAILABLE || this.status === Status.INTERNAL_SERVER_ERROR
  }

  /** The error an orderer's refusal stands for (what a follower forwarding to the leader throws on). */
  static fromAnswer(answer: { code: RefusalCode; info: string; blockNumber: number }): OrdererError {
    const known = (Object.values(OrdererErrorCode) as RefusalCode[]).includes(answer.code)
    const code = known ? (answer.code as OrdererErrorCode) : OrdererErrorCode.INTERNAL
    // The answer's block: where a DUPLICATE_TXID was ordered (0 for the other codes).
    return new OrdererError(code, answer.info, { blockNumber: answer.blockNumber } as OrdererErrorMeta<typeof code>)
  }
}

/** What an endorser's refusal stands for, from the status of its ProposalResponse.response. */
export function endorsementRefusal(status: number | undefined): RefusalCode {
  if (status === 403) return RefusalCode.NOT_AUTHORIZED
  if (status === 404) return RefusalCode.UNKNOWN_CONTRACT
  return RefusalCode.ENDORSEMENT_REFUSED
}

/** Whether ordering took a broadcast: accepted now, or ordered before (a resubmission of the same transaction). */
export function isOrdered(r: { status: Status; code: RefusalCode }): boolean {
  return r.status === Status.SUCCESS || r.code === RefusalCode.DUPLICATE_TXID
}
