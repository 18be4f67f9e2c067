import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const sdkDir = join(dirname(fileURLToPath(import.meta.url)), '../..')

/** What a client must not carry: native addons, the sandbox, storage, Raft, the metrics registry. */
const FORBIDDEN = [
  'classic-level',
  'isolated-vm',
  'isolated-vm-v6',
  'isolated-vm-v7',
  'prom-client',
  '@consort/raft',
  '@consort/storage',
  '@consort/runtime',
  '@consort/orderer',
  '@consort/peer',
  '@consort/node',
]

/** Every package the SDK installs (its production dependencies, transitively), by name → folder. */
function installClosure(): Map<string, string> {
  const seen = new Map<string, string>()
  const visit = (dir: string): void => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>
      optionalDependencies?: Record<string, string>
    }
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      // Resolve as Node does: the nearest node_modules up from the depending package.
      let at = dir
      let found: string | undefined
      for (;;) {
        const candidate = join(at, 'node_modules', name)
        if (existsSync(join(candidate, 'package.json'))) {
          found = realpathSync(candidate)
          break
        }
        const up = dirname(at)
        if (up === at) break
        at = up
      }
      if (found === undefined || seen.has(`${name}@${found}`)) continue
      seen.set(`${name}@${found}`, found)
      visit(found)
    }
  }
  visit(sdkDir)
  return new Map([...seen].map(([k, v]) => [k.slice(0, k.lastIndexOf('@')), v]))
}

/** Whether a package ships or builds a Node addon: a binding.gyp, or a .node file anywhere in it. */
function hasAddon(dir: string): boolean {
  if (existsSync(join(dir, 'binding.gyp'))) return true
  const walk = (d: string, depth: number): boolean =>
    readdirSync(d, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? e.name !== 'node_modules' && depth < 6 && walk(join(d, e.name), depth + 1) : e.name.endsWith('.node'),
    )
  return walk(dir, 0)
}

describe('the SDK is a client library', () => {
  it('installs no native addon, sandbox, storage, Raft or metrics registry', () => {
    const closure = installClosure()
    expect(closure.size).toBeGreaterThan(10)
    expect([...closure.keys()].filter((n) => FORBIDDEN.includes(n))).toEqual([])
    expect([...closure].filter(([, dir]) => hasAddon(dir)).map(([n]) => n)).toEqual([])
  })

  it('loads no native addon when imported', () => {
    // A fresh process: count every addon Node loads (process.dlopen) while importing the SDK.
    const script = `
      const seen = []
      const dlopen = process.dlopen
      process.dlopen = function (m, file, ...rest) { seen.push(file); return dlopen.call(this, m, file, ...rest) }
      const sdk = await import('@consort/sdk')
      console.log(JSON.stringify({ exports: Object.keys(sdk).length, addons: seen }))`
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: sdkDir, encoding: 'utf8' })) as {
      exports: number
      addons: string[]
    }
    expect(out.exports).toBeGreaterThan(3)
    expect(out.addons).toEqual([])
  })

  it('a package that does load an addon is caught by the same check', () => {
    // The check above would see classic-level: importing it through the storage package loads its addon.
    const storage = realpathSync(join(sdkDir, '../storage'))
    const script = `
      const seen = []
      const dlopen = process.dlopen
      process.dlopen = function (m, file, ...rest) { seen.push(file); return dlopen.call(this, m, file, ...rest) }
      const { ClassicLevel } = await import('classic-level')
      console.log(JSON.stringify(seen.length))`
    expect(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: storage, encoding: 'utf8' }))).toBeGreaterThan(0)
  })
})
