import { PROTOCOL } from './protocols.js'
import type { FramedStream, P2PNode } from '@consort/p2p'
import { envelopeOf, envelopePayload, isConfigBlock, parseBlock } from '@consort/protocol'
import type { ParsedBlock } from '@consort/protocol'
import { BroadcastResponse, DeliverResponse, HeaderType, OrdererAdminResponse, SeekInfo, Status } from '@consort/types'
import type { TransferLeaderResult } from '@consort/types'
import type { Logger } from '@consort/types'
import { OrdererError, OrdererErrorCode } from './errors.js'

const MAX_FRAME_BYTES = 64 * 1024 * 1024

export interface DeliverRequest {
  /** First block to receive. */
  start: number
  /** Start at the newest block instead (then go on from there). */
  newest?: boolean
  /** Last block (inclusive); omit to keep receiving new blocks. */
  stop?: number
}

/** Who signs deliver requests: a signing identity, or any signer that may sign asynchronously. */
export interface RequestSigner {
  certificate: { bytes: Uint8Array }
  sign(message: Uint8Array): Uint8Array | Promise<Uint8Array>
}

/**
 * A client of the ordering service: broadcast envelopes and deliver blocks, failing over
 * between the orderers it knows. Used by the orderers themselves (forwarding, catch-up),
 * by peers and by the SDK.
 */
export class OrdererClient {
  /** Where broadcasts go first: the leader, once an answer named it. */
  private preferred = 0
  /** Where deliver streams go first: the orderer that last delivered a block. */
  private deliverFrom = 0

  constructor(
    private readonly p2p: P2PNode,
    private endpoints: string[],
    private readonly opts: { signer: RequestSigner; channelId: string; logger: Logger },
  ) {}

  setEndpoints(endpoints: string[]): void {
    this.endpoints = endpoints
  }

  /** The orderers this client knows, in its order of preference. */
  get addresses(): readonly string[] {
    return this.endpoints
  }

  /** Block `at` (without it: the newest one) from the first node that delivers it within `timeoutMs`; undefined if none does. */
  async oneBlock(at?: number, timeoutMs = 5000): Promise<ParsedBlock | undefined> {
    const req = at === undefined ? { start: 0, newest: true } : { start: at, stop: at }
    try {
      for await (const b of this.deliver(req, AbortSignal.timeout(timeoutMs), { stallMs: timeoutMs })) return b
    } catch {
      // no node answered
    }
    return undefined
  }

  /**
   * The channel's latest config block: the newest block's config block (the genesis block or the
   * last config update), from any orderer that answers within `timeoutMs`.
   */
  async latestConfigBlock(timeoutMs = 10_000, cancel?: AbortSignal): Promise<ParsedBlock> {
    const signal = cancel === undefined ? AbortSignal.timeout(timeoutMs) : AbortSignal.any([AbortSignal.timeout(timeoutMs), cancel])
    let newest: ParsedBlock | undefined
    for await (const b of this.deliver({ start: 0, newest: true }, signal)) {
      newest = b
      break
    }
    if (newest === undefined) throw new OrdererError(OrdererErrorCode.NO_LEADER, `no orderer delivered the newest block within ${timeoutMs} ms`)
    const number = isConfigBlock(newest) ? newest.number : (newest.block.metadata?.lastConfig ?? 0)
    if (number === newest.number) return newest
    for await (const b of this.deliver({ start: number, stop: number }, signal, { stallMs: timeoutMs })) return b
    throw new OrdererError(OrdererErrorCode.NO_LEADER, `no orderer delivered config block ${number} within ${timeoutMs} ms`)
  }

  /**
   * Sends to one given orderer and returns its answer; throws (P2PError) when the orderer
   * cannot be reached or does not answer in time. Envelopes to one orderer share one stream.
   */
  broadcastTo(endpoint: string, envelope: Uint8Array, txId: string, timeoutMs = 30_000): Promise<BroadcastResponse> {
    return this.p2p.request(endpoint, PROTOCOL.BROADCAST, envelope, BroadcastResponse, `BroadcastResponse for ${txId || 'an envelope'}`, timeoutMs)
  }

  /**
   * Sends an envelope, trying each orderer in turn until one answers; the answer may be a
   * refusal (see its status). Throws OrdererError NO_LEADER if no orderer could be reached.
   */
  async broadcast(envelope: Uint8Array, txId: string, timeoutMs = 30_000): Promise<BroadcastResponse> {
    let last: unknown
    let passive: BroadcastResponse | undefined
    for (let i = 0; i < this.endpoints.length; i++) {
      const idx = (this.preferred + i) % this.endpoints.length
      const endpoint = this.endpoints[idx] as string
      try {
        const r = await this.broadcastTo(endpoint, envelope, txId, timeoutMs)
        if (r.code === OrdererErrorCode.NOT_A_CONSENTER) {
          // Removed from the channel but still running: ask the others.
          last = new OrdererError(OrdererErrorCode.NOT_A_CONSENTER, r.info)
          continue
        }
        if (r.code === OrdererErrorCode.SITE_PASSIVE) {
          // An orderer of a passive DR site: ask the others (every one, during a switchover).
          passive = r
          continue
        }
        // A follower forwarded it: send the next ones to the leader directly.
        const leader = r.leader === '' ? -1 : this.endpoints.indexOf(r.leader)
        this.preferred = leader >= 0 ? leader : idx
        return r
      } catch (err) {
        last = err
        this.opts.logger.debug({ endpoint, err: (err as Error).message }, 'broadcast failed; trying the next orderer')
      }
    }
    if (passive !== undefined) return passive
    throw new OrdererError(OrdererErrorCode.NO_LEADER, `no orderer answered: ${(last as Error | undefined)?.message ?? 'none configured'}`, {
      txId,
    })
  }

  /**
   * Sends a signed ORDERER_ADMIN request (a leadership transfer) to the leader: each orderer in
   * turn, and the one a follower names as leader first. Throws OrdererError with the leader's
   * refusal, or NO_LEADER if none could be reached.
   */
  async transferLeader(request: Uint8Array, timeoutMs = 15_000): Promise<TransferLeaderResult> {
    const queue = [...this.endpoints]
    const asked = new Set<string>()
    let last: Error | undefined
    while (queue.length > 0) {
      const endpoint = queue.shift() as string
      if (asked.has(endpoint)) continue
      asked.add(endpoint)
      let r: OrdererAdminResponse
      try {
        r = await this.p2p.request(endpoint, PROTOCOL.ORDERER_ADMIN, request, OrdererAdminResponse, 'OrdererAdminResponse', timeoutMs)
      } catch (err) {
        last = err as Error
        continue
      }
      if (r.status === Status.SUCCESS && r.transfer !== undefined) return r.transfer
      if (r.code === OrdererErrorCode.NOT_LEADER || r.code === OrdererErrorCode.NOT_A_CONSENTER) {
        if (r.leader !== '') queue.unshift(r.leader)
        last = new OrdererError(OrdererErrorCode.NOT_LEADER, r.info, { leader: r.leader })
        continue
      }
      throw OrdererError.fromAnswer({ code: r.code, info: r.info, blockNumber: 0 })
    }
    throw new OrdererError(OrdererErrorCode.NO_LEADER, `no orderer took the request as leader: ${last?.message ?? 'none configured'}`)
  }

  /** Opens a deliver stream on one orderer. */
  private async openDeliver(endpoint: string, req: DeliverRequest): Promise<FramedStream> {
    const stream = await this.p2p.dial(endpoint, PROTOCOL.DELIVER, { timeoutMs: 3000, maxFrameBytes: MAX_FRAME_BYTES })
    const seek = SeekInfo.encode({ start: req.start, newest: req.newest === true, ...(req.stop !== undefined ? { stop: req.stop } : {}) })
    const cert = this.opts.signer.certificate.bytes
    const { payload } = envelopePayload(cert, { type: HeaderType.DELIVER_SEEK, channelId: this.opts.channelId, timestamp: Date.now(), data: seek })
    await stream.write(envelopeOf(payload, await this.opts.signer.sign(payload), cert))
    return stream
  }

  /**
   * Streams blocks from `start`, in order, without gaps; when an orderer's stream breaks,
   * stalls or refuses, it resumes from the next block on another (the endpoints as of then:
   * see setEndpoints). Ends after `stop`, or when `signal` aborts.
   *
   * `stallMs` bounds the wait for each block of a bounded request. An unbounded one waits as
   * long as `idleMs` (0: forever, for listeners of a quiet chain); a node that must not fall
   * behind sets it, so that a stream whose orderer stopped getting blocks (cut off, or removed
   * from the consenters but still running) moves on to another orderer.
   */
  async *deliver(req: DeliverRequest, signal?: AbortSignal, opts: { stallMs?: number; idleMs?: number } = {}): AsyncGenerator<ParsedBlock> {
    let next = req.start
    let newest = req.newest === true
    let attempt = 0
    const aborted = (): boolean => signal?.aborted === true
    const timeoutMs = req.stop === undefined ? (opts.idleMs ?? 0) : (opts.stallMs ?? 5000)
    while (!aborted() && (req.stop === undefined || next <= req.stop)) {
      const endpoint = this.endpoints[(this.deliverFrom + attempt) % this.endpoints.length] as string
      let stream: FramedStream | undefined
      try {
        stream = await this.openDeliver(endpoint, { start: next, newest, ...(req.stop !== undefined ? { stop: req.stop } : {}) })
        for (;;) {
          const r = await stream.read(DeliverResponse, 'DeliverResponse', { timeoutMs, ...(signal !== undefined ? { signal } : {}) })
          if (r.block !== undefined) {
            const block = parseBlock(r.block)
            if (newest) {
              newest = false
              next = block.number
            }
            if (block.number !== next) throw new OrdererError(OrdererErrorCode.INTERNAL, `expected block ${next}, got ${block.number}`)
            next++
            // Stay on the orderer that delivers: after a failover, that is the new one.
            this.deliverFrom = (this.deliverFrom + attempt) % this.endpoints.length
            attempt = 0
            yield block
            continue
          }
          if (r.status === Status.SUCCESS) return
          throw new OrdererError(OrdererErrorCode.INTERNAL, `deliver refused: ${r.status} ${r.info}`, { status: r.status })
        }
      } catch (err) {
        if (aborted()) return
        this.opts.logger.debug({ endpoint, next, err: (err as Error).message }, 'deliver stream broke; resuming on another orderer')
        attempt++
        if (attempt % this.endpoints.length === 0) await new Promise((r) => setTimeout(r, 200))
      } finally {
        stream?.abort(new Error('done'))
      }
    }
  }
}
