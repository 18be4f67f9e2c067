// Peer ledger snapshots (Fabric 2.3's): an org admin has a peer write a snapshot of its ledger;
// a new peer of that org starts from it with `consort node run --from-snapshot`, checks it
// against its hashes and against the channel's chain, and catches up from the next block
// without replaying the blocks before it. A corrupted snapshot is refused.
import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { openSync } from 'node:fs'
import { appendFile, copyFile, cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { connect, deploy } from '@consort/sdk'
import type { Network } from '@consort/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePortBlock, startNetwork, stopProcesses, until, withAssetTransfer, ASSET_TRANSFER } from '../src/fixture.js'
import type { Net } from '../src/fixture.js'

const run = promisify(execFile)
const cli = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url))
let net: Net
let client: Network
const processes: ChildProcess[] = []

const consort = async (...args: string[]) =>
  JSON.parse((await run(process.execPath, ['--no-node-snapshot', cli, '--dir', net.manifest.dir, '--json', ...args], { timeout: 120_000 })).stdout) as Record<
    string,
    unknown
  >

/** A new peer of Org1, initialized as `consort node init` does, with the channel's genesis block. */
async function newPeer(name: string): Promise<{ config: string; address: string; operations: number }> {
  const port = await freePortBlock(2)
  const r = await consort(
    ...['node', 'init', name, '--org', join(net.manifest.dir, 'orgs', 'Org1'), '--kind', 'peer'],
    ...['--listen', `127.0.0.1:${port}`, '--operations', `127.0.0.1:${port + 1}`, '--out', join(net.manifest.dir, 'nodes', name)],
  )
  await copyFile(net.manifest.genesisBlock, join(net.manifest.dir, 'nodes', name, 'genesis.block'))
  return { config: String(r.config), address: String(r.address), operations: port + 1 }
}

const statusAt = async (port: number) =>
  fetch(`http://127.0.0.1:${port}/status`).then(
    (r) => r.json() as Promise<Record<string, unknown>>,
    () => undefined,
  )

beforeAll(async () => {
  net = await startNetwork({ orderers: 3, peersPerOrg: 1 })
  client = await withAssetTransfer(net)
  await Promise.all(Array.from({ length: 60 }, (_, i) => client.contract('asset-transfer').submit('CreateAsset', `before-${i}`, 'blue', '1', 'Ann', '10')))
}, 180_000)

afterAll(async () => {
  await stopProcesses(processes)
  await client?.close()
  await net?.teardown()
})

describe('peer snapshots', () => {
  it('a new peer starts from a snapshot, checks it against the chain, catches up and serves what it holds', async () => {
    // A snapshot at a block to come: the peer takes it once that block commits, before the next.
    const at = Number((await net.status('peer0.org1'))?.height) + 2
    const scheduled = consort('peer', 'snapshot', '--peer', 'peer0.org1', '--at', String(at))
    const peerLog = net.peers.find((p) => p.name === 'peer0.org1')!.log
    expect(await until(async () => (await readFile(peerLog, 'utf8')).includes('ledger snapshot scheduled'))).toBe(true)
    // The network goes on, a block at a time (each batch of submits commits before the next).
    for (let b = 0; b < 5; b++) {
      await Promise.all(
        Array.from({ length: 4 }, (_, i) => client.contract('asset-transfer').submit('CreateAsset', `after-${b * 4 + i}`, 'red', '1', 'Bob', '10')),
      )
    }
    const snap = await scheduled
    expect(snap).toMatchObject({ blockNumber: at, blockHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(Number(snap.stateKeys)).toBeGreaterThanOrEqual(60)
    const past = await run(process.execPath, [
      '--no-node-snapshot',
      cli,
      '--dir',
      net.manifest.dir,
      '--json',
      'peer',
      'snapshot',
      '--peer',
      'peer0.org1',
      '--at',
      '1',
    ]).catch((e: { code: number; stdout: string }) => e)
    expect(JSON.parse(past.stdout)).toMatchObject({
      error: { code: 'ERR_CLI_SNAPSHOT_UNSUPPORTED', message: expect.stringContaining('block 1 is in the past') },
    })
    const peer = await newPeer('peer1.org1')
    const started = Date.now()
    const logFile = join(net.manifest.dir, 'nodes', 'peer1.org1', 'node.log')
    const log = openSync(logFile, 'a')
    processes.push(
      spawn(process.execPath, ['--no-node-snapshot', cli, 'node', 'run', '--config', peer.config, '--from-snapshot', String(snap.dir)], {
        stdio: ['ignore', log, log],
      }),
    )
    const target = Number((await net.status('peer0.org1'))?.height)
    const joined = await until(async () => Number((await statusAt(peer.operations))?.height ?? 0) >= target, 60_000)
    expect(joined, await readFile(logFile, 'utf8')).toBe(true)
    console.log(`peer joined from a snapshot at block ${String(snap.blockNumber)} and caught up to ${target} in ${Date.now() - started} ms`)
    // Through the new peer alone: state from the snapshot, and from the blocks after it.
    const orderers = net.manifest.nodes.filter((n) => n.kind === 'orderer').map((n) => ({ name: n.name, org: n.org, address: n.address }))
    const only = await connect({
      profile: { channel: net.manifest.channelId, orderers, peers: [{ name: 'peer1.org1', org: 'Org1', address: peer.address }] },
      identity: await net.identity(0, 'client'),
    })
    try {
      const read = async (id: string) =>
        JSON.parse(new TextDecoder().decode(await only.contract('asset-transfer').evaluate('ReadAsset', id))) as { Owner: string }
      // (The new peer installs the contract as any new peer of the org does.)
      await deploy({ profile: only.profile, contract: ASSET_TRANSFER, name: 'asset-transfer', admins: [await net.identity(0, 'admin')] })
      expect(await read('before-7')).toMatchObject({ Owner: 'Ann' })
      expect(await read('after-3')).toMatchObject({ Owner: 'Bob' })
    } finally {
      await only.close()
    }
  })

  it('refuses a corrupted snapshot, naming the file, and writes no ledger', async () => {
    // As Org2's admin: only an admin of the peer's org may have it write a snapshot.
    const snap = await consort('peer', 'snapshot', '--peer', 'peer0.org2', '--org', 'Org2')
    const source = String(snap.dir)
    const copy = join(net.manifest.dir, 'tampered-snapshot')
    await cp(source!, copy, { recursive: true })
    await appendFile(join(copy, 'state.jsonl'), '{"ns":"asset-transfer","key":"eA==","block":1,"tx":0,"value":"e30="}\n')
    const peer = await newPeer('peer2.org1')
    const r = await run(process.execPath, ['--no-node-snapshot', cli, 'node', 'run', '--config', peer.config, '--from-snapshot', copy], {
      timeout: 60_000,
    }).catch((e: { code: number; stderr: string }) => e)
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('state.jsonl does not match its sha256 in snapshot.json') })
  })
})
