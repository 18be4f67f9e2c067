// The orderer's Chain in-process: three Chains on real LevelDB WALs and block stores, their
// Raft messages carried by a simulated network, their timers on a ManualScheduler. Time moves
// only when the test says so, so elections, batch timeouts and fault schedules are driven
// tick by tick (the disk I/O is real, and awaited until every node is idle).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair, toHex } from '@consort/crypto'
import { createRootCA, issueCertificate, signingIdentity } from '@consort/identity'
import { blockTxIds, createGenesisBlock, DEFAULT_BATCH, DEFAULT_RAFT, createSignedEnvelope, normalizeChannelConfig, parseBlock } from '@consort/protocol'
import type { Message } from '@consort/raft'
import { LevelBlockStore, LevelRaftWal } from '@consort/storage'
import { HeaderType, ManualScheduler, Role, seededRng, silentLogger } from '@consort/types'
import type { Rng } from '@consort/types'
import { afterEach, describe, expect, it } from 'vitest'
import { Chain } from '../../src/chain.js'
import { OrdererMetrics } from '../../src/metrics.js'

const T0 = Date.UTC(2026, 0, 1)
const TICK_MS = 100
const ca = createRootCA({ org: 'Org1', notBefore: T0 })
const identity = (role: Role, subject: string) => {
  const k = generateKeyPair()
  return signingIdentity(issueCertificate(ca, { subject, role, publicKey: k.publicKey, notBefore: T0 }), k.privateKey)
}
const orderers = [1, 2, 3].map((id) => identity(Role.ORDERER, `orderer${id}.org1`))
const client = identity(Role.CLIENT, 'client.org1')
const config = normalizeChannelConfig({
  channelId: 'consort',
  orgs: [{ mspId: 'Org1', rootCerts: [ca.certificate], revoked: [], anchorPeers: [] }],
  consenters: orderers.map((o, i) => ({ id: i + 1, name: `orderer${i + 1}`, org: 'Org1', address: '/ip4/127.0.0.1/tcp/1', certificate: o.certificate.bytes })),
  // No snapshots: catching up from other orderers is the node's job, not the chain's.
  raft: { ...DEFAULT_RAFT, snapshotIntervalBlocks: 0 },
  batch: { ...DEFAULT_BATCH, batchTimeoutMs: 200 },
})

interface Node {
  id: number
  chain: Chain
  wal: LevelRaftWal
  blocks: LevelBlockStore
}

/** Three chains, a network between them that drops what the fault schedule says, and a clock that moves by hand. */
class Cluster {
  readonly scheduler = new ManualScheduler()
  readonly nodes: Node[] = []
  /** Node ids cut off from everyone. */
  readonly isolated = new Set<number>()
  /** Chance that a message is lost. */
  loss = 0
  private dirs: string[] = []

  constructor(
    private readonly rng: Rng,
    private readonly cfg = config,
  ) {}

  async start(): Promise<void> {
    for (const id of [1, 2, 3]) {
      const dir = await mkdtemp(join(tmpdir(), `consort-chain-${id}-`))
      this.dirs.push(dir)
      const wal = await LevelRaftWal.open(join(dir, 'wal'), { voters: [1, 2, 3], learners: [] })
      const blocks = await LevelBlockStore.open(join(dir, 'blocks'))
      const genesis = createGenesisBlock(this.cfg, T0)
      const g = parseBlock(genesis)
      await blocks.append(genesis, { number: 0, hash: g.hash, txIds: [''], raftIndex: 0 })
      const chain = new Chain(
        { config: this.cfg, lastConfig: 0, raftId: id, signer: orderers[id - 1]! },
        {
          wal,
          blocks,
          transport: { send: (messages) => this.carry(messages) },
          metrics: new OrdererMetrics(),
          logger: silentLogger,
          rng: seededRng(this.rng.next() * 2 ** 31),
          clock: { now: () => T0 + this.scheduler.monotonic() },
          scheduler: this.scheduler,
          catchUp: async () => undefined,
        },
      )
      this.nodes.push({ id, chain, wal, blocks })
    }
    for (const n of this.nodes) n.chain.start()
    await this.settle()
  }

  /** Delivers each message on the next turn, unless its sender or receiver is cut off or it is lost. */
  private carry(messages: Message[]): void {
    for (const m of messages) {
      if (this.isolated.has(m.from) || this.isolated.has(m.to)) continue
      if (this.loss > 0 && this.rng.next() < this.loss) continue
      const to = this.nodes.find((n) => n.id === m.to)
      this.scheduler.immediate(() => to?.chain.step(m))
    }
  }

  /** Runs everything queued, and waits for the disk, until every node is idle. */
  async settle(): Promise<void> {
    for (let i = 0; i < 100_000; i++) {
      const ran = this.scheduler.runImmediates()
      await new Promise((r) => setImmediate(r))
      if (ran === 0 && this.scheduler.pending === 0 && this.nodes.every((n) => n.chain.idle)) return
    }
    throw new Error('the cluster did not settle')
  }

  /** Moves time forward tick by tick, settling after each. */
  async advance(ms: number): Promise<void> {
    for (let t = 0; t < ms; t += TICK_MS) {
      this.scheduler.advance(TICK_MS)
      await this.settle()
    }
  }

  leader(): Node | undefined {
    const leaders = this.nodes.filter((n) => n.chain.isLeader && !this.isolated.has(n.id))
    return leaders.length === 1 ? leaders[0] : undefined
  }

  /** Advances time until one reachable node leads (at most `ms`). */
  async awaitLeader(ms = 10_000): Promise<Node> {
    for (let t = 0; t <= ms; t += TICK_MS) {
      const l = this.leader()
      if (l !== undefined) return l
      await this.advance(TICK_MS)
    }
    throw new Error(`no leader after ${ms} ms`)
  }

  /** Every node's chain: the hash of each block, from genesis. */
  async chains(): Promise<string[][]> {
    return Promise.all(
      this.nodes.map(async (n) => {
        const hashes: string[] = []
        for (let i = 0; i < n.blocks.height; i++) hashes.push(toHex(parseBlock((await n.blocks.get(i))!).hash))
        return hashes
      }),
    )
  }

  /** The tx ids in one node's chain, in order. */
  async txIds(node: Node): Promise<string[]> {
    const ids: string[] = []
    for (let i = 1; i < node.blocks.height; i++) ids.push(...blockTxIds(parseBlock((await node.blocks.get(i))!)))
    return ids
  }

  async stop(): Promise<void> {
    for (const n of this.nodes) {
      await n.chain.stop()
      await n.wal.close()
      await n.blocks.close()
    }
    for (const d of this.dirs) await rm(d, { recursive: true, force: true })
  }
}

let seq = 0
const envelope = () => {
  const { envelope: bytes, txId } = createSignedEnvelope(client, {
    type: HeaderType.TRANSACTION,
    channelId: 'consort',
    timestamp: T0 + seq,
    data: new TextEncoder().encode(`tx ${seq++}`),
  })
  return { bytes, txId }
}

let cluster: Cluster | undefined
afterEach(async () => {
  await cluster?.stop()
  cluster = undefined
})

/** Runs one seeded fault schedule on a fresh cluster; checks the chains agree and hold every transaction once. */
async function faultSchedule(seed: number): Promise<{ seed: number; sent: number; leaders: number; blocks: number }> {
  const rng = seededRng(seed)
  const c = new Cluster(rng)
  cluster = c
  await c.start()
  const sent = new Map<string, Uint8Array>()
  const answered = new Set<string>()
  const leaders = new Set<number>()
  for (let step = 0; step < 40; step++) {
    // The fault for this half-second.
    const r = rng.next()
    if (r < 0.2) c.isolated.add(1 + Math.floor(rng.next() * 3))
    else if (r < 0.5) c.isolated.clear()
    c.loss = rng.next() < 0.3 ? 0.2 : 0
    // A client sends new envelopes and, as if their answers were lost, resubmits every one
    // sent so far (same tx id) to the leader, if there is one.
    const leader = c.leader()
    if (leader !== undefined) {
      leaders.add(leader.id)
      const batch = Array.from({ length: 3 }, envelope)
      for (const e of batch) sent.set(e.txId, e.bytes)
      for (const [txId, bytes] of sent) {
        leader.chain.order({ txId, bytes }, 3000).then(
          () => answered.add(txId),
          () => undefined,
        )
      }
    }
    await c.advance(500)
  }
  // Healed: every unanswered envelope is resubmitted until answered.
  c.isolated.clear()
  c.loss = 0
  for (let round = 0; round < 20 && answered.size < sent.size; round++) {
    const leader = await c.awaitLeader()
    for (const [txId, bytes] of sent) {
      if (!answered.has(txId))
        leader.chain.order({ txId, bytes }, 3000).then(
          () => answered.add(txId),
          () => undefined,
        )
    }
    await c.advance(1000)
  }
  expect(answered.size, `seed ${seed}: every transaction answered`).toBe(sent.size)
  await c.advance(2000)
  const chains = await c.chains()
  expect(chains[1], `seed ${seed}: node 2's chain`).toEqual(chains[0])
  expect(chains[2], `seed ${seed}: node 3's chain`).toEqual(chains[0])
  const ids = await c.txIds(c.nodes[0]!)
  expect(new Set(ids).size, `seed ${seed}: no transaction twice`).toBe(ids.length)
  expect(new Set(ids), `seed ${seed}: every transaction in the chain`).toEqual(new Set(sent.keys()))
  await c.stop()
  cluster = undefined
  return { seed, sent: sent.size, leaders: leaders.size, blocks: chains[0]!.length }
}

describe('Chain, in-process with a manual scheduler', () => {
  it('elects one leader and orders envelopes into identical hash-chained blocks on every node', async () => {
    cluster = new Cluster(seededRng(1))
    await cluster.start()
    const leader = await cluster.awaitLeader()
    const envs = Array.from({ length: 25 }, envelope)
    const ordered = envs.map((e) => leader.chain.order(e, 60_000))
    await cluster.advance(1000)
    const blocks = await Promise.all(ordered)
    expect(blocks.every((b) => b >= 1)).toBe(true)
    const chains = await cluster.chains()
    expect(chains[0]!.length).toBeGreaterThan(1)
    expect(chains[1]).toEqual(chains[0])
    expect(chains[2]).toEqual(chains[0])
    expect(await cluster.txIds(leader)).toEqual(envs.map((e) => e.txId))
  })

  it('transfers leadership to a caught-up voter while envelopes keep coming; none is lost or ordered twice', async () => {
    cluster = new Cluster(seededRng(5))
    await cluster.start()
    const leader = await cluster.awaitLeader()
    const [a, b] = cluster.nodes.filter((n) => n !== leader) as [Node, Node]
    // A target cut off for longer than five heartbeats is refused, and nothing changes.
    cluster.isolated.add(a.id)
    await cluster.advance(1000)
    await expect(leader.chain.transferLeader(a.id)).rejects.toMatchObject({ code: 'TARGET_DOWN' })
    cluster.isolated.clear()
    await cluster.advance(1000)
    expect(cluster.leader()).toBe(leader)

    // A client stream: each envelope is ordered by whoever leads, and resubmitted there when a
    // leader hands it back (LEADER_CHANGED), as the broadcast service does.
    const sent: string[] = []
    const done = new Set<string>()
    const order = (e: { txId: string; bytes: Uint8Array }): void => {
      const at = cluster!.leader()
      if (at === undefined) {
        cluster!.scheduler.setTimeout(() => order(e), TICK_MS)
        return
      }
      at.chain.order(e, 10_000).then(
        () => done.add(e.txId),
        () => cluster!.scheduler.setTimeout(() => order(e), TICK_MS),
      )
    }
    const send = (n: number) => {
      for (let i = 0; i < n; i++) {
        const e = envelope()
        sent.push(e.txId)
        order(e)
      }
    }
    send(20)
    const transfer = leader.chain.transferLeader(b.id)
    send(20)
    await cluster.advance(2000)
    expect(await transfer).toMatchObject({ from: leader.id, to: b.id })
    expect(cluster.leader()).toBe(b)
    send(20)
    // Without a target, the most caught-up other voter takes over.
    const again = await Promise.all([b.chain.transferLeader(), cluster.advance(2000)])
    expect([leader.id, a.id]).toContain(again[0].to)
    await cluster.advance(3000)
    expect(done.size).toBe(sent.length)
    const chains = await cluster.chains()
    expect(chains[1]).toEqual(chains[0])
    expect(chains[2]).toEqual(chains[0])
    const ids = await cluster.txIds(cluster.nodes[0]!)
    expect(ids.toSorted()).toEqual(sent.toSorted())
  })

  it('hands leadership back to the preferred leader once it has been healthy for reclaimAfterMs, at most once per tenure; never to a flapping one', async () => {
    const raft = { ...config.raft!, preferredLeaders: ['orderer3'], reclaimAfterMs: 3000, minLeaderTenureMs: 5000 }
    cluster = new Cluster(seededRng(6), { ...config, raft })
    await cluster.start()
    const changes = () => cluster!.nodes.map((n) => n.chain.leader)
    // Whoever is elected first, orderer3 leads after its tenure (the preferred one is healthy from the start).
    await cluster.awaitLeader()
    await cluster.advance(8000)
    expect(cluster.leader()?.id).toBe(3)
    const third = cluster.nodes[2]!
    // It flaps: cut off for 1.5 s (someone else takes over), then back in, then cut off again
    // every 1.2 s for 20 s. It is never healthy for 3 s in a row: no reclaim, no election storm.
    cluster.isolated.add(3)
    await cluster.advance(2500)
    const interim = cluster.leader()
    expect(interim).toBeDefined()
    expect(interim!.id).not.toBe(3)
    let leaderChanges = 0
    let last = interim!.id
    for (let i = 0; i < 16; i++) {
      if (i % 2 === 0) cluster.isolated.delete(3)
      else cluster.isolated.add(3)
      await cluster.advance(1200)
      const now = cluster.leader()?.id
      if (now !== undefined && now !== last) {
        leaderChanges++
        last = now
      }
    }
    expect(leaderChanges).toBe(0)
    expect(cluster.leader()?.id).toBe(interim!.id)
    // Healed for good: back to orderer3 once it has been healthy for 3 s (the interim leader's tenure is long over).
    cluster.isolated.clear()
    await cluster.advance(2000)
    expect(cluster.leader()?.id).toBe(interim!.id)
    await cluster.advance(3000)
    expect(cluster.leader()).toBe(third)
    expect(new Set(changes())).toEqual(new Set([3]))
  })

  it('a batch waits out batchTimeoutMs while a block is in flight, and no longer', async () => {
    cluster = new Cluster(seededRng(2))
    await cluster.start()
    const leader = await cluster.awaitLeader()
    const first = leader.chain.order(envelope(), 60_000)
    await cluster.settle()
    // The first block is proposed at once (the leader was idle) and commits within the turn.
    expect(await first).toBe(1)
    const heights = () => cluster!.nodes.map((n) => n.blocks.height)
    expect(heights()).toEqual([2, 2, 2])
    // Time does not move: nothing is cut until the next envelope comes.
    const second = leader.chain.order(envelope(), 60_000)
    await cluster.settle()
    expect(await second).toBe(2)
  })

  it('a cut-off leader is replaced; commits resume; healed, the old leader follows the new chain', async () => {
    cluster = new Cluster(seededRng(3))
    await cluster.start()
    const old = await cluster.awaitLeader()
    await Promise.all([old.chain.order(envelope(), 60_000), cluster.advance(200)])
    cluster.isolated.add(old.id)
    // Heard from by no one, it steps down (CheckQuorum); the others elect a new leader.
    const next = await cluster.awaitLeader()
    expect(next.id).not.toBe(old.id)
    const during = Array.from({ length: 5 }, envelope)
    const done = during.map((e) => next.chain.order(e, 60_000))
    await cluster.advance(500)
    await Promise.all(done)
    // Within two election timeouts without a quorum, CheckQuorum makes it step down.
    await cluster.advance(2 * config.raft!.electionTick * TICK_MS)
    expect(old.chain.isLeader).toBe(false)
    cluster.isolated.delete(old.id)
    await cluster.advance(2000)
    const chains = await cluster.chains()
    expect(chains[0]).toEqual(chains[1])
    expect(chains[2]).toEqual(chains[1])
    expect(await cluster.txIds(old)).toEqual(expect.arrayContaining(during.map((e) => e.txId)))
  })

  // Seeded fault schedules, as in the Raft simulation: nodes cut off and healed, messages lost,
  // envelopes sent to whoever leads and resubmitted (same tx id) as if their answers were lost.
  it('keeps one chain, each transaction ordered once, under seeded fault schedules that move the leader', async () => {
    const schedules: { seed: number; sent: number; leaders: number; blocks: number }[] = []
    for (const seed of [11, 12, 13, 14]) schedules.push(await faultSchedule(seed))
    expect(schedules.every((s) => s.sent > 20 && s.blocks > 5)).toBe(true)
    expect(schedules.some((s) => s.leaders > 1)).toBe(true)
  }, 120_000)
})
