import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type Row = Record<string, string | number>

/** The number after `--name` on the command line, or `dflt`. */
export function numberArg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : dflt
}

/** The middle value (the upper one of an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

/** Prints rows as an aligned table and writes them, with the run's context, as JSON. */
export function report(name: string, rows: Row[], context: Record<string, unknown> = {}): string {
  const cols = Object.keys(rows[0] ?? {})
  const cell = (v: string | number | undefined) => (typeof v === 'number' ? v.toLocaleString('en-US') : (v ?? ''))
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(cell(r[c])).length)))
  const line = (vals: string[]) => vals.map((v, i) => v.padStart(widths[i] ?? 0)).join('  ')
  console.log(line(cols))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of rows) console.log(line(cols.map((c) => String(cell(r[c])))))
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results', `${name}.json`)
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, JSON.stringify({ name, date: new Date().toISOString(), node: process.version, ...context, rows }, null, 2) + '\n')
  console.log(`\nwrote ${out}`)
  return out
}

/** Runs fn repeatedly for about `ms` milliseconds (bounded by `maxOps`) and returns ops/s. */
export function opsPerSecond(fn: (i: number) => void, ms = 1000, maxOps = 1_000_000): number {
  for (let i = 0; i < 50; i++) fn(i)
  const start = process.hrtime.bigint()
  const deadline = start + BigInt(ms) * 1_000_000n
  let ops = 0
  while (ops < maxOps) {
    for (let k = 0; k < 100; k++) fn(ops++)
    if (process.hrtime.bigint() >= deadline) break
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9
  return Math.round(ops / secs)
}
