// The ordering service as processes: 3 real orderers on 127.0.0.1. One network for the file;
// a test that stops or kills orderers starts them again, and none depends on another's order.
import { Envelope, HeaderType, RefusalCode, Status } from '@consort/types'
import { PROTOCOL } from '@consort/client'
import { RAFT_PROTOCOL } from '@consort/orderer'
import { P2PErrorCode, P2PNode } from '@consort/p2p'
import { createSignedEnvelope } from '@consort/protocol'
import { generateKeyPair } from '@consort/crypto'
import { silentLogger } from '@consort/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memberNode, startNetwork, until } from '../src/fixture.js'
import type { Client, Net } from '../src/fixture.js'

let net: Net
let client: Client

beforeAll(async () => {
  net = await startNetwork({ orderers: 3 })
  await net.leader()
  client = await net.client()
})
afterAll(async () => {
  await net?.teardown()
})

async function submit(data?: string) {
  const { envelope, txId } = client.envelope(data)
  return { txId, envelope, response: await client.orderer.broadcast(envelope, txId) }
}

async function chain(name: string, upTo: number): Promise<string[]> {
  const node = net.orderers.find((o) => o.name === name)!
  const p2p = await memberNode(client.signer)
  const { OrdererClient } = await import('@consort/client')
  const c = new OrdererClient(p2p, [node.address], { signer: client.signer, channelId: net.manifest.channelId, logger: silentLogger })
  const hashes: string[] = []
  for await (const b of c.deliver({ start: 0, stop: upTo })) hashes.push(Buffer.from(b.hash).toString('hex'))
  await p2p.stop()
  return hashes
}

describe('3 orderers', () => {
  it('orders transactions into committed, hash-chained blocks, identical on every orderer', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(`basic-${i}`)))
    for (const r of results) expect(r.response.status).toBe(Status.SUCCESS)
    const top = Math.max(...results.map((r) => r.response.blockNumber))
    const chains = await Promise.all(net.orderers.map((o) => chain(o.name, top)))
    expect(chains[0]).toHaveLength(top + 1)
    expect(chains[1]).toEqual(chains[0])
    expect(chains[2]).toEqual(chains[0])
  })

  it('serves /healthz and Prometheus /metrics on the operations port', async () => {
    const { operationsGet } = await import('@consort/devnet')
    const o = net.orderers[0]!
    // (Another test may have restarted it: healthy once it has a leader and has caught up.)
    expect(await until(async () => (await operationsGet(o, '/healthz'))?.status === 200)).toBe(true)
    const health = await operationsGet(o, '/healthz')
    expect(JSON.parse(health!.body)).toEqual({ status: 'OK', reasons: [] })
    const metrics = await operationsGet(o, '/metrics')
    for (const name of [
      'consort_orderer_raft_role',
      'consort_orderer_raft_term',
      'consort_orderer_leader_changes_total',
      'consort_orderer_raft_committed_index',
      'consort_orderer_block_height',
      'consort_orderer_broadcast_seconds',
      'consort_orderer_persist_seconds',
    ]) {
      expect(metrics?.body).toContain(name)
    }
  })

  it('rejects a bad signature, a stranger, a wrong channel and garbage with typed answers', async () => {
    const { envelope, txId } = client.envelope('to-tamper')
    const env = Envelope.decode(envelope)
    const sig = env.signature.slice()
    sig[0] ^= 1
    const r1 = await client.orderer.broadcast(Envelope.encode({ ...env, signature: sig }), txId)
    expect([r1.status, r1.code]).toEqual([Status.FORBIDDEN, 'BAD_SIGNATURE'])

    const wrong = createSignedEnvelope(client.signer, { type: HeaderType.TRANSACTION, channelId: 'other', timestamp: Date.now(), data: new Uint8Array([1]) })
    const r2 = await client.orderer.broadcast(wrong.envelope, wrong.txId)
    expect([r2.status, r2.code]).toEqual([Status.NOT_FOUND, 'WRONG_CHANNEL'])

    const r3 = await client.orderer.broadcast(new Uint8Array([0x0a, 0x02, 0x01]), '')
    expect([r3.status, r3.code]).toEqual([Status.BAD_REQUEST, RefusalCode.MALFORMED])
  })

  it('a malformed frame closes only its stream; the node keeps serving', async () => {
    const p2p = await memberNode(client.signer)
    const s = await p2p.dial(net.orderers[0]!.address, PROTOCOL.BROADCAST)
    // A length prefix claiming far more than the frame cap.
    await s.stream.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]))
    // The orderer closes that stream: the read ends with STREAM_CLOSED, not a timeout.
    await expect(s.readBytes({ timeoutMs: 5000 })).rejects.toMatchObject({ code: P2PErrorCode.STREAM_CLOSED })
    await p2p.stop()
    expect((await submit('after-garbage')).response.status).toBe(Status.SUCCESS)
  })

  it('a non-consenter key cannot take part in Raft', async () => {
    const intruder = await P2PNode.create({ privateKey: generateKeyPair().privateKey, listen: [] }, { logger: silentLogger })
    const leader = await net.leader()
    // Admission refuses the connection, or the orderer closes the stream before or after a
    // frame: never an answer, never a vote.
    const outcome = await intruder.dial(leader.address, RAFT_PROTOCOL).then(
      async (s) => {
        await s.write(new Uint8Array([0x08, 0x05])).catch(() => undefined) // a MsgVote frame
        return s.readBytes({ timeoutMs: 5000 }).then(
          () => 'answered',
          () => 'closed',
        )
      },
      () => 'refused',
    )
    expect(['refused', 'closed']).toContain(outcome)
    await intruder.stop()
    const status = await net.status(leader.name)
    expect(status?.role).toBe('Leader')
  })

  it('answers a resubmission of an ordered transaction with DUPLICATE_TXID and its block', async () => {
    const first = await submit('once')
    expect(first.response.status).toBe(Status.SUCCESS)
    const again = await client.orderer.broadcast(first.envelope, first.txId)
    expect([again.status, again.code, again.blockNumber]).toEqual([Status.CONFLICT, RefusalCode.DUPLICATE_TXID, first.response.blockNumber])
  })

  it('elects a new leader after the leader is SIGKILLed; broadcasts resume; the old leader catches up', async () => {
    const old = await net.leader()
    // Submitted just before the kill: its answer may be lost, but it must end up ordered exactly once.
    const pending = client.envelope('around-the-kill')
    const inFlight = client.orderer.broadcast(pending.envelope, pending.txId).catch((e: Error) => e)
    const killedAt = Date.now()
    await net.kill(old.name)
    await inFlight
    const fresh = await net.leader(15_000)
    expect(fresh.name).not.toBe(old.name)
    let first: Awaited<ReturnType<typeof submit>> | undefined
    const deadline = Date.now() + 30_000
    for (let i = 0; Date.now() < deadline && first?.response.status !== Status.SUCCESS; i++) {
      first = await submit(`after-kill-${i}`)
    }
    expect(first?.response.status).toBe(Status.SUCCESS)
    console.log(`failover: first commit ${Date.now() - killedAt} ms after SIGKILL of the leader`)

    // The client resubmits the envelope whose answer it may have missed: ordered once.
    const retry = await client.orderer.broadcast(pending.envelope, pending.txId)
    expect([Status.SUCCESS, Status.CONFLICT]).toContain(retry.status)
    const again = await client.orderer.broadcast(pending.envelope, pending.txId)
    expect([again.status, again.code]).toEqual([Status.CONFLICT, RefusalCode.DUPLICATE_TXID])
    expect(again.blockNumber).toBe(retry.blockNumber)

    await net.start(old.name)
    const top = first!.response.blockNumber
    const caughtUp = await until(async () => ((await net.status(old.name))?.height as number) > top, 20_000)
    expect(caughtUp).toBe(true)
    const chains = await Promise.all(net.orderers.map((o) => chain(o.name, top)))
    expect(chains[1]).toEqual(chains[0])
    expect(chains[2]).toEqual(chains[0])
  })

  it('a follower that forwards a broadcast names the leader, and the client sends the next one there', async () => {
    const { OrdererClient } = await import('@consort/client')
    const leader = await net.leader()
    const follower = net.orderers.find((o) => o.name !== leader.name)!
    const p2p = await memberNode(client.signer)
    const c = new OrdererClient(p2p, [follower.address, leader.address], { signer: client.signer, channelId: net.manifest.channelId, logger: silentLogger })
    try {
      const first = client.envelope('via-follower')
      const r1 = await c.broadcast(first.envelope, first.txId)
      expect([r1.status, r1.leader]).toEqual([Status.SUCCESS, leader.address])
      const second = client.envelope('to-the-leader')
      const r2 = await c.broadcast(second.envelope, second.txId)
      expect([r2.status, r2.leader]).toEqual([Status.SUCCESS, ''])
    } finally {
      await p2p.stop()
    }
  })

  it('a deliver stream resumes on another orderer when its orderer stops', async () => {
    const p2p = await memberNode(client.signer)
    const { OrdererClient } = await import('@consort/client')
    const first = net.orderers[0]!
    const endpoints = [first.address, ...net.orderers.slice(1).map((o) => o.address)]
    const c = new OrdererClient(p2p, endpoints, { signer: client.signer, channelId: net.manifest.channelId, logger: silentLogger })
    const start = ((await net.status(first.name))?.height as number) - 1
    const seen: number[] = []
    const reader = (async () => {
      for await (const b of c.deliver({ start })) {
        seen.push(b.number)
        if (seen.length >= 4) return
      }
    })()
    expect((await submit('deliver-1')).response.status).toBe(Status.SUCCESS)
    await net.stop(first.name)
    for (let i = 0; i < 3; i++) {
      let r
      const deadline = Date.now() + 30_000
      for (let k = 0; Date.now() < deadline && r?.response.status !== Status.SUCCESS; k++) r = await submit(`deliver-after-${i}-${k}`)
    }
    await reader
    // No gap and no repeat across the switch of orderers.
    expect(seen).toEqual([start, start + 1, start + 2, start + 3])
    await p2p.stop()
    await net.start(first.name)
  })

  it('with 2 of 3 stopped, broadcasts fail with NO_LEADER; with one back they succeed', async () => {
    const [a, b] = net.orderers
    await net.stop(a!.name)
    await net.stop(b!.name)
    const down = await submit('minority')
    expect(down.response.status).toBe(Status.SERVICE_UNAVAILABLE)
    expect([RefusalCode.NO_LEADER, RefusalCode.LEADER_CHANGED, RefusalCode.TIMEOUT]).toContain(down.response.code)
    await net.start(a!.name)
    let ok: Awaited<ReturnType<typeof submit>> | undefined
    const deadline = Date.now() + 30_000
    for (let i = 0; Date.now() < deadline && ok?.response.status !== Status.SUCCESS; i++) ok = await submit(`majority-${i}`)
    expect(ok?.response.status).toBe(Status.SUCCESS)
    await net.start(b!.name)
  })
})
