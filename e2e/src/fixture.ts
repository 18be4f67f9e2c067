// A real network of node processes for one test file: generated into a temp folder on
// ports nobody else holds, always torn down (every process we started, by its pid).
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach } from 'vitest'
import { readPrivateKeyFile } from '@consort/crypto'
import { certificateFromPem, signingIdentity } from '@consort/identity'
import type { SigningIdentity } from '@consort/identity'
import { findLeader, findNode, generateNetwork, nodeStatus, operationsGet, startNode, stopNode, waitUntil } from '@consort/devnet'
import type { Manifest, NetworkSpec, NodeEntry } from '@consort/devnet'
import { OrdererClient } from '@consort/client'
import { P2PNode } from '@consort/p2p'
import { createAdmission, createSignedEnvelope } from '@consort/protocol'
import { connect, deploy } from '@consort/sdk'
import type { Network } from '@consort/sdk'
import { HeaderType, silentLogger } from '@consort/types'
import { generateKeyPair } from '@consort/crypto'

const runFile = promisify(execFile)

// When a test fails, the end of each node's log goes to the report: a failure on a CI machine
// then says what the nodes were doing (leader changes, refusals, catch-up) and not only which
// wait ran out. Each file registers where its nodes log (startNetwork does it for its network).
const logSources = new Set<() => string[]>()
const LOG_TAIL_LINES = 25
const LOG_LINE_CHARS = 400

/** Adds these node logs to the report of every test of this file that fails. */
export function logsOnFailure(logs: () => string[]): void {
  logSources.add(logs)
}

afterEach((ctx) => {
  if (ctx.task.result?.state !== 'fail') return
  for (const log of [...logSources].flatMap((f) => f())) {
    let text: string
    try {
      text = readFileSync(log, 'utf8')
    } catch {
      continue
    }
    const tail = text.trimEnd().split('\n').slice(-LOG_TAIL_LINES)
    console.error(`--- the last ${tail.length} lines of ${log}\n${tail.map((l) => l.slice(0, LOG_LINE_CHARS)).join('\n')}`)
  }
})

/** The asset-transfer contract's folder. */
export const ASSET_TRANSFER = fileURLToPath(new URL('../../contracts/asset-transfer', import.meta.url))

/** Polls `check` every 200 ms until it holds or `ms` pass; whether it held. */
export async function until(check: () => Promise<boolean>, ms = 30_000): Promise<boolean> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 200))
  }
  return false
}

/** A block of `count` free consecutive ports, probed by binding them. */
export async function freePortBlock(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 40_000)
    const ok = await Promise.all(
      Array.from(
        { length: count },
        (_, i) =>
          new Promise<boolean>((resolve) => {
            const s = createServer()
            s.once('error', () => resolve(false))
            s.listen(base + i, '127.0.0.1', () => s.close(() => resolve(true)))
          }),
      ),
    )
    if (ok.every(Boolean)) return base
  }
  throw new Error('no free port block found')
}

export interface Net {
  manifest: Manifest
  orderers: NodeEntry[]
  peers: NodeEntry[]
  /** An org's admin or client identity, as the SDK takes it. */
  identity(org: number, who: 'admin' | 'client'): Promise<{ certificate: Uint8Array; privateKey: Uint8Array }>
  start(name: string): Promise<void>
  stop(name: string): Promise<void>
  kill(name: string): Promise<void>
  status(name: string): Promise<Record<string, unknown> | undefined>
  /** The current leader's node, waiting (bounded) until one is known. */
  leader(timeoutMs?: number): Promise<NodeEntry>
  client(): Promise<Client>
  teardown(): Promise<void>
}

export interface Client {
  orderer: OrdererClient
  signer: SigningIdentity
  envelope(data?: string): { envelope: Uint8Array; txId: string }
  close(): Promise<void>
}

// Node processes this test process started and has not stopped: killed when it exits, even
// if a test's teardown never ran (a crash, a timeout), so no node outlives its test run.
// A pid leaves the set when we stop the node, so a reused pid is never signalled.
const started = new Map<string, number>()
process.on('exit', () => {
  for (const [config, pid] of started) {
    try {
      // Only if that pid is still our node (its command line names its config file).
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(config)) continue
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
})

export async function startNetwork(spec: Partial<NetworkSpec> & { orderers: number }): Promise<Net> {
  const dir = await mkdtemp(join(tmpdir(), 'consort-e2e-'))
  const nodesCount = (spec.orderers + (spec.orgs ?? 3) * (spec.peersPerOrg ?? 0)) * (spec.sites?.length ?? 1)
  const manifest = await generateNetwork({
    dir,
    orgs: spec.orgs ?? 3,
    peersPerOrg: spec.peersPerOrg ?? 0,
    basePort: await freePortBlock(nodesCount * 2),
    ...spec,
  })
  const orderers = manifest.nodes.filter((n) => n.kind === 'orderer')
  logsOnFailure(() => net.orderers.concat(net.peers).map((n) => n.log))
  const clients: Client[] = []
  const net: Net = {
    manifest,
    orderers,
    peers: manifest.nodes.filter((n) => n.kind === 'peer'),
    async identity(org, who) {
      const files = manifest.orgs[org]![who]
      return { certificate: certificateFromPem(await readFile(files.certificate, 'utf8')), privateKey: await readPrivateKeyFile(files.privateKey) }
    },
    async start(name) {
      started.set(findNode(manifest, name).config, await startNode(findNode(manifest, name)))
      await waitUntil(async () => (await operationsGet(findNode(manifest, name), '/status')) !== undefined, 20_000)
    },
    async stop(name) {
      await stopNode(findNode(manifest, name), 'SIGTERM')
      started.delete(findNode(manifest, name).config)
    },
    async kill(name) {
      await stopNode(findNode(manifest, name), 'SIGKILL')
      started.delete(findNode(manifest, name).config)
    },
    status: (name) => nodeStatus(findNode(manifest, name)),
    async leader(timeoutMs = 20_000) {
      let found: NodeEntry | undefined
      await waitUntil(async () => {
        found = (await findLeader(orderers))?.node
        return found !== undefined
      }, timeoutMs)
      if (found === undefined) throw new Error('no leader elected')
      return found
    },
    async client() {
      const org = manifest.orgs[0]!
      const signer = signingIdentity(certificateFromPem(await readFile(org.client.certificate, 'utf8')), await readPrivateKeyFile(org.client.privateKey))
      const p2p = await memberNode(signer)
      const orderer = new OrdererClient(
        p2p,
        orderers.map((o) => o.address),
        { signer, channelId: manifest.channelId, logger: silentLogger },
      )
      let n = 0
      const c: Client = {
        orderer,
        signer,
        envelope(data) {
          return createSignedEnvelope(signer, {
            type: HeaderType.TRANSACTION,
            channelId: manifest.channelId,
            timestamp: Date.now(),
            data: new TextEncoder().encode(data ?? `tx-${n++}`),
          })
        },
        async close() {
          await p2p.stop()
        },
      }
      clients.push(c)
      return c
    },
    async teardown() {
      for (const c of clients) await c.close().catch(() => undefined)
      await Promise.all(manifest.nodes.map((n) => stopNode(n, 'SIGKILL').catch(() => undefined)))
      for (const n of manifest.nodes) started.delete(n.config)
      if (process.env.KEEP_E2E === undefined) await rm(dir, { recursive: true, force: true })
    },
  }
  await Promise.all(orderers.map((o) => net.start(o.name)))
  await Promise.all(manifest.nodes.filter((n) => n.kind === 'peer').map((p) => net.start(p.name)))
  return net
}

/** A client-only libp2p node that presents `signer`'s certificate to the orderers and peers it dials. */
export function memberNode(signer: SigningIdentity): Promise<P2PNode> {
  return P2PNode.create(
    { privateKey: generateKeyPair().privateKey, listen: [], credential: (server, client) => createAdmission(signer, server, client) },
    { logger: silentLogger },
  )
}

export { stopProcesses } from '@consort/devnet'

/**
 * A steady stream of `CreateAsset` submits from `workers` concurrent workers until `stop()`:
 * how many committed, and the messages of those that failed.
 */
export function submitStream(client: Network, prefix: string, workers = 8): { committed: () => number; errors: string[]; stop: () => Promise<void> } {
  let running = true
  let committed = 0
  const errors: string[] = []
  const done = Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; running; i++) {
      await client
        .contract('asset-transfer')
        .submit('CreateAsset', `${prefix}-${w}-${i}`, 'red', '1', 'x', '1')
        .then(
          () => committed++,
          (err: Error) => errors.push(err.message),
        )
    }
  })
  return {
    committed: () => committed,
    errors,
    stop: async () => {
      running = false
      await Promise.all(done)
    },
  }
}

/**
 * `consort --dir DIR --json …` as a process: its exit code and the JSON document it printed (an
 * `{ error }` one on failure).
 */
export function consortJson(dir: () => string): (...args: string[]) => Promise<{ code: number; json: Record<string, unknown> }> {
  const cli = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url))
  return async (...args) => {
    try {
      const r = await runFile(process.execPath, ['--no-node-snapshot', cli, '--dir', dir(), '--json', ...args], { timeout: 90_000 })
      return { code: 0, json: JSON.parse(r.stdout) as Record<string, unknown> }
    } catch (err) {
      const e = err as { code: number; stdout: string }
      return { code: e.code, json: JSON.parse(e.stdout || '{}') as Record<string, unknown> }
    }
  }
}

/** The asset-transfer contract, deployed by every org's admin once a leader is known; Org1's client connected with the network's profile. */
export async function withAssetTransfer(net: Net, opts: { submitTimeoutMs?: number } = {}): Promise<Network> {
  await net.leader()
  const admins = await Promise.all(net.manifest.orgs.map((_, i) => net.identity(i, 'admin')))
  await deploy({ profile: net.manifest.connectionProfile, contract: ASSET_TRANSFER, name: 'asset-transfer', admins })
  return connect({ profile: net.manifest.connectionProfile, identity: await net.identity(0, 'client'), ...opts })
}
