import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const src = fileURLToPath(new URL('../../src', import.meta.url))

it('keeps timers, wall clock, randomness and I/O out of packages/raft/src', () => {
  const forbidden = [/\bDate\b/, /Math\.random/, /setTimeout|setInterval|setImmediate/, /from 'node:/, /\bprocess\./, /\brequire\(/]
  const files = readdirSync(src).filter((f) => f.endsWith('.ts'))
  expect(files.length).toBeGreaterThan(5)
  for (const f of files) {
    const text = readFileSync(join(src, f), 'utf8')
    for (const re of forbidden) expect(re.test(text), `${f} matches ${re}`).toBe(false)
  }
})
