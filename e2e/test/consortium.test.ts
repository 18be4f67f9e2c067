// A consortium as its members build it: three orgs, each on its own host (a network namespace
// with its own address where the machine allows it, else a loopback address of its own), each
// holding only its own private keys in its own folder; the genesis block from their public
// org.json files; every node started with `consort node run` on its org's host; a contract
// deployed by each org's admin from its own host and invoked through connection profiles made
// from the genesis block; every command through the CLI, run on the host of the org it acts for.
// One network for the file; the tests run in any order.
import type { ChildProcess } from 'node:child_process'
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { readPrivateKeyFile } from '@consort/crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePortBlock, logsOnFailure, stopProcesses, until } from '../src/fixture.js'
import { makeHosts } from '../src/hosts.js'
import type { Hosts } from '../src/hosts.js'

const cli = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url))
const sdk = pathToFileURL(fileURLToPath(new URL('../../packages/sdk/dist/index.js', import.meta.url))).href
const contractDir = fileURLToPath(new URL('../../contracts/asset-transfer', import.meta.url))
const ORGS = ['Org1', 'Org2', 'Org3', 'Org4']

let hosts: Hosts
let root: string
let port: number
const processes: ChildProcess[] = []
const orgDir = (i: number) => join(root, `host${i + 1}`, ORGS[i]!.toLowerCase())
const profile = (i: number) => join(orgDir(i), 'profile.json')
const user = (i: number, who: 'admin' | 'client') => join(orgDir(i), 'users', who)

/** Runs a consort command on org i's host; its JSON result. */
async function consort(i: number, ...args: string[]): Promise<Record<string, unknown>> {
  const r = await hosts.node(i, [cli, '--json', ...args])
  return JSON.parse(r.stdout) as Record<string, unknown>
}

/** Runs a consort command on org i's host, expected to fail; its exit status and error. */
async function refused(i: number, ...args: string[]): Promise<{ code: number; error: { code: string; message: string; reason?: string } }> {
  const e = (await hosts.node(i, [cli, '--json', ...args]).then(
    () => ({ code: 0, stdout: '{}' }),
    (err: { code: number; stdout: string }) => err,
  )) as { code: number; stdout: string }
  return { code: e.code, error: (JSON.parse(e.stdout) as { error: { code: string; message: string } }).error }
}

/** Where the nodes log: shown for a test that fails. */
const logs = new Set<string>()
logsOnFailure(() => [...logs])
/** Starts a node with `consort node run` on org i's host. */
function nodeRun(i: number, nodeDir: string): void {
  const log = join(nodeDir, 'node.log')
  logs.add(log)
  processes.push(hosts.spawnNode(i, [cli, 'node', 'run', '--config', join(nodeDir, 'node.json')], log))
}

/** A node's /status, asked from its own host (orderer: operations on port+1; peer: port+3). */
const statusOf = (i: number, p: number) => hosts.getJson(i, hosts.address(i), p, '/status')

/** Org i's admin deploys (installs on its peers, approves; commits once the lifecycle policy is met) from its host. */
const deployAs = (i: number, name: string, policy = 'MAJORITY') =>
  consort(i, 'contract', 'deploy', contractDir, '--name', name, '--policy', policy, '--profile', profile(i), '--identity', user(i, 'admin'))

/** The private key files under a folder. */
async function keyFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile() && e.name === 'key.pem').map((e) => join(e.parentPath, e.name))
}

/** The private keys under a folder (PEM text). */
async function keysUnder(dir: string): Promise<string[]> {
  return Promise.all((await keyFilesUnder(dir)).map((k) => readFile(k, 'utf8')))
}

/** Inits node `kind`0.<org> of org i on its host: orderer on port (operations port+1), peer on port+2 (port+3). */
async function initNode(i: number, kind: 'orderer' | 'peer'): Promise<string> {
  const offset = kind === 'orderer' ? 0 : 2
  const dir = join(orgDir(i), kind)
  await consort(
    i,
    ...['node', 'init', `${kind}0.${ORGS[i]!.toLowerCase()}`, '--org', orgDir(i), '--kind', kind],
    ...['--listen', `${hosts.address(i)}:${port + offset}`, '--operations', `${hosts.address(i)}:${port + offset + 1}`, '--out', dir],
  )
  return dir
}

beforeAll(async () => {
  hosts = await makeHosts(4)
  root = await mkdtemp(join(tmpdir(), 'consort-consortium-'))
  port = await freePortBlock(4)
  // Each org on its own host: its CA, admin and client, an orderer and a peer.
  for (let i = 0; i < 3; i++) {
    await consort(i, 'org', 'init', ORGS[i]!, '--out', orgDir(i))
    await initNode(i, 'orderer')
    await initNode(i, 'peer')
  }
  // The public files travel; one org computes the genesis block and every node starts from it.
  const shared = join(root, 'shared.block')
  await consort(0, 'channel', 'genesis', ...[0, 1, 2].flatMap((i) => ['--org', join(orgDir(i), 'org.json')]), '--out', shared)
  for (let i = 0; i < 3; i++) {
    for (const kind of ['orderer', 'peer']) {
      await copyFile(shared, join(orgDir(i), kind, 'genesis.block'))
      nodeRun(i, join(orgDir(i), kind))
    }
    await consort(i, 'profile', '--channel', shared, '--org', orgDir(i), '--out', profile(i))
  }
  const elected = await until(async () => {
    const s = await Promise.all([0, 1, 2].map((i) => statusOf(i, port + 1)))
    return s.every((x) => x !== undefined && Number(x.leader) > 0)
  })
  expect(elected).toBe(true)
  // As in Fabric, each org's admin installs on its own peers and approves, on its own host; the
  // approval that meets the lifecycle policy (MAJORITY) commits; a later org only installs.
  expect(await deployAs(0, 'asset-transfer')).toMatchObject({ committed: false, approvedBy: ['Org1'], approvals: { Org1: true, Org2: false } })
  expect(await deployAs(1, 'asset-transfer')).toMatchObject({ committed: true, approvedBy: ['Org2'], sequence: 1 })
  expect(await deployAs(2, 'asset-transfer')).toMatchObject({ committed: true, approvedBy: [], installedOn: ['org3-anchor0'], sequence: 1 })
}, 180_000)

afterAll(async () => {
  await stopProcesses(processes)
  await hosts?.destroy()
  if (root !== undefined) await rm(root, { recursive: true, force: true })
})

describe('a consortium of separate orgs', () => {
  it('keeps each org’s private keys in its own folder; org.json and the genesis block hold none', async () => {
    // Where the machine allows network namespaces, each org is on a host of its own.
    const netnsExpected = process.getuid?.() === 0 && process.env.CONSORT_E2E_HOSTS !== 'loopback'
    expect(hosts.mode).toBe(netnsExpected ? 'netns' : 'loopback')
    const keys = await Promise.all([0, 1, 2].map((i) => keysUnder(orgDir(i))))
    // CA, admin, client, orderer, peer.
    expect(keys.map((k) => k.length)).toEqual([5, 5, 5])
    const all = keys.flat()
    expect(new Set(all).size).toBe(all.length)
    for (let i = 0; i < 3; i++) expect(await readFile(join(orgDir(i), 'org.json'), 'utf8')).not.toMatch(/PRIVATE KEY/)
    const genesis = await readFile(join(root, 'shared.block'))
    for (let i = 0; i < 3; i++) {
      for (const f of await keyFilesUnder(orgDir(i))) expect(genesis.indexOf(Buffer.from(await readPrivateKeyFile(f)))).toBe(-1)
    }
    // Each node listens on its own host's address only.
    const config = JSON.parse(await readFile(join(orgDir(1), 'peer', 'node.json'), 'utf8')) as { listen: string }
    expect(config.listen).toBe(`/ip4/${hosts.address(1)}/tcp/${port + 2}`)
  })

  it('computes the same genesis block from the same org.json files, in any order', async () => {
    // Org3 recomputes it on its own host.
    const a = await consort(2, 'channel', 'genesis', ...[2, 0, 1].flatMap((i) => ['--org', join(orgDir(i), 'org.json')]), '--out', join(root, 'a.block'))
    const b = await consort(2, 'channel', 'inspect', join(root, 'shared.block'))
    expect(a.blockHash).toBe(b.blockHash)
    expect(b).toMatchObject({ channel: 'consort', sequence: 0, policies: { admins: 'MAJORITY Admins' } })
    expect((b.consenters as { org: string }[]).map((c) => c.org)).toEqual(ORGS.slice(0, 3))
    expect((b.orgs as { anchorPeers: string[] }[]).every((o) => o.anchorPeers.length === 1)).toBe(true)
  })

  it('runs the contract across orgs through profiles made from the genesis block', async () => {
    const r = await consort(
      0,
      'invoke',
      'asset-transfer',
      'CreateAsset',
      'consortium-1',
      'blue',
      '5',
      'Tomoko',
      '300',
      '--profile',
      profile(0),
      '--identity',
      user(0, 'client'),
    )
    expect(r).toMatchObject({ validationCode: 'VALID' })
    const read = await consort(2, 'query', 'asset-transfer', 'ReadAsset', 'consortium-1', '--profile', profile(2), '--identity', user(2, 'client'))
    expect(read.result).toMatchObject({ ID: 'consortium-1', Owner: 'Tomoko' })
  })

  it('adds Org4 by an update two of three admins sign on their own machines; its peer joins and endorses; Org4 replaces Org3 as a consenter; Org2 leaves', async () => {
    const org4 = orgDir(3)
    const [client1, latest] = [user(0, 'client'), join(orgDir(0), 'latest.block')]
    await consort(3, 'org', 'init', 'Org4', '--out', org4)
    await initNode(3, 'peer')
    // Org1 drafts the update from the channel's latest config; the draft travels from admin to admin.
    await consort(0, 'channel', 'fetch', '--profile', profile(0), '--identity', client1, '--out', latest)
    const upd = join(root, 'add-org4.json')
    expect(await consort(0, 'channel', 'update', 'add-org', join(org4, 'org.json'), '--channel', latest, '--out', upd)).toMatchObject({
      description: 'add org Org4',
    })
    expect(await refused(0, 'channel', 'sign', upd, '--identity', client1)).toMatchObject({ code: 1, error: { code: 'ERR_CONSORTIUM_BAD_SIGNER' } })
    await consort(0, 'channel', 'sign', upd, '--identity', user(0, 'admin'))
    // One admin of three is short of MAJORITY: the orderers refuse it, and nothing changes.
    expect(await refused(0, 'channel', 'submit', upd, '--profile', profile(0), '--identity', client1)).toMatchObject({
      code: 1,
      error: { code: 'ERR_CLI_UPDATE_NOT_AUTHORIZED' },
    })
    await consort(1, 'channel', 'sign', upd, '--identity', user(1, 'admin'))
    const started = Date.now()
    const done = await consort(0, 'channel', 'submit', upd, '--profile', profile(0), '--identity', client1)
    expect(done).toMatchObject({ sequence: 1 })
    // Submitted again, it is stale: the channel has moved past its sequence.
    // (Stale by the config the CLI reads, or by the orderers' own check if it read a lagging orderer.)
    expect(await refused(0, 'channel', 'submit', upd, '--profile', profile(0), '--identity', client1)).toMatchObject({
      code: 1,
      error: { code: expect.stringMatching(/^ERR_CLI_(STALE_UPDATE|UPDATE_BAD_CONFIG)$/) },
    })

    // Org4 gets the config block that admitted it (from any member); its peer starts from that
    // block, fetches the chain from genesis, and catches up.
    await consort(0, 'channel', 'fetch', '--profile', profile(0), '--identity', client1, '--out', join(org4, 'latest.block'))
    await copyFile(join(org4, 'latest.block'), join(org4, 'peer', 'genesis.block'))
    nodeRun(3, join(org4, 'peer'))
    expect(await until(async () => Number((await statusOf(3, port + 3))?.height ?? 0) > Number(done.blockNumber))).toBe(true)
    // From the update's submission to Org4's peer holding the chain (what an org's joining costs in machine time).
    console.log(`Org4 admitted and its peer caught up in ${Date.now() - started} ms (${hosts.mode} hosts)`)
    // Org4 makes its profile from that block; a contract whose policy names Org4 is deployed by
    // three admins of four (MAJORITY), each from its own host, and a transaction meets it.
    await consort(3, 'profile', '--channel', join(org4, 'latest.block'), '--org', org4, '--out', profile(3))
    const policy = "AND('Org1.peer','Org4.peer')"
    expect(await deployAs(3, 'with-org4', policy)).toMatchObject({ committed: false })
    expect(await deployAs(0, 'with-org4', policy)).toMatchObject({ committed: false })
    expect(await deployAs(1, 'with-org4', policy)).toMatchObject({ committed: true, approvals: { Org1: true, Org2: true, Org3: false, Org4: true } })
    const r = await consort(
      3,
      'invoke',
      'with-org4',
      'CreateAsset',
      'org4-1',
      'green',
      '1',
      'Ann',
      '1',
      '--profile',
      profile(3),
      '--identity',
      user(3, 'client'),
    )
    expect(r).toMatchObject({ validationCode: 'VALID' })

    // Org3's consenter is replaced by one of Org4's: add (then it joins from the block that
    // added it), remove; each update signed by three admins of four (MAJORITY), on their hosts.
    const update = async (label: string, op: string[], signers: number[]): Promise<Record<string, unknown>> => {
      let result: Record<string, unknown> | undefined
      let last = ''
      // Drafted from the latest config, signed, submitted; drafted again if the channel moved on
      // meanwhile, and retried while a consenter change waits for every consenter to be up and
      // caught up (CLUSTER_UNHEALTHY).
      await until(async () => {
        const latestNow = join(root, `${label}.latest.block`)
        await consort(0, 'channel', 'fetch', '--profile', profile(0), '--identity', client1, '--out', latestNow)
        const file = join(root, `${label}.json`)
        await consort(0, 'channel', 'update', ...op, '--channel', latestNow, '--out', file)
        for (const i of signers) await consort(i, 'channel', 'sign', file, '--identity', user(i, 'admin'))
        result = await consort(0, 'channel', 'submit', file, '--profile', profile(0), '--identity', client1).catch((e: { stdout?: string }) => {
          last = e.stdout ?? String(e)
          return undefined
        })
        return result !== undefined
      }, 90_000)
      expect(result, `${label}: ${last}`).toBeDefined()
      return result!
    }
    await initNode(3, 'orderer')
    const added = await update('add-consenter', ['add-consenter', join(org4, 'orderer', 'node.json')], [0, 1, 3])
    await consort(3, 'channel', 'fetch', '--profile', profile(3), '--identity', user(3, 'client'), '--out', join(org4, 'orderer', 'genesis.block'))
    nodeRun(3, join(org4, 'orderer'))
    expect(await until(async () => Number((await statusOf(3, port + 1))?.height ?? 0) > Number(added.blockNumber))).toBe(true)
    await update('remove-consenter', ['remove-consenter', 'orderer0.org3'], [0, 2, 3])
    // Org2 leaves: its consenter first, then the org; its client is refused from then on.
    await update('remove-org2-consenter', ['remove-consenter', 'orderer0.org2'], [0, 2, 3])
    await update('remove-org2', ['remove-org', 'Org2'], [0, 2, 3])
    const fetched = await consort(0, 'channel', 'fetch', '--profile', profile(0), '--identity', client1, '--out', join(root, 'final.block'))
    expect((fetched.orgs as { mspId: string }[]).map((o) => o.mspId)).toEqual(['Org1', 'Org3', 'Org4'])
    expect((fetched.consenters as { name: string }[]).map((c) => c.name)).toEqual(['orderer0.org1', 'orderer0.org4'])
    const org2 = await refused(
      1,
      'invoke',
      'asset-transfer',
      'CreateAsset',
      'org2-after',
      'red',
      '1',
      'x',
      '1',
      '--profile',
      profile(1),
      '--identity',
      user(1, 'client'),
    )
    expect(org2).toMatchObject({ code: 1, error: { code: 'ERR_SDK_ENDORSE', reason: expect.stringMatching(/^(NOT_AUTHORIZED|UNREACHABLE)$/) } })

    // The others go on committing with the two remaining consenters; the SDK, given Org1's
    // profile made from the genesis block, follows the latest config to them (a client program on Org1's host).
    const program = `
      import { connect, loadIdentity } from ${JSON.stringify(sdk)}
      const n = await connect({ profile: ${JSON.stringify(profile(0))}, identity: await loadIdentity(${JSON.stringify(user(0, 'client'))}) })
      await n.refreshEndpoints()
      const r = await n.contract('asset-transfer').submit('CreateAsset', 'after-org2', 'red', '1', 'x', '1')
      console.log(JSON.stringify({ orderers: n.orderers.addresses, peerOrgs: [...new Set(n.peers.map((p) => p.org))].sort(), code: r.validationCode }))
      await n.close()`
    const seen = JSON.parse((await hosts.node(0, ['--input-type=module', '-e', program])).stdout) as { orderers: string[]; peerOrgs: string[]; code: string }
    const consenters = fetched.consenters as { address: string }[]
    expect(seen.orderers.map((a) => a.slice(0, a.indexOf('/p2p/')))).toEqual(consenters.map((c) => c.address))
    expect(seen).toMatchObject({ peerOrgs: ['Org1', 'Org3', 'Org4'], code: 'VALID' })
  }, 300_000)

  it('refuses a tampered org.json, and a node whose config points at another org’s key', async () => {
    const def = JSON.parse(await readFile(join(orgDir(1), 'org.json'), 'utf8')) as { admins: string[]; caCertificate: string }
    // Org2's admin list claims Org3's admin.
    const forged = { ...def, admins: [await readFile(join(orgDir(2), 'users', 'admin', 'cert.pem'), 'utf8')] }
    await writeFile(join(root, 'forged.json'), JSON.stringify(forged))
    const bad = await refused(0, 'channel', 'genesis', '--org', join(orgDir(0), 'org.json'), '--org', join(root, 'forged.json'), '--out', join(root, 'x.block'))
    expect(bad).toMatchObject({
      code: 1,
      error: { code: 'ERR_CONSORTIUM_BAD_ORG', message: expect.stringContaining("not a ADMIN certificate issued by Org2's CA") },
    })
    // A node config whose key file is another org's node key: refused before anything starts.
    const cfg = JSON.parse(await readFile(join(orgDir(0), 'peer', 'node.json'), 'utf8')) as Record<string, unknown>
    const stolen = join(root, 'stolen.json')
    await writeFile(
      stolen,
      JSON.stringify({
        ...cfg,
        certificate: join(orgDir(0), 'peer', 'cert.pem'),
        privateKey: join(orgDir(1), 'peer', 'key.pem'),
        dataDir: join(root, 'stolen'),
        genesisBlock: join(root, 'shared.block'),
      }),
    )
    const r = await hosts.node(0, [cli, 'node', 'run', '--config', stolen], 30_000).catch((e: { code: number; stderr: string }) => e)
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('ERR_CONFIG_KEY_MISMATCH') })
  })
})
