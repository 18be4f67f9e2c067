import { generateKeyPairSync } from 'node:crypto'
import { DecodeError, Envelope, silentLogger } from '@consort/types'
import { afterAll, describe, expect, it } from 'vitest'
import { P2PErrorCode, P2PNode, peerIdOf } from '../../src/index.js'

function keyPair(): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const priv = privateKey.export({ format: 'jwk' })
  const pub = publicKey.export({ format: 'jwk' })
  return { privateKey: new Uint8Array(Buffer.from(priv.d as string, 'base64url')), publicKey: new Uint8Array(Buffer.from(pub.x as string, 'base64url')) }
}

const ECHO = '/consort/test-echo/1.0.0'
const BYTES = { encode: (x: Uint8Array) => x, decode: (x: Uint8Array) => x }
const nodes: P2PNode[] = []
afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()))
})

async function node(keys: { privateKey: Uint8Array }, isAllowed?: (p: string) => boolean): Promise<P2PNode> {
  const n = await P2PNode.create(
    { privateKey: keys.privateKey, listen: ['/ip4/127.0.0.1/tcp/0'], ...(isAllowed ? { isAllowed } : {}) },
    { logger: silentLogger },
  )
  nodes.push(n)
  return n
}

describe('P2PNode', () => {
  it('derives its peer id from its certificate key', async () => {
    const keys = keyPair()
    const n = await node(keys)
    expect(n.peerId).toBe(peerIdOf(keys.publicKey))
  })

  it('exchanges protobuf frames, and a malformed frame fails only its own stream', async () => {
    const server = await node(keyPair())
    const client = await node(keyPair())
    const seen: string[] = []
    await server.handle(
      ECHO,
      async (s) => {
        for (;;) {
          const env = await s.read(Envelope, 'Envelope')
          seen.push(new TextDecoder().decode(env.payload))
          await s.write(Envelope.encode(env))
        }
      },
      { maxFrameBytes: 1024 },
    )
    const addr = server.addresses[0]!
    const good = await client.dial(addr, ECHO)
    await good.write(Envelope.encode({ payload: new TextEncoder().encode('one'), signature: new Uint8Array(), signer: new Uint8Array() }))
    expect(new TextDecoder().decode((await good.read(Envelope, 'Envelope')).payload)).toBe('one')

    const bad = await client.dial(addr, ECHO)
    await bad.write(new Uint8Array([0x0f, 0xff, 0xff]))
    await expect(bad.readBytes({ timeoutMs: 3000 })).rejects.toMatchObject({ code: P2PErrorCode.STREAM_CLOSED })

    const big = await client.dial(addr, ECHO)
    await big.write(new Uint8Array(4096))
    await expect(big.readBytes({ timeoutMs: 3000 })).rejects.toMatchObject({ code: P2PErrorCode.STREAM_CLOSED })

    // The first stream and the node are unaffected.
    await good.write(Envelope.encode({ payload: new TextEncoder().encode('two'), signature: new Uint8Array(), signer: new Uint8Array() }))
    expect(new TextDecoder().decode((await good.read(Envelope, 'Envelope')).payload)).toBe('two')
    expect(seen).toEqual(['one', 'two'])
  })

  it('decoding a frame that is not the expected message throws DecodeError', async () => {
    const server = await node(keyPair())
    const client = await node(keyPair())
    await server.handle(ECHO, async (s) => {
      await s.write(new Uint8Array([0x0f]))
    })
    const s = await client.dial(server.addresses[0]!, ECHO)
    await expect(s.read(Envelope, 'Envelope')).rejects.toBeInstanceOf(DecodeError)
  })

  it('refuses connections from peers it does not admit', async () => {
    const friend = keyPair()
    const server = await node(keyPair(), (p) => p === peerIdOf(friend.publicKey))
    await server.handle(ECHO, async (s) => {
      await s.write(await s.readBytes())
    })
    const stranger = await node(keyPair())
    await expect(stranger.dial(server.addresses[0]!, ECHO, { timeoutMs: 3000 })).rejects.toMatchObject({ code: P2PErrorCode.DIAL_FAILED })
    const ok = await node(friend)
    const s = await ok.dial(server.addresses[0]!, ECHO)
    await s.write(new Uint8Array([1, 2, 3]))
    expect(await s.readBytes()).toEqual(new Uint8Array([1, 2, 3]))
  })

  it('ends a request stream whose first request does not come in time', async () => {
    const server = await node(keyPair())
    const client = await node(keyPair())
    await server.serve(ECHO + '-rpc', async (b) => b, { firstFrameTimeoutMs: 200 })
    const s = await client.dial(server.addresses[0]!, ECHO + '-rpc')
    // The server gives up on the silent stream long before this read would time out.
    await expect(s.readBytes({ timeoutMs: 20_000 })).rejects.toMatchObject({ code: P2PErrorCode.STREAM_CLOSED })
  })

  it('times out a read that gets no frame', async () => {
    const server = await node(keyPair())
    const client = await node(keyPair())
    await server.handle(ECHO, async () => new Promise((r) => setTimeout(r, 2000)))
    const s = await client.dial(server.addresses[0]!, ECHO)
    await expect(s.readBytes({ timeoutMs: 200 })).rejects.toMatchObject({ code: P2PErrorCode.TIMEOUT })
  })

  it('carries many requests on one stream, answered out of order; a failing handler fails only its request', async () => {
    const server = await node(keyPair())
    const client = await node(keyPair())
    const RPC = '/consort/test-rpc/1.0.0'
    let concurrent = 0
    let most = 0
    await server.serve(RPC, async (req) => {
      concurrent++
      most = Math.max(most, concurrent)
      const text = new TextDecoder().decode(Envelope.decode(req).payload)
      // Later requests finish first.
      await new Promise((r) => setTimeout(r, 200 - Number(text) * 2))
      concurrent--
      if (text === '13') throw new Error('thirteen is unlucky')
      return req
    })
    const addr = server.addresses[0]!
    const ask = (i: number) =>
      client.request(addr, RPC, Envelope.encode({ payload: new TextEncoder().encode(String(i)), signature: new Uint8Array(), signer: new Uint8Array() }), Envelope, 'Envelope', 5000)
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => ask(i)))
    results.forEach((r, i) => {
      if (i === 13) expect(r).toMatchObject({ status: 'rejected', reason: { code: P2PErrorCode.REMOTE_FAILED } })
      else expect(r.status === 'fulfilled' && new TextDecoder().decode(r.value.payload)).toBe(String(i))
    })
    expect(most).toBeGreaterThan(1)
    // A frame too short to be a request closes that stream, not the node or other streams.
    const raw = await client.dial(addr, RPC)
    await raw.write(new Uint8Array([1, 2]))
    await expect(raw.readBytes({ timeoutMs: 3000 })).rejects.toMatchObject({ code: P2PErrorCode.STREAM_CLOSED })
    expect(new TextDecoder().decode((await ask(7)).payload)).toBe('7')
  })

  it('a request that gets no answer times out alone, and the stream is opened again after it breaks', async () => {
    const server = await node(keyPair())
    const client = await node(keyPair())
    const RPC = '/consort/test-rpc/1.0.0'
    await server.serve(RPC, async (req) => {
      if (req[0] === 0) await new Promise((r) => setTimeout(r, 3000))
      return req
    })
    const addr = server.addresses[0]!
    const slow = client.request(addr, RPC, new Uint8Array([0]), BYTES, 'bytes', 200)
    const fast = client.request(addr, RPC, new Uint8Array([1]), BYTES, 'bytes', 2000)
    await expect(slow).rejects.toMatchObject({ code: P2PErrorCode.TIMEOUT })
    expect(await fast).toEqual(new Uint8Array([1]))
    await client.hangUp(server.peerId)
    await new Promise((r) => setTimeout(r, 100))
    expect(await client.request(addr, RPC, new Uint8Array([2]), BYTES, 'bytes', 2000)).toEqual(new Uint8Array([2]))
  })
})
