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

  it('times out a read that gets no frame', async () => {
    const server = await node(keyPair())
    const client = await node(keyPair())
    await server.handle(ECHO, async () => new Promise((r) => setTimeout(r, 2000)))
    const s = await client.dial(server.addresses[0]!, ECHO)
    await expect(s.readBytes({ timeoutMs: 200 })).rejects.toMatchObject({ code: P2PErrorCode.TIMEOUT })
  })
})
