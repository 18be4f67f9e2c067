// Removing an orderer that keeps running: peers follow the config to the remaining
// consenters and keep committing; the removed orderer refuses broadcast and deliver.
// One network for the file, one test.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { readPrivateKeyFile } from '@consort/crypto'
import { certificateFromPem } from '@consort/identity'
import { waitUntil } from '@consort/devnet'
import { PROTOCOL } from '@consort/client'
import { createConfigUpdateEnvelope, createSignedEnvelope, readChannelConfig, retireConsenter } from '@consort/protocol'
import { connect, deploy } from '@consort/sdk'
import type { Network } from '@consort/sdk'
import { DeliverResponse, HeaderType, RefusalCode, SeekInfo, Status, ValidationCode } from '@consort/types'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { memberNode, startNetwork } from '../src/fixture.js'
import type { Client, Net } from '../src/fixture.js'

const contractDir = (name: string) => fileURLToPath(new URL(`../../contracts/${name}`, import.meta.url))
let net: Net
let org1: Network
let client: Client

beforeAll(async () => {
  net = await startNetwork({ orderers: 3, peersPerOrg: 1 })
  await net.leader()
  const admins = [await net.identity(0, 'admin'), await net.identity(1, 'admin')]
  await deploy({ profile: net.manifest.connectionProfile, contract: contractDir('asset-transfer'), name: 'asset-transfer', admins })
  org1 = await connect({ profile: net.manifest.connectionProfile, identity: await net.identity(0, 'client') })
  client = await net.client()
}, 120_000)
afterAll(async () => {
  await org1?.close()
  await client?.close()
  await net?.teardown()
})

it('peers leave a removed orderer for the remaining consenters; the removed one refuses with a clear answer', async () => {
  const config = readChannelConfig(new Uint8Array(await readFile(net.manifest.genesisBlock)))
  // The first consenter: the one every peer streams its blocks from to begin with.
  const victim = config.consenters[0]!
  const victimNode = net.orderers.find((o) => o.name === victim.name)!
  const admins = await Promise.all(
    net.manifest.orgs.slice(0, 2).map(async (o) => ({
      certificate: certificateFromPem(await readFile(o.admin.certificate, 'utf8')),
      privateKey: await readPrivateKeyFile(o.admin.privateKey),
    })),
  )
  const { envelope, txId } = createConfigUpdateEnvelope(client.signer, retireConsenter({ ...config, sequence: 1 }, victim.id), admins, Date.now())
  const r = await client.orderer.broadcast(envelope, txId)
  expect([r.status, r.info]).toEqual([Status.SUCCESS, ''])
  // It keeps running and knows it was removed.
  expect(await waitUntil(async () => (await net.status(victim.name))?.configSequence === 1, 30_000)).toBe(true)

  // Transactions go on committing on every peer.
  const done = await org1.contract('asset-transfer').submit('CreateAsset', 'after-removal', 'blue', '1', 'Ann', '10')
  expect(done.validationCode).toBe(ValidationCode.VALID)
  for (const p of net.peers) {
    expect(await waitUntil(async () => ((await net.status(p.name))?.height as number) > done.blockNumber, 30_000)).toBe(true)
  }

  // The removed orderer refuses to order...
  const refused = await client.orderer.broadcastTo(victimNode.address, client.envelope('to-the-removed').envelope, '')
  expect([refused.status, refused.code]).toEqual([Status.SERVICE_UNAVAILABLE, RefusalCode.NOT_A_CONSENTER])
  expect(refused.info).toContain(`orderer ${victim.name} was removed from the consenters`)
  // ...and to deliver blocks.
  const p2p = await memberNode(client.signer)
  try {
    const stream = await p2p.dial(victimNode.address, PROTOCOL.DELIVER, { timeoutMs: 3000 })
    const seek = createSignedEnvelope(client.signer, {
      type: HeaderType.DELIVER_SEEK,
      channelId: config.channelId,
      timestamp: Date.now(),
      data: SeekInfo.encode({ start: 0, newest: false }),
    })
    await stream.write(seek.envelope)
    const answer = await stream.read(DeliverResponse, 'DeliverResponse', { timeoutMs: 5000 })
    expect(answer.block).toBeUndefined()
    expect(answer.status).toBe(Status.SERVICE_UNAVAILABLE)
    expect(answer.info).toContain('was removed from the consenters')
  } finally {
    await p2p.stop()
  }
}, 120_000)
