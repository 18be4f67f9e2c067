import type { FramedStream, P2PNode } from '@consort/p2p'
import { decodeMessage, encodeMessage } from '@consort/raft'
import type { Message } from '@consort/raft'
import type { Logger } from '@consort/types'

/** The consenters' Raft protocol: one long-lived stream each way between two consenters. */
export const RAFT_PROTOCOL = '/consort/raft/1.0.0'

/** A consenter as the transport knows it: Raft id and where to dial it. */
export interface Peer {
  id: number
  peerId: string
  /** Full multiaddr, ending in /p2p/<peer id>. */
  address: string
}

export interface TransportHandlers {
  /** A message from a peer, already checked to come from the consenter it claims. */
  onMessage(m: Message): void
  onUnreachable(id: number): void
  onSnapshotStatus(id: number, failed: boolean): void
}

// Messages waiting for one peer; beyond this the oldest are dropped (Raft resends).
const QUEUE_LIMIT = 4096
// Larger than any frame Raft builds with the default maxSizePerMsg, plus snapshots.
const MAX_FRAME_BYTES = 64 * 1024 * 1024

/**
 * Raft messages between consenters over libp2p: one long-lived outbound stream per peer,
 * written from a bounded queue; inbound streams are accepted only from consenters, and a
 * message must name as sender the consenter whose key opened the stream.
 */
export class RaftTransport {
  private readonly senders = new Map<number, PeerSender>()
  private readonly byPeerId = new Map<string, Peer>()
  private started = false
  private stopped = false

  constructor(
    private readonly p2p: P2PNode,
    private readonly selfId: number,
    peers: Peer[],
    private readonly handlers: TransportHandlers,
    private readonly logger: Logger,
  ) {
    this.setPeers(peers)
  }

  setPeers(peers: Peer[]): void {
    this.byPeerId.clear()
    for (const p of peers) {
      this.byPeerId.set(p.peerId, p)
      if (p.id !== this.selfId && !this.senders.has(p.id)) {
        const sender = new PeerSender(this.p2p, p, this.handlers, this.logger)
        this.senders.set(p.id, sender)
        if (this.started) sender.keepOpen()
      }
    }
    for (const [id, s] of this.senders) {
      if (!peers.some((p) => p.id === id)) {
        s.stop()
        this.senders.delete(id)
      }
    }
  }

  async start(): Promise<void> {
    await this.p2p.handle(RAFT_PROTOCOL, (s) => this.serve(s), {
      maxInboundStreams: 8,
      maxFrameBytes: MAX_FRAME_BYTES,
    })
    this.started = true
    for (const s of this.senders.values()) s.keepOpen()
  }

  send(messages: Message[]): void {
    for (const m of messages) {
      const s = this.senders.get(m.to)
      if (s === undefined) continue
      s.enqueue(m)
    }
  }

  private async serve(stream: FramedStream): Promise<void> {
    const peer = this.byPeerId.get(stream.remotePeer)
    if (peer === undefined) {
      // Not a consenter: it may not take part in Raft at all.
      this.logger.warn({ peer: stream.remotePeer }, 'raft stream from a non-consenter refused')
      stream.abort(new Error('not a consenter'))
      await this.p2p.hangUp(stream.remotePeer)
      return
    }
    while (!this.stopped) {
      let bytes: Uint8Array
      try {
        bytes = await stream.readBytes({ timeoutMs: 0 })
      } catch (err) {
        // The connection broke (a killed process resets it at once): if that was our
        // leader, Raft campaigns soon instead of waiting out an election timeout.
        if (!this.stopped) this.handlers.onUnreachable(peer.id)
        throw err
      }
      const m = decodeMessage(bytes, MAX_FRAME_BYTES)
      if (m.from !== peer.id || m.to !== this.selfId) {
        this.logger.warn({ peer: peer.id, from: m.from, to: m.to }, 'raft message with a forged sender or wrong recipient')
        stream.abort(new Error('forged sender'))
        return
      }
      this.handlers.onMessage(m)
    }
  }

  stop(): void {
    this.stopped = true
    for (const s of this.senders.values()) s.stop()
  }
}

class PeerSender {
  private queue: Message[] = []
  private stream: FramedStream | undefined
  private running = false
  private stopped = false
  private keeping = false
  private backoffMs = 50

  constructor(
    private readonly p2p: P2PNode,
    private readonly peer: Peer,
    private readonly handlers: TransportHandlers,
    private readonly logger: Logger,
  ) {}

  enqueue(m: Message): void {
    if (this.stopped) return
    if (this.queue.length >= QUEUE_LIMIT) {
      const dropped = this.queue.shift() as Message
      if (dropped.type === 'MsgSnap') this.handlers.onSnapshotStatus(this.peer.id, true)
    }
    this.queue.push(m)
    if (!this.running) void this.run()
  }

  /**
   * Keeps a stream open to the peer even while there is nothing to send, and opens it again
   * (with backoff) when it breaks: two followers exchange nothing until their leader fails,
   * and then their first pre-vote should not wait for a new connection.
   */
  keepOpen(): void {
    this.keeping = true
    if (!this.running) void this.run()
  }

  private async run(): Promise<void> {
    this.running = true
    try {
      while (!this.stopped && (this.queue.length > 0 || (this.keeping && this.stream === undefined))) {
        if (this.stream === undefined) {
          try {
            this.stream = await this.p2p.dial(this.peer.address, RAFT_PROTOCOL, { timeoutMs: 2000, maxFrameBytes: MAX_FRAME_BYTES })
            this.backoffMs = 50
            this.watch(this.stream)
          } catch (err) {
            this.fail(err)
            await new Promise((r) => setTimeout(r, this.backoffMs))
            this.backoffMs = Math.min(this.backoffMs * 2, 1000)
            continue
          }
        }
        if (this.queue.length === 0) continue
        // Everything queued goes out in one write (the stream sends frames of one turn together).
        const batch = this.queue
        this.queue = []
        const snaps = batch.filter((m) => m.type === 'MsgSnap').length
        const stream = this.stream
        try {
          await Promise.all(batch.map((m) => stream.write(encodeMessage(m), { timeoutMs: 5000 })))
          for (let i = 0; i < snaps; i++) this.handlers.onSnapshotStatus(this.peer.id, false)
        } catch (err) {
          for (let i = 0; i < snaps; i++) this.handlers.onSnapshotStatus(this.peer.id, true)
          stream.abort(err as Error)
          if (this.stream === stream) this.stream = undefined
          this.fail(err)
        }
      }
    } finally {
      this.running = false
    }
  }

  /**
   * The peer never writes on our stream: a read ends only when the stream or its connection
   * does. Then the stream is dropped and, when kept open, dialed again.
   */
  private watch(stream: FramedStream): void {
    stream
      .readBytes({ timeoutMs: 0 })
      .then(
        () => stream.abort(new Error('unexpected data on an outbound raft stream')),
        () => undefined,
      )
      .finally(() => {
        if (this.stream !== stream || this.stopped) return
        this.stream = undefined
        this.fail(new Error('raft stream closed'))
        if (this.keeping && !this.running) void this.run()
      })
  }

  /** The peer cannot be reached: drop what is queued (Raft will resend) and tell Raft. */
  private fail(err: unknown): void {
    this.logger.debug({ peer: this.peer.id, err: (err as Error).message }, 'raft peer unreachable')
    for (const m of this.queue) if (m.type === 'MsgSnap') this.handlers.onSnapshotStatus(this.peer.id, true)
    this.queue = []
    this.handlers.onUnreachable(this.peer.id)
  }

  stop(): void {
    this.stopped = true
    this.queue = []
    this.stream?.abort(new Error('transport stopped'))
    this.stream = undefined
  }
}
