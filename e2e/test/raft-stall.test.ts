// A Raft connection that stops carrying bytes but stays open (a TCP connection waiting out a
// retransmission backoff after its link came back, which can last minutes) is replaced: the
// sender hears nothing back while it keeps sending, drops the connection and dials a new one
// (libp2p's connection monitor would close it too, after its next failed ping: 10 s or more).
// Two real libp2p nodes on 127.0.0.1, the second behind a FaultProxy.
import { randomBytes } from 'node:crypto'
import { FaultProxy, freePort } from '@consort/devnet'
import { RaftTransport } from '@consort/orderer'
import type { TransportHandlers } from '@consort/orderer'
import { P2PNode } from '@consort/p2p'
import { seededRng, silentLogger } from '@consort/types'
import { afterAll, describe, expect, it } from 'vitest'
import { until } from '../src/fixture.js'

type Message = Parameters<RaftTransport['send']>[0][number]
const message = (type: Message['type'], from: number, to: number, index: number): Message => ({
  type,
  from,
  to,
  term: 1,
  logTerm: 1,
  index,
  entries: [],
  commit: 0,
  reject: false,
  rejectHint: 0,
  context: new Uint8Array(),
})

const cleanup: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const c of cleanup.reverse()) await c()
})

describe('the Raft transport', () => {
  it('replaces a connection that stalls while it stays open', async () => {
    const [a, b] = await Promise.all(
      [await freePort(), await freePort()].map((port) =>
        P2PNode.create({ privateKey: randomBytes(32), listen: [`/ip4/127.0.0.1/tcp/${port}`] }, { logger: silentLogger }),
      ),
    )
    cleanup.push(
      () => a!.stop(),
      () => b!.stop(),
    )
    const bPort = Number(b!.addresses[0]!.split('/')[4])
    const proxyPort = await freePort()
    const proxy = await FaultProxy.start(proxyPort, bPort, seededRng(1))
    cleanup.push(() => proxy.close())
    const peers = [
      { id: 1, peerId: a!.peerId, address: a!.addresses[0]! },
      { id: 2, peerId: b!.peerId, address: `/ip4/127.0.0.1/tcp/${proxyPort}/p2p/${b!.peerId}` },
    ]
    const atA: number[] = []
    const atB: number[] = []
    const quiet = { onUnreachable: () => undefined, onSnapshotStatus: () => undefined }
    const said: string[] = []
    const logger = { ...silentLogger, info: (_: unknown, msg: string) => void said.push(msg) }
    const ta = new RaftTransport(a!, 1, peers, { ...quiet, onMessage: (m) => atA.push(m.index) } satisfies TransportHandlers, logger)
    // B answers each heartbeat, as a follower does.
    const tb: RaftTransport = new RaftTransport(
      b!,
      2,
      peers,
      { ...quiet, onMessage: (m) => (atB.push(m.index), tb.send([message('MsgHeartbeatResp', 2, 1, m.index)])) },
      silentLogger,
    )
    await ta.start()
    await tb.start()
    cleanup.push(
      () => ta.stop(),
      () => tb.stop(),
    )

    // A sends a heartbeat every 100 ms, as a leader does.
    let sent = 0
    const beat = setInterval(() => ta.send([message('MsgHeartbeat', 1, 2, ++sent)]), 100)
    cleanup.push(() => clearInterval(beat))
    expect(await until(async () => atA.length > 3, 20_000)).toBe(true)

    proxy.stallOpen()
    const stalledAt = sent
    // Heartbeats sent after the stall reach B, and B's answers reach A, over a new connection
    // the transport dialed itself.
    expect(await until(async () => atB.some((i) => i > stalledAt + 1) && atA.some((i) => i > stalledAt + 1), 30_000)).toBe(true)
    expect(said).toContain('raft connection silent: dialing a new one')
  }, 60_000)
})
