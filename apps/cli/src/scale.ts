// `consort bench scale` (issue 16, item 3): how cost grows with the work. Each point is a round
// of N submits of the `fill` contract (one key each) on a network of its own, brought up for it
// in DIR/scale/…: with 3, 5 and 7 orgs (MAJORITY: more endorsements and verifies per tx); with
// 256-byte and 8-KB values; on a world state of 1k, 100k and 1M keys (written first, 1,000 per
// tx); and, once that chain has been lengthened by 100k transactions, the join of a new peer by
// replaying it vs from a snapshot. A table, JSON, and an SVG plot drawn by Vega-Lite.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { Network } from '@consort/sdk'
import { ensureDeployed, fillKeys, measureRound, networkCpu, runJoinBench } from './bench.js'
import type { JoinBenchResult, RoundResult } from './bench.js'
import { connectLocal } from './client.js'
import { networkDown, networkUp } from './network.js'

export interface ScalePoint {
  dimension: 'orgs' | 'value size' | 'state size'
  /** The value on that dimension: orgs, value bytes, or keys in the world state. */
  at: number
  'throughput (tps)': number
  'p50 (s)': number
  'p99 (s)': number
  'CPU ms/tx': number
}

export interface ScaleResult {
  points: ScalePoint[]
  join: JoinBenchResult
  json: string
  svg: string
}

/** N submits of Fill(prefix, i, 1, valueBytes), `inFlight` at a time: a round as `consort bench` reports it. */
function fillRound(dir: string, network: Network, name: string, txs: number, inFlight: number, valueBytes: number): Promise<RoundResult> {
  const prefix = `${name}-${Date.now().toString(36)}-`
  return measureRound({ name, txs, inFlight }, (i) => network.contract('fill').submit('Fill', prefix, String(i), '1', String(valueBytes)), networkCpu(dir))
}

const point = (dimension: ScalePoint['dimension'], at: number, r: RoundResult): ScalePoint => ({
  dimension,
  at,
  'throughput (tps)': r['throughput (tps)'],
  'p50 (s)': r['p50 (s)'],
  'p99 (s)': r['p99 (s)'],
  'CPU ms/tx': r['CPU ms/tx'],
})

/** Brings a network up in `dir` (orgs, one orderer and one peer each), runs `use`, takes it down and deletes it. */
async function withNetwork<T>(dir: string, orgs: number, basePort: number, use: (n: Network) => Promise<T>): Promise<T> {
  await networkUp({ dir, orgs, orderers: 3, peersPerOrg: 1, basePort }, () => undefined)
  const client = await connectLocal(dir, 'Org1')
  try {
    await ensureDeployed(dir, client, 'fill')
    return await use(client)
  } finally {
    await client.close()
    await networkDown(dir, true)
  }
}

export async function runScaleBench(
  dir: string,
  o: {
    txs: number
    inFlight: number
    /** The org counts measured (3, 5, 7). */
    orgs: number[]
    /** The value sizes measured (256, 8192). */
    values: number[]
    maxKeys: number
    /** Single-key transactions added to the chain before a new peer joins it (100k: a chain of 100k transactions and more). */
    chainTxs: number
    basePort: number
    out: string
  },
  log: (s: string) => void,
): Promise<ScaleResult> {
  const root = join(resolve(dir), 'scale')
  await rm(root, { recursive: true, force: true })
  const points: ScalePoint[] = []
  for (const orgs of o.orgs) {
    const r = await withNetwork(join(root, `orgs-${orgs}`), orgs, o.basePort, (n) =>
      fillRound(join(root, `orgs-${orgs}`), n, `orgs-${orgs}`, o.txs, o.inFlight, 256),
    )
    points.push(point('orgs', orgs, r))
    log(`${orgs} orgs: ${r['throughput (tps)']} tx/s, ${r['CPU ms/tx']} CPU ms/tx`)
  }
  let join_: JoinBenchResult | undefined
  const net3 = join(root, 'state')
  await withNetwork(net3, 3, o.basePort, async (n) => {
    for (const valueBytes of o.values) {
      const r = await fillRound(net3, n, `value-${valueBytes}`, o.txs, o.inFlight, valueBytes)
      points.push(point('value size', valueBytes, r))
      log(`${valueBytes} B values: ${r['throughput (tps)']} tx/s, ${r['CPU ms/tx']} CPU ms/tx`)
    }
    let held = 0
    for (const keys of [1000, 100_000, 1_000_000].filter((k) => k <= o.maxKeys)) {
      // Fill up to `keys` keys, 1,000 per transaction, then measure a round on top.
      await fillKeys(n, `state-${Date.now().toString(36)}-`, held, keys, 1000)
      held = keys
      const r = await fillRound(net3, n, `state-${keys}`, o.txs, o.inFlight, 256)
      points.push(point('state size', keys, r))
      log(`${keys} keys in the state: ${r['throughput (tps)']} tx/s, ${r['CPU ms/tx']} CPU ms/tx`)
    }
    // The chain this network holds, chainTxs transactions longer: a new peer joins by replaying it, and from a snapshot.
    if (o.chainTxs > 0) {
      const t = performance.now()
      await fillKeys(n, `chain-${Date.now().toString(36)}-`, 0, o.chainTxs, 1, o.inFlight)
      log(`lengthened the chain by ${o.chainTxs} transactions in ${Math.round(performance.now() - t)} ms`)
    }
    join_ = await runJoinBench(net3, { keys: 1, perTx: 1 }, log)
  })
  const result = { points, join: join_ as JoinBenchResult }
  const json = resolve(o.out)
  const svg = json.replace(/\.json$/, '') + '.svg'
  await mkdir(dirname(json), { recursive: true })
  await writeFile(json, `${JSON.stringify(result, null, 2)}\n`)
  await writeFile(svg, await plot(points))
  await rm(root, { recursive: true, force: true })
  return { ...result, json, svg }
}

/** Throughput and CPU per transaction along each dimension, one small chart each (Vega-Lite, rendered to SVG). */
async function plot(points: ScalePoint[]): Promise<string> {
  const vega = await import('vega')
  const vl = await import('vega-lite')
  const data = points.flatMap((p) => [
    { dimension: p.dimension, at: p.at, measure: 'tx/s', value: p['throughput (tps)'] },
    { dimension: p.dimension, at: p.at, measure: 'CPU ms per tx', value: p['CPU ms/tx'] },
  ])
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'consort bench scale: how cost grows with the work',
    data: { values: data },
    facet: { row: { field: 'measure', type: 'nominal' as const }, column: { field: 'dimension', type: 'nominal' as const } },
    spec: {
      width: 200,
      height: 140,
      mark: { type: 'line' as const, point: true },
      encoding: {
        x: { field: 'at', type: 'quantitative' as const, scale: { type: 'log' as const }, title: 'orgs, value bytes, keys' },
        y: { field: 'value', type: 'quantitative' as const, title: null },
      },
    },
    resolve: { scale: { x: 'independent' as const, y: 'independent' as const } },
  }
  const compiled = vl.compile(spec as never).spec
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' })
  return view.toSVG()
}
