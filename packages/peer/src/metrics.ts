import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** The peer's Prometheus metrics, in a registry of its own. */
export class PeerMetrics {
  readonly registry = new Registry()
  readonly height = new Gauge({ name: 'consort_peer_block_height', help: 'Blocks committed', registers: [this.registry] })
  readonly txs = new Counter({
    name: 'consort_peer_transactions_total',
    help: 'Committed transactions by validation code',
    labelNames: ['code'],
    registers: [this.registry],
  })
  readonly commitSeconds = new Histogram({
    name: 'consort_peer_block_commit_seconds',
    help: 'Validate and commit one block',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  })
  readonly endorseSeconds = new Histogram({
    name: 'consort_peer_endorse_seconds',
    help: 'Simulate and sign one proposal',
    labelNames: ['status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  })
  constructor() {
    // The event-loop delay histogram samples every 100 ms, not prom-client's default 10 ms: that
    // timer alone cost an idle node ~5 ms of CPU a second (bench/RESULTS.md, 2026-12-03).
    collectDefaultMetrics({ register: this.registry, prefix: 'consort_peer_process_', eventLoopMonitoringPrecision: 100 })
  }
}
