// `consort chaos`: a bank workload (the token contract, transfers between accounts, a fixed
// supply) through the SDK while a nemesis, from a seed, kills, restarts, pauses, partitions,
// slows down and skews the clock of orderers and peers (one node at a time, so never more
// than a minority of orderers). At the end a checker says
// whether every acknowledged transaction is in the chain exactly once, no transaction the
// client saw fail is VALID, the supply is unchanged, every peer holds the same chain with
// the same validation codes, and no node crashed that the nemesis did not kill.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readIdentity } from '@consort/consortium'
import { generateKeyPair, readPrivateKeyFile } from '@consort/crypto'
import { FaultProxy, findLeader, generateNetwork, nodeStatus, runningPid, startNode, stopNode, waitUntil } from '@consort/devnet'
import type { Manifest, NodeEntry } from '@consort/devnet'
import { certificateFromPem, issueCertificate, signingIdentity } from '@consort/identity'
import { OrdererClient } from '@consort/client'
import { P2PNode } from '@consort/p2p'
import { createAdmission } from '@consort/protocol'
import { blockEvent, CommitError, connect, EndorseError } from '@consort/sdk'
import type { Identity, Network } from '@consort/sdk'
import { RefusalCode, Role, seededRng, silentLogger, ValidationCode } from '@consort/types'
import type { Rng } from '@consort/types'
import { deployContract } from './client.js'
import { networkUp } from './network.js'
import { CliError } from './output.js'

const TOKEN = fileURLToPath(new URL('../../../contracts/token', import.meta.url))
const WORKERS = 8
const START_BALANCE = 1000

export interface ChaosOptions {
  dir: string
  durationMs: number
  seed: number
  basePort: number
  accounts: number
}

interface Fault {
  /** ms since the workload started. */
  at: number
  action: 'kill' | 'stop' | 'pause' | 'partition' | 'slow' | 'skew' | 'restart' | 'resume' | 'heal'
  node: string
  /** For 'slow': the latency and loss on the node's link; for 'skew': the clock offset. */
  detail?: string
}

type Outcome = 'acknowledged' | 'failed' | 'unknown'

export interface ChaosReport {
  seed: number
  durationMs: number
  faults: Fault[]
  transactions: Record<Outcome, number>
  /** What the clients were told about the transactions that did not commit VALID, by kind and reason. */
  refusals: Record<string, number>
  leaderChanges: number
  /** The longest time between two acknowledged commits (ms), and when it began (ms since the start). */
  maxCommitGapMs: number
  maxCommitGapAt: number
  checks: { name: string; ok: boolean; detail: string }[]
  ok: boolean
}

/** Runs the workload and the nemesis on a new network in DIR/chaos, then checks the outcome. */
export async function runChaos(o: ChaosOptions, log: (line: string) => void): Promise<ChaosReport> {
  const dir = resolve(o.dir, 'chaos')
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  // Every node behind a FaultProxy (its advertised port), for partitions, latency and loss.
  const generated = await generateNetwork({ dir, orgs: 3, orderers: 3, peersPerOrg: 1, basePort: o.basePort, proxied: true })
  for (const n of generated.nodes) {
    for (const port of [Number(n.listen.split('/')[4]), n.operationsPort, n.proxyPort as number]) {
      if (!(await portFree(port))) throw new CliError('PORT_IN_USE', `port ${port} is in use (by an earlier run's node?); free it or pass another --base-port`)
    }
  }
  const proxies = new Map<string, FaultProxy>()
  const networks: Network[] = []
  try {
    for (const n of generated.nodes)
      proxies.set(n.name, await FaultProxy.start(n.proxyPort as number, Number(n.listen.split('/')[4]), seededRng(o.seed + proxies.size + 1)))
    const { manifest } = await networkUp({ dir, orgs: 3, orderers: 3, peersPerOrg: 1, basePort: o.basePort }, log)
    return await chaos(o, manifest, proxies, networks, log)
  } finally {
    // Clients first, while their connections still have a path to close over.
    await Promise.all(networks.map((n) => n.close().catch(() => undefined)))
    for (const p of proxies.values()) await p.close()
    for (const n of generated.nodes) {
      const pid = await runningPid(n)
      if (pid !== undefined) process.kill(pid, 'SIGCONT')
      await stopNode(n).catch(() => undefined)
    }
  }
}

async function chaos(
  o: ChaosOptions,
  manifest: Manifest,
  proxies: Map<string, FaultProxy>,
  networks: Network[],
  log: (line: string) => void,
): Promise<ChaosReport> {
  const rng = seededRng(o.seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)] as T
  await deployContract(manifest.dir, TOKEN, { name: 'token' })
  log('deployed token')

  // The minter (Org1's admin) and the account holders: clients of every org.
  const org1 = manifest.orgs[0]!
  const minterId: Identity = {
    certificate: certificateFromPem(await readFile(org1.admin.certificate, 'utf8')),
    privateKey: await readPrivateKeyFile(org1.admin.privateKey),
  }
  const minter = await connect({ profile: manifest.connectionProfile, identity: minterId, submitTimeoutMs: 60_000 })
  networks.push(minter)
  const holders: { network: Network; account: string }[] = []
  const cas = await Promise.all(manifest.orgs.map((org) => readIdentity(join(manifest.dir, 'orgs', org.mspId, 'ca'))))
  for (let i = 0; i < o.accounts; i++) {
    const org = manifest.orgs[i % manifest.orgs.length]!
    const ca = cas[i % manifest.orgs.length]!
    const k = generateKeyPair()
    const certificate = issueCertificate(ca, {
      subject: `account${i}.${org.mspId.toLowerCase()}`,
      role: Role.CLIENT,
      publicKey: k.publicKey,
      notBefore: Date.now() - 60_000,
    })
    const network = await connect({ profile: manifest.connectionProfile, identity: { certificate, privateKey: k.privateKey }, submitTimeoutMs: 30_000 })
    networks.push(network)
    holders.push({ network, account: new TextDecoder().decode(await network.contract('token').evaluate('ClientAccountID')) })
  }
  const supply = START_BALANCE * o.accounts
  // Two endorsing peers disagree when one has not committed the previous block yet: the
  // gateway refuses (ENDORSEMENTS_DIFFER) before ordering anything, so the set-up asks again.
  const setup = async (fn: string, ...args: string[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await minter.contract('token').submit(fn, ...args)
      } catch (err) {
        if (!(err instanceof EndorseError) || err.reason !== RefusalCode.ENDORSEMENTS_DIFFER || attempt === 20) throw err
        await new Promise((r) => setTimeout(r, 200))
      }
    }
  }
  await setup('Mint', String(supply))
  for (const h of holders) await setup('Transfer', h.account, String(START_BALANCE))
  log(`minted ${supply} and gave ${START_BALANCE} to each of ${o.accounts} accounts`)

  const records: { txId: string; outcome: Outcome; reason?: string }[] = []
  const acks: number[] = []
  const started = Date.now()
  const until = started + o.durationMs
  const workers = Array.from({ length: WORKERS }, async (_, w) => {
    // Each worker its own stream of choices, so the schedule does not depend on timing.
    const r = seededRng(o.seed * 1000 + w)
    while (Date.now() < until) {
      const from = holders[Math.floor(r.next() * holders.length)]!
      let to = holders[Math.floor(r.next() * holders.length)]!
      if (to === from) to = holders[(holders.indexOf(from) + 1) % holders.length]!
      const amount = String(1 + Math.floor(r.next() * 20))
      try {
        const res = await from.network.contract('token').submit('Transfer', to.account, amount)
        records.push({ txId: res.txId, outcome: 'acknowledged' })
        acks.push(Date.now())
      } catch (err) {
        // Refused at endorsement (never ordered) or committed invalid: definitively failed.
        if (err instanceof EndorseError) records.push({ txId: err.txId, outcome: 'failed', reason: `endorse ${err.reason}` })
        else if (err instanceof CommitError) records.push({ txId: err.txId, outcome: 'failed', reason: `commit ${err.validationCode}` })
        else
          records.push({
            txId: (err as { txId?: string }).txId ?? '',
            outcome: 'unknown',
            reason: `${(err as Error).name} ${(err as { reason?: string }).reason ?? ''}`.trim(),
          })
      }
    }
  })
  const { faults, leaderChanges, crashes } = await nemesis(manifest, proxies, rng, pick, started, until, log)
  await Promise.all(workers)
  log(`workload done: ${records.length} transactions; ${faults.length} faults injected`)

  // Heal: every node up, then the same chain everywhere.
  log('healing: every node up, waiting for the same chain everywhere')
  for (const n of manifest.nodes) await startNode(n)
  const peers = manifest.nodes.filter((n) => n.kind === 'peer')
  const converged = await waitUntil(async () => {
    const s = await Promise.all(manifest.nodes.map((n) => nodeStatus(n)))
    return s.every((x) => x !== undefined && x.height === s[0]?.height && x.tipHash === s[0]?.tipHash)
  }, 120_000)
  const checks: ChaosReport['checks'] = []
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail })
  const statuses = await Promise.all(manifest.nodes.map((n) => nodeStatus(n)))
  check(
    'every orderer and peer at the same height and chain hash',
    converged,
    statuses.map((s, i) => `${manifest.nodes[i]!.name}=${s?.height ?? 'down'}`).join(' '),
  )

  log('checking')
  // The chain as each peer validated it.
  const height = Number(statuses[0]?.height ?? 0)
  const chains = await Promise.all(peers.map((p) => peerChain(p, manifest, minterId, height)))
  const same = chains.every((c) => c.length === chains[0]!.length && c.every((t, i) => t.txId === chains[0]![i]!.txId && t.code === chains[0]![i]!.code))
  check('every peer gave every transaction the same validation code', same, `${chains[0]?.length ?? 0} transactions on ${peers.length} peers`)
  const valid = new Map<string, number>()
  for (const t of chains[0] ?? []) if (t.code === ValidationCode.VALID) valid.set(t.txId, (valid.get(t.txId) ?? 0) + 1)
  const lost = records.filter((r) => r.outcome === 'acknowledged' && valid.get(r.txId) !== 1)
  check('every acknowledged transaction is in the chain exactly once (VALID)', lost.length === 0, `${lost.length} not exactly once`)
  const wrong = records.filter((r) => r.outcome === 'failed' && r.txId !== '' && valid.has(r.txId))
  check('no transaction the client saw fail is VALID', wrong.length === 0, `${wrong.length} failed but VALID`)
  // A client sees only what a retry cannot cure: its contract's refusals (insufficient funds)
  // and true MVCC conflicts (two transfers from one account in one block).
  const refusals: Record<string, number> = {}
  for (const r of records) if (r.reason !== undefined) refusals[r.reason] = (refusals[r.reason] ?? 0) + 1
  const EXPECTED = new Set([
    `endorse ${RefusalCode.ENDORSEMENT_REFUSED}`,
    `commit ${ValidationCode.MVCC_READ_CONFLICT}`,
    `commit ${ValidationCode.PHANTOM_READ_CONFLICT}`,
  ])
  const counted = (entries: [string, number][]) => entries.map(([reason, n]) => `${n} × ${reason}`).join(', ')
  const unexpected = Object.entries(refusals).filter(([reason]) => !EXPECTED.has(reason))
  check('clients saw only contract refusals and MVCC conflicts', unexpected.length === 0, counted(unexpected) || counted(Object.entries(refusals)) || 'none')
  const duplicates = [...valid.values()].filter((n) => n > 1).length
  check('no transaction is VALID twice', duplicates === 0, `${duplicates} duplicates`)

  const token = minter.contract('token')
  const balances = await Promise.all(
    [...holders.map((h) => h.account), await textOf(token.evaluate('ClientAccountID'))].map(async (a) => Number(await textOf(token.evaluate('BalanceOf', a)))),
  )
  const total = balances.reduce((a, b) => a + b, 0)
  const recorded = Number(await textOf(token.evaluate('TotalSupply')))
  check('total supply unchanged', total === supply && recorded === supply, `sum of balances ${total}, TotalSupply ${recorded}, minted ${supply}`)
  check('no node crashed that the nemesis did not kill', crashes.length === 0, crashes.join(', ') || 'none')

  let maxGap = 0
  let maxGapAt = 0
  for (let i = 1; i < acks.length; i++) {
    if (acks[i]! - acks[i - 1]! > maxGap) {
      maxGap = acks[i]! - acks[i - 1]!
      maxGapAt = acks[i - 1]! - started
    }
  }
  const count = (k: Outcome) => records.filter((r) => r.outcome === k).length
  return {
    seed: o.seed,
    durationMs: o.durationMs,
    faults,
    transactions: { acknowledged: count('acknowledged'), failed: count('failed'), unknown: count('unknown') },
    refusals,
    leaderChanges,
    maxCommitGapMs: maxGap,
    maxCommitGapAt: maxGapAt,
    checks,
    ok: checks.every((c) => c.ok),
  }
}

/**
 * From the seed, one fault at a time: 1-3 s of calm, then one of
 * - a SIGKILL or a SIGTERM of a node, then a restart;
 * - a SIGSTOP, then a SIGCONT (of the Raft leader, when an orderer is paused);
 * - a partition of the node's inbound side (its proxy drops every connection and refuses new
 *   ones; what the node itself dialed goes on: an asymmetric partition), then a heal;
 * - a slow link: 50-150 ms of latency and 20-40 % of chunks late by a retransmission, then a heal;
 * - a clock skew: the node restarted with its clock 1-5 s ahead or behind, then restarted right;
 * held 1-4 s. One node at a time is at most a minority of three orderers. The schedule (which
 * fault, on which node, for how long) follows from the seed alone; only "the leader" is
 * resolved when it happens.
 */
async function nemesis(
  manifest: Manifest,
  proxies: Map<string, FaultProxy>,
  rng: Rng,
  pick: <T>(xs: readonly T[]) => T,
  started: number,
  until: number,
  log: (line: string) => void,
): Promise<{ faults: Fault[]; leaderChanges: number; crashes: string[] }> {
  const faults: Fault[] = []
  const crashes: string[] = []
  const orderers = manifest.nodes.filter((n) => n.kind === 'orderer')
  const record = (action: Fault['action'], node: NodeEntry, detail?: string) => {
    faults.push({ at: Date.now() - started, action, node: node.name, ...(detail !== undefined ? { detail } : {}) })
    log(`  ${((Date.now() - started) / 1000).toFixed(1)} s  ${action} ${node.name}${detail !== undefined ? ` (${detail})` : ''}`)
  }
  let leader = ''
  let leaderChanges = 0
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
  while (Date.now() < until) {
    await sleep(1000 + rng.next() * 2000)
    const l = (await findLeader(orderers))?.node.name ?? ''
    if (l !== '' && l !== leader) {
      if (leader !== '') leaderChanges++
      leader = l
    }
    // Between faults every node must be running: one that is not crashed by itself.
    for (const n of manifest.nodes) if ((await runningPid(n)) === undefined && !crashes.includes(n.name)) crashes.push(n.name)
    if (Date.now() >= until) break
    const kind = rng.next() < 0.6 ? 'orderer' : 'peer'
    const action = pick(['kill', 'kill', 'stop', 'pause', 'partition', 'slow', 'skew'] as const)
    const candidate = pick(manifest.nodes.filter((n) => n.kind === kind))
    const holdMs = 1000 + rng.next() * 3000
    const node = action === 'pause' && kind === 'orderer' ? (orderers.find((n) => n.name === leader) ?? candidate) : candidate
    const latencyMs = Math.round(50 + rng.next() * 100)
    const loss = Math.round((0.2 + rng.next() * 0.2) * 100) / 100
    const skewMs = Math.round((rng.next() < 0.5 ? -1 : 1) * (1000 + rng.next() * 4000))
    const proxy = proxies.get(node.name) as FaultProxy
    record(
      action,
      node,
      action === 'slow' ? `${latencyMs} ms, ${loss * 100} % late` : action === 'skew' ? `clock ${skewMs > 0 ? '+' : ''}${skewMs} ms` : undefined,
    )
    if (action === 'pause') await signal(node, 'SIGSTOP')
    else if (action === 'partition') proxy.set({ partitioned: true })
    else if (action === 'slow') proxy.set({ latencyMs, loss })
    else if (action === 'skew') {
      await stopNode(node)
      await startNode(node, { clockSkewMs: skewMs })
    } else await stopNode(node, action === 'kill' ? 'SIGKILL' : 'SIGTERM')
    await sleep(holdMs)
    if (action === 'pause') await signal(node, 'SIGCONT')
    else if (action === 'partition' || action === 'slow') proxy.heal()
    else if (action === 'skew') {
      await stopNode(node)
      await startNode(node)
    } else await startNode(node)
    record(action === 'pause' ? 'resume' : action === 'partition' || action === 'slow' ? 'heal' : 'restart', node)
  }
  return { faults, leaderChanges, crashes }
}

/** Every transaction of the chain as one peer validated it, in order. */
async function peerChain(peer: NodeEntry, manifest: Manifest, identity: Identity, height: number): Promise<{ txId: string; code: ValidationCode }[]> {
  const id = identity as { certificate: Uint8Array; privateKey: Uint8Array }
  const signer = signingIdentity(id.certificate, id.privateKey)
  const p2p = await P2PNode.create(
    { privateKey: generateKeyPair().privateKey, listen: [], credential: (s, c) => createAdmission(signer, s, c) },
    { logger: silentLogger },
  )
  try {
    const client = new OrdererClient(p2p, [peer.address], { signer, channelId: manifest.channelId, logger: silentLogger })
    const out: { txId: string; code: ValidationCode }[] = []
    if (height === 0) return out
    for await (const b of client.deliver({ start: 0, stop: height - 1 })) {
      for (const t of blockEvent(b).transactions) out.push({ txId: t.txId, code: t.validationCode })
    }
    return out
  } finally {
    await p2p.stop()
  }
}

async function signal(node: NodeEntry, sig: 'SIGSTOP' | 'SIGCONT'): Promise<void> {
  const pid = await runningPid(node)
  if (pid !== undefined) process.kill(pid, sig)
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer()
    s.once('error', () => resolve(false))
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)))
  })
}

async function textOf(p: Promise<Uint8Array>): Promise<string> {
  return new TextDecoder().decode(await p)
}

/** Writes the report where asked (or into the chaos folder) and returns the path. */
export async function writeReport(dir: string, report: ChaosReport, out?: string): Promise<string> {
  const path = out ?? join(resolve(dir), 'chaos', `report-${report.seed}.json`)
  await writeFile(path, JSON.stringify(report, null, 2))
  return path
}
