// `consort bench etcd`: the ordering service against etcd on the same machine, in the same run
// (issue 16): a 3-member etcd cluster on 127.0.0.1 (the OS package's `etcd`, or $ETCD_BIN), N
// puts of S-byte values at K in flight, next to `bench ordering` with the same N, S and K and the
// network's peers stopped for both rounds (ordering only; they catch up after).
import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort, stopProcesses } from '@consort/devnet'
import { Etcd3 } from 'etcd3'
import { measureRound, processCpu, runOrderingBench } from './bench.js'
import type { RoundResult } from './bench.js'
import { CliError } from './output.js'

/** A 3-member etcd cluster on loopback in a temporary folder; stop() ends it and deletes its data. */
async function startEtcd(bin: string): Promise<{ endpoints: string[]; processes: { name: string; pid: number }[]; stop: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'consort-etcd-'))
  const members = await Promise.all([1, 2, 3].map(async (i) => ({ name: `e${i}`, client: await freePort(), peer: await freePort() })))
  const cluster = members.map((m) => `${m.name}=http://127.0.0.1:${m.peer}`).join(',')
  const procs: ChildProcess[] = members.map((m) =>
    spawn(
      bin,
      [
        ...['--name', m.name, '--data-dir', join(dir, m.name)],
        ...['--listen-client-urls', `http://127.0.0.1:${m.client}`, '--advertise-client-urls', `http://127.0.0.1:${m.client}`],
        ...['--listen-peer-urls', `http://127.0.0.1:${m.peer}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${m.peer}`],
        ...['--initial-cluster', cluster, '--initial-cluster-state', 'new', '--initial-cluster-token', `consort-bench-${process.pid}`],
        // The same timers as Consort's Raft: 100 ms heartbeat, 1 s election timeout.
        ...['--heartbeat-interval', '100', '--election-timeout', '1000'],
      ],
      { stdio: 'ignore' },
    ),
  )
  const failed = await Promise.race([
    ...procs.map((p) => new Promise<string>((resolve) => p.once('error', (err) => resolve(err.message)))),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 300)),
  ])
  const stop = async () => {
    await stopProcesses(procs)
    await rm(dir, { recursive: true, force: true })
  }
  if (failed !== undefined) {
    await stop()
    throw new CliError('ERR_BENCH_NO_ETCD', `cannot run ${bin} (${failed}): install the OS package etcd-server, or set ETCD_BIN`)
  }
  return {
    endpoints: members.map((m) => `http://127.0.0.1:${m.client}`),
    processes: procs.map((p, i) => ({ name: members[i]!.name, pid: p.pid as number })),
    stop,
  }
}

/** etcd puts next to Consort's ordering service, the same count, size and concurrency, one after the other. */
export async function runEtcdBench(dir: string, o: { txs: number; inFlight: number; size: number }): Promise<{ rounds: [RoundResult, RoundResult] }> {
  const bin = process.env.ETCD_BIN ?? 'etcd'
  await promisify(execFile)(bin, ['--version'], { timeout: 10_000 }).catch((err: Error) => {
    throw new CliError('ERR_BENCH_NO_ETCD', `cannot run ${bin} (${err.message}): install the OS package etcd-server, or set ETCD_BIN`)
  })
  // Ordering only, like etcd: the peers (which would validate and commit every block on the same
  // cores) are stopped for both rounds and started again after them; they catch up by themselves.
  const { findLeader, findNode, loadManifest, nodeStatus, startNode, stopNode, waitUntil } = await import('@consort/devnet')
  const manifest = await loadManifest(dir)
  const peers = manifest.nodes.filter((n) => n.kind === 'peer').map((n) => findNode(manifest, n.name))
  for (const p of peers) await stopNode(p, 'SIGTERM')
  try {
    return await sideBySide(dir, bin, o)
  } finally {
    // The network is left as it was found: every peer up again and caught up with the orderers.
    for (const p of peers) await startNode(p)
    const orderers = manifest.nodes.filter((n) => n.kind === 'orderer')
    await waitUntil(async () => {
      const leader = await findLeader(orderers)
      const top = Number((leader === undefined ? undefined : await nodeStatus(leader.node))?.height ?? Infinity)
      const heights = await Promise.all(peers.map(async (p) => Number((await nodeStatus(p))?.height ?? -1)))
      return heights.every((h) => h >= top)
    }, 120_000)
  }
}

async function sideBySide(dir: string, bin: string, o: { txs: number; inFlight: number; size: number }): Promise<{ rounds: [RoundResult, RoundResult] }> {
  // (The peers are stopped: the round's CPU is the orderers' and this client's.)
  const ordering = await runOrderingBench(dir, o)
  const etcd = await startEtcd(bin)
  const client = new Etcd3({ hosts: etcd.endpoints })
  try {
    // Ready once a write goes through (a leader is elected).
    for (let i = 0; ; i++) {
      try {
        await client.put('consort-bench-ready').value('1')
        break
      } catch (err) {
        if (i >= 100) throw new CliError('ERR_BENCH_NO_ETCD', `the etcd cluster did not take a write within 20 s: ${(err as Error).message}`)
        await new Promise((r) => setTimeout(r, 200))
      }
    }
    const value = Buffer.alloc(o.size, 0x61)
    const etcdRound = await measureRound(
      { name: `etcd put ${o.size} B`, txs: o.txs, inFlight: o.inFlight },
      async (i) => client.put(`bench/${i}`).value(value),
      processCpu(etcd.processes),
    )
    return { rounds: [ordering, etcdRound] }
  } finally {
    client.close()
    await etcd.stop()
  }
}
