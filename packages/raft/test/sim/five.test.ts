import { expect, it } from 'vitest'
import { runMany, summarize } from './run.js'

it('1,500 seeded fault schedules of 5 nodes keep Raft safe and live', () => {
  const results = runMany(5, 1500)
  const s = summarize(results)
  console.log('raft sim, 5 nodes:', JSON.stringify(s))
  // The schedules must actually exercise the faults they claim to.
  if (results.length >= 100) {
    expect(s.crashes).toBeGreaterThan(results.length)
    expect(s.snapshots).toBeGreaterThan(results.length)
    expect(s.confChanges).toBeGreaterThan(0)
    expect(s.leaders).toBeGreaterThan(results.length)
  }
  expect(results.every((r) => r.committed > 0)).toBe(true)
}, 600_000)
