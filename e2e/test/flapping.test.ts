// No flapping: three clusters of three orderers of three orgs, each orderer on a host of its own
// (a network namespace), and for 60 s, all at once: in the first a follower's link going down
// and up every 300-700 ms, which must cause no election at all; in the second the leader's, at
// most a few, never one per flap (PreVote, CheckQuorum); in the third a follower losing 30 % of
// its packets each way (iptables), no election. Elections are counted by the Raft term every
// orderer reports. Needs network namespaces (root and `ip netns`, as in CI) and, for the loss,
// iptables; elsewhere the test says why it is skipped.
import type { ChildProcess } from 'node:child_process'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { NetworkNamespaces } from '@consort/devnet'
import { seededRng } from '@consort/types'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { logsOnFailure, stopProcesses, until } from '../src/fixture.js'
import { makeHosts } from '../src/hosts.js'
import type { Hosts } from '../src/hosts.js'

const cli = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url))
const FLAP_MS = Number(process.env.CONSORT_FLAP_MS ?? 60_000)
let hosts: Hosts
let root: string
const processes: ChildProcess[] = []
// Cluster c runs on hosts 3c, 3c+1, 3c+2; host h holds org (h % 3) + 1 of its cluster.
const cluster = (c: number) => [3 * c, 3 * c + 1, 3 * c + 2]
const orgDir = (h: number) => join(root, `cluster${Math.floor(h / 3)}`, `org${(h % 3) + 1}`)

const consort = async (i: number, ...args: string[]) => JSON.parse((await hosts.node(i, [cli, '--json', ...args])).stdout) as Record<string, unknown>
const status = (i: number) => hosts.getJson(i, hosts.address(i), 7051, '/status')

/** Every orderer's status in cluster c, asked on its own host. */
async function statuses(c: number): Promise<{ term: number; leader: number; raftId: number }[]> {
  const all = await Promise.all(cluster(c).map((h) => status(h)))
  return all.map((s) => ({ term: Number(s?.term ?? -1), leader: Number(s?.leader ?? -1), raftId: Number(s?.raftId ?? -1) }))
}

/** Once every orderer of cluster c agrees on a leader: its host, and the term. */
async function settled(c: number): Promise<{ leader: number; term: number }> {
  let found: { leader: number; term: number } | undefined
  let last: unknown
  const ok = await until(async () => {
    const s = await statuses(c)
    last = s
    const leader = s[0]!.leader
    if (leader <= 0 || !s.every((x) => x.leader === leader && x.term === s[0]!.term)) return false
    const at = s.findIndex((x) => x.raftId === leader)
    found = { leader: 3 * c + at, term: s[0]!.term }
    return at >= 0
  }, 30_000)
  if (!ok) throw new Error(`cluster ${c}: orderers did not agree on a leader: ${JSON.stringify(last)}`)
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

logsOnFailure(() => (root === undefined ? [] : [0, 1, 2].flatMap((c) => cluster(c).map((h) => join(orgDir(h), 'orderer', 'node.log')))))

beforeAll(async () => {
  if (!netns) return
  hosts = await makeHosts(9)
  root = await mkdtemp(join(tmpdir(), 'consort-flapping-'))
  for (const c of [0, 1, 2]) {
    for (const h of cluster(c)) {
      await consort(h, 'org', 'init', `Org${(h % 3) + 1}`, '--out', orgDir(h))
      await consort(
        ...[h, 'node', 'init', `orderer0.org${(h % 3) + 1}`, '--org', orgDir(h), '--kind', 'orderer'],
        ...['--listen', `${hosts.address(h)}:7050`, '--operations', `${hosts.address(h)}:7051`, '--out', join(orgDir(h), 'orderer')],
      )
    }
    const genesis = join(root, `cluster${c}`, 'genesis.block')
    await consort(3 * c, 'channel', 'genesis', ...cluster(c).flatMap((h) => ['--org', join(orgDir(h), 'org.json')]), '--out', genesis)
    for (const h of cluster(c)) {
      await copyFile(genesis, join(orgDir(h), 'orderer', 'genesis.block'))
      processes.push(hosts.spawnNode(h, [cli, 'node', 'run', '--config', join(orgDir(h), 'orderer', 'node.json')], join(orgDir(h), 'orderer', 'node.log')))
    }
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

// The two windows run at once, one per cluster.
describe.skipIf(!netns)('links that flap', () => {
  it.concurrent(
    'a flapping follower causes no election',
    async ({ expect }) => {
      const before = await settled(0)
      const follower = cluster(0).find((h) => h !== before.leader)!
      const flaps = await flap(follower, 1)
      const after = await settled(0)
      console.log(`flapping follower: ${flaps} flaps in ${FLAP_MS / 1000} s; term ${before.term} → ${after.term}`)
      expect(flaps).toBeGreaterThan(FLAP_MS / 2000)
      expect(after).toEqual(before)
    },
    120_000,
  )

  it.concurrent(
    'a flapping leader link causes at most a few elections, never one per flap',
    async ({ expect }) => {
      const before = await settled(1)
      const flaps = await flap(before.leader, 2)
      const after = await settled(1)
      console.log(`flapping leader: ${flaps} flaps in ${FLAP_MS / 1000} s; term ${before.term} → ${after.term}`)
      expect(flaps).toBeGreaterThan(FLAP_MS / 2000)
      expect(after.term - before.term).toBeLessThanOrEqual(3)
    },
    120_000,
  )

  it.concurrent(
    'a follower losing 30 % of its packets causes no election',
    async ({ expect, skip }) => {
      if (!(await NetworkNamespaces.lossAvailable())) skip('needs iptables')
      const before = await settled(2)
      const follower = cluster(2).find((h) => h !== before.leader)!
      await hosts.setLoss!(follower, 0.3)
      try {
        await new Promise((r) => setTimeout(r, FLAP_MS))
      } finally {
        await hosts.setLoss!(follower, 0)
      }
      const after = await settled(2)
      console.log(`30% loss on a follower for ${FLAP_MS / 1000} s: term ${before.term} → ${after.term}`)
      expect(after).toEqual(before)
    },
    120_000,
  )
})
