import { PROTOCOL } from '@consort/p2p'
import type { FramedStream, P2PNode } from '@consort/p2p'
import { envelopeOf, envelopePayload, parseBlock } from '@consort/protocol'
import type { ParsedBlock } from '@consort/protocol'
import { BroadcastResponse, DeliverResponse, HeaderType, SeekInfo, Status } from '@consort/types'
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

interface Pending {
  resolve: (r: BroadcastResponse) => void
  reject: (e: Error) => void
}

/** One broadcast stream to one orderer, carrying many envelopes; answers matched by tx id. */
class BroadcastConnection {
  private readonly pending = new Map<string, Pending[]>()
  closed = false

  constructor(
    private readonly stream: FramedStream,
    private readonly onClose: () => void,
  ) {
    void this.readLoop()
  }

  private async readLoop(): Promise<void> {
    try {
      for (;;) {
        const r = await this.stream.read(BroadcastResponse, 'BroadcastResponse', { timeoutMs: 0 })
        const list = this.pending.get(r.txId)
        const p = list?.shift()
        if (list !== undefined && list.length === 0) this.pending.delete(r.txId)
        p?.resolve(r)
      }
    } catch (err) {
      this.close(err as Error)
    }
  }

  async send(envelope: Uint8Array, txId: string, timeoutMs: number): Promise<BroadcastResponse> {
    const answer = new Promise<BroadcastResponse>((resolve, reject) => {
      const timer = setTimeout(() => reject(new OrdererError(OrdererErrorCode.TIMEOUT, `no broadcast answer within ${timeoutMs} ms`, { txId })), timeoutMs)
      const list = this.pending.get(txId) ?? []
      list.push({
        resolve: (r) => {
          clearTimeout(timer)
          resolve(r)
        },
        reject: (e) => {
          clearTimeout(timer)
          reject(e)
        },
      })
      this.pending.set(txId, list)
    })
    // The connection may close while the write waits to be flushed: the caller learns that
    // through the returned promise (or the write's error), never as an unhandled rejection.
    answer.catch(() => undefined)
    await this.stream.write(envelope)
    return answer
  }

  close(err: Error): void {
    if (this.closed) return
    this.closed = true
    this.onClose()
    for (const list of this.pending.values()) for (const p of list) p.reject(err)
    this.pending.clear()
    this.stream.abort(err)
  }
}

/**
 * A client of the ordering service: broadcast envelopes and deliver blocks, failing over
 * between the orderers it knows. Used by the orderers themselves (forwarding, catch-up),
 * by peers and by the SDK.
 */
export class OrdererClient {
  private readonly connections = new Map<string, Promise<BroadcastConnection>>()
  private preferred = 0

  constructor(
    private readonly p2p: P2PNode,
    private endpoints: string[],
    private readonly opts: { signer: RequestSigner; channelId: string; logger: Logger },
  ) {}

  setEndpoints(endpoints: string[]): void {
    this.endpoints = endpoints
  }

  private connection(endpoint: string): Promise<BroadcastConnection> {
    const existing = this.connections.get(endpoint)
    if (existing !== undefined) return existing
    // One stream per orderer, shared by concurrent callers: the dial itself is shared too.
    const dialing = this.p2p
      .dial(endpoint, PROTOCOL.BROADCAST, { timeoutMs: 3000, maxFrameBytes: MAX_FRAME_BYTES })
      .then((stream) => new BroadcastConnection(stream, () => this.connections.delete(endpoint)))
    dialing.catch(() => this.connections.delete(endpoint))
    this.connections.set(endpoint, dialing)
    return dialing
  }

  /** Sends to one given orderer and returns its answer; throws on a broken connection. */
  async broadcastTo(endpoint: string, envelope: Uint8Array, txId: string, timeoutMs = 30_000): Promise<BroadcastResponse> {
    const c = await this.connection(endpoint)
    try {
      return await c.send(envelope, txId, timeoutMs)
    } catch (err) {
      c.close(err as Error)
      throw err
    }
  }

  /**
   * Sends an envelope, trying each orderer in turn until one answers; the answer may be a
   * refusal (see its status). Throws OrdererError NO_LEADER if no orderer could be reached.
   */
  async broadcast(envelope: Uint8Array, txId: string, timeoutMs = 30_000): Promise<BroadcastResponse> {
    let last: unknown
    for (let i = 0; i < this.endpoints.length; i++) {
      const idx = (this.preferred + i) % this.endpoints.length
      const endpoint = this.endpoints[idx] as string
      try {
        const r = await this.broadcastTo(endpoint, envelope, txId, timeoutMs)
        // A follower forwarded it: send the next ones to the leader directly.
        const leader = r.leader === '' ? -1 : this.endpoints.indexOf(r.leader)
        this.preferred = leader >= 0 ? leader : idx
        return r
      } catch (err) {
        last = err
        this.opts.logger.debug({ endpoint, err: (err as Error).message }, 'broadcast failed; trying the next orderer')
      }
    }
    throw new OrdererError(OrdererErrorCode.NO_LEADER, `no orderer answered: ${(last as Error | undefined)?.message ?? 'none configured'}`, {
      txId,
    })
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
   * Streams blocks from `start`, in order, without gaps; when an orderer's stream breaks or
   * stalls, it resumes from the next block on another. Ends after `stop`, or when `signal` aborts.
   */
  async *deliver(req: DeliverRequest, signal?: AbortSignal, stallMs = 5000): AsyncGenerator<ParsedBlock> {
    let next = req.start
    let newest = req.newest === true
    let attempt = 0
    const aborted = (): boolean => signal?.aborted === true
    while (!aborted() && (req.stop === undefined || next <= req.stop)) {
      const endpoint = this.endpoints[(this.preferred + attempt) % this.endpoints.length] as string
      let stream: FramedStream | undefined
      try {
        stream = await this.openDeliver(endpoint, { start: next, newest, ...(req.stop !== undefined ? { stop: req.stop } : {}) })
        for (;;) {
          // With no stop, a quiet chain is normal: wait without limit but give up on a dead stream.
          const r = await stream.read(DeliverResponse, 'DeliverResponse', {
            timeoutMs: req.stop === undefined ? 0 : stallMs,
            ...(signal !== undefined ? { signal } : {}),
          })
          if (r.block !== undefined) {
            const block = parseBlock(r.block)
            if (newest) {
              newest = false
              next = block.number
            }
            if (block.number !== next) throw new OrdererError(OrdererErrorCode.INTERNAL, `expected block ${next}, got ${block.number}`)
            next++
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

  close(): void {
    for (const c of this.connections.values()) void c.then((conn) => conn.close(new Error('client closed')), () => undefined)
    this.connections.clear()
  }
}
