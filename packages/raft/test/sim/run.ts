import { runSchedule } from './simulation.js'
import type { ScheduleResult } from './simulation.js'

/**
 * Runs `count` seeded schedules of `nodes` nodes (SIM_SCHEDULES overrides the count; with
 * SIM_SEED set, only that seed runs, to replay a failure). Throws on the first violation.
 */
export function runMany(nodes: 3 | 5, count: number): ScheduleResult[] {
  const only = process.env.SIM_SEED
  if (only !== undefined) {
    if (process.env.SIM_NODES !== undefined && Number(process.env.SIM_NODES) !== nodes) return []
    return [runSchedule({ seed: Number(only), nodes })]
  }
  const n = process.env.SIM_SCHEDULES !== undefined ? Math.ceil(Number(process.env.SIM_SCHEDULES) / 2) : count
  const results: ScheduleResult[] = []
  for (let seed = 1; seed <= n; seed++) results.push(runSchedule({ seed, nodes }))
  return results
}

export function summarize(results: ScheduleResult[]): Record<string, number> {
  const sum = (k: keyof ScheduleResult) => results.reduce((a, r) => a + r[k], 0)
  return {
    schedules: results.length,
    committed: sum('committed'),
    leaders: sum('leaders'),
    crashes: sum('crashes'),
    snapshots: sum('snapshots'),
    confChanges: sum('confChanges'),
    transfers: sum('transfers'),
  }
}
