import { createConnection, createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import type { Rng } from '@consort/types'

/** What a proxy does to the bytes it carries. */
export interface Faults {
  /** Drop every connection and refuse new ones. */
  partitioned: boolean
  /** Added to every chunk, each direction. */
  latencyMs: number
  /**
   * Share of chunks "lost": TCP retransmits them, so each is late by a retransmission timeout
   * (200-400 ms) and holds back what follows it, as on a lossy link.
   */
  loss: number
}

const CALM: Faults = { partitioned: false, latencyMs: 0, loss: 0 }

/**
 * A TCP proxy in front of a node's port, on 127.0.0.1: what the other nodes and the clients
 * dial when a network is generated with `proxied`. It stands in for the network faults this
 * kernel cannot inject (no netem): a partition of the node's inbound side, latency, loss.
 * Order is kept in each direction; randomness comes from the given Rng.
 */
export class FaultProxy {
  private faults: Faults = CALM
  private readonly sockets = new Set<Socket>()

  private constructor(
    private readonly server: Server,
    private readonly rng: Rng,
  ) {}

  /** Listens on 127.0.0.1:`port` and forwards to 127.0.0.1:`target`. */
  static async start(port: number, target: number, rng: Rng): Promise<FaultProxy> {
    let proxy: FaultProxy | undefined
    const server = createServer((client) => proxy?.accept(client, target))
    proxy = new FaultProxy(server, rng)
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve())
    })
    return proxy
  }

  set(faults: Partial<Faults>): void {
    this.faults = { ...this.faults, ...faults }
    if (this.faults.partitioned) for (const s of this.sockets) s.destroy()
  }

  heal(): void {
    this.faults = CALM
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private accept(client: Socket, target: number): void {
    if (this.faults.partitioned) {
      client.destroy()
      return
    }
    const upstream = createConnection({ host: '127.0.0.1', port: target })
    for (const s of [client, upstream]) {
      this.sockets.add(s)
      s.on('close', () => {
        this.sockets.delete(s)
        client.destroy()
        upstream.destroy()
      })
      s.on('error', () => s.destroy())
    }
    this.pipe(client, upstream)
    this.pipe(upstream, client)
  }

  /** Copies `from` to `to`, each chunk released no earlier than the one before it. */
  private pipe(from: Socket, to: Socket): void {
    let releaseAt = 0
    from.on('data', (chunk: Buffer) => {
      const { latencyMs, loss } = this.faults
      if (latencyMs === 0 && loss === 0 && releaseAt <= performance.now()) {
        to.write(chunk)
        return
      }
      const late = this.rng.next() < loss ? 200 + this.rng.next() * 200 : 0
      releaseAt = Math.max(releaseAt, performance.now() + latencyMs + late)
      setTimeout(() => to.destroyed || to.write(chunk), releaseAt - performance.now())
    })
  }
}
