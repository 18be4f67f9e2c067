// Request/answer pairs over one libp2p stream (TCP on loopback, noise, yamux, Consort's
// framing), both ends in this process: pairs per second and CPU µs per pair (both ends,
// every thread) for a few request sizes. What a message costs the p2p layer, apart from
// the work it carries.
// Usage: pnpm --filter @consort/bench p2p [-- --pairs 100000 --rounds 3 --in-flight 512]
import { generateKeyPair } from '@consort/crypto'
import { P2PNode } from '@consort/p2p'
import { silentLogger } from '@consort/types'
import { median, numberArg, report } from './report.js'

const pairs = numberArg('--pairs', 100_000)
const inFlight = numberArg('--in-flight', 512)
const rounds = numberArg('--rounds', 3)
const ECHO = '/consort/bench-echo/1.0.0'
const BYTES = { encode: (x: Uint8Array) => x, decode: (x: Uint8Array) => x }

const server = await P2PNode.create({ privateKey: generateKeyPair().privateKey, listen: ['/ip4/127.0.0.1/tcp/0'] }, { logger: silentLogger })
const client = await P2PNode.create({ privateKey: generateKeyPair().privateKey, listen: [] }, { logger: silentLogger })
// Answers of 80 bytes, about a broadcast's answer.
await server.serve(ECHO, async (req) => req.subarray(0, 80), { maxInFlight: 4096 })
const address = server.addresses[0] as string

async function round(n: number, size: number): Promise<void> {
  const req = new Uint8Array(size)
  let sent = 0
  await Promise.all(
    Array.from({ length: Math.min(inFlight, n) }, async () => {
      while (sent < n) {
        sent++
        await client.request(address, ECHO, req, BYTES, 'bytes', 30_000)
      }
    }),
  )
}

const rows = []
try {
  for (const size of [300, 4096, 65_536]) {
    const n = size > 4096 ? Math.max(1, Math.floor(pairs / 10)) : pairs
    await round(Math.max(1, Math.floor(n / 5)), size) // warm-up
    const rates: number[] = []
    const costs: number[] = []
    for (let r = 0; r < rounds; r++) {
      const cpu = process.cpuUsage()
      const start = performance.now()
      await round(n, size)
      const used = process.cpuUsage(cpu)
      rates.push(n / ((performance.now() - start) / 1000))
      costs.push((used.user + used.system) / n)
    }
    rows.push({
      'request bytes': size,
      pairs: n,
      rounds,
      'pairs/s (median)': Math.round(median(rates)),
      'CPU µs per pair (median)': Math.round(median(costs) * 10) / 10,
    })
  }
} finally {
  await client.stop()
  await server.stop()
}
report('p2p', rows, { inFlight })
