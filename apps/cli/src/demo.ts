// `pnpm demo`: the point of the product in one minute. Three organizations, one orderer and
// one peer each; asset-transfer is deployed; a client submits a stream of transactions; the
// Raft leader is SIGKILLed mid-stream; a new leader takes over and the client never sees an
// error; the killed node comes back and catches up to the same chain.
import { fileURLToPath } from 'node:url'
import { findLeader, findNode, nodeStatus, startNode, stopNode, waitUntil } from '@consort/devnet'
import type { NodeEntry } from '@consort/devnet'
import { connectLocal, deployContract } from './client.js'
import { runningDashboard } from './dashboard.js'
import { networkUp } from './network.js'
import { table } from './output.js'

const CONCURRENCY = 32
const CONTRACT = fileURLToPath(new URL('../../../contracts/asset-transfer', import.meta.url))

interface Stats {
  committed: number
  errors: number
  latencies: number[]
}

export async function runDemo(opts: { dir: string; basePort: number }): Promise<number> {
  const say = (s: string) => console.log(s)
  say('Consort demo: 3 organizations, one orderer and one peer each (Raft over libp2p)\n')
  const { manifest, reused } = await networkUp({ dir: opts.dir, orgs: 3, orderers: 3, peersPerOrg: 1, basePort: opts.basePort }, (l) => say(`  ${l}`))
  const orderers = manifest.nodes.filter((n) => n.kind === 'orderer')
  // A previous demo may have left a node stopped: bring every node up.
  for (const n of manifest.nodes) await startNode(n)
  say(`  network ${reused ? 'reused' : 'up'}: ${manifest.nodes.map((o) => o.name).join(', ')}`)
  const dashboard = await runningDashboard(opts.dir)
  say(
    dashboard !== undefined
      ? `  watch it live on the dashboard: ${dashboard}`
      : `  to watch it live, run \`pnpm consort dashboard\` in another terminal (it prints its address; the demo then prints it too)`,
  )
  const deployedAt = Date.now()
  const d = await deployContract(opts.dir, CONTRACT, { name: 'asset-transfer' })
  say(
    `  deployed asset-transfer (sequence ${d.sequence}) on ${d.installedOn.length} peers with approvals of ${d.approvedBy.join(', ')} in ${Date.now() - deployedAt} ms\n`,
  )
  const network = await connectLocal(opts.dir, 'Org1')
  const contract = network.contract('asset-transfer')

  const stats: Stats = { committed: 0, errors: 0, latencies: [] }
  let running = true
  let seq = 0
  let killedAt = 0
  let firstCommitAfterKill = 0

  // The SDK resubmits the same transaction (same id) through a failover until its deadline.
  const submitOne = async (): Promise<void> => {
    const submittedAt = Date.now()
    try {
      await contract.submit('CreateAsset', `demo-${process.pid}-${seq++}`, 'blue', '5', 'Tomoko', '300')
      stats.committed++
      stats.latencies.push(Date.now() - submittedAt)
      if (killedAt > 0 && firstCommitAfterKill === 0 && submittedAt >= killedAt) firstCommitAfterKill = Date.now()
    } catch (err) {
      stats.errors++
      if (stats.errors <= 3) console.log(`\n  client error: ${(err as Error).message}`)
    }
  }
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    while (running) await submitOne()
  })

  const leaderOf = () => findLeader(orderers)
  let leaderLabel = ''
  const started = Date.now()
  const tty = process.stdout.isTTY === true
  let lastPrint = 0
  // Polls overlap (one may wait on a node that was just killed): only a newer poll's answer counts.
  let polls = 0
  let shown = 0
  const showLeader = (seq: number, l: { node: NodeEntry; term: number } | undefined) => {
    if (seq <= shown) return
    shown = seq
    leaderLabel = l === undefined ? '' : `${l.node.name} (term ${l.term})`
  }
  const progress = setInterval(() => {
    const seq = ++polls
    void leaderOf().then((l) => showLeader(seq, l))
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
  showLeader(++polls, undefined)
  await stopNode(before.node, 'SIGKILL')
  if (tty) process.stdout.write('\n')
  say(`  SIGKILL → ${before.node.name}, the Raft leader`)
  let after: { node: NodeEntry; term: number; since: number } | undefined
  await waitUntil(
    async () => {
      after = await leaderOf()
      return after !== undefined && after.node.name !== before.node.name
    },
    15_000,
    20,
  )
  showLeader(++polls, after)
  const electedMs = (after?.since ?? Date.now()) - killedAt
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
      manifest.nodes.map(async (o) => {
        const s = await nodeStatus(o)
        return { name: o.name, role: String(s?.role ?? (s === undefined ? 'down' : 'peer')), height: Number(s?.height ?? 0), tipHash: String(s?.tipHash ?? '') }
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
        { measure: 'new leader elected after kill', value: `${electedMs} ms` },
        { measure: 'kill → first commit of a new tx', value: `${firstCommitAfterKill - killedAt} ms` },
        { measure: 'latency p50 / p99', value: `${pct(0.5)} ms / ${pct(0.99)} ms` },
        { measure: 'every node caught up', value: same ? 'yes: same height, same chain hash on orderers and peers' : 'NO' },
      ]),
  )
  say(
    `\nThe network is still running (${opts.dir}). Try:\n  pnpm consort query asset-transfer GetAllAssets '' ''\n  pnpm consort network status\n  pnpm consort network down`,
  )
  await network.close()
  return stats.errors === 0 && same ? 0 : 1
}
