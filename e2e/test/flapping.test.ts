// No flapping: three orderers of three orgs, each on a host of its own (a network namespace),
// and one host's link going down and up every 300-700 ms for 60 s. A flapping follower must
// cause no election at all; a flapping leader link at most a few, never one per flap (PreVote,
// CheckQuorum). Elections are counted by the Raft term every orderer reports. Needs network
// namespaces (root and `ip netns`, as in CI); elsewhere the test says why it is skipped.
import type { ChildProcess } from 'node:child_process'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { NetworkNamespaces } from '@consort/devnet'
import { seededRng } from '@consort/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stopProcesses, until } from '../src/fixture.js'
import { makeHosts } from '../src/hosts.js'
import type { Hosts } from '../src/hosts.js'

const cli = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url))
const FLAP_MS = Number(process.env.CONSORT_FLAP_MS ?? 60_000)
let hosts: Hosts
let root: string
const processes: ChildProcess[] = []
const orgDir = (i: number) => join(root, `org${i + 1}`)

const consort = async (i: number, ...args: string[]) => JSON.parse((await hosts.node(i, [cli, '--json', ...args])).stdout) as Record<string, unknown>
const status = (i: number) => hosts.getJson(i, hosts.address(i), 7051, '/status')

/** Every orderer's status, asked on its own host. */
async function statuses(): Promise<{ term: number; leader: number; raftId: number }[]> {
  const all = await Promise.all([0, 1, 2].map((i) => status(i)))
  return all.map((s) => ({ term: Number(s?.term ?? -1), leader: Number(s?.leader ?? -1), raftId: Number(s?.raftId ?? -1) }))
}

/** Once every orderer agrees on a leader: its index, and the term. */
async function settled(): Promise<{ leader: number; term: number }> {
  let found: { leader: number; term: number } | undefined
  let last: unknown
  const ok = await until(async () => {
    const s = await statuses()
    last = s
    const leader = s[0]!.leader
    if (leader <= 0 || !s.every((x) => x.leader === leader && x.term === s[0]!.term)) return false
    found = { leader: s.findIndex((x) => x.raftId === leader), term: s[0]!.term }
    return found.leader >= 0
  }, 30_000)
  expect(ok, `orderers did not agree on a leader: ${JSON.stringify(last)}`).toBe(true)
  return found!
}

/** Takes host i's link down and up, 300-700 ms each way (seeded), for FLAP_MS; returns the flaps. */
async function flap(i: number, seed: number): Promise<number> {
  const rng = seededRng(seed)
  const end = Date.now() + FLAP_MS
  let flaps = 0
  try {
    while (Date.now() < end) {
      await hosts.setLink!(i, false)
      await new Promise((r) => setTimeout(r, 300 + rng.next() * 400))
      await hosts.setLink!(i, true)
      flaps++
      await new Promise((r) => setTimeout(r, 300 + rng.next() * 400))
    }
  } finally {
    await hosts.setLink!(i, true)
  }
  return flaps
}

beforeAll(async () => {
  if (!netns) return
  hosts = await makeHosts(3)
  root = await mkdtemp(join(tmpdir(), 'consort-flapping-'))
  for (let i = 0; i < 3; i++) {
    await consort(i, 'org', 'init', `Org${i + 1}`, '--out', orgDir(i))
    await consort(
      ...[i, 'node', 'init', `orderer0.org${i + 1}`, '--org', orgDir(i), '--kind', 'orderer'],
      ...['--listen', `${hosts.address(i)}:7050`, '--operations', `${hosts.address(i)}:7051`, '--out', join(orgDir(i), 'orderer')],
    )
  }
  const genesis = join(root, 'genesis.block')
  await consort(0, 'channel', 'genesis', ...[0, 1, 2].flatMap((i) => ['--org', join(orgDir(i), 'org.json')]), '--out', genesis)
  for (let i = 0; i < 3; i++) {
    await copyFile(genesis, join(orgDir(i), 'orderer', 'genesis.block'))
    processes.push(hosts.spawnNode(i, [cli, 'node', 'run', '--config', join(orgDir(i), 'orderer', 'node.json')]))
  }
}, 120_000)

afterAll(async () => {
  await stopProcesses(processes)
  await hosts?.destroy()
  if (root !== undefined) await rm(root, { recursive: true, force: true })
})

// Network namespaces (root and `ip netns`, as in CI) or nothing: a proxy cannot cut a link both ways.
const netns = process.env.CONSORT_E2E_HOSTS !== 'loopback' && (await NetworkNamespaces.available())
if (!netns) console.log('flapping.test.ts: skipped, it needs network namespaces (root and ip netns)')

describe.skipIf(!netns)('links that flap', () => {
  it('a flapping follower causes no election', async () => {
    const before = await settled()
    const follower = [0, 1, 2].find((i) => i !== before.leader)!
    const flaps = await flap(follower, 1)
    const after = await settled()
    console.log(`flapping follower: ${flaps} flaps in ${FLAP_MS / 1000} s; term ${before.term} → ${after.term}`)
    expect(flaps).toBeGreaterThan(FLAP_MS / 2000)
    expect(after).toEqual(before)
  }, 120_000)

  it('a flapping leader link causes at most a few elections, never one per flap', async () => {
    const before = await settled()
    const flaps = await flap(before.leader, 2)
    const after = await settled()
    console.log(`flapping leader: ${flaps} flaps in ${FLAP_MS / 1000} s; term ${before.term} → ${after.term}`)
    expect(flaps).toBeGreaterThan(FLAP_MS / 2000)
    expect(after.term - before.term).toBeLessThanOrEqual(3)
  }, 120_000)
})
