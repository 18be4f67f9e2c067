import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** The orderer's Prometheus metrics, in a registry of its own. */
export class OrdererMetrics {
  readonly registry = new Registry()
  readonly raftRole = new Gauge({
    name: 'consort_orderer_raft_role',
    help: 'Raft role: 0 follower, 1 pre-candidate, 2 candidate, 3 leader',
    registers: [this.registry],
  })
  readonly raftTerm = new Gauge({ name: 'consort_orderer_raft_term', help: 'Current Raft term', registers: [this.registry] })
  readonly leaderChanges = new Counter({
    name: 'consort_orderer_leader_changes_total',
    help: 'Times this node saw the Raft leader change',
    registers: [this.registry],
  })
  readonly committedIndex = new Gauge({
    name: 'consort_orderer_raft_committed_index',
    help: 'Highest Raft index known committed',
    registers: [this.registry],
  })
  readonly blockHeight = new Gauge({ name: 'consort_orderer_block_height', help: 'Blocks in the chain', registers: [this.registry] })
  readonly broadcastSeconds = new Histogram({
    name: 'consort_orderer_broadcast_seconds',
    help: 'Time from receiving a broadcast envelope to answering it',
    labelNames: ['status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  })
  readonly persistSeconds = new Histogram({
    name: 'consort_orderer_persist_seconds',
    help: 'Time to persist one Raft Ready (WAL batch, synced when required)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [this.registry],
  })
  readonly broadcastTotal = new Counter({
    name: 'consort_orderer_broadcast_total',
    help: 'Broadcast envelopes answered, by status code',
    labelNames: ['code'],
    registers: [this.registry],
  })

  constructor() {
    // The event-loop delay histogram samples every 100 ms, not prom-client's default 10 ms: that
    // timer alone cost an idle node ~5 ms of CPU a second (bench/RESULTS.md, 2026-12-03).
    collectDefaultMetrics({ register: this.registry, prefix: 'consort_orderer_process_', eventLoopMonitoringPrecision: 100 })
  }
}
