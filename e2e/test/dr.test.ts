// A DR drill on a network of two sites (east active, west passive: learner orderers and peers),
// through the CLI and the SDK: dr status, a planned switchover under load, and failback.
import { OrdererClient } from '@consort/client'
import type { Network } from '@consort/sdk'
import { RefusalCode, silentLogger, Status } from '@consort/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consortJson, memberNode, startNetwork, submitStream, until, withAssetTransfer } from '../src/fixture.js'
import type { Net } from '../src/fixture.js'

let net: Net
let client: Network

beforeAll(async () => {
  net = await startNetwork({ orderers: 3, peersPerOrg: 1, sites: ['east', 'west'] })
  client = await withAssetTransfer(net, { submitTimeoutMs: 60_000 })
}, 120_000)
afterAll(async () => {
  await client?.close()
  await net?.teardown()
})

const consort = consortJson(() => net.manifest.dir)

interface DrStatusJson {
  activeSite: string
  switchingTo: string
  leader: { name: string; site: string; height: number; tipHash: string } | null
  nodes: { name: string; site: string; member: string; up: boolean; height: number | null; lagBlocks: number | null; lagMs: number | null }[]
  rpo: { site: string; blocks: number; ms: number }[]
}

const drStatus = async () => (await consort('dr', 'status')).json as unknown as DrStatusJson

describe('a passive DR site', () => {
  it('replicates to learner orderers and peers; its nodes refuse transactions with SITE_PASSIVE', async () => {
    await client.contract('asset-transfer').submit('CreateAsset', 'dr-0', 'red', '1', 'x', '1')
    expect(await until(async () => (await drStatus()).nodes.every((n) => n.up && n.lagBlocks === 0))).toBe(true)
    const s = await drStatus()
    expect(s).toMatchObject({ activeSite: 'east', switchingTo: '', leader: { site: 'east' } })
    for (const n of s.nodes) expect(n.member).toBe(n.name.includes('orderer') ? (n.site === 'east' ? 'voter' : 'learner') : 'peer')
    expect(s.rpo).toEqual([{ site: 'west', blocks: 0, ms: 0 }])

    // A west orderer, asked directly, refuses a transaction and names the active site.
    const c = await net.client()
    const west = net.orderers.find((o) => o.site === 'west')!
    const p2p = await memberNode(c.signer)
    const westOnly = new OrdererClient(p2p, [west.address], { signer: c.signer, channelId: net.manifest.channelId, logger: silentLogger })
    const { envelope, txId } = c.envelope()
    const r = await westOnly.broadcast(envelope, txId, 5_000).finally(() => p2p.stop())
    expect(r).toMatchObject({ status: Status.SERVICE_UNAVAILABLE, code: RefusalCode.SITE_PASSIVE })
    expect(r.info).toMatch(/site west is passive; the active site is east/)
  })

  it('switches over to the passive site under load with no client error and RPO 0, and fails back', async () => {
    const stream = submitStream(client, 'switch')
    await until(async () => stream.committed() > 20)
    const sw = await consort('dr', 'switchover', '--to', 'west')
    expect(sw.code, JSON.stringify(sw.json)).toBe(0)
    const r = sw.json as { from: string; to: string; rtoMs: number; rpoBlocks: number; finalSync: { height: number; tipHash: string } }
    expect(r).toMatchObject({ from: 'east', to: 'west', rpoBlocks: 0 })
    console.log(`switchover east → west: RTO ${r.rtoMs} ms, final sync at height ${r.finalSync.height}`)
    const after = stream.committed()
    expect(await until(async () => stream.committed() > after + 20)).toBe(true)
    await stream.stop()
    expect(stream.errors).toEqual([])

    const s = await drStatus()
    expect(s).toMatchObject({ activeSite: 'west', switchingTo: '', leader: { site: 'west' } })
    for (const n of s.nodes.filter((x) => x.name.includes('orderer'))) expect(n.member).toBe(n.site === 'west' ? 'voter' : 'learner')
    // Every node, of either site, ends on the same chain.
    expect(await until(async () => new Set((await drStatus()).nodes.map((n) => `${n.height}`)).size === 1)).toBe(true)
    const tips = await Promise.all(net.manifest.nodes.map(async (n) => String((await net.status(n.name))?.tipHash)))
    expect(new Set(tips).size).toBe(1)

    // Failback is a switchover the other way.
    const back = await consort('dr', 'switchover', '--to', 'east')
    expect(back.code, JSON.stringify(back.json)).toBe(0)
    expect((await drStatus()).leader?.site).toBe('east')
    await client.contract('asset-transfer').submit('CreateAsset', 'dr-back', 'red', '1', 'x', '1')

    // Refused clearly: the active site, an unknown site.
    expect((await consort('dr', 'switchover', '--to', 'east')).json).toMatchObject({ error: { code: 'ERR_DR_ALREADY_ACTIVE' } })
    expect((await consort('dr', 'switchover', '--to', 'north')).json).toMatchObject({ error: { code: 'ERR_DR_UNKNOWN_SITE' } })
  })

  it('promotes the passive site after the whole active site is SIGKILLed; what it says was lost is what the clients lost', async () => {
    // Refused while the active site answers, and without --force.
    expect((await consort('dr', 'promote', '--to', 'west', '--force')).json).toMatchObject({ error: { code: 'ERR_DR_ACTIVE_SITE_REACHABLE' } })
    const acked: string[] = []
    let running = true
    const workers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; running; i++) {
        const key = `lost-${w}-${i}`
        await client
          .contract('asset-transfer')
          .submitWith({}, 'CreateAsset', key, 'red', '1', 'x', '1')
          .then(
            () => acked.push(key),
            () => undefined,
          )
      }
    })
    await until(async () => acked.length > 30)
    for (const node of net.manifest.nodes.filter((n) => n.site === 'east')) await net.kill(node.name)
    running = false
    const ackedAtKill = acked.length
    expect((await consort('dr', 'promote', '--to', 'west')).json).toMatchObject({ error: { code: 'ERR_DR_FORCE_REQUIRED' } })
    const promoted = await consort('dr', 'promote', '--to', 'west', '--force')
    expect(promoted.code, JSON.stringify(promoted.json)).toBe(0)
    const r = promoted.json as { from: string; to: string; lostBlocks: number; heightBefore: number; heightAfter: number; rtoMs: number }
    expect(r).toMatchObject({ from: 'east', to: 'west' })
    console.log(`promote west after losing east: ${r.rtoMs} ms, height ${r.heightBefore} → ${r.heightAfter}, ${r.lostBlocks} block(s) reported lost`)
    await Promise.all(workers)

    // The checker: every submit a client saw succeed before the kill is on the new site's chain, or
    // the promote said blocks were lost.
    const c = client.contract('asset-transfer')
    const missing: string[] = []
    for (const key of acked.slice(0, ackedAtKill)) await c.evaluate('ReadAsset', key).catch(() => missing.push(key))
    expect(missing.length > 0).toBe(r.lostBlocks > 0)
    expect(missing).toEqual([])
    const s = await drStatus()
    expect(s).toMatchObject({ activeSite: 'west', leader: { site: 'west' } })
    await c.submit('CreateAsset', 'after-promote', 'red', '1', 'x', '1')
  })
})
