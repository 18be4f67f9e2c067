// `pnpm demo`: the point of the product in one minute. A 3-organization ordering service
// takes a stream of transactions; its Raft leader is SIGKILLed mid-stream; a new leader takes
// over and the client never sees an error; the killed node comes back and catches up.
import { readFile } from 'node:fs/promises'
import { generateKeyPair, readPrivateKeyFile } from '@consort/crypto'
import { findNode, nodeStatus, startNode, stopNode, waitUntil } from '@consort/devnet'
import type { Manifest, NodeEntry } from '@consort/devnet'
import { certificateFromPem, signingIdentity } from '@consort/identity'
import { OrdererClient } from '@consort/orderer'
import { P2PNode } from '@consort/p2p'
import { createSignedEnvelope } from '@consort/protocol'
import { HeaderType, silentLogger, Status } from '@consort/types'
import { networkUp } from './network.js'
import { table } from './output.js'

const CONCURRENCY = 32
const SUBMIT_DEADLINE_MS = 30_000

interface Stats {
  committed: number
  errors: number
  retries: number
  latencies: number[]
}

export async function runDemo(opts: { dir: string; basePort: number }): Promise<number> {
  const say = (s: string) => console.log(s)
  say('Consort demo: 3 organizations, one orderer each, Raft over libp2p\n')
  const { manifest, reused } = await networkUp({ dir: opts.dir, orgs: 3, orderers: 3, peersPerOrg: 0, basePort: opts.basePort }, (l) => say(`  ${l}`))
  const orderers = manifest.nodes.filter((n) => n.kind === 'orderer')
  // A previous demo may have left a node stopped: bring every orderer up.
  for (const o of orderers) await startNode(o)
  say(`  network ${reused ? 'reused' : 'up'}: ${orderers.map((o) => o.name).join(', ')}\n`)

  const org = manifest.orgs[0] as Manifest['orgs'][number]
  const signer = signingIdentity(certificateFromPem(await readFile(org.client.certificate, 'utf8')), await readPrivateKeyFile(org.client.privateKey))
  const p2p = await P2PNode.create({ privateKey: generateKeyPair().privateKey, listen: [] }, { logger: silentLogger })
  const client = new OrdererClient(p2p, orderers.map((o) => o.address), { signer, channelId: manifest.channelId, logger: silentLogger })

  const stats: Stats = { committed: 0, errors: 0, retries: 0, latencies: [] }
  let running = true
  let seq = 0
  let killedAt = 0
  let firstCommitAfterKill = 0

  // Like the SDK will: resubmit the same envelope (same tx id) until it is ordered or the deadline passes.
  const submitOne = async (): Promise<void> => {
    const submittedAt = Date.now()
    const { envelope, txId } = createSignedEnvelope(signer, {
      type: HeaderType.TRANSACTION,
      channelId: manifest.channelId,
      timestamp: submittedAt,
      data: new TextEncoder().encode(`demo-${process.pid}-${seq++}`),
    })
    for (;;) {
      const r = await client.broadcast(envelope, txId, 10_000).catch(() => undefined)
      if (r !== undefined && (r.status === Status.SUCCESS || r.code === 'DUPLICATE_TXID')) {
        stats.committed++
        stats.latencies.push(Date.now() - submittedAt)
        if (killedAt > 0 && firstCommitAfterKill === 0 && submittedAt >= killedAt) firstCommitAfterKill = Date.now()
        return
      }
      const retryable = r === undefined || r.status === Status.SERVICE_UNAVAILABLE
      if (!retryable || Date.now() - submittedAt > SUBMIT_DEADLINE_MS) {
        stats.errors++
        return
      }
      stats.retries++
      await new Promise((res) => setTimeout(res, 50))
    }
  }
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    while (running) await submitOne()
  })

  const leaderOf = async (): Promise<{ node: NodeEntry; term: number } | undefined> => {
    for (const o of orderers) {
      const s = await nodeStatus(o)
      if (s?.role === 'Leader') return { node: o, term: Number(s.term) }
    }
    return undefined
  }
  let leaderLabel = ''
  const started = Date.now()
  const tty = process.stdout.isTTY === true
  let lastPrint = 0
  const progress = setInterval(() => {
    void leaderOf().then((l) => {
      if (l !== undefined) leaderLabel = `${l.node.name} (term ${l.term})`
    })
    const secs = (Date.now() - started) / 1000
    const line = `  committed ${String(stats.committed).padStart(6)} tx | ${String(Math.round(stats.committed / secs)).padStart(5)} tx/s | leader ${leaderLabel || '…'} | client errors ${stats.errors}`
    if (tty) process.stdout.write(`\r${line}   `)
    else if (Date.now() - lastPrint > 2000) {
      console.log(line)
      lastPrint = Date.now()
    }
  }, 250)

  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
  await pause(4000)
  const before = await leaderOf()
  if (before === undefined) throw new Error('no leader to kill')
  killedAt = Date.now()
  await stopNode(before.node, 'SIGKILL')
  if (tty) process.stdout.write('\n')
  say(`  SIGKILL → ${before.node.name}, the Raft leader`)
  let after: { node: NodeEntry; term: number } | undefined
  await waitUntil(async () => {
    after = await leaderOf()
    return after !== undefined && after.node.name !== before.node.name
  }, 15_000, 20)
  const electedMs = Date.now() - killedAt
  say(`  new leader: ${after?.node.name ?? 'none'} (term ${after?.term ?? '?'}), ${electedMs} ms after the kill`)
  await waitUntil(async () => firstCommitAfterKill > 0, 15_000, 20)
  say(`  first commit of a transaction submitted after the kill: ${firstCommitAfterKill - killedAt} ms after the kill`)
  await pause(3000)

  say(`  restarting ${before.node.name}`)
  await startNode(findNode(manifest, before.node.name))
  await pause(2000)
  running = false
  await Promise.all(workers)
  clearInterval(progress)
  if (tty) process.stdout.write('\n')

  // Everyone at the same height with the same chain hash.
  let views: { name: string; role: string; height: number; tipHash: string }[] = []
  await waitUntil(async () => {
    views = await Promise.all(
      orderers.map(async (o) => {
        const s = await nodeStatus(o)
        return { name: o.name, role: String(s?.role ?? 'down'), height: Number(s?.height ?? 0), tipHash: String(s?.tipHash ?? '') }
      }),
    )
    return new Set(views.map((v) => `${v.height}:${v.tipHash}`)).size === 1
  }, 20_000)
  say('\n' + table(views.map((v) => ({ node: v.name, role: v.role, height: v.height, 'chain tip hash': v.tipHash.slice(0, 16) }))))
  const same = new Set(views.map((v) => `${v.height}:${v.tipHash}`)).size === 1
  const sorted = [...stats.latencies].sort((a, b) => a - b)
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
  say(
    '\n' +
      table([
        { measure: 'transactions committed', value: stats.committed },
        { measure: 'client errors', value: stats.errors },
        { measure: 'resubmissions (same tx id)', value: stats.retries },
        { measure: 'new leader elected after kill', value: `${electedMs} ms` },
        { measure: 'kill → first commit of a new tx', value: `${firstCommitAfterKill - killedAt} ms` },
        { measure: 'latency p50 / p99', value: `${pct(0.5)} ms / ${pct(0.99)} ms` },
        { measure: 'restarted node caught up', value: same ? 'yes: same height, same chain hash' : 'NO' },
      ]),
  )
  say(`\nThe network is still running (${opts.dir}). Try:\n  pnpm consort network status\n  pnpm consort network down`)
  client.close()
  await p2p.stop()
  return stats.errors === 0 && same ? 0 : 1
}
