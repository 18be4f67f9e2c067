// What a user of the SDK and the CLI sees when nodes fail: a 3-org network with peers. One
// network for the file; each test restarts what it stops and uses its own keys (any order).
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { connect, deploy, EndorseError, SubmitError } from '@consort/sdk'
import type { Network } from '@consort/sdk'
import { ValidationCode } from '@consort/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePortBlock, startNetwork, submitStream, until, withAssetTransfer, ASSET_TRANSFER } from '../src/fixture.js'
import type { Net } from '../src/fixture.js'

const run = promisify(execFile)
const cli = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url))
let net: Net
let client: Network

beforeAll(async () => {
  net = await startNetwork({ orderers: 3, peersPerOrg: 1 })
  client = await withAssetTransfer(net, { submitTimeoutMs: 60_000 })
}, 120_000)
afterAll(async () => {
  await client?.close()
  await net?.teardown()
})

const consort = (...args: string[]) => consortWithin(60_000, ...args)

async function consortWithin(timeoutMs: number, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--no-node-snapshot', cli, '--dir', net.manifest.dir, ...args], { timeout: timeoutMs })
    return { code: 0, stdout: r.stdout, stderr: r.stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('fault tolerance seen from the SDK', () => {
  it('500 submits ride through a SIGKILL of the orderer leader: all succeed, each committed exactly once, same chain everywhere', async () => {
    const c = client.contract('asset-transfer')
    const ids = Array.from({ length: 500 }, (_, i) => `stream-${i}`)
    let next = 0
    let killed = false
    const results: { txId: string; block: number }[] = []
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!
        const r = await c.submit('CreateAsset', id, 'blue', '1', 'x', '1')
        results.push({ txId: r.txId, block: r.blockNumber })
        if (!killed && results.length >= 100) {
          killed = true
          await net.kill((await net.leader()).name)
        }
      }
    }
    await Promise.all(Array.from({ length: 24 }, worker))
    expect(results).toHaveLength(500)
    expect(new Set(results.map((r) => r.txId)).size).toBe(500)
    // Exactly once: each tx id is in the chain once, and valid.
    const seen = new Map<string, number>()
    const top = Math.max(...results.map((r) => r.block))
    for await (const b of client.blockEvents({ startBlock: 0 })) {
      for (const t of b.transactions)
        if (t.contract === 'asset-transfer') seen.set(t.txId, (seen.get(t.txId) ?? 0) + (t.validationCode === ValidationCode.VALID ? 1 : 100))
      if (b.blockNumber >= top) break
    }
    for (const r of results) expect(seen.get(r.txId)).toBe(1)
    // Same state on every org's peer.
    const counts = await Promise.all(
      [0, 1, 2].map(async (i) => {
        const n = await connect({ profile: net.manifest.connectionProfile, identity: await net.identity(i, 'client') })
        const all = JSON.parse(new TextDecoder().decode(await n.contract('asset-transfer').evaluate('GetAllAssets', 'stream-', 'stream.'))) as unknown[]
        await n.close()
        return all.length
      }),
    )
    expect(counts).toEqual([500, 500, 500])
    for (const o of net.orderers) await net.start(o.name)
  }, 300_000)

  it('with 2 of 3 orderers stopped a submit fails with SubmitError after its deadline; with one back it succeeds', async () => {
    const quick = await connect({ profile: net.manifest.connectionProfile, identity: await net.identity(0, 'client'), submitTimeoutMs: 4000 })
    const [a, b] = net.orderers
    await net.stop(a!.name)
    await net.stop(b!.name)
    const err = await quick
      .contract('asset-transfer')
      .submit('CreateAsset', 'minority', 'red', '1', 'x', '1')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(SubmitError)
    expect((err as SubmitError).txId).toMatch(/^[0-9a-f]{64}$/)
    await net.start(a!.name)
    const ok = await client.contract('asset-transfer').submit('CreateAsset', 'majority-again', 'red', '1', 'x', '1')
    expect(ok.validationCode).toBe(ValidationCode.VALID)
    await net.start(b!.name)
    await quick.close()
  }, 120_000)

  it('a peer SIGKILLed while committing does not stop the network; restarted, it is consistent and catches up', async () => {
    const victim = net.peers.find((p) => p.org === 'Org3')!
    // Kill it in the middle of a stream of commits.
    const stream = Promise.all(
      Array.from({ length: 40 }, (_, i) => client.contract('asset-transfer').submit('CreateAsset', `mid-commit-${i}`, 'red', '1', 'x', '1')),
    )
    // Kill it once it is committing the stream's blocks.
    const before = Number((await net.status(victim.name))?.height ?? 0)
    expect(await until(async () => Number((await net.status(victim.name))?.height ?? 0) > before)).toBe(true)
    await net.kill(victim.name)
    await stream
    for (let i = 0; i < 5; i++) await client.contract('asset-transfer').submit('CreateAsset', `while-down-${i}`, 'red', '1', 'x', '1')
    const last = await client.contract('asset-transfer').submit('CreateAsset', 'while-down-last', 'red', '1', 'x', '1')
    await net.start(victim.name)
    const deadline = Date.now() + 30_000
    let height = 0
    while (Date.now() < deadline && height <= last.blockNumber) {
      height = Number((await net.status(victim.name))?.height ?? 0)
      await new Promise((r) => setTimeout(r, 200))
    }
    expect(height).toBeGreaterThan(last.blockNumber)
    const org3 = await connect({ profile: net.manifest.connectionProfile, identity: await net.identity(2, 'client') })
    expect(JSON.parse(new TextDecoder().decode(await org3.contract('asset-transfer').evaluate('ReadAsset', 'while-down-last')))).toMatchObject({
      ID: 'while-down-last',
    })
    // Same state as the others: every asset of the stream, no more, no fewer.
    const count = async (n: Network) =>
      (JSON.parse(new TextDecoder().decode(await n.contract('asset-transfer').evaluate('GetAllAssets', 'mid-commit-', 'mid-commit.'))) as unknown[]).length
    expect(await count(org3)).toBe(40)
    expect(await count(client)).toBe(40)
    await org3.close()
  }, 120_000)
})

describe('bad inputs give clear errors', () => {
  it('through the SDK: unknown contract, wrong arity, unauthorized deploy, malformed profile', async () => {
    await expect(client.contract('nope').submit('X')).rejects.toBeInstanceOf(EndorseError)
    await expect(client.contract('asset-transfer').evaluate('ReadAsset', 'a', 'b')).rejects.toThrow(/takes 1 argument\(s\), got 2/)
    const notAdmin = await net.identity(0, 'client')
    await expect(deploy({ profile: net.manifest.connectionProfile, contract: ASSET_TRANSFER, name: 'sneaky', admins: [notAdmin] })).rejects.toThrow(
      /only admins of Org1 may install/,
    )
    await expect(connect({ profile: { channel: 'consort' } as never, identity: notAdmin })).rejects.toMatchObject({ code: 'ERR_SDK_PROFILE' })
  })

  it('an org admin moves Raft leadership (consort orderer transfer-leader) under load: clients see no error; refusals say why', async () => {
    const before = await net.leader()
    const target = net.orderers.find((o) => o.name !== before.name)!
    // A submit stream across the transfers.
    const stream = submitStream(client, 'transfer')
    await until(async () => stream.committed() > 20)
    const moved = await consort('--json', 'orderer', 'transfer-leader', '--to', target.name)
    expect(moved.code, moved.stdout).toBe(0)
    expect(JSON.parse(moved.stdout)).toMatchObject({ from: before.name, to: target.name })
    expect((await net.leader()).name).toBe(target.name)
    // Without --to: the most caught-up other consenter.
    const auto = JSON.parse((await consort('--json', 'orderer', 'transfer-leader')).stdout) as { from: string; to: string }
    expect(auto.from).toBe(target.name)
    expect(auto.to).not.toBe(target.name)
    const atTransfer = stream.committed()
    await until(async () => stream.committed() > atTransfer + 20)
    await stream.stop()
    expect(stream.errors).toEqual([])

    // Refused: a stopped target, an unknown one, a client instead of an admin; the leader stays.
    const leader = await net.leader()
    const down = net.orderers.find((o) => o.name !== leader.name)!
    await net.stop(down.name)
    try {
      const refused = await until(async () => {
        const r = await consort('--json', 'orderer', 'transfer-leader', '--to', down.name)
        return r.code === 1 && JSON.parse(r.stdout).error.code === 'TARGET_DOWN'
      })
      expect(refused).toBe(true)
    } finally {
      await net.start(down.name)
    }
    expect(JSON.parse((await consort('--json', 'orderer', 'transfer-leader', '--to', 'nope')).stdout).error).toMatchObject({
      code: 'UNKNOWN_CONSENTER',
      message: expect.stringContaining('consenters: orderer0.org1'),
    })
    const asClient = await consort(
      ...['--json', 'orderer', 'transfer-leader', '--profile', net.manifest.connectionProfile],
      ...['--identity', join(net.manifest.dir, 'orgs', 'Org1', 'users', 'client')],
    )
    expect(JSON.parse(asClient.stdout).error).toMatchObject({ code: 'NOT_AUTHORIZED', message: expect.stringContaining('only org admins') })
    expect((await net.leader()).name).toBe(leader.name)
  })

  it('restarting every orderer and peer one at a time under a submit stream gives clients no error', async () => {
    const stream = submitStream(client, 'rolling')
    const height = async (name: string) => Number((await net.status(name))?.height ?? -1)
    for (const node of [...net.orderers, ...net.peers]) {
      const before = stream.committed()
      await net.stop(node.name)
      await net.start(node.name)
      // Back, caught up with the leader, and the stream went on meanwhile.
      expect(await until(async () => (await height(node.name)) >= (await height((await net.leader()).name)) - 1)).toBe(true)
      expect(await until(async () => stream.committed() > before)).toBe(true)
    }
    await stream.stop()
    expect(stream.errors).toEqual([])
    expect(stream.committed()).toBeGreaterThan(100)
  })

  it('through the CLI: non-zero exit and a sentence', async () => {
    const unknown = await consort('invoke', 'nope', 'X')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/no contract named nope/)
    const arity = await consort('query', 'asset-transfer', 'ReadAsset')
    expect(arity.code).toBe(1)
    expect(arity.stderr).toMatch(/takes 1 argument/)
    const json = await consort('--json', 'query', 'asset-transfer', 'ReadAsset')
    expect(JSON.parse(json.stdout).error.code).toBe('ERR_SDK_ENDORSE')
    const ok = await consort('--json', 'invoke', 'asset-transfer', 'CreateAsset', 'cli-1', 'red', '1', 'x', '1')
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ validationCode: 'VALID' })
    // The bench command stays runnable (a tiny smoke round, nothing measured).
    const bench = await consort('--json', 'bench', '--rounds', 'create,transfer,query', '--tx', '5', '--out', `${net.manifest.dir}/bench.json`)
    expect(bench.code).toBe(0)
    const rounds = JSON.parse(bench.stdout).rounds as { name: string; succ: number; fail: number; cpu: Record<string, number>; cpuByRole: { total: number } }[]
    expect(rounds.map((r) => r.name)).toEqual(['create', 'transfer', 'query'])
    expect([rounds[0]!.succ, rounds[2]!.succ]).toEqual([5, 5])
    // Transfers from one hot account conflict (MVCC): some may fail, by design.
    expect(rounds[1]!.succ + rounds[1]!.fail).toBe(5)
    expect(Object.keys(rounds[0]!.cpu)).toEqual(expect.arrayContaining(['client', 'peer0.org1', 'orderer0.org1']))
    // CPU per committed transaction by role and in total, the bench's headline figure.
    expect(rounds[0]).toMatchObject({
      'CPU ms/tx': expect.any(Number),
      cpuByRole: { total: expect.any(Number), leaderOrderer: expect.any(Number), gatewayPeer: expect.any(Number) },
    })
    expect(rounds[0]!.cpuByRole.total).toBeGreaterThan(0)
    const ordering = await consort('--json', 'bench', 'ordering', '--tx', '20', '--in-flight', '4')
    expect(ordering.code).toBe(0)
    expect(JSON.parse(ordering.stdout)).toMatchObject({ succ: 20, fail: 0 })
    const failover = await consort('--json', 'bench', 'failover', '--trials', '1')
    expect(failover.code).toBe(0)
    expect(JSON.parse(failover.stdout).summary).toMatchObject({ 'client errors': 0, duplicates: 0, lost: 0 })
    const transfer = await consort('--json', 'bench', 'failover', '--mode', 'transfer', '--trials', '1')
    expect(transfer.code).toBe(0)
    expect(JSON.parse(transfer.stdout).summary).toMatchObject({ 'client errors': 0, duplicates: 0, lost: 0 })
    // Side by side with etcd (the OS package), where it is installed; elsewhere a clear refusal.
    const etcd = await consort('--json', 'bench', 'etcd', '--tx', '20', '--in-flight', '4')
    const etcdOut = JSON.parse(etcd.stdout) as { rounds?: { succ: number }[]; error?: { code: string } }
    expect(etcdOut.rounds?.map((r) => r.succ) ?? etcdOut.error?.code).toEqual(etcd.code === 0 ? [20, 20] : 'ERR_BENCH_NO_ETCD')
    const join = await consort('--json', 'bench', 'join', '--keys', '40', '--per-tx', '20')
    expect(join.code, join.stdout + join.stderr).toBe(0)
    expect(JSON.parse(join.stdout)).toMatchObject({
      stateKeys: expect.any(Number),
      replay: { ms: expect.any(Number) },
      snapshot: { joinMs: expect.any(Number) },
    })
    // Global flags after the subcommand work as well as before it.
    const trailing = await run(process.execPath, ['--no-node-snapshot', cli, 'network', 'status', '--dir', net.manifest.dir, '--json'])
    const nodes = (JSON.parse(trailing.stdout) as { nodes: { version?: string }[] }).nodes
    expect(nodes).toHaveLength(net.manifest.nodes.length)
    // Every node reports its software and wire protocol versions.
    expect(nodes.every((n) => /^\d+\.\d+\.\d+ \(protocol \d+\)$/.test(n.version ?? ''))).toBe(true)
    const noNet = await run(process.execPath, [cli, '--dir', '/nonexistent-consort', 'network', 'status']).catch((e: { code: number; stderr: string }) => e)
    expect((noNet as { code: number }).code).toBe(1)
    expect((noNet as { stderr: string }).stderr).toMatch(/no network in/)
  })

  it('bench scale runs: every dimension, the join of a new peer, JSON and plot (a smoke run, nothing measured)', async () => {
    const small = ['--orgs', '3', '--values', '256,1024', '--tx', '8', '--in-flight', '4', '--max-keys', '1000', '--chain-tx', '20']
    const where = ['--base-port', String(await freePortBlock(12)), '--out', join(net.manifest.dir, 'scale.json')]
    const scale = await consortWithin(230_000, '--json', 'bench', 'scale', ...small, ...where)
    expect(scale.code, scale.stdout + scale.stderr).toBe(0)
    const r = JSON.parse(scale.stdout) as {
      points: { dimension: string; at: number; 'throughput (tps)': number }[]
      join: { txs: number; replay: { txPerSecond: number } }
      svg: string
    }
    expect(r.points.map((p) => [p.dimension, p.at])).toEqual([
      ['orgs', 3],
      ['value size', 256],
      ['value size', 1024],
      ['state size', 1000],
    ])
    expect(r.points.every((p) => p['throughput (tps)'] > 0)).toBe(true)
    // The chain the new peer replays holds at least the 20 transactions added for it and the rounds'.
    expect(r.join.txs).toBeGreaterThan(20 + 3 * 8)
    expect(r.join.replay.txPerSecond).toBeGreaterThan(0)
    expect(await readFile(r.svg, 'utf8')).toMatch(/^<svg/)
  }, 240_000)
})
