// What the dashboard's server sends and its page shows: plain data, shared by both.

/** One transaction as the explorer shows it. */
export interface TxView {
  txId: string
  /** TRANSACTION, CONFIG_UPDATE, CONFIG. */
  type: string
  creator: string
  creatorOrg: string
  contract: string
  fn: string
  args: string[]
  validationCode: string
  endorsingOrgs: string[]
  reads: string[]
  writes: string[]
  events: { name: string; payload: string }[]
  timestamp: number
}

/** One block as the explorer shows it. */
export interface BlockView {
  number: number
  hash: string
  previousHash: string
  /** The orderer that cut it. */
  orderer: string
  timestamp: number
  bytes: number
  txs: TxView[]
}

/** One node as the topology shows it. */
export interface NodeView {
  name: string
  kind: 'orderer' | 'peer'
  org: string
  site: string
  up: boolean
  role: string
  term: number
  /** The leader's name as this orderer sees it. */
  leader: string
  height: number
  /** Blocks behind the highest node. */
  lag: number
  version: string
  /** CPU use over the last interval (% of one core) and resident memory (MB). */
  cpu: number
  rssMb: number
}

/** One second of the network: committed transactions and blocks, and what the load generator saw. */
export interface Sample {
  t: number
  txs: number
  blocks: number
  /** Mean transactions per block, and mean ms between blocks, in that second. */
  blockSize: number
  blockIntervalMs: number
  /** Submit latency of the load generator's transactions that committed in that second (ms). */
  p50: number
  p99: number
  cpu: Record<string, number>
  rssMb: Record<string, number>
}

export interface TimelineEvent {
  t: number
  kind: 'leader' | 'up' | 'down' | 'config' | 'deploy' | 'dr' | 'control' | 'load'
  text: string
}

export interface DashboardState {
  channel: string
  /** Whether the nodes run on this machine (process controls, CPU and memory); false for a profile's nodes. */
  local: boolean
  orgs: string[]
  nodes: NodeView[]
  leader: string
  height: number
  samples: Sample[]
  timeline: TimelineEvent[]
  blocks: { number: number; txs: number; orderer: string; timestamp: number; hash: string }[]
  load: { running: boolean; rate: number; sent: number; committed: number; failed: number }
}
