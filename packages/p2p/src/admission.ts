import type { Connection } from '@libp2p/interface'
import type { Logger } from '@consort/types'

export interface AdmissionOptions {
  /** Why a presented credential is refused (undefined: admitted). */
  admit: (credential: Uint8Array, client: string, server: string) => string | undefined
  /** How long a new inbound connection has to present an admissible credential. Default 5 s. */
  timeoutMs?: number
  /** Connections one remote peer may hold at once. Default 8. */
  maxConnectionsPerPeer?: number
  /**
   * Inbound connections not admitted yet, at most; past it the oldest is closed (a member
   * admits within milliseconds, so it is the unanswered ones that go). Default 64.
   */
  maxPending?: number
}

/**
 * At most one log line per key (a reason and a remote) per interval, with the number of
 * lines held back: a peer refused a thousand times a second must not flood the log.
 */
export class LogLimiter {
  private readonly last = new Map<string, { at: number; held: number }>()

  constructor(private readonly intervalMs = 10_000) {}

  /** Whether to log now for `key`; the count of lines held back since the last one. */
  allow(key: string, now = performance.now()): { log: boolean; held: number } {
    const seen = this.last.get(key)
    if (seen !== undefined && now - seen.at < this.intervalMs) {
      seen.held++
      return { log: false, held: 0 }
    }
    this.last.set(key, { at: now, held: 0 })
    if (this.last.size > 10_000) this.last.delete(this.last.keys().next().value as string)
    return { log: true, held: seen?.held ?? 0 }
  }
}

/**
 * The server side of admission: every inbound connection must present, within a deadline,
 * a credential `admit` accepts, or it is closed; a remote peer holds at most a few
 * connections at once. Streams from a peer not admitted are refused (see P2PNode.handle).
 */
export class AdmissionGate {
  private readonly admitted = new Set<string>()
  private readonly connections = new Map<string, Set<Connection>>()
  /** Inbound connections waiting for admission, oldest first, with their deadline. */
  private readonly deadlines = new Map<Connection, ReturnType<typeof setTimeout>>()
  readonly limiter = new LogLimiter()

  constructor(
    readonly opts: AdmissionOptions,
    private readonly logger: Logger,
  ) {}

  isAdmitted(peer: string): boolean {
    return this.admitted.has(peer)
  }

  admit(peer: string): void {
    this.admitted.add(peer)
    for (const conn of this.connections.get(peer) ?? []) this.clearDeadline(conn)
  }

  opened(conn: Connection): void {
    const peer = conn.remotePeer.toString()
    const mine = this.connections.get(peer) ?? new Set<Connection>()
    mine.add(conn)
    this.connections.set(peer, mine)
    if (mine.size > (this.opts.maxConnectionsPerPeer ?? 8)) {
      this.refuse(conn, 'too many connections from one peer')
      return
    }
    if (conn.direction !== 'inbound' || this.admitted.has(peer)) return
    const timer = setTimeout(() => {
      this.deadlines.delete(conn)
      if (!this.admitted.has(peer)) this.refuse(conn, 'no admissible credential in time')
    }, this.opts.timeoutMs ?? 5000)
    this.deadlines.set(conn, timer)
    if (this.deadlines.size > (this.opts.maxPending ?? 64)) {
      const oldest = this.deadlines.keys().next().value as Connection
      this.clearDeadline(oldest)
      this.refuse(oldest, 'too many connections waiting for admission')
    }
  }

  closed(conn: Connection): void {
    const peer = conn.remotePeer.toString()
    this.clearDeadline(conn)
    const mine = this.connections.get(peer)
    mine?.delete(conn)
    if (mine === undefined || mine.size === 0) {
      this.connections.delete(peer)
      this.admitted.delete(peer)
    }
  }

  /** Logs a refusal (rate-limited per reason and peer) and closes the connection. */
  refuse(conn: Connection, reason: string): void {
    this.log(conn.remotePeer.toString(), reason)
    void conn.close().catch(() => conn.abort(new Error(reason)))
  }

  log(peer: string, reason: string): void {
    const { log, held } = this.limiter.allow(`${reason} ${peer}`)
    if (log) this.logger.warn({ peer, reason, held }, 'connection refused')
  }

  stop(): void {
    for (const t of this.deadlines.values()) clearTimeout(t)
    this.deadlines.clear()
  }

  private clearDeadline(conn: Connection): void {
    const t = this.deadlines.get(conn)
    if (t !== undefined) clearTimeout(t)
    this.deadlines.delete(conn)
  }
}
