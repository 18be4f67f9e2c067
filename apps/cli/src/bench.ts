// `consort bench`: Caliper-style rounds against the running network. Each round sends a
// fixed number of transactions, either at a fixed send rate or as fast as possible with N
// in flight, and reports Caliper's columns plus latency percentiles.
import { fileURLToPath } from 'node:url'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { CommitError, EndorseError } from '@consort/sdk'
import type { Network } from '@consort/sdk'
import { connectLocal, deployContract, peerSnapshot } from './client.js'
import { CliError } from './output.js'

export interface RoundOptions {
  name: 'create' | 'transfer' | 'query'
  txs: number
  /** Transactions per second to send; 0 = as fast as `inFlight` allows. */
  rate: number
  inFlight: number
}

export interface RoundResult {
  name: string
  succ: number
  fail: number
  'send rate (tps)': number
  'max latency (s)': number
  'min latency (s)': number
  'avg latency (s)': number
  'p50 (s)': number
  'p95 (s)': number
  'p99 (s)': number
  'throughput (tps)': number
  /** Failures by reason (MVCC conflicts are expected in the transfer round). */
  failures: Record<string, number>
  /** CPU milliseconds per successful transaction, by process (the nodes and this client); Linux only. */
  cpu: Record<string, number>
  /**
   * The same by role, and in total: the Raft leader, a follower orderer (mean), the client
   * org's peer (its gateway: it endorses every transaction), another peer (mean: it endorses
   * some, validates and commits every one), this client.
   */
  cpuByRole: { total: number; leaderOrderer: number; followerOrderer: number; gatewayPeer: number; otherPeer: number; client: number }
  /** Total CPU ms per committed transaction over every process (the headline figure). */
  'CPU ms/tx': number
}

/** Which process is which role in a round: the leader orderer at its end, and the client org's peer. */
interface Roles {
  leader: string | undefined
  orderers: string[]
  gatewayPeer: string | undefined
  peers: string[]
}

function byRole(cpu: Record<string, number>, roles: Roles): RoundResult['cpuByRole'] {
  const mean = (names: string[]) => {
    const xs = names.map((n) => cpu[n]).filter((x): x is number => x !== undefined)
    return xs.length === 0 ? 0 : round3(xs.reduce((a, b) => a + b, 0) / xs.length)
  }
  return {
    total: round3(Object.values(cpu).reduce((a, b) => a + b, 0)),
    leaderOrderer: roles.leader === undefined ? 0 : (cpu[roles.leader] ?? 0),
    followerOrderer: mean(roles.orderers.filter((n) => n !== roles.leader)),
    gatewayPeer: roles.gatewayPeer === undefined ? 0 : (cpu[roles.gatewayPeer] ?? 0),
    otherPeer: mean(roles.peers.filter((n) => n !== roles.gatewayPeer)),
    client: cpu.client ?? 0,
  }
}

async function rolesOf(dir: string): Promise<Roles> {
  const { findLeader, loadManifest } = await import('@consort/devnet')
  const m = await loadManifest(dir)
  const orderers = m.nodes.filter((n) => n.kind === 'orderer')
  const peers = m.nodes.filter((n) => n.kind === 'peer')
  return {
    leader: (await findLeader(orderers))?.node.name,
    orderers: orderers.map((n) => n.name),
    gatewayPeer: peers.find((n) => n.org === m.orgs[0]?.mspId)?.name,
    peers: peers.map((n) => n.name),
  }
}

const CONTRACTS = {
  'asset-transfer': fileURLToPath(new URL('../../../contracts/asset-transfer', import.meta.url)),
  token: fileURLToPath(new URL('../../../contracts/token', import.meta.url)),
  fill: fileURLToPath(new URL('../../../contracts/fill', import.meta.url)),
}

export async function ensureDeployed(dir: string, network: Network, name: keyof typeof CONTRACTS): Promise<void> {
  try {
    await network.contract('_lifecycle').evaluate('QueryDefinition', name)
  } catch (err) {
    if (!(err instanceof EndorseError)) throw err
    await deployContract(dir, CONTRACTS[name], { name })
  }
}

const round3 = (x: number) => Math.round(x * 1000) / 1000

/** CPU seconds so far of these processes (by name), and of this one (`client`). */
async function cpuOf(processes: readonly { name: string; pid: number | undefined }[]): Promise<Map<string, number>> {
  const { cpuSeconds } = await import('@consort/devnet')
  const out = new Map<string, number>()
  for (const p of processes) {
    const s = p.pid === undefined ? undefined : await cpuSeconds(p.pid)
    if (s !== undefined) out.set(p.name, s)
  }
  const self = process.cpuUsage()
  out.set('client', (self.user + self.system) / 1e6)
  return out
}

/** CPU seconds so far of every running node of the network in `dir`, and of this process. */
async function cpuSnapshot(dir: string): Promise<Map<string, number>> {
  const { loadManifest, runningPid } = await import('@consort/devnet')
  const nodes = (await loadManifest(dir)).nodes
  return cpuOf(await Promise.all(nodes.map(async (n) => ({ name: n.name, pid: await runningPid(n) }))))
}

/** Why a call failed, for a round's failure counts: a validation code, ENDORSE, or the error's code. */
function failureReason(err: unknown): string {
  return err instanceof CommitError ? err.validationCode : err instanceof EndorseError ? 'ENDORSE' : ((err as { code?: string }).code ?? 'ERROR')
}

/** Where a round's CPU is read: the processes (with this one as `client`), and which is which role. */
export interface RoundCpu {
  snapshot: () => Promise<Map<string, number>>
  roles: () => Promise<Roles>
}

/** The network in `dir`: its nodes, by role. */
export const networkCpu = (dir: string): RoundCpu => ({ snapshot: () => cpuSnapshot(dir), roles: () => rolesOf(dir) })

/** Other processes than a network's (by name and pid), with no role of ours: only the total counts. */
export const processCpu = (processes: readonly { name: string; pid: number }[]): RoundCpu => ({
  snapshot: () => cpuOf(processes),
  roles: async () => ({ leader: undefined, orderers: [], gatewayPeer: undefined, peers: [] }),
})

/**
 * One round: `call(i)` for i from 0 to txs − 1, at most `inFlight` at a time and, with a `rate`,
 * at most that many started per second; the latencies of those that succeeded, the failures by
 * reason, and the CPU the processes of `cpu` spent on it.
 */
export async function measureRound(
  o: { name: string; txs: number; inFlight: number; rate?: number },
  call: (i: number) => Promise<unknown>,
  cpu: RoundCpu,
): Promise<RoundResult> {
  const rate = o.rate ?? 0
  const cpuBefore = await cpu.snapshot()
  const latencies: number[] = []
  const failures: Record<string, number> = {}
  let sent = 0
  let done = 0
  const started = Date.now()
  const one = async (i: number): Promise<void> => {
    const t0 = Date.now()
    try {
      await call(i)
      latencies.push((Date.now() - t0) / 1000)
    } catch (err) {
      const reason = failureReason(err)
      failures[reason] = (failures[reason] ?? 0) + 1
    } finally {
      done++
    }
  }
  await new Promise<void>((resolveAll) => {
    const launch = (): void => {
      while (sent < o.txs && sent - done < o.inFlight) {
        if (rate > 0 && sent >= ((Date.now() - started) / 1000) * rate) break
        const i = sent++
        void one(i).then(() => {
          if (done === o.txs) resolveAll()
          else launch()
        })
      }
    }
    const timer = rate > 0 ? setInterval(launch, Math.max(1, Math.floor(1000 / rate))) : undefined
    launch()
    const check = setInterval(() => {
      if (done === o.txs) {
        if (timer) clearInterval(timer)
        clearInterval(check)
        resolveAll()
      }
    }, 50)
  })
  return summarize(o.name, o.txs, latencies, failures, (Date.now() - started) / 1000, cpuBefore, await cpu.snapshot(), await cpu.roles())
}

async function runRound(dir: string, network: Network, minter: Network, o: RoundOptions, prefix: string, accounts: string[]): Promise<RoundResult> {
  const call = async (i: number): Promise<unknown> => {
    if (o.name === 'create') return network.contract('asset-transfer').submit('CreateAsset', `${prefix}-${i}`, 'blue', '5', 'bench', '100')
    if (o.name === 'query') return network.contract('asset-transfer').evaluate('ReadAsset', `${prefix}-seed`)
    // Read-modify-write between a few hot accounts: conflicts are part of the workload.
    return minter.contract('token').submit('Transfer', accounts[i % accounts.length] as string, '1')
  }
  return measureRound(o, call, networkCpu(dir))
}

/** Caliper's columns plus percentiles from one round's latencies, and CPU per transaction. */
function summarize(
  name: string,
  txs: number,
  latencies: number[],
  failures: Record<string, number>,
  secs: number,
  cpuBefore: Map<string, number>,
  cpuAfter: Map<string, number>,
  roles: Roles,
): RoundResult {
  const cpu: Record<string, number> = {}
  for (const [node, after] of cpuAfter) {
    const before = cpuBefore.get(node)
    if (before !== undefined && latencies.length > 0) cpu[node] = round3(((after - before) * 1000) / latencies.length)
  }
  const cpuByRole = byRole(cpu, roles)
  const sorted = [...latencies].sort((a, b) => a - b)
  const pct = (p: number) => round3(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0)
  const succ = latencies.length
  return {
    name,
    succ,
    fail: txs - succ,
    'send rate (tps)': Math.round(txs / secs),
    'max latency (s)': round3(sorted[sorted.length - 1] ?? 0),
    'min latency (s)': round3(sorted[0] ?? 0),
    'avg latency (s)': round3(succ === 0 ? 0 : latencies.reduce((a, b) => a + b, 0) / succ),
    'p50 (s)': pct(0.5),
    'p95 (s)': pct(0.95),
    'p99 (s)': pct(0.99),
    'throughput (tps)': Math.round(succ / secs),
    failures,
    cpu,
    cpuByRole,
    'CPU ms/tx': cpuByRole.total,
  }
}

/** Runs the rounds against the network in `dir` and writes the results as JSON. */
export async function runBench(
  dir: string,
  rounds: RoundOptions[],
  out: string | undefined,
  log: (s: string) => void,
): Promise<{ rounds: RoundResult[]; file: string }> {
  const client = await connectLocal(dir, 'Org1')
  const minter = await connectLocal(dir, 'Org1', 'admin')
  const prefix = `bench-${Date.now()}`
  try {
    if (rounds.some((r) => r.name !== 'transfer')) {
      await ensureDeployed(dir, client, 'asset-transfer')
      await client.contract('asset-transfer').submit('CreateAsset', `${prefix}-seed`, 'blue', '5', 'bench', '100')
    }
    const accounts: string[] = []
    if (rounds.some((r) => r.name === 'transfer')) {
      await ensureDeployed(dir, client, 'token')
      // The minter (Org1's admin) mints, then sends from its one account to a few others:
      // every transfer reads and writes the same hot balance, so many conflict (MVCC).
      await minter.contract('token').submit('Mint', '1000000000')
      for (const org of ['Org1', 'Org2', 'Org3']) {
        const n = await connectLocal(dir, org)
        accounts.push(new TextDecoder().decode(await n.contract('token').evaluate('ClientAccountID')))
        await n.close()
      }
    }
    const results: RoundResult[] = []
    for (const r of rounds) {
      log(`round ${r.name}: ${r.txs} tx, ${r.rate > 0 ? `${r.rate} tps` : `${r.inFlight} in flight`}`)
      results.push(await runRound(dir, client, minter, r, prefix, accounts))
    }
    const file = resolve(out ?? join(dir, 'bench', `${prefix}.json`))
    await mkdir(join(file, '..'), { recursive: true })
    await writeFile(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, rounds: results }, null, 2))
    return { rounds: results, file }
  } finally {
    await client.close()
    await minter.close()
  }
}

export type FailoverMode = 'kill' | 'transfer'

/** One failover trial; the timing columns are named after the mode ("kill → …", "transfer → …"). */
export type FailoverTrial = Record<string, number | string>

/**
 * N trials during a steady submit stream of either "SIGKILL the Raft leader" (`kill`, restarted
 * after) or "transfer leadership as an org admin" (`transfer`, `consort orderer transfer-leader`
 * to the most caught-up consenter): time to a new leader, time from the fault or request to the
 * first block the new leader cut as the orderers commit it (read from their deliver stream) and
 * to the first commit of a transaction submitted after it (a whole submit: endorse, order,
 * commit on a peer), client errors, and an exactly-once check of every acknowledged
 * transaction against the chain.
 */
export async function runFailoverBench(
  dir: string,
  trials: number,
  log: (s: string) => void,
  mode: FailoverMode = 'kill',
): Promise<{ trials: FailoverTrial[]; summary: Record<string, number> }> {
  const { findLeader, findNode, loadManifest, nodeStatus, runningPid, startNode, stopNode, waitUntil } = await import('@consort/devnet')
  const manifest = await loadManifest(dir)
  const orderers = manifest.nodes.filter((n) => n.kind === 'orderer')
  const client = await connectLocal(dir, 'Org1')
  const admin = mode === 'transfer' ? await connectLocal(dir, 'Org1', 'admin') : undefined
  await ensureDeployed(dir, client, 'asset-transfer')
  const leaderOf = async (): Promise<string | undefined> => (await findLeader(orderers))?.node.name
  const firstCommit = `${mode} → first commit (ms)`
  const firstBlock = `${mode} → first block of the new leader (ms)`
  const { parseCertificate } = await import('@consort/identity')
  const out: FailoverTrial[] = []
  try {
    for (let t = 1; t <= trials; t++) {
      let running = true
      let errors = 0
      let faultAt = 0
      let firstAfter = 0
      const acked: { txId: string; block: number }[] = []
      // Submit latencies before the fault: what a first commit costs without one.
      const before: number[] = []
      const worker = async (w: number): Promise<void> => {
        for (let i = 0; running; i++) {
          const submittedAt = Date.now()
          try {
            const r = await client.contract('asset-transfer').submit('CreateAsset', `failover-${Date.now()}-${t}-${w}-${i}`, 'red', '1', 'x', '1')
            acked.push({ txId: r.txId, block: r.blockNumber })
            if (faultAt === 0) before.push(Date.now() - submittedAt)
            if (faultAt > 0 && submittedAt >= faultAt && firstAfter === 0) firstAfter = Date.now()
          } catch {
            errors++
          }
        }
      }
      const workers = Array.from({ length: 16 }, (_, w) => worker(w))
      await new Promise((r) => setTimeout(r, 2000))
      const leader = await leaderOf()
      if (leader === undefined) throw new Error('no Raft leader')
      // Blocks as the orderers commit them, with who cut each: when the new leader's first one came.
      const watch = new AbortController()
      let newLeaderBlockAt = 0
      const height = Number((await nodeStatus(findNode(manifest, leader)))?.height ?? 0)
      const watching = (async () => {
        for await (const b of client.orderers.deliver({ start: height }, watch.signal)) {
          const signer = b.block.metadata?.signatures[0]?.signer
          if (newLeaderBlockAt === 0 && signer !== undefined && parseCertificate(signer).subject !== leader) newLeaderBlockAt = Date.now()
        }
      })().catch(() => undefined)
      // The fault starts with the signal: the leader's pid is read before (under load, reading
      // the pid file took tens of milliseconds that the figures counted as failover time).
      const victim = findNode(manifest, leader)
      const pid = admin === undefined ? await runningPid(victim) : undefined
      if (admin === undefined && pid === undefined) throw new Error(`${leader} is not running`)
      faultAt = Date.now()
      if (admin !== undefined) await admin.transferLeader()
      else {
        process.kill(pid as number, 'SIGKILL')
        await stopNode(victim, 'SIGKILL')
      }
      let elected = 0
      await waitUntil(
        async () => {
          const l = await findLeader(orderers)
          if (l !== undefined && l.node.name !== leader) elected = l.since
          return elected > 0
        },
        15_000,
        20,
      )
      await waitUntil(async () => firstAfter > 0 && newLeaderBlockAt > 0, 15_000, 20)
      await new Promise((r) => setTimeout(r, 2000))
      running = false
      watch.abort()
      await Promise.all([...workers, watching])
      if (mode === 'kill') await startNode(findNode(manifest, leader))
      // Exactly once: every acknowledged tx id appears once in the chain.
      const seen = new Map<string, number>()
      const from = Math.min(...acked.map((a) => a.block))
      const to = Math.max(...acked.map((a) => a.block))
      for await (const b of client.blockEvents({ startBlock: from })) {
        for (const tx of b.transactions) seen.set(tx.txId, (seen.get(tx.txId) ?? 0) + 1)
        if (b.blockNumber >= to) break
      }
      const row: FailoverTrial = {
        trial: t,
        leader,
        'new leader (ms)': elected > 0 ? elected - faultAt : -1,
        [firstBlock]: newLeaderBlockAt > 0 ? newLeaderBlockAt - faultAt : -1,
        [firstCommit]: firstAfter > 0 ? firstAfter - faultAt : -1,
        'latency before (ms, p50)': before.sort((a, b) => a - b)[Math.floor(before.length / 2)] ?? -1,
        committed: acked.length,
        'client errors': errors,
        duplicates: acked.filter((a) => (seen.get(a.txId) ?? 0) > 1).length,
        lost: acked.filter((a) => (seen.get(a.txId) ?? 0) === 0).length,
      }
      log(
        `trial ${t}: ${mode === 'kill' ? 'killed' : 'transferred from'} ${leader}; new leader after ${row['new leader (ms)']} ms; first commit after ${row[firstCommit]} ms; ${errors} client errors`,
      )
      out.push(row)
      // Let a restarted node catch up before the next trial.
      await waitUntil(async () => (await nodeStatus(findNode(manifest, leader)))?.leader !== undefined, 20_000)
      await new Promise((r) => setTimeout(r, 1000))
    }
  } finally {
    await client.close()
    await admin?.close()
  }
  const col = (k: string) => out.map((r) => r[k] as number).sort((a, b) => a - b)
  const median = (xs: number[]) => xs[Math.floor((xs.length - 1) / 2)] ?? 0
  const summary = {
    [`median ${firstBlock}`]: median(col(firstBlock)),
    [`max ${firstBlock}`]: Math.max(...col(firstBlock)),
    [`median ${firstCommit}`]: median(col(firstCommit)),
    [`max ${firstCommit}`]: Math.max(...col(firstCommit)),
    'median new leader (ms)': median(col('new leader (ms)')),
    'median submit latency before (ms)': median(col('latency before (ms, p50)')),
    'client errors': col('client errors').reduce((a, b) => a + b, 0),
    duplicates: col('duplicates').reduce((a, b) => a + b, 0),
    lost: col('lost').reduce((a, b) => a + b, 0),
  }
  return { trials: out, summary }
}

/**
 * Ordering only: signed envelopes of `size` bytes straight to the orderers, `inFlight` at a
 * time, each answered when it is in a committed block (comparable with etcd's put
 * benchmark of 256-byte values at 64 in flight).
 */
export async function runOrderingBench(dir: string, o: { txs: number; inFlight: number; size: number }): Promise<RoundResult> {
  const { readFile } = await import('node:fs/promises')
  const { loadManifest } = await import('@consort/devnet')
  const { readPrivateKeyFile, generateKeyPair } = await import('@consort/crypto')
  const { certificateFromPem, signingIdentity } = await import('@consort/identity')
  const { OrdererClient } = await import('@consort/client')
  const { P2PNode } = await import('@consort/p2p')
  const { createAdmission, createSignedEnvelope } = await import('@consort/protocol')
  const { HeaderType, silentLogger, Status } = await import('@consort/types')
  const manifest = await loadManifest(dir)
  const org = manifest.orgs[0] as (typeof manifest.orgs)[number]
  const signer = signingIdentity(certificateFromPem(await readFile(org.client.certificate, 'utf8')), await readPrivateKeyFile(org.client.privateKey))
  const credential = (server: string, c: string) => createAdmission(signer, server, c)
  const p2p = await P2PNode.create({ privateKey: generateKeyPair().privateKey, listen: [], credential }, { logger: silentLogger })
  const client = new OrdererClient(
    p2p,
    manifest.nodes.filter((n) => n.kind === 'orderer').map((n) => n.address),
    { signer, channelId: manifest.channelId, logger: silentLogger },
  )
  // Signed up front: the client's signing is not what is measured.
  const envelopes = Array.from({ length: o.txs }, (_, i) => {
    const data = new Uint8Array(o.size)
    new DataView(data.buffer).setUint32(0, i)
    return createSignedEnvelope(signer, { type: HeaderType.TRANSACTION, channelId: manifest.channelId, timestamp: Date.now(), data })
  })
  try {
    return await measureRound(
      { name: `ordering ${o.size} B`, txs: o.txs, inFlight: o.inFlight },
      async (i) => {
        const e = envelopes[i] as { envelope: Uint8Array; txId: string }
        const r = await client.broadcast(e.envelope, e.txId)
        if (r.status !== Status.SUCCESS) throw Object.assign(new Error(r.info), { code: r.code || String(r.status) })
      },
      networkCpu(dir),
    )
  } finally {
    await p2p.stop()
  }
}

/** Keys `prefix`+from … `prefix`+(to − 1) written by the fill contract, `perTx` per transaction, `workers` transactions at a time. */
export async function fillKeys(network: Network, prefix: string, from: number, to: number, perTx: number, workers = 4): Promise<void> {
  const fill = network.contract('fill')
  let next = from
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < to) {
        const start = next
        next += perTx
        await fill.submit('Fill', prefix, String(start), String(Math.min(perTx, to - start)))
      }
    }),
  )
}

export interface JoinBenchResult {
  /** Keys in the world state (written by the fill contract), the chain's height, and its size on the peer. */
  stateKeys: number
  height: number
  /** Transactions in the chain's blocks (config blocks' included). */
  txs: number
  /** A new peer of Org1 catching up by replaying every block from the orderers. */
  replay: { ms: number; blocksPerSecond: number; txPerSecond: number }
  /** The snapshot peer0.org1 wrote at its tip, and a new peer started from it catching up. */
  snapshot: { writeMs: number; joinMs: number; blockNumber: number }
}

/** The transactions in blocks 0..height-1, counted from a peer's deliver stream. */
async function txsInChain(network: Network, height: number): Promise<number> {
  let txs = 0
  const stop = new AbortController()
  for await (const b of network.blocks({ startBlock: 0, signal: stop.signal })) {
    txs += b.block.data.length
    if (b.number >= height - 1) {
      stop.abort()
      break
    }
  }
  return txs
}

/**
 * How long a new peer takes to join a channel whose world state holds `keys` keys: by replaying
 * every block, and from a snapshot (`consort peer snapshot`, `consort node run --from-snapshot`).
 * The keys are written by the fill contract, `perTx` per transaction. Each join is timed from the
 * new peer's process start until it holds the height peer0.org1 held; the new peers are stopped.
 */
export async function runJoinBench(dir: string, o: { keys: number; perTx: number }, log: (s: string) => void): Promise<JoinBenchResult> {
  const { spawn } = await import('node:child_process')
  const { copyFile, cp, mkdtemp, rm } = await import('node:fs/promises')
  const { findNode, freePort, loadManifest, nodeStatus, stopProcesses, waitUntil } = await import('@consort/devnet')
  const { initNode } = await import('@consort/consortium')
  const manifest = await loadManifest(dir)
  const org = manifest.orgs[0]!
  const client = await connectLocal(dir, org.mspId)
  const admin = await connectLocal(dir, org.mspId, 'admin')
  const source = findNode(manifest, manifest.nodes.find((n) => n.kind === 'peer' && n.org === org.mspId)!.name)
  const work = await mkdtemp(join(manifest.dir, 'bench-join-'))
  // New peers are issued from a copy of the org's folder: its org.json does not list them.
  const orgCopy = join(work, 'org')
  await cp(org.dir, orgCopy, { recursive: true })
  const started: ReturnType<typeof spawn>[] = []
  /** A new peer of the org (consort node init), run with `consort node run`; ms until it holds `height` blocks. */
  const newPeer = async (name: string, height: number, fromSnapshot?: string): Promise<number> => {
    const ops = await freePort()
    const r = await initNode(name, orgCopy, { kind: 'peer', listen: `127.0.0.1:${await freePort()}`, operations: `127.0.0.1:${ops}`, out: join(work, name) })
    await copyFile(manifest.genesisBlock, join(r.dir, 'genesis.block'))
    const main = fileURLToPath(new URL('./main.js', import.meta.url))
    const t0 = performance.now()
    const child = spawn(
      process.execPath,
      ['--no-node-snapshot', main, 'node', 'run', '--config', r.config, ...(fromSnapshot !== undefined ? ['--from-snapshot', fromSnapshot] : [])],
      {
        stdio: 'ignore',
      },
    )
    started.push(child)
    const entry = { ...source, operationsPort: ops }
    const ok = await waitUntil(async () => Number((await nodeStatus(entry))?.height ?? 0) >= height, 600_000, 50)
    if (!ok) throw new CliError('ERR_BENCH_JOIN', `${name} did not reach height ${height} within 10 minutes`)
    const ms = performance.now() - t0
    await stopProcesses([child])
    return ms
  }
  try {
    await ensureDeployed(dir, client, 'fill')
    const t = performance.now()
    await fillKeys(client, `join-${Date.now()}-`, 0, o.keys, o.perTx)
    log(`wrote ${o.keys} keys in ${Math.round(performance.now() - t)} ms (${o.perTx} per transaction)`)
    const height = Number((await nodeStatus(source))?.height ?? 0)
    const txs = await txsInChain(client, height)
    const replayMs = await newPeer(`bench-replay-${Date.now()}`, height)
    log(`a new peer replayed ${height} blocks (${txs} transactions) in ${Math.round(replayMs)} ms`)
    const snap = await peerSnapshot(admin, source.name, 0)
    const joinMs = await newPeer(`bench-snapshot-${Date.now()}`, height, snap.dir)
    log(`a new peer joined from the snapshot at block ${snap.blockNumber} (${snap.stateKeys} keys, written in ${snap.ms} ms) in ${Math.round(joinMs)} ms`)
    return {
      stateKeys: snap.stateKeys,
      height,
      txs,
      replay: { ms: Math.round(replayMs), blocksPerSecond: Math.round((height / replayMs) * 1000), txPerSecond: Math.round((txs / replayMs) * 1000) },
      snapshot: { writeMs: snap.ms, joinMs: Math.round(joinMs), blockNumber: snap.blockNumber },
    }
  } finally {
    await stopProcesses(started)
    await client.close()
    await admin.close()
    await rm(work, { recursive: true, force: true })
  }
}
