// Five orderers: any two can fail and the network keeps committing.
import { Status } from '@consort/types'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startNetwork } from '../src/fixture.js'
import type { Client, Net } from '../src/fixture.js'

let net: Net
let client: Client
beforeAll(async () => {
  net = await startNetwork({ orgs: 5, orderers: 5 })
  await net.leader()
  client = await net.client()
})
afterAll(async () => {
  await net?.teardown()
})

async function commit(label: string): Promise<number> {
  const deadline = Date.now() + 30_000
  for (let i = 0; Date.now() < deadline; i++) {
    const { envelope, txId } = client.envelope(`${label}-${i}`)
    const r = await client.orderer.broadcast(envelope, txId)
    if (r.status === Status.SUCCESS) return r.blockNumber
  }
  throw new Error(`could not commit ${label}`)
}

it('keeps committing with the leader and then a second node killed, and both catch up', async () => {
  await commit('warm-up')
  const first = await net.leader()
  await net.kill(first.name)
  const second = await net.leader(15_000)
  expect(second.name).not.toBe(first.name)
  await commit('one-down')
  await net.kill(second.name)
  const third = await net.leader(15_000)
  expect([first.name, second.name]).not.toContain(third.name)
  const top = await commit('two-down')

  await net.start(first.name)
  await net.start(second.name)
  const deadline = Date.now() + 30_000
  // Nothing is submitted any more: every orderer, the two restarted ones too, reaches the same
  // height past `top`, and there all tips hash alike (identical chains).
  let tips: { height: number; tip: string }[] = []
  const converged = () => tips.length === 5 && tips.every((t) => t.height > top && t.height === tips[0]?.height)
  while (Date.now() < deadline && !converged()) {
    await new Promise((r) => setTimeout(r, 200))
    tips = (await Promise.all(net.orderers.map((o) => net.status(o.name)))).flatMap((s) =>
      s === undefined ? [] : [{ height: s.height as number, tip: String(s.tipHash) }],
    )
  }
  expect(tips.map((t) => t.height)).toEqual(Array(5).fill(tips[0]?.height))
  expect(tips[0]?.height).toBeGreaterThan(top)
  expect(new Set(tips.map((t) => t.tip)).size).toBe(1)
}, 180_000)
