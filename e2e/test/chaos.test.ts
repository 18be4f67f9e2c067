// `consort chaos` as a user runs it: a real CLI process that brings up its own network,
// runs the token workload under a seeded nemesis for 75 s, and checks the outcome.
import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'
import { freePortBlock, logsOnFailure } from '../src/fixture.js'

const run = promisify(execFile)
const cli = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url))
const dirs: string[] = []
// The network `consort chaos` brings up (and down) in the folder it is given.
const nodesOf = (dir: string) => join(dir, 'chaos', 'nodes')
logsOnFailure(() =>
  dirs.flatMap((d) => {
    try {
      return readdirSync(nodesOf(d)).map((n) => join(nodesOf(d), n, 'node.log'))
    } catch {
      return []
    }
  }),
)
afterAll(async () => {
  for (const d of dirs) {
    // A chaos run stopped by the time limit leaves its nodes running: stop them by their pid files.
    await run(process.execPath, ['--no-node-snapshot', cli, '--dir', join(d, 'chaos'), 'network', 'down']).catch(() => undefined)
    await rm(d, { recursive: true, force: true })
  }
})

it('loses, duplicates and forges nothing while orderers and peers are killed, stopped and paused', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'consort-chaos-'))
  dirs.push(dir)
  type Report = {
    error?: { code: string; message: string }
    ok: boolean
    faults: { action: string; node: string }[]
    transactions: { acknowledged: number; failed: number; unknown: number }
    checks: { name: string; ok: boolean; detail: string }[]
  }
  let report: Report | undefined
  // Probing ports races with other processes: a block taken meanwhile gets PORT_IN_USE, and another block.
  for (let attempt = 0; attempt < 3 && (report === undefined || report.error?.code === 'PORT_IN_USE'); attempt++) {
    // Three ports a node (p2p, operations, its fault proxy), six nodes.
    const port = await freePortBlock(18)
    const args = [
      '--no-node-snapshot',
      cli,
      '--dir',
      dir,
      '--json',
      'chaos',
      '--duration',
      '75s',
      '--seed',
      '7',
      '--accounts',
      '20',
      '--base-port',
      String(port),
    ]
    // A failed check exits 1 with the report on stdout: read it either way.
    const r = await run(process.execPath, args, { timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }).catch((e: { stdout: string }) => e)
    report = JSON.parse(r.stdout) as Report
  }
  if (report === undefined) throw new Error('no chaos report')
  console.log(`chaos: ${JSON.stringify(report.transactions)}; ${report.checks.map((c) => `${c.name}: ${c.detail}`).join('; ')}`)
  expect(report.error).toBeUndefined()
  expect(report.checks.filter((c) => !c.ok)).toEqual([])
  expect(report.ok).toBe(true)
  // The nemesis did its job: orderers killed, and the workload went on through it.
  expect(report.faults.some((f) => f.action === 'kill' && f.node.startsWith('orderer'))).toBe(true)
  expect(report.faults.length).toBeGreaterThanOrEqual(10)
  expect(report.transactions.acknowledged).toBeGreaterThan(100)
}, 360_000)
