import type { VerifyPool } from '@consort/crypto'
import type { MembershipService } from '@consort/identity'
import type { P2PNode } from '@consort/p2p'
import {
  checkTxTime,
  consenterChange,
  openEnvelope,
  sitePassive,
  ProtocolError,
  ProtocolErrorCode,
  validateConfigUpdate,
  verifyEnvelope,
} from '@consort/protocol'
import type { OpenedEnvelope } from '@consort/protocol'
import { BroadcastResponse, HeaderType, RefusalCode, Status } from '@consort/types'
import type { ChannelConfig, Clock, Logger } from '@consort/types'
import type { Chain } from './chain.js'
import { OrdererError, OrdererErrorCode, PROTOCOL } from '@consort/client'
import type { OrdererClient } from '@consort/client'
import type { OrdererMetrics } from './metrics.js'

// Envelopes one stream may have in flight before we stop reading from it.
const MAX_IN_FLIGHT_PER_STREAM = 4096
const ORDER_TIMEOUT_MS = 20_000

export interface BroadcastModules {
  p2p: P2PNode
  chain: Chain
  msp: () => MembershipService
  forwarder: OrdererClient
  /** The full address of a consenter by Raft id. */
  addressOf: (raftId: number) => string | undefined
  metrics: OrdererMetrics
  logger: Logger
  /** The orderer's clock: a transaction's timestamp must be within the tx time window of it. */
  clock: Clock
  /** Why this orderer must not serve (it was removed from the consenters), if it must not. */
  refusal?: () => string | undefined
  /** This orderer's site in the config in force ('' when the channel has one site). */
  site: () => string
  /** Checks client signatures on worker threads, many at a time (see preverify); `msp` takes its findings. */
  signatures: VerifyPool
}

/**
 * The broadcast service: a client sends signed transaction envelopes (many in flight on one
 * stream) and gets one answer per envelope, sent only once the transaction is in a
 * committed block (or a typed refusal). Followers forward to the leader.
 */
export class BroadcastService {
  constructor(
    private readonly config: () => ChannelConfig,
    private readonly m: BroadcastModules,
  ) {}

  async start(): Promise<void> {
    const maxFrame = this.config().batch!.absoluteMaxBytes * 2 + 64 * 1024
    await this.m.p2p.serve(PROTOCOL.BROADCAST, async (bytes) => BroadcastResponse.encode(await this.handle(bytes)), {
      maxInboundStreams: 256,
      maxFrameBytes: maxFrame,
      maxInFlight: MAX_IN_FLIGHT_PER_STREAM,
    })
  }

  /** Validates, deduplicates and orders one envelope; always returns an answer. */
  async handle(bytes: Uint8Array): Promise<BroadcastResponse> {
    const started = performance.now()
    let txId = ''
    let r: BroadcastResponse
    try {
      const refused = this.m.refusal?.()
      if (refused !== undefined) throw new OrdererError(OrdererErrorCode.NOT_A_CONSENTER, refused)
      const max = this.config().batch!.absoluteMaxBytes
      if (bytes.byteLength > max) {
        throw new OrdererError(OrdererErrorCode.TOO_LARGE, `envelope of ${bytes.byteLength} bytes exceeds absoluteMaxBytes ${max}`)
      }
      const opened = this.open(bytes)
      // Known before verification, so even a refusal names the transaction it answers.
      txId = opened.header.txId
      // A passive site (or a site switchover) takes config updates only.
      const passive = opened.header.type === HeaderType.CONFIG_UPDATE ? undefined : sitePassive(this.config(), this.m.site())
      if (passive !== undefined) throw new OrdererError(OrdererErrorCode.SITE_PASSIVE, passive)
      await this.preverify(opened)
      this.verify(opened)
      const committed = await this.m.chain.committedBlockOf(txId)
      if (committed !== undefined) {
        throw new OrdererError(OrdererErrorCode.DUPLICATE_TXID, `transaction ${txId} was already ordered in block ${committed}`, {
          blockNumber: committed,
        })
      }
      const isConfig = opened.header.type === HeaderType.CONFIG_UPDATE
      if (isConfig) this.checkConfigUpdate(opened)
      const { blockNumber, leader } = await this.order(bytes, txId, isConfig)
      r = { status: Status.SUCCESS, info: '', txId, blockNumber, code: RefusalCode.NONE, leader }
    } catch (err) {
      const e = err instanceof OrdererError ? err : new OrdererError(OrdererErrorCode.INTERNAL, (err as Error).message)
      if (e.code === OrdererErrorCode.INTERNAL) this.m.logger.error({ err: (err as Error).stack }, 'broadcast failed')
      r = { status: e.status, info: e.message, txId, blockNumber: e.blockNumber, code: e.code, leader: '' }
    }
    this.m.metrics.broadcastSeconds.observe({ status: String(r.status) }, (performance.now() - started) / 1000)
    this.m.metrics.broadcastTotal.inc({ code: r.code === RefusalCode.NONE ? 'OK' : r.code })
    return r
  }

  private open(bytes: Uint8Array): OpenedEnvelope {
    try {
      return openEnvelope(bytes)
    } catch (err) {
      if (err instanceof ProtocolError) throw new OrdererError(OrdererErrorCode.MALFORMED, err.message)
      throw err
    }
  }

  /**
   * Checks the envelope's signature on a worker thread; the full check in verify() that
   * follows then finds it already checked. Any problem (unknown creator, bad key) is left
   * for verify() to report.
   */
  private async preverify(opened: OpenedEnvelope): Promise<void> {
    let publicKey: Uint8Array
    try {
      publicKey = this.m.msp().validate(opened.envelope.signer).publicKey
    } catch {
      return
    }
    await this.m.signatures.verify(publicKey, opened.envelope.payload, opened.envelope.signature)
  }

  async stop(): Promise<void> {
    await this.m.signatures.close()
  }

  private verify(opened: OpenedEnvelope): void {
    try {
      verifyEnvelope(opened, this.m.msp(), { channelId: this.config().channelId, types: [HeaderType.TRANSACTION, HeaderType.CONFIG_UPDATE] })
      checkTxTime(this.config().txTimeWindowMs, opened.header.timestamp, this.m.clock.now())
    } catch (err) {
      if (err instanceof ProtocolError) {
        throw new OrdererError(err.refusal as OrdererErrorCode, err.message, { cause: err.code })
      }
      throw err
    }
  }

  /**
   * A config update must be valid against the current config (admin signatures that satisfy
   * the admins policy, the next sequence, one consenter change at most), and a consenter
   * change is refused while the cluster is not healthy.
   */
  private checkConfigUpdate(opened: OpenedEnvelope): void {
    const current = this.config()
    let next
    try {
      next = validateConfigUpdate(current, opened.payload.data, this.m.msp())
    } catch (err) {
      if (err instanceof ProtocolError) {
        // A malformed update is a bad config update.
        throw new OrdererError(err.code === ProtocolErrorCode.MALFORMED ? OrdererErrorCode.BAD_CONFIG : (err.refusal as OrdererErrorCode), err.message)
      }
      throw err
    }
    const change = consenterChange(current, next)
    const leaving = change?.type === 'remove' || change?.type === 'demote' ? change.consenter.id : undefined
    if (change !== undefined && this.m.chain.isLeader && !this.m.chain.healthyForMembershipChange(leaving)) {
      throw new OrdererError(OrdererErrorCode.CLUSTER_UNHEALTHY, 'a consenter change needs every current consenter up and replicating')
    }
  }

  /** Orders the envelope here (leader) or through the leader; returns its block and, when forwarded, the leader's address. */
  private async order(bytes: Uint8Array, txId: string, isConfig: boolean): Promise<{ blockNumber: number; leader: string }> {
    const chain = this.m.chain
    // A follower whose leader just vanished tries once more when a new leader is known.
    for (let attempt = 0; ; attempt++) {
      if (chain.leader === 0) await this.awaitLeader(0)
      if (chain.isLeader) {
        const me = chain.raftId
        try {
          const blockNumber = await (isConfig ? chain.orderConfig({ bytes, txId }, ORDER_TIMEOUT_MS) : chain.order({ bytes, txId }, ORDER_TIMEOUT_MS))
          return { blockNumber, leader: '' }
        } catch (err) {
          // This node stepped down (a leadership transfer, a newer term) before the envelope was
          // in a block: it goes to the new leader once one is known, instead of back to the client.
          if (attempt > 0 || !(err instanceof OrdererError) || err.code !== OrdererErrorCode.LEADER_CHANGED) throw err
          await this.awaitLeader(me)
          continue
        }
      }
      const leader = chain.leader
      const address = this.m.addressOf(leader)
      if (address === undefined) throw new OrdererError(OrdererErrorCode.NO_LEADER, 'the leader is not a known consenter')
      let answer: BroadcastResponse
      try {
        answer = await this.m.forwarder.broadcastTo(address, bytes, txId, ORDER_TIMEOUT_MS)
      } catch (err) {
        if (attempt > 0) {
          throw new OrdererError(OrdererErrorCode.LEADER_CHANGED, `could not reach the leader: ${(err as Error).message}`, { leader })
        }
        await this.awaitLeader(leader)
        continue
      }
      if (answer.status === Status.SUCCESS) return { blockNumber: answer.blockNumber, leader: address }
      throw OrdererError.fromAnswer(answer)
    }
  }

  /**
   * During an election, wait (up to two election timeouts) for a leader other than
   * `unlike` rather than fail at once; throws NO_LEADER if none appears.
   */
  private async awaitLeader(unlike: number): Promise<void> {
    const raft = this.config().raft!
    const waitMs = 2 * raft.electionTick * raft.tickMs
    const chain = this.m.chain
    if (chain.leader !== 0 && chain.leader !== unlike) return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, waitMs)
      function done(): void {
        clearTimeout(timer)
        chain.off('leader', onLeader)
        resolve()
      }
      function onLeader(id: number): void {
        if (id !== 0 && id !== unlike) done()
      }
      chain.on('leader', onLeader)
    })
    if (chain.leader === 0 || chain.leader === unlike) {
      throw new OrdererError(OrdererErrorCode.NO_LEADER, 'no Raft leader: a majority of orderers is not reachable')
    }
  }
}
