// Orderer backup and restore through the CLI, on three orderer processes: a consistent backup
// of a running orderer, a restore after its data is lost (it catches up), and a restore whose
// chain is ahead of the cluster's (refused at start, naming both heights).
import { cp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { findNode, startNode, waitExit } from '@consort/devnet'
import { Status } from '@consort/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consortJson, startNetwork, until } from '../src/fixture.js'
import type { Client, Net } from '../src/fixture.js'

let net: Net
let client: Client

beforeAll(async () => {
  net = await startNetwork({ orderers: 3 })
  await net.leader()
  client = await net.client()
}, 120_000)
afterAll(async () => {
  await net?.teardown()
})

const consort = consortJson(() => net.manifest.dir)

async function broadcast(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { envelope, txId } = client.envelope()
    expect((await client.orderer.broadcast(envelope, txId)).status).toBe(Status.SUCCESS)
  }
}

const height = async (name: string) => Number((await net.status(name))?.height ?? -1)
const caughtUp = (name: string) => until(async () => (await height(name)) === (await height((await net.leader()).name)))
// orderer0.org1, orderer0.org2, orderer0.org3: each backed up as an admin of its own org.
const backup = (k: number, out: string) => consort('orderer', 'backup', '--org', `Org${k + 1}`, '--out', out)
const at = (name: string) => join(net.manifest.dir, name)

describe('orderer backup and restore', () => {
  it('backs up a running orderer; restored after its data is lost, it rejoins and catches up', async () => {
    await broadcast(5)
    const o2 = net.orderers[1]!
    const made = await backup(1, at('b1'))
    expect(made.code, JSON.stringify(made.json)).toBe(0)
    expect(made.json).toMatchObject({ orderer: o2.name, dir: at('b1') })
    expect(Number(made.json.height)).toBeGreaterThanOrEqual(6)
    // Refused: an admin of another org, a client, a folder that holds files.
    expect((await consort('orderer', 'backup', '--orderer', o2.name, '--out', at('b-x'))).json).toMatchObject({
      error: { code: 'ERR_CLI_BACKUP_NOT_AUTHORIZED', message: expect.stringContaining('only admins of Org2') },
    })
    const asClient = await consort(
      ...['orderer', 'backup', '--profile', net.manifest.connectionProfile, '--identity', join(net.manifest.dir, 'orgs', 'Org2', 'users', 'client')],
      ...['--out', at('b-y')],
    )
    expect(asClient.json).toMatchObject({ error: { code: 'ERR_CLI_BACKUP_NOT_AUTHORIZED' } })
    expect((await backup(1, at('b1'))).json).toMatchObject({ error: { code: 'ERR_BACKUP_BAD_DIR' } })

    await broadcast(5)
    await net.stop(o2.name)
    await rm(o2.dataDir, { recursive: true, force: true })
    // A damaged copy is refused, naming what does not match; nothing is restored.
    await cp(at('b1'), at('b1-bad'), { recursive: true })
    await writeFile(join(at('b1-bad'), 'blocks', 'CURRENT'), 'garbage\n')
    const bad = await consort('orderer', 'restore', '--from', at('b1-bad'), '--config', o2.config)
    expect(bad.json).toMatchObject({ error: { code: 'ERR_BACKUP_CORRUPT', message: expect.stringContaining('blocks') } })
    expect((await consort('orderer', 'restore', '--from', at('b1'), '--config', net.orderers[0]!.config)).json).toMatchObject({
      error: { code: 'ERR_BACKUP_WRONG_NODE' },
    })

    const restored = await consort('orderer', 'restore', '--from', at('b1'), '--config', o2.config)
    expect(restored.code, JSON.stringify(restored.json)).toBe(0)
    await net.start(o2.name)
    expect(await caughtUp(o2.name)).toBe(true)
    await broadcast(3)
    expect(await caughtUp(o2.name)).toBe(true)
  })

  it('refuses to start an orderer restored from a backup ahead of the cluster, naming both heights', async () => {
    // Every orderer backed up at one point, one of them again later; then the cluster is rebuilt
    // from the earlier backups, and the later one is restored on top.
    for (const k of [0, 1, 2]) expect((await backup(k, at(`p1-${k}`))).code).toBe(0)
    await broadcast(5)
    expect((await backup(0, at('p2-0'))).code).toBe(0)
    for (const o of net.orderers) {
      await net.stop(o.name)
      await rm(o.dataDir, { recursive: true, force: true })
    }
    for (const k of [1, 2]) {
      expect((await consort('orderer', 'restore', '--from', at(`p1-${k}`), '--config', net.orderers[k]!.config)).code).toBe(0)
      await net.start(net.orderers[k]!.name)
    }
    await net.leader()
    const o1 = net.orderers[0]!
    expect((await consort('orderer', 'restore', '--from', at('p2-0'), '--config', o1.config)).code).toBe(0)
    const pid = await startNode(findNode(net.manifest, o1.name))
    expect(await waitExit(pid, 30_000)).toBe(true)
    expect(await readFile(o1.log, 'utf8')).toMatch(
      /ERR_ORDERER_RESTORED_AHEAD: this orderer was restored with blocks up to \d+, but the cluster's newest block is \d+/,
    )

    // The earlier backup rejoins.
    await rm(o1.dataDir, { recursive: true, force: true })
    expect((await consort('orderer', 'restore', '--from', at('p1-0'), '--config', o1.config)).code).toBe(0)
    await net.start(o1.name)
    await broadcast(3)
    expect(await caughtUp(o1.name)).toBe(true)

    // A stopped orderer's data, as a forced promotion of a DR site reads it first.
    const o3 = net.orderers[2]!
    await net.stop(o3.name)
    expect((await consort('orderer', 'inspect', '--config', o3.config)).json).toMatchObject({ orderer: o3.name, height: await height(o1.name) })
    const forced = await consort(
      'orderer',
      'force-new-cluster',
      '--config',
      o3.config,
      '--channel',
      net.manifest.genesisBlock,
      '--site',
      'west',
      '--term',
      '99',
    )
    expect(forced.json).toMatchObject({ error: { code: 'ERR_CLI_USAGE', message: expect.stringContaining('not a consenter of site west') } })
    await net.start(o3.name)
    expect(await caughtUp(o3.name)).toBe(true)
  })
})
