import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import { PROTOCOL_VERSION } from '@consort/protocol'
import type { Registry } from 'prom-client'

/** This build's version (the node package's), reported on /status with the wire protocol version. */
export const SOFTWARE_VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version

export interface Health {
  ok: boolean
  reasons: string[]
}

/**
 * The operations endpoint: GET /healthz (200, or 503 with JSON reasons), GET /metrics
 * (Prometheus text) and GET /status (JSON for tools such as `consort network status`, with the
 * software and protocol versions).
 */
export class OperationsServer {
  private server: Server | undefined

  constructor(
    private readonly opts: { host: string; port: number },
    private readonly m: { registry: Registry; health: () => Health; status: () => Record<string, unknown> },
  ) {}

  async start(): Promise<number> {
    this.server = createServer((req, res) => {
      void this.route(req.url ?? '/').then(({ code, type, body }) => {
        res.writeHead(code, { 'content-type': type })
        res.end(body)
      })
    })
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject)
      this.server?.listen(this.opts.port, this.opts.host, () => resolve())
    })
    const addr = this.server.address()
    return typeof addr === 'object' && addr !== null ? addr.port : this.opts.port
  }

  private async route(url: string): Promise<{ code: number; type: string; body: string }> {
    const path = url.split('?')[0]
    if (path === '/healthz') {
      const h = this.m.health()
      return {
        code: h.ok ? 200 : 503,
        type: 'application/json',
        body: JSON.stringify({ status: h.ok ? 'OK' : 'UNAVAILABLE', reasons: h.reasons }),
      }
    }
    if (path === '/metrics') return { code: 200, type: this.m.registry.contentType, body: await this.m.registry.metrics() }
    if (path === '/status') {
      return { code: 200, type: 'application/json', body: JSON.stringify({ ...this.m.status(), software: SOFTWARE_VERSION, protocol: PROTOCOL_VERSION }) }
    }
    return { code: 404, type: 'application/json', body: JSON.stringify({ error: 'not found', paths: ['/healthz', '/metrics', '/status'] }) }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}
