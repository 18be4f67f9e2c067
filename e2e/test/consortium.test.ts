// A consortium as its members build it: three orgs, each in its own folder (its "host", with
// its own loopback address 127.0.0.2-4), each holding only its own private keys; the genesis
// block from their public org.json files; every node started with `consort node run`; a
// contract deployed by two orgs' admins and invoked through connection profiles made from the
// genesis block. One network for the file; the tests run in any order.
import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { readPrivateKeyFile } from '@consort/crypto'
import { certificateFromPem } from '@consort/identity'
import { connect, deploy } from '@consort/sdk'
import { ValidationCode } from '@consort/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePortBlock, until } from '../src/fixture.js'

const run = promisify(execFile)
const cli = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url))
const contractDir = fileURLToPath(new URL('../../contracts/asset-transfer', import.meta.url))
const ORGS = ['Org1', 'Org2', 'Org3']
const host = (i: number) => `127.0.0.${i + 2}`

let root: string
let port: number
const processes: ChildProcess[] = []
const orgDir = (i: number) => join(root, `host${i + 1}`, ORGS[i]!.toLowerCase())

async function consort(...args: string[]): Promise<Record<string, unknown>> {
  const r = await run(process.execPath, ['--no-node-snapshot', cli, '--json', ...args], { timeout: 60_000 })
  return JSON.parse(r.stdout) as Record<string, unknown>
}

/** Runs a consort command expected to fail; its exit status and error. */
async function refused(...args: string[]): Promise<{ code: number; error: { code: string; message: string } }> {
  const e = (await run(process.execPath, ['--no-node-snapshot', cli, '--json', ...args], { timeout: 60_000 }).then(
    () => ({ code: 0, stdout: '{}' }),
    (err: { code: number; stdout: string }) => err,
  )) as { code: number; stdout: string }
  return { code: e.code, error: (JSON.parse(e.stdout) as { error: { code: string; message: string } }).error }
}

function statusOf(address: string, p: number): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: address, port: p, path: '/status', timeout: 2000 }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve(JSON.parse(body) as Record<string, unknown>))
    })
    req.on('error', () => resolve(undefined))
    req.on('timeout', () => req.destroy())
    req.end()
  })
}

const identity = async (i: number, who: 'admin' | 'client') => ({
  certificate: certificateFromPem(await readFile(join(orgDir(i), 'users', who, 'cert.pem'), 'utf8')),
  privateKey: await readPrivateKeyFile(join(orgDir(i), 'users', who, 'key.pem')),
})

/** The private key files under a folder. */
async function keyFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile() && e.name === 'key.pem').map((e) => join(e.parentPath, e.name))
}

/** The private keys under a folder (PEM text). */
async function keysUnder(dir: string): Promise<string[]> {
  return Promise.all((await keyFilesUnder(dir)).map((k) => readFile(k, 'utf8')))
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'consort-consortium-'))
  port = await freePortBlock(4)
  // Each org on its own host: its CA, admin and client, an orderer and a peer.
  for (let i = 0; i < 3; i++) {
    await consort('org', 'init', ORGS[i]!, '--out', orgDir(i))
    for (const [kind, offset] of [
      ['orderer', 0],
      ['peer', 2],
    ] as const) {
      await consort(
        ...['node', 'init', `${kind}0.${ORGS[i]!.toLowerCase()}`, '--org', orgDir(i), '--kind', kind],
        ...['--listen', `${host(i)}:${port + offset}`, '--operations', `${host(i)}:${port + offset + 1}`, '--out', join(orgDir(i), kind)],
      )
    }
  }
  // The public files travel; one org computes the genesis block and every node starts from it.
  const shared = join(root, 'shared')
  await consort('channel', 'genesis', ...ORGS.flatMap((_, i) => ['--org', join(orgDir(i), 'org.json')]), '--out', `${shared}.block`)
  for (let i = 0; i < 3; i++) {
    for (const kind of ['orderer', 'peer']) {
      const dir = join(orgDir(i), kind)
      await copyFile(`${shared}.block`, join(dir, 'genesis.block'))
      const child = spawn(process.execPath, ['--no-node-snapshot', cli, 'node', 'run', '--config', join(dir, 'node.json')], { stdio: 'ignore' })
      processes.push(child)
    }
    await consort('profile', '--channel', `${shared}.block`, '--org', orgDir(i), '--out', join(orgDir(i), 'profile.json'))
  }
  const leader = await until(async () => {
    const s = await Promise.all([0, 1, 2].map((i) => statusOf(host(i), port + 1)))
    return s.every((x) => x !== undefined && Number(x.leader) > 0)
  })
  expect(leader).toBe(true)
  await deploy({
    profile: join(orgDir(0), 'profile.json'),
    contract: contractDir,
    name: 'asset-transfer',
    // As in Fabric, each org installs on its own peers: all three admins take part.
    admins: [await identity(0, 'admin'), await identity(1, 'admin'), await identity(2, 'admin')],
  })
}, 120_000)

afterAll(async () => {
  for (const p of processes) p.kill('SIGTERM')
  await Promise.all(processes.map((p) => (p.exitCode !== null ? undefined : new Promise((r) => p.once('exit', r)))))
  if (root !== undefined) await rm(root, { recursive: true, force: true })
})

describe('a consortium of separate orgs', () => {
  it('keeps each org’s private keys in its own folder; org.json and the genesis block hold none', async () => {
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
  })

  it('computes the same genesis block from the same org.json files, in any order', async () => {
    const a = await consort('channel', 'genesis', ...[2, 0, 1].flatMap((i) => ['--org', join(orgDir(i), 'org.json')]), '--out', join(root, 'a.block'))
    const b = await consort('channel', 'inspect', join(root, 'shared.block'))
    expect(a.blockHash).toBe(b.blockHash)
    expect(b).toMatchObject({ channel: 'consort', sequence: 0, policies: { admins: 'MAJORITY Admins' } })
    expect((b.consenters as { org: string }[]).map((c) => c.org)).toEqual(ORGS)
    expect((b.orgs as { anchorPeers: string[] }[]).every((o) => o.anchorPeers.length === 1)).toBe(true)
  })

  it('runs the contract across orgs through profiles made from the genesis block', async () => {
    const org1 = await connect({ profile: join(orgDir(0), 'profile.json'), identity: await identity(0, 'client') })
    const org3 = await connect({ profile: join(orgDir(2), 'profile.json'), identity: await identity(2, 'client') })
    try {
      const r = await org1.contract('asset-transfer').submit('CreateAsset', 'consortium-1', 'blue', '5', 'Tomoko', '300')
      expect(r.validationCode).toBe(ValidationCode.VALID)
      const read = JSON.parse(new TextDecoder().decode(await org3.contract('asset-transfer').evaluate('ReadAsset', 'consortium-1')))
      expect(read).toMatchObject({ ID: 'consortium-1', Owner: 'Tomoko' })
    } finally {
      await org1.close()
      await org3.close()
    }
  })

  it('adds Org4 by an update two of three admins sign on their own machines; its peer joins and endorses; Org4 replaces Org3 as a consenter; Org2 leaves', async () => {
    const org4 = join(root, 'host4', 'org4')
    const profile1 = join(orgDir(0), 'profile.json')
    const [admin1, admin2, client1] = [join(orgDir(0), 'users', 'admin'), join(orgDir(1), 'users', 'admin'), join(orgDir(0), 'users', 'client')]
    await consort('org', 'init', 'Org4', '--out', org4)
    await consort(
      ...['node', 'init', 'peer0.org4', '--org', org4, '--kind', 'peer'],
      ...['--listen', `127.0.0.5:${port + 2}`, '--operations', `127.0.0.5:${port + 3}`, '--out', join(org4, 'peer')],
    )
    // Org1 drafts the update from the channel's latest config; the draft travels from admin to admin.
    const latest = join(orgDir(0), 'latest.block')
    await consort('channel', 'fetch', '--profile', profile1, '--identity', client1, '--out', latest)
    const upd = join(root, 'add-org4.json')
    expect(await consort('channel', 'update', 'add-org', join(org4, 'org.json'), '--channel', latest, '--out', upd)).toMatchObject({
      description: 'add org Org4',
    })
    expect(await refused('channel', 'sign', upd, '--identity', client1)).toMatchObject({ code: 1, error: { code: 'ERR_CONSORTIUM_BAD_SIGNER' } })
    await consort('channel', 'sign', upd, '--identity', admin1)
    // One admin of three is short of MAJORITY: the orderers refuse it, and nothing changes.
    expect(await refused('channel', 'submit', upd, '--profile', profile1, '--identity', client1)).toMatchObject({
      code: 1,
      error: { code: 'ERR_CLI_UPDATE_NOT_AUTHORIZED' },
    })
    await consort('channel', 'sign', upd, '--identity', admin2)
    const done = await consort('channel', 'submit', upd, '--profile', profile1, '--identity', client1)
    expect(done).toMatchObject({ sequence: 1 })
    // Submitted again, it is stale: the channel has moved past its sequence.
    // (Stale by the config the CLI reads, or by the orderers' own check if it read a lagging orderer.)
    expect(await refused('channel', 'submit', upd, '--profile', profile1, '--identity', client1)).toMatchObject({
      code: 1,
      error: { code: expect.stringMatching(/^ERR_CLI_(STALE_UPDATE|UPDATE_BAD_CONFIG)$/) },
    })

    // Org4 gets the config block that admitted it (from any member); its peer starts from that
    // block, fetches the chain from genesis, and catches up.
    await consort('channel', 'fetch', '--profile', profile1, '--identity', client1, '--out', join(org4, 'latest.block'))
    await copyFile(join(org4, 'latest.block'), join(org4, 'peer', 'genesis.block'))
    processes.push(spawn(process.execPath, ['--no-node-snapshot', cli, 'node', 'run', '--config', join(org4, 'peer', 'node.json')], { stdio: 'ignore' }))
    expect(await until(async () => Number((await statusOf('127.0.0.5', port + 3))?.height ?? 0) > Number(done.blockNumber))).toBe(true)
    // Org4 makes its profile from that block, installs, and a policy naming it is met.
    await consort('profile', '--channel', join(org4, 'latest.block'), '--org', org4, '--out', join(org4, 'profile.json'))
    const org4Id = async (who: 'admin' | 'client') => ({
      certificate: certificateFromPem(await readFile(join(org4, 'users', who, 'cert.pem'), 'utf8')),
      privateKey: await readPrivateKeyFile(join(org4, 'users', who, 'key.pem')),
    })
    await deploy({
      profile: join(org4, 'profile.json'),
      contract: contractDir,
      name: 'with-org4',
      policy: "AND('Org1.peer','Org4.peer')",
      admins: [await org4Id('admin'), await identity(0, 'admin'), await identity(1, 'admin')],
    })
    const n4 = await connect({ profile: join(org4, 'profile.json'), identity: await org4Id('client') })
    try {
      const r = await n4.contract('with-org4').submit('CreateAsset', 'org4-1', 'green', '1', 'Ann', '1')
      expect(r.validationCode).toBe(ValidationCode.VALID)
    } finally {
      await n4.close()
    }

    // Org3's consenter is replaced by one of Org4's: add (then it joins from the block that
    // added it), remove; each update signed by three admins of four (MAJORITY), on their machines.
    const admins = [admin1, admin2, join(orgDir(2), 'users', 'admin'), join(org4, 'users', 'admin')]
    const update = async (label: string, op: string[], signers: string[]): Promise<Record<string, unknown>> => {
      let result: Record<string, unknown> | undefined
      let last = ''
      // Drafted from the latest config, signed, submitted; drafted again if the channel moved on
      // meanwhile, and retried while a consenter change waits for every consenter to be up and
      // caught up (CLUSTER_UNHEALTHY).
      await until(async () => {
        const latestNow = join(root, `${label}.latest.block`)
        await consort('channel', 'fetch', '--profile', profile1, '--identity', client1, '--out', latestNow)
        const file = join(root, `${label}.json`)
        await consort('channel', 'update', ...op, '--channel', latestNow, '--out', file)
        for (const a of signers) await consort('channel', 'sign', file, '--identity', a)
        result = await consort('channel', 'submit', file, '--profile', profile1, '--identity', client1).catch((e: { stdout?: string }) => {
          last = e.stdout ?? String(e)
          return undefined
        })
        return result !== undefined
      }, 90_000)
      expect(result, `${label}: ${last}`).toBeDefined()
      return result!
    }
    await consort(
      ...['node', 'init', 'orderer0.org4', '--org', org4, '--kind', 'orderer'],
      ...['--listen', `127.0.0.5:${port}`, '--operations', `127.0.0.5:${port + 1}`, '--out', join(org4, 'orderer')],
    )
    const added = await update('add-consenter', ['add-consenter', join(org4, 'orderer', 'node.json')], [admins[0]!, admins[1]!, admins[3]!])
    await consort('channel', 'fetch', '--profile', profile1, '--identity', client1, '--out', join(org4, 'orderer', 'genesis.block'))
    processes.push(spawn(process.execPath, ['--no-node-snapshot', cli, 'node', 'run', '--config', join(org4, 'orderer', 'node.json')], { stdio: 'ignore' }))
    expect(await until(async () => Number((await statusOf('127.0.0.5', port + 1))?.height ?? 0) > Number(added.blockNumber))).toBe(true)
    await update('remove-consenter', ['remove-consenter', 'orderer0.org3'], [admins[0]!, admins[2]!, admins[3]!])
    // Org2 leaves: its consenter first, then the org; its client is refused from then on.
    await update('remove-org2-consenter', ['remove-consenter', 'orderer0.org2'], [admins[0]!, admins[2]!, admins[3]!])
    await update('remove-org2', ['remove-org', 'Org2'], [admins[0]!, admins[2]!, admins[3]!])
    const fetched = await consort('channel', 'fetch', '--profile', profile1, '--identity', client1, '--out', join(root, 'final.block'))
    expect((fetched.orgs as { mspId: string }[]).map((o) => o.mspId)).toEqual(['Org1', 'Org3', 'Org4'])
    expect((fetched.consenters as { name: string }[]).map((c) => c.name)).toEqual(['orderer0.org1', 'orderer0.org4'])
    const org2 = await connect({ profile: join(orgDir(1), 'profile.json'), identity: await identity(1, 'client'), submitTimeoutMs: 5000 })
    try {
      await expect(org2.contract('asset-transfer').submit('CreateAsset', 'org2-after', 'red', '1', 'x', '1')).rejects.toMatchObject({
        name: 'EndorseError',
        reason: expect.stringMatching(/^(NOT_AUTHORIZED|UNREACHABLE)$/),
      })
    } finally {
      await org2.close()
    }
    // The others go on committing with the two remaining consenters; the SDK, given Org1's
    // profile made from the genesis block, follows the latest config to them.
    const n1 = await connect({ profile: profile1, identity: await identity(0, 'client') })
    try {
      await n1.refreshEndpoints()
      const consenters = fetched.consenters as { address: string }[]
      expect(n1.orderers.addresses.map((a) => a.slice(0, a.indexOf('/p2p/')))).toEqual(consenters.map((c) => c.address))
      expect(new Set(n1.peers.map((p) => p.org))).toEqual(new Set(['Org1', 'Org3', 'Org4']))
      expect((await n1.contract('asset-transfer').submit('CreateAsset', 'after-org2', 'red', '1', 'x', '1')).validationCode).toBe(ValidationCode.VALID)
    } finally {
      await n1.close()
    }
  }, 240_000)

  it('refuses a tampered org.json, and a node whose config points at another org’s key', async () => {
    const def = JSON.parse(await readFile(join(orgDir(1), 'org.json'), 'utf8')) as { admins: string[]; caCertificate: string }
    // Org2's admin list claims Org3's admin.
    const forged = { ...def, admins: [await readFile(join(orgDir(2), 'users', 'admin', 'cert.pem'), 'utf8')] }
    await writeFile(join(root, 'forged.json'), JSON.stringify(forged))
    const bad = await refused('channel', 'genesis', '--org', join(orgDir(0), 'org.json'), '--org', join(root, 'forged.json'), '--out', join(root, 'x.block'))
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
    const r = await run(process.execPath, ['--no-node-snapshot', cli, 'node', 'run', '--config', stolen], { timeout: 30_000 }).catch(
      (e: { code: number; stderr: string }) => e,
    )
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('ERR_CONFIG_KEY_MISMATCH') })
  })
})
