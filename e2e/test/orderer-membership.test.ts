// Channel config updates signed by org admins, and consenters added and removed through
// Raft membership changes, one at a time, refused while the cluster is unhealthy. One network
// for the file; each update reads the config in force, so the tests run in any order.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readPrivateKeyFile, sign } from '@consort/crypto'
import { addOrdererNode } from '@consort/devnet'
import { certificateFromPem } from '@consort/identity'
import { createConfigUpdateEnvelope, createSignedEnvelope, readChannelConfig, retireConsenter } from '@consort/protocol'
import type { ChannelConfig } from '@consort/types'
import { ChannelConfig as ChannelConfigCodec, ConfigUpdate, HeaderType, RefusalCode, Status } from '@consort/types'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { freePortBlock, memberNode, startNetwork, until } from '../src/fixture.js'
import type { Client, Net } from '../src/fixture.js'

let net: Net
let client: Client
let admins: { certificate: Uint8Array; privateKey: Uint8Array }[]
let config: ChannelConfig

beforeAll(async () => {
  net = await startNetwork({ orderers: 3 })
  await net.leader()
  client = await net.client()
  admins = await Promise.all(
    net.manifest.orgs.map(async (o) => ({
      certificate: certificateFromPem(await readFile(o.admin.certificate, 'utf8')),
      privateKey: await readPrivateKeyFile(o.admin.privateKey),
    })),
  )
  config = readChannelConfig(new Uint8Array(await readFile(net.manifest.genesisBlock)))
})
afterAll(async () => {
  await net?.teardown()
})

async function update(next: ChannelConfig, signers: typeof admins) {
  const { envelope, txId } = createConfigUpdateEnvelope(client.signer, next, signers, Date.now())
  return client.orderer.broadcast(envelope, txId)
}

async function commit(label: string): Promise<number> {
  const end = Date.now() + 30_000
  for (let i = 0; Date.now() < end; i++) {
    const { envelope, txId } = client.envelope(`${label}-${i}`)
    const r = await client.orderer.broadcast(envelope, txId)
    if (r.status === Status.SUCCESS) return r.blockNumber
  }
  throw new Error(`could not commit ${label}`)
}

it('refuses config updates without enough admin signatures or with the wrong sequence', async () => {
  const next = { ...config, sequence: config.sequence + 1, batch: { ...config.batch!, maxMessageCount: 100 } }
  const one = await update(next, admins.slice(0, 1))
  expect([one.status, one.code]).toEqual([Status.FORBIDDEN, 'NOT_AUTHORIZED'])
  const stale = await update({ ...next, sequence: config.sequence }, admins.slice(0, 2))
  expect([stale.status, stale.code]).toEqual([Status.BAD_REQUEST, 'BAD_CONFIG'])
})

it('applies a config update signed by a majority of org admins', async () => {
  const next = { ...config, sequence: config.sequence + 1, batch: { ...config.batch!, maxMessageCount: 100 } }
  const r = await update(next, admins.slice(0, 2))
  expect(r.status).toBe(Status.SUCCESS)
  config = next
  expect(await until(async () => (await Promise.all(net.orderers.map((o) => net.status(o.name)))).every((s) => s?.configSequence === 1))).toBe(true)
})

it('adds a consenter (learner, then voter) only while the cluster is healthy, and it votes', async () => {
  const port = await freePortBlock(2)
  const { node, consenter } = await addOrdererNode(net.manifest, 'Org1', { raftId: 4, port })
  const next = { ...config, sequence: config.sequence + 1, consenters: [...config.consenters, consenter] }

  const leader = await net.leader()
  const victim = net.orderers.find((o) => o.name !== leader.name)!
  await net.stop(victim.name)
  // Until the leader has noticed the silence.
  expect(await until(async () => (await net.status(leader.name))?.membershipChangeReady === false)).toBe(true)
  const refused = await update(next, admins.slice(0, 2))
  expect([refused.status, refused.code]).toEqual([Status.SERVICE_UNAVAILABLE, RefusalCode.CLUSTER_UNHEALTHY])
  await net.start(victim.name)
  await until(async () => {
    const r = await update(next, admins.slice(0, 2))
    if (process.env.DEBUG_E2E) console.log('add consenter:', r.status, r.code, r.info)
    return r.status === Status.SUCCESS
  })
  config = next

  // The new node starts from the config block that added it and fetches the chain.
  const leaderNow = await net.leader()
  const height = (await net.status(leaderNow.name))?.height as number
  const { OrdererClient } = await import('@consort/client')
  const { silentLogger } = await import('@consort/types')
  const p2p = await memberNode(client.signer)
  const oc = new OrdererClient(p2p, [leaderNow.address], { signer: client.signer, channelId: net.manifest.channelId, logger: silentLogger })
  let joinBlock: Uint8Array | undefined
  for await (const b of oc.deliver({ start: 0, stop: height - 1 })) {
    try {
      if (readChannelConfig(b.bytes).sequence === next.sequence) joinBlock = b.bytes
    } catch {
      // not a config block
    }
  }
  await p2p.stop()
  expect(joinBlock).toBeDefined()
  // node init's node.json starts the node from genesis.block in its folder: there goes the block that added it.
  await writeFile(join(node.dataDir, '..', 'genesis.block'), joinBlock!)
  net.orderers.push(node)
  await net.start(node.name)
  expect(await until(async () => ((await net.status(leaderNow.name))?.voters as number[] | undefined)?.includes(4) === true)).toBe(true)
  const top = await commit('with-four')
  expect(await until(async () => ((await net.status(node.name))?.height as number) > top)).toBe(true)

  // With 4 voters the quorum is 3: killing one original orderer leaves a quorum only with the new one.
  const other = net.orderers.find((o) => o.name !== node.name && o.name !== leaderNow.name)!
  await net.kill(other.name)
  expect(await commit('needs-the-new-voter')).toBeGreaterThan(top)

  // Remove the dead consenter: allowed though it is down, as the others are healthy.
  const removed = config.consenters.find((c) => c.name === other.name)!
  const smaller = retireConsenter({ ...config, sequence: config.sequence + 1 }, removed.id)
  let r
  await until(async () => {
    r = await update(smaller, admins.slice(0, 2))
    return r.status === Status.SUCCESS
  })
  expect(r!.status).toBe(Status.SUCCESS)
  expect(
    await until(async () => {
      const voters = (await net.status((await net.leader()).name))?.voters as number[] | undefined
      return voters !== undefined && !voters.includes(removed.id) && voters.length === 3
    }),
  ).toBe(true)
  expect(await commit('after-removal')).toBeGreaterThan(top)

  // The removed consenter's id is retired for good: a new consenter cannot take it.
  config = smaller
  const reborn = { ...removed, name: 'reborn' }
  const reusing = { ...config, sequence: config.sequence + 1, consenters: [...config.consenters, reborn] }
  // createConfigUpdateEnvelope refuses to draft it; a hostile client encodes it by hand.
  expect(() => createConfigUpdateEnvelope(client.signer, reusing, admins.slice(0, 2), Date.now())).toThrow(/consenter id \d+ \(reborn\) was used before/)
  const body = ChannelConfigCodec.encode(reusing)
  const signatures = admins.slice(0, 2).map((a) => ({ signer: a.certificate, signature: sign(a.privateKey, body) }))
  const data = ConfigUpdate.encode({ config: body, signatures })
  const crafted = createSignedEnvelope(client.signer, { type: HeaderType.CONFIG_UPDATE, channelId: config.channelId, timestamp: Date.now(), data })
  const reuse = await client.orderer.broadcast(crafted.envelope, crafted.txId)
  expect([reuse.status, reuse.code]).toEqual([Status.BAD_REQUEST, 'BAD_CONFIG'])
  expect(reuse.info).toContain(`consenter id ${removed.id} (reborn) was used before`)
}, 240_000)
