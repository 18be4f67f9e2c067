import { generateKeyPairSync } from 'node:crypto'
import { DecodeError, Envelope, silentLogger } from '@consort/types'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { LogLimiter, P2PErrorCode, P2PNode, peerIdOf } from '../../src/index.js'
import type { P2PNodeOptions } from '../../src/index.js'

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
      client.request(
        addr,
        RPC,
        Envelope.encode({ payload: new TextEncoder().encode(String(i)), signature: new Uint8Array(), signer: new Uint8Array() }),
        Envelope,
        'Envelope',
        5000,
      )
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => ask(i)))
    const answers = results.map((r) => (r.status === 'fulfilled' ? new TextDecoder().decode(r.value.payload) : (r.reason as { code: string }).code))
    expect(answers).toEqual(Array.from({ length: 50 }, (_, i) => (i === 13 ? P2PErrorCode.REMOTE_FAILED : String(i))))
    expect(most).toBeGreaterThan(1)
    // A frame too short to be a request closes that stream, not the node or other streams.
    const raw = await client.dial(addr, RPC)
    await raw.write(new Uint8Array([1, 2]))
    await expect(raw.readBytes({ timeoutMs: 3000 })).rejects.toMatchObject({ code: P2PErrorCode.STREAM_CLOSED })
    expect(new TextDecoder().decode((await ask(7)).payload)).toBe('7')
  })

  it('frames written in one turn go to the muxer in one piece, and arrive whole and in order', async () => {
    const server = await node(keyPair())
    const client = await node(keyPair())
    const SIZES = '/consort/test-sizes/1.0.0'
    // Lengths whose prefixes take one, two and three bytes, and an empty frame.
    const lengths = [0, 1, 127, 128, 300, 16_384, 70_000]
    const got: Uint8Array[] = []
    await server.handle(SIZES, async (s) => {
      for (let i = 0; i < lengths.length; i++) got.push(await s.readBytes())
      await s.write(new Uint8Array([1]))
    })
    const s = await client.dial(server.addresses[0]!, SIZES)
    const send = vi.spyOn(s.stream, 'send')
    await Promise.all(lengths.map((n, i) => s.write(new Uint8Array(n).fill(i + 1))))
    // One contiguous buffer, not a list of prefixes and frames: each piece of a list became a
    // ciphertext piece of its own and a socket write of its own.
    expect(send).toHaveBeenCalledTimes(1)
    expect(send.mock.calls[0]![0]).toBeInstanceOf(Uint8Array)
    await s.readBytes()
    expect(got.map((b) => b.byteLength)).toEqual(lengths)
    expect(got.every((b, i) => b.every((x) => x === i + 1))).toBe(true)
  })

  it('a frame up to the cap arrives whole, however large (a 10 MB block)', async () => {
    const server = await node(keyPair())
    const client = await node(keyPair())
    const BIG = '/consort/test-big/1.0.0'
    await server.handle(BIG, async (s) => s.write(new TextEncoder().encode(String((await s.readBytes()).byteLength))), { maxFrameBytes: 11 * 1024 * 1024 })
    const s = await client.dial(server.addresses[0]!, BIG)
    await s.write(new Uint8Array(10 * 1024 * 1024).fill(7), { timeoutMs: 30_000 })
    expect(new TextDecoder().decode(await s.readBytes({ timeoutMs: 30_000 }))).toBe(String(10 * 1024 * 1024))
  })

  it('drops a stream that sends far more than its reader takes', async () => {
    const server = await node(keyPair())
    const client = await node(keyPair())
    const DEAF = '/consort/test-deaf/1.0.0'
    let readerSaw: unknown
    let reading!: () => void
    const held = new Promise<void>((r) => (reading = r))
    await server.handle(
      DEAF,
      async (s) => {
        await held
        readerSaw = await s.readBytes().then(
          () => 'a frame',
          (err: unknown) => err,
        )
      },
      { maxFrameBytes: 1024 },
    )
    const s = await client.dial(server.addresses[0]!, DEAF)
    // 6 MB in frames of 1,000 bytes, none read: more than a frame's cap plus 4 MB.
    await Promise.all(Array.from({ length: 6000 }, () => s.write(new Uint8Array(1000)).catch(() => undefined)))
    await expect(s.readBytes({ timeoutMs: 10_000 })).rejects.toMatchObject({ code: P2PErrorCode.STREAM_CLOSED })
    reading()
    await vi.waitFor(() => expect(readerSaw).toMatchObject({ code: P2PErrorCode.STREAM_CLOSED }))
  })

  it("flow control never stalls a stream: a reader that holds back, and requests and answers around the muxer's window", async () => {
    const server = await node(keyPair())
    const client = await node(keyPair())
    // A reader that reads nothing until told: the writer fills the window (256 KB), waits, then goes on.
    const SINK = '/consort/test-sink/1.0.0'
    let release!: () => void
    const released = new Promise<void>((r) => (release = r))
    await server.handle(SINK, async (s) => {
      await released
      let total = 0
      for (let i = 0; i < 40; i++) total += (await s.readBytes()).byteLength
      await s.write(new TextEncoder().encode(String(total)))
    })
    const addr = server.addresses[0]!
    const sink = await client.dial(addr, SINK)
    const writes = Array.from({ length: 40 }, () => sink.write(new Uint8Array(50_000), { timeoutMs: 30_000 }))
    // (However long this takes, the verdict is the same: the reader starts after the writer.)
    setTimeout(release, 300)
    await Promise.all(writes)
    expect(new TextDecoder().decode(await sink.readBytes())).toBe(String(40 * 50_000))
    // Requests and answers of every size around the window, many at once on one request stream, twice over.
    const RPC = '/consort/test-rpc-sizes/1.0.0'
    await server.serve(RPC, async (req) => new Uint8Array(req.byteLength * 2).fill(req[0] ?? 0))
    const sizes = [1, 100, 12_000, 65_536, 131_072, 200_000, 262_144, 300_000, 1_000_000]
    for (let round = 0; round < 2; round++) {
      const answers = await Promise.all(sizes.map((n, i) => client.request(addr, RPC, new Uint8Array(n).fill(i), BYTES, 'bytes', 30_000)))
      expect(answers.map((a) => a.byteLength)).toEqual(sizes.map((n) => n * 2))
      expect(answers.every((a, i) => a.every((b) => b === i))).toBe(true)
    }
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

  describe('admission', () => {
    /** Polls `check` until it holds (at most 200 times, 50 ms apart). */
    const until = async (check: () => boolean): Promise<boolean> => {
      for (let i = 0; i < 200; i++) {
        if (check()) return true
        await new Promise((r) => setTimeout(r, 50))
      }
      return check()
    }
    const enc = new TextEncoder()
    // The credential names the server and the client: it cannot be replayed on another connection.
    const good = { credential: async (server: string, client: string) => enc.encode(`ok ${server} ${client}`) }
    const admission = (o: Partial<NonNullable<P2PNodeOptions['admission']>> = {}) => ({
      admit: (c: Uint8Array, client: string, server: string) => (new TextDecoder().decode(c) === `ok ${server} ${client}` ? undefined : 'not a member'),
      ...o,
    })
    const make = async (extra: Partial<P2PNodeOptions>) => {
      const n = await P2PNode.create({ privateKey: keyPair().privateKey, listen: ['/ip4/127.0.0.1/tcp/0'], ...extra }, { logger: silentLogger })
      nodes.push(n)
      return n
    }

    it('serves a client that presents an admissible credential', async () => {
      const server = await make({ admission: admission() })
      await server.serve(ECHO + '-adm', async (b) => b)
      const client = await make(good)
      expect(await client.request(server.addresses[0]!, ECHO + '-adm', new Uint8Array([7]), BYTES, 'echo', 5000)).toEqual(new Uint8Array([7]))
    })

    it('refuses a credential it does not admit, with the reason', async () => {
      const server = await make({ admission: admission() })
      await server.serve(ECHO + '-adm', async (b) => b)
      const client = await make({ credential: async () => enc.encode('forged') })
      await expect(client.dial(server.addresses[0]!, ECHO + '-adm')).rejects.toMatchObject({
        code: P2PErrorCode.ADMISSION_REFUSED,
        meta: { info: 'not a member' },
      })
    })

    it('refuses streams from a peer that presented nothing, and closes its connection at the deadline', async () => {
      const server = await make({ admission: admission({ timeoutMs: 300 }) })
      await server.serve(ECHO + '-adm', async (b) => b)
      const outsider = await make({})
      await expect(outsider.request(server.addresses[0]!, ECHO + '-adm', new Uint8Array([1]), BYTES, 'echo', 5000)).rejects.toMatchObject({
        code: P2PErrorCode.STREAM_CLOSED,
      })
      expect(outsider.connectedTo(server.peerId)).toBe(true)
      expect(await until(() => !outsider.connectedTo(server.peerId))).toBe(true)
    })

    it('closes the oldest connection waiting for admission when too many wait', async () => {
      const server = await make({ admission: admission({ maxPending: 2, timeoutMs: 60_000 }) })
      await server.handle(ECHO + '-wait', async (s) => void (await s.readBytes({ timeoutMs: 0 })))
      const waiting = [await make({}), await make({}), await make({})]
      for (const w of waiting) {
        await w.dial(server.addresses[0]!, ECHO + '-wait')
        expect(await until(() => w.connectedTo(server.peerId))).toBe(true)
      }
      // The third unadmitted connection pushes out the first, long before its deadline.
      expect(await until(() => !waiting[0]!.connectedTo(server.peerId))).toBe(true)
      expect([waiting[1]!.connectedTo(server.peerId), waiting[2]!.connectedTo(server.peerId)]).toEqual([true, true])
      // A member still gets in.
      await server.serve(ECHO + '-adm', async (b) => b)
      const member = await make(good)
      expect(await member.request(server.addresses[0]!, ECHO + '-adm', new Uint8Array([9]), BYTES, 'echo', 5000)).toEqual(new Uint8Array([9]))
    })
  })
})

describe('LogLimiter', () => {
  it('lets one line per key through per interval and counts the ones held back', () => {
    const l = new LogLimiter(1000)
    expect(l.allow('a', 0)).toEqual({ log: true, held: 0 })
    expect(l.allow('a', 10).log).toBe(false)
    expect(l.allow('a', 20).log).toBe(false)
    expect(l.allow('b', 30).log).toBe(true)
    expect(l.allow('a', 1001)).toEqual({ log: true, held: 2 })
  })
})
