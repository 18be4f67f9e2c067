import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import type { Network } from '@consort/sdk'
import { ConsortError } from '@consort/types'
import Fastify from 'fastify'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { LoadGenerator } from './load.js'
import { Monitor } from './monitor.js'
import type { NodeSource } from './sources.js'

export interface DashboardOptions {
  /** The nodes: the local network (LocalSource) or a profile's (ProfileSource). */
  source: NodeSource
  /** A client (reads, the load generator) and an admin (leadership transfer) of one org. */
  client: Network
  admin: Network
  host?: string
  port?: number
  /** The token control actions need; a random one when not given. */
  token?: string
  /** Makes sure the load generator's contract (asset-transfer) is deployed. */
  ensureContract: () => Promise<void>
  intervalMs?: number
}

export interface Dashboard {
  url: string
  token: string
  monitor: Monitor
  close(): Promise<void>
}

const PUBLIC = fileURLToPath(new URL('./public/', import.meta.url))
const FILES: Record<string, string> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/app.css': 'app.css',
}
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' }

/** Pushes to each open page at most this often (the page stays smooth at any tx rate). */
const PUSH_MS = 500

/**
 * `consort dashboard`: a live web UI for the local network — topology, charts, timeline,
 * explorer, and controls (stop / start / kill a node, transfer leadership, a load generator).
 * Read-only views need nothing; every control needs the token (header `x-consort-token`).
 */
export async function startDashboard(o: DashboardOptions): Promise<Dashboard> {
  const token = o.token ?? randomBytes(16).toString('hex')
  const monitor = new Monitor(o.source, o.client, o.intervalMs)
  const load = new LoadGenerator(o.client, monitor)
  const app: FastifyInstance = Fastify({ logger: false })
  const streams = new Set<ServerResponse>()

  for (const [path, file] of Object.entries(FILES)) {
    app.get(path, async (_req, reply) => {
      const body = await readFile(PUBLIC + file)
      return reply
        .header('cache-control', 'no-store')
        .type(TYPES[file.split('.').pop() as string] as string)
        .send(body)
    })
  }
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send())
  app.get('/api/state', async () => monitor.state())
  app.get('/api/events', (req, reply) => {
    reply.hijack()
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
    const push = () => reply.raw.write(`data: ${JSON.stringify(monitor.state())}\n\n`)
    push()
    const timer = setInterval(push, PUSH_MS)
    streams.add(reply.raw)
    req.raw.on('close', () => {
      clearInterval(timer)
      streams.delete(reply.raw)
    })
  })
  app.get<{ Params: { n: string } }>('/api/blocks/:n', async (req, reply) => {
    const b = monitor.block(Number(req.params.n))
    return b ?? reply.code(404).send({ error: `block ${req.params.n} is not among the recent blocks` })
  })
  app.get<{ Params: { id: string } }>('/api/tx/:id', async (req, reply) => {
    const t = monitor.tx(req.params.id)
    return t ?? reply.code(404).send({ error: `no transaction ${req.params.id} among the blocks seen` })
  })
  app.get<{ Params: { key: string } }>('/api/keys/:key', async (req) => ({ key: req.params.key, history: monitor.keyHistory(req.params.key) }))

  // Controls: the token, then the action.
  const authorized = (req: FastifyRequest, reply: FastifyReply): boolean => {
    const given = Buffer.from(String(req.headers['x-consort-token'] ?? ''))
    const want = Buffer.from(token)
    if (given.length === want.length && timingSafeEqual(given, want)) return true
    void reply.code(401).send({ error: 'control actions need the token printed when the dashboard started (x-consort-token)' })
    return false
  }
  const failed = (reply: FastifyReply, err: unknown) => {
    const e = err as Error & { code?: string }
    return reply.code(err instanceof ConsortError ? 409 : 500).send({ error: e.message, code: e.code ?? '' })
  }
  app.post<{ Params: { name: string; action: string } }>('/api/nodes/:name/:action', async (req, reply) => {
    if (!authorized(req, reply)) return reply
    const { name, action } = req.params
    if (!['stop', 'start', 'kill'].includes(action)) return reply.code(400).send({ error: `no action ${action}: stop, start or kill` })
    if (o.source.control === undefined) return reply.code(400).send({ error: 'the nodes run on their orgs’ machines: stop and start them there' })
    try {
      await o.source.control(name, action as 'stop' | 'start' | 'kill')
      monitor.note('control', `${action} ${name} (from the dashboard)`)
      return { ok: true }
    } catch (err) {
      return failed(reply, err)
    }
  })
  app.post<{ Body: { to?: string } }>('/api/transfer', async (req, reply) => {
    if (!authorized(req, reply)) return reply
    try {
      const r = await o.admin.transferLeader(req.body?.to || undefined)
      monitor.note('control', `leadership transferred from ${r.from} to ${r.to} in ${r.ms} ms (from the dashboard)`)
      return r
    } catch (err) {
      return failed(reply, err)
    }
  })
  app.post<{ Body: { rate?: number } }>('/api/load', async (req, reply) => {
    if (!authorized(req, reply)) return reply
    const rate = Number(req.body?.rate ?? 0)
    if (!Number.isFinite(rate) || rate < 0 || rate > 5000) return reply.code(400).send({ error: 'rate must be 0 to 5000 tx/s' })
    try {
      if (rate === 0) {
        load.stop()
        monitor.note('load', 'load generator stopped')
      } else {
        await o.ensureContract()
        load.start(rate)
        monitor.note('load', `load generator at ${rate} tx/s`)
      }
      return monitor.load
    } catch (err) {
      return failed(reply, err)
    }
  })

  monitor.start()
  const host = o.host ?? '127.0.0.1'
  await app.listen({ host, port: o.port ?? 8080 })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : (o.port ?? 8080)
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    token,
    monitor,
    close: async () => {
      load.stop()
      for (const s of streams) s.end()
      await monitor.stop()
      await app.close()
    },
  }
}
