import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { generateKeyPairFromSeed, publicKeyFromRaw } from '@libp2p/crypto/keys'
import type { Libp2p, PeerId } from '@libp2p/interface'
import { peerIdFromPublicKey } from '@libp2p/peer-id'
import { tcp } from '@libp2p/tcp'
import { multiaddr } from '@multiformats/multiaddr'
import { AdmissionResponse, decode, RefusalCode, Status } from '@consort/types'
import type { Logger, MessageCodec } from '@consort/types'
import { createLibp2p } from 'libp2p'
import { AdmissionGate } from './admission.js'
import type { AdmissionOptions } from './admission.js'
import { ADMISSION_PROTOCOL, DEFAULT_IO_TIMEOUT_MS, DEFAULT_MAX_FRAME_BYTES } from './constants.js'
import { deadline } from './deadline.js'
import { P2PError, P2PErrorCode } from './errors.js'
import { FramedStream } from './framedStream.js'
import { RequestChannel, serveRequests } from './rpc.js'
import type { RequestHandler } from './rpc.js'

export interface P2PNodeOptions {
  /** The node's 32-byte ed25519 private key: the same key its certificate names. */
  privateKey: Uint8Array
  /** Multiaddrs to listen on, e.g. /ip4/127.0.0.1/tcp/7050; none for a client-only node. */
  listen: string[]
  /** Admission: peers for which this is false are refused at connection time. */
  isAllowed?: (peerId: string) => boolean
  /**
   * What this node presents on the first stream of each connection it opens (see
   * `admission`): given the remote's and its own peer id, the credential bytes.
   */
  credential?: (server: string, client: string) => Promise<Uint8Array>
  /** Require every inbound connection to present an admissible credential in time. */
  admission?: AdmissionOptions
}

export interface HandlerOptions {
  maxInboundStreams?: number
  maxOutboundStreams?: number
  maxFrameBytes?: number
  timeoutMs?: number
}

export type FramedHandler = (stream: FramedStream) => Promise<void>

/** The libp2p id of an ed25519 public key: how a certificate maps to a peer. */
export function peerIdOf(publicKey: Uint8Array): string {
  return peerIdFromPublicKey(publicKeyFromRaw(publicKey)).toString()
}

/**
 * A libp2p node over TCP with noise and yamux. Its libp2p key is the node's certificate key,
 * so the noise handshake proves which certificate holder is on the other end.
 */
export class P2PNode {
  /** Request streams to other nodes, one per address and protocol, shared by all callers. */
  private readonly channels = new Map<string, Promise<RequestChannel>>()
  /** Remote peers this node presented its credential to, on the connections now open. */
  private readonly admissions = new Map<string, Promise<void>>()

  private constructor(
    private readonly libp2p: Libp2p,
    private readonly logger: Logger,
    private readonly credential: P2PNodeOptions['credential'],
    private readonly gate: AdmissionGate | undefined,
  ) {
    libp2p.addEventListener('connection:open', (e) => this.gate?.opened(e.detail))
    libp2p.addEventListener('connection:close', (e) => {
      const peer = e.detail.remotePeer.toString()
      this.gate?.closed(e.detail)
      if (libp2p.getConnections(e.detail.remotePeer).length === 0) this.admissions.delete(peer)
    })
  }

  static async create(opts: P2PNodeOptions, modules: { logger: Logger }): Promise<P2PNode> {
    const privateKey = await generateKeyPairFromSeed('Ed25519', opts.privateKey)
    const allowed = opts.isAllowed ?? (() => true)
    const deny = (peer: PeerId) => !allowed(peer.toString())
    const libp2p = await createLibp2p({
      privateKey,
      addresses: { listen: opts.listen },
      transports: [tcp()],
      connectionEncrypters: [noise()],
      streamMuxers: [yamux()],
      connectionGater: {
        denyInboundEncryptedConnection: deny,
        denyOutboundEncryptedConnection: deny,
        // Our peers are named by address in the channel config; allow dialing them.
        denyDialMultiaddr: () => false,
      },
      // Every node of a local network, and every client, dials from 127.0.0.1: libp2p's
      // per-host inbound rate limit (5 a second) would reset their connections.
      connectionManager: { maxConnections: 1024, inboundConnectionThreshold: 10_000, maxIncomingPendingConnections: 256 },
    })
    const gate = opts.admission === undefined ? undefined : new AdmissionGate(opts.admission, modules.logger)
    const node = new P2PNode(libp2p, modules.logger, opts.credential, gate)
    if (gate !== undefined) await node.handleAdmission(gate)
    return node
  }

  /** Serves the admission protocol: one credential in, one verdict out. */
  private async handleAdmission(gate: AdmissionGate): Promise<void> {
    await this.libp2p.handle(
      ADMISSION_PROTOCOL,
      async (stream, connection) => {
        const framed = new FramedStream(stream, connection.remotePeer.toString(), { maxFrameBytes: 64 * 1024, timeoutMs: gate.opts.timeoutMs ?? 5000 })
        const client = framed.remotePeer
        try {
          const refused = gate.opts.admit(await framed.readBytes(), client, this.peerId)
          if (refused === undefined) gate.admit(client)
          await framed.write(
            AdmissionResponse.encode(
              refused === undefined
                ? { status: Status.SUCCESS, code: RefusalCode.NONE, info: '' }
                : { status: Status.FORBIDDEN, code: RefusalCode.NOT_AUTHORIZED, info: refused },
            ),
          )
          await framed.close()
          if (refused !== undefined) gate.refuse(connection, refused)
        } catch (err) {
          framed.abort(err as Error)
          gate.refuse(connection, `admission failed: ${(err as Error).message}`)
        }
      },
      { maxInboundStreams: 4, maxOutboundStreams: 4 },
    )
  }

  /** Presents this node's credential to `remote` once per connection, before any other stream. */
  private admittedBy(remote: string, ma: ReturnType<typeof multiaddr>, signal: AbortSignal | undefined): Promise<void> {
    const credential = this.credential
    if (credential === undefined) return Promise.resolve()
    let pending = this.admissions.get(remote)
    if (pending === undefined) {
      pending = (async () => {
        let raw
        try {
          raw = await this.libp2p.dialProtocol(ma, ADMISSION_PROTOCOL, { signal })
        } catch (err) {
          // A node that does not speak admission does not ask for it.
          if ((err as Error).name === 'UnsupportedProtocolError') return
          throw err
        }
        const stream = new FramedStream(raw, remote, { maxFrameBytes: 64 * 1024 })
        try {
          await stream.write(await credential(remote, this.peerId))
          const r = await stream.read(AdmissionResponse, 'AdmissionResponse')
          if (r.status !== Status.SUCCESS) {
            throw new P2PError(P2PErrorCode.ADMISSION_REFUSED, `${remote} refused this node's credential: ${r.info}`, { peer: remote, info: r.info })
          }
        } finally {
          stream.abort(new Error('done'))
        }
      })()
      this.admissions.set(remote, pending)
      pending.catch(() => this.admissions.delete(remote))
    }
    return pending
  }

  get peerId(): string {
    return this.libp2p.peerId.toString()
  }

  get addresses(): string[] {
    return this.libp2p.getMultiaddrs().map((a) => a.toString())
  }

  /** Registers a protocol handler; each inbound stream is wrapped as a FramedStream. */
  async handle(protocol: string, handler: FramedHandler, opts: HandlerOptions = {}): Promise<void> {
    await this.libp2p.handle(
      protocol,
      async (stream, connection) => {
        const framed = new FramedStream(stream, connection.remotePeer.toString(), opts)
        if (this.gate !== undefined && !this.gate.isAdmitted(framed.remotePeer)) {
          this.gate.log(framed.remotePeer, `stream for ${protocol} before admission`)
          framed.abort(new Error('not admitted'))
          return
        }
        try {
          await handler(framed)
          // A handler that returns is done with its stream.
          await framed.close()
        } catch (err) {
          this.logger.debug({ protocol, peer: framed.remotePeer, err: (err as Error).message }, 'stream handler failed')
          framed.abort(err as Error)
        }
      },
      {
        maxInboundStreams: opts.maxInboundStreams ?? 64,
        maxOutboundStreams: opts.maxOutboundStreams ?? 64,
      },
    )
  }

  /**
   * Serves a request/answer protocol: each inbound stream carries many requests, answered
   * concurrently (at most `maxInFlight` per stream) in whatever order they finish.
   */
  async serve(protocol: string, handler: RequestHandler, opts: HandlerOptions & { maxInFlight?: number; firstFrameTimeoutMs?: number } = {}): Promise<void> {
    const firstFrameTimeoutMs = opts.firstFrameTimeoutMs ?? DEFAULT_IO_TIMEOUT_MS
    await this.handle(protocol, (stream) => serveRequests(stream, handler, opts.maxInFlight ?? 1024, firstFrameTimeoutMs), { maxInboundStreams: 16, ...opts })
  }

  async unhandle(protocol: string): Promise<void> {
    await this.libp2p.unhandle(protocol)
  }

  /** Opens a stream to `address` (a multiaddr ending in /p2p/<peer id>). */
  async dial(address: string, protocol: string, opts: HandlerOptions & { signal?: AbortSignal } = {}): Promise<FramedStream> {
    let ma
    try {
      ma = multiaddr(address)
    } catch (err) {
      throw new P2PError(P2PErrorCode.BAD_ADDRESS, `not a multiaddr: ${address}`, { address }, { cause: err })
    }
    const { signal, done } = deadline(opts.timeoutMs ?? DEFAULT_IO_TIMEOUT_MS, opts.signal)
    const remote = ma.getComponents().find((c) => c.name === 'p2p')?.value ?? ''
    try {
      await this.admittedBy(remote, ma, signal)
      const stream = await this.libp2p.dialProtocol(ma, protocol, { signal })
      return new FramedStream(stream, remote, opts)
    } catch (err) {
      if (err instanceof P2PError && err.code === P2PErrorCode.ADMISSION_REFUSED) throw err
      throw new P2PError(
        P2PErrorCode.DIAL_FAILED,
        `cannot open ${protocol} to ${address}: ${(err as Error).message}`,
        { address, protocol },
        {
          cause: err,
        },
      )
    } finally {
      done()
    }
  }

  /**
   * One request to a protocol served with `serve`, on the stream this node keeps open to
   * `address` for that protocol (opened on first use, again after it breaks). The answer is
   * decoded as `codec` (a DecodeError if it is not one).
   */
  async request<T>(address: string, protocol: string, request: Uint8Array, codec: MessageCodec<T>, what: string, timeoutMs: number): Promise<T> {
    const channel = await this.channel(address, protocol)
    return decode(codec, await channel.request(request, timeoutMs), what)
  }

  private channel(address: string, protocol: string): Promise<RequestChannel> {
    const key = `${protocol} ${address}`
    const existing = this.channels.get(key)
    if (existing !== undefined) return existing
    const opening = this.dial(address, protocol, { timeoutMs: 3000, maxFrameBytes: DEFAULT_MAX_FRAME_BYTES }).then(
      (stream) => new RequestChannel(stream, () => this.channels.delete(key)),
    )
    opening.catch(() => this.channels.delete(key))
    this.channels.set(key, opening)
    return opening
  }

  /** Whether this node has an open connection to `peerId`. */
  connectedTo(peerId: string): boolean {
    return this.libp2p.getConnections().some((c) => c.remotePeer.toString() === peerId && c.status === 'open')
  }

  /** Closes every connection to a peer (e.g. one that broke protocol). */
  async hangUp(peerId: string): Promise<void> {
    for (const conn of this.libp2p.getConnections()) {
      if (conn.remotePeer.toString() === peerId) await conn.close().catch(() => undefined)
    }
  }

  async stop(): Promise<void> {
    this.gate?.stop()
    for (const c of this.channels.values())
      void c.then(
        (ch) => ch.close(new Error('node stopped')),
        () => undefined,
      )
    this.channels.clear()
    // libp2p closes connections gracefully; one whose socket died without a word could hold
    // that forever (with nothing left to keep the process alive): bounded.
    let timer: ReturnType<typeof setTimeout> | undefined
    await Promise.race([this.libp2p.stop(), new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)))])
    clearTimeout(timer)
  }
}
