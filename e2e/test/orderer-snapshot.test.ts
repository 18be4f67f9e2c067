// A follower away for 10,000 blocks comes back after the log was compacted: it installs a
// Raft snapshot and fetches the missing blocks from the other orderers.
import { readFile } from 'node:fs/promises'
import { Status } from '@consort/types'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startNetwork } from '../src/fixture.js'
import type { Client, Net } from '../src/fixture.js'

let net: Net
let client: Client
beforeAll(async () => {
  // One transaction per block, a snapshot every 1,000 blocks.
  net = await startNetwork({ orderers: 3, batch: { maxMessageCount: 1 } as never, raft: { snapshotIntervalBlocks: 1000 } as never })
  await net.leader()
  client = await net.client()
})
afterAll(async () => {
  await net?.teardown()
})

async function blast(n: number, prefix: string): Promise<number> {
  let inflight = 0
  let sent = 0
  let done = 0
  let top = 0
  await new Promise<void>((resolve, reject) => {
    const pump = (): void => {
      while (inflight < 256 && sent < n) {
        const { envelope, txId } = client.envelope(`${prefix}-${sent++}`)
        inflight++
        client.orderer.broadcast(envelope, txId).then((r) => {
          if (r.status !== Status.SUCCESS) return reject(new Error(`${r.status} ${r.code} ${r.info}`))
          top = Math.max(top, r.blockNumber)
          inflight--
          if (++done === n) resolve()
          else pump()
        }, reject)
      }
    }
    pump()
  })
  return top
}

it('a follower restarted after 10,000 blocks of absence catches up by snapshot', async () => {
  const leader = await net.leader()
  const away = net.orderers.find((o) => o.name !== leader.name)!
  await net.stop(away.name)
  const top = await blast(10_000, 'absent')
  expect(top).toBeGreaterThanOrEqual(10_000)
  await net.start(away.name)
  const deadline = Date.now() + 60_000
  let status: Record<string, unknown> | undefined
  while (Date.now() < deadline) {
    status = await net.status(away.name)
    if ((status?.height as number) > top) break
    await new Promise((r) => setTimeout(r, 200))
  }
  expect(status?.height as number).toBeGreaterThan(top)
  const log = await readFile(away.log, 'utf8')
  expect(log).toContain('installing raft snapshot')
  expect(log).toContain('caught up')
  // Same chain: the tips agree once every node is at the same height.
  const after = await blast(5, 'after')
  const tips = new Set<string>()
  for (const o of net.orderers) {
    for (let i = 0; i < 50; i++) {
      const s = await net.status(o.name)
      if ((s?.height as number) > after) {
        tips.add(String(s?.tipHash))
        break
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  expect(tips.size).toBe(1)
}, 240_000)
