// The cost of a contract call: the module evaluated anew in a warm isolate's frozen realm (the
// invocation path: no state outlives a call) versus a new isolate per call.
// Usage: node --no-node-snapshot --import tsx runtime.ts   (pnpm --filter @consort/bench sandbox)
import { fileURLToPath } from 'node:url'
import { bundleContract } from '@consort/bundle'
import { ContractRuntime, MemoryState } from '@consort/runtime'
import { silentLogger } from '@consort/types'
import { median, report } from './report.js'

// --smoke: a few iterations, so CI keeps the script working without measuring anything.
const runs = process.argv.includes('--smoke') ? { warm: 20, cold: 3 } : { warm: 2000, cold: 100 }
const pkg = await bundleContract(fileURLToPath(new URL('../contracts/asset-transfer', import.meta.url)))
const state = new MemoryState()
state.commit(pkg.name, [{ key: 'a1', isDelete: false, value: new TextEncoder().encode(JSON.stringify({ ID: 'a1', Owner: 'x' })) }], {
  blockNum: 1,
  txNum: 0,
  txId: 'seed',
  timestamp: 0,
})
const creator = { mspId: 'Org1', subject: 'c', issuer: 'ca', role: 'client', attributes: {}, certificate: new Uint8Array([1]) }
const inv = (i: number, fcn: string, args: string[]) => ({ namespace: pkg.name, fcn, args, txId: `t${i}`, channelId: 'b', timestamp: 1, creator })

/** The median wall time of a call, and the CPU time (every thread of the process) per call. */
async function measure(path: string, n: number, fn: (i: number) => Promise<unknown>): Promise<Record<string, string | number>> {
  const xs: number[] = []
  const cpu = process.cpuUsage()
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint()
    await fn(i)
    xs.push(Number(process.hrtime.bigint() - t) / 1e3)
  }
  const used = process.cpuUsage(cpu)
  return { path, 'median µs': Math.round(median(xs)), 'CPU µs per call': Math.round((used.user + used.system) / n) }
}

const warm = new ContractRuntime({}, { logger: silentLogger })
await warm.invoke(pkg, inv(0, 'AssetExists', ['a1']), state)
const rows = [
  await measure('module per call, warm isolate: AssetExists (1 state read)', runs.warm, (i) => warm.invoke(pkg, inv(i, 'AssetExists', ['a1']), state)),
  await measure('module per call, warm isolate: CreateAsset (read + write + event)', runs.warm, (i) =>
    warm.invoke(pkg, inv(i, 'CreateAsset', [`x${i}`, 'b', '1', 'o', '1']), state),
  ),
  await measure('new isolate per call: AssetExists', runs.cold, async (i) => {
    const cold = new ContractRuntime({}, { logger: silentLogger })
    await cold.invoke(pkg, inv(i, 'AssetExists', ['a1']), state)
    cold.dispose()
  }),
]
warm.dispose()
report('runtime', rows, { contract: 'asset-transfer', codeBytes: pkg.code.length })
