import { isConfigBlock, readChannelConfig } from '@consort/protocol'
import type { ParsedBlock } from '@consort/protocol'
import type { Network } from '@consort/sdk'
import type { ChannelConfig } from '@consort/types'
import { explainBlock } from './explain.js'
import type { NodeListing, NodeSource } from './sources.js'
import type { BlockView, DashboardState, NodeView, Sample, TimelineEvent, TxView } from './views.js'

const HISTORY_S = 300
const BLOCKS_KEPT = 500
const KEYS_KEPT = 100_000

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return 0
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number
}

/**
 * What the dashboard knows of a network: each node's state (from `source`: the local network's
 * /status, pids, CPU and memory, or what a profile's nodes answer over the network) polled every
 * `intervalMs`, every committed block followed from a peer and explained, one-second samples
 * over five minutes, and a timeline of what happened.
 */
export class Monitor {
  private nodes: NodeView[] = []
  private readonly samples: Sample[] = []
  private readonly timeline: TimelineEvent[] = []
  private readonly blocks = new Map<number, BlockView>()
  private readonly txIndex = new Map<string, number>()
  private readonly keyIndex = new Map<string, { block: number; txId: string; validationCode: string }[]>()
  private readonly cpuBefore = new Map<string, { pid: number; s: number; at: number }>()
  /** Raft id → orderer name, learnt from the orderers' own status. */
  private readonly raftNames = new Map<number, string>()
  private latencies: number[] = []
  private current: Sample
  private lastBlockAt = 0
  private config: ChannelConfig | undefined
  private leader = ''
  /** A leader change waiting for the first block after it: when it happened, and the last block before. */
  private leaderGap: { event: TimelineEvent; lastBlockAt: number } | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly abort = new AbortController()
  private following: Promise<void> = Promise.resolve()
  load: DashboardState['load'] = { running: false, rate: 0, sent: 0, committed: 0, failed: 0 }

  constructor(
    private readonly source: NodeSource,
    private readonly network: Network,
    private readonly intervalMs = 500,
  ) {
    this.current = this.emptySample(Math.floor(Date.now() / 1000))
  }

  start(): void {
    this.following = this.follow()
    const tick = () => {
      this.poll().finally(() => {
        if (!this.abort.signal.aborted) this.timer = setTimeout(tick, this.intervalMs)
      })
    }
    tick()
  }

  async stop(): Promise<void> {
    this.abort.abort()
    clearTimeout(this.timer)
    await this.following
  }

  /** Adds an event to the timeline (the last 200 are kept); the event, for a leader change to complete later. */
  note(kind: TimelineEvent['kind'], text: string): TimelineEvent {
    const event = { t: Date.now(), kind, text }
    this.timeline.push(event)
    if (this.timeline.length > 200) this.timeline.shift()
    return event
  }

  /** A load-generator transaction committed after `ms`. */
  recordLatency(ms: number): void {
    this.latencies.push(ms)
  }

  state(): DashboardState {
    this.roll(Date.now())
    const recent = [...this.blocks.values()].slice(-20).reverse()
    return {
      channel: this.source.channel,
      local: this.source.local,
      orgs: this.source.orgs(),
      nodes: this.nodes,
      leader: this.leader,
      height: Math.max(0, ...this.nodes.map((n) => n.height)),
      samples: this.samples,
      timeline: [...this.timeline].reverse(),
      blocks: recent.map((b) => ({ number: b.number, txs: b.txs.length, orderer: b.orderer, timestamp: b.timestamp, hash: b.hash })),
      load: { ...this.load },
    }
  }

  block(n: number): BlockView | undefined {
    return this.blocks.get(n)
  }

  tx(txId: string): (TxView & { block: number }) | undefined {
    const n = this.txIndex.get(txId)
    const tx = n === undefined ? undefined : this.blocks.get(n)?.txs.find((t) => t.txId === txId)
    return tx === undefined || n === undefined ? undefined : { ...tx, block: n }
  }

  /** Every write to `key` (namespace/key, or a key in any namespace) the dashboard has seen, oldest first. */
  keyHistory(key: string): { key: string; block: number; txId: string; validationCode: string }[] {
    const exact = this.keyIndex.get(key)
    if (exact !== undefined) return exact.map((h) => ({ key, ...h }))
    return [...this.keyIndex.entries()].filter(([k]) => k.endsWith(`/${key}`)).flatMap(([k, hs]) => hs.map((h) => ({ key: k, ...h })))
  }

  private emptySample(second: number): Sample {
    return { t: second * 1000, txs: 0, blocks: 0, blockSize: 0, blockIntervalMs: 0, p50: 0, p99: 0, cpu: {}, rssMb: {} }
  }

  /** Closes the samples of the seconds before `now`. */
  private roll(now: number): void {
    const second = Math.floor(now / 1000)
    while (this.current.t / 1000 < second) {
      const s = this.current
      if (this.latencies.length > 0) {
        s.p50 = quantile(this.latencies, 0.5)
        s.p99 = quantile(this.latencies, 0.99)
        this.latencies = []
      }
      for (const n of this.nodes) {
        s.cpu[n.name] = n.cpu
        s.rssMb[n.name] = n.rssMb
      }
      this.samples.push(s)
      if (this.samples.length > HISTORY_S) this.samples.shift()
      this.current = this.emptySample(s.t / 1000 + 1)
    }
  }

  private async poll(): Promise<void> {
    const views = await Promise.all(this.source.nodes().map((n) => this.nodeView(n)))
    const top = Math.max(0, ...views.map((v) => v.height))
    for (const v of views) v.lag = v.up ? Math.max(0, top - v.height) : 0
    const before = new Map(this.nodes.map((n) => [n.name, n]))
    for (const v of views) {
      const was = before.get(v.name)
      if (was !== undefined && was.up !== v.up) this.note(v.up ? 'up' : 'down', `${v.name} is ${v.up ? 'up' : 'down'}`)
    }
    this.nodes = views
    const leaders = views.filter((v) => v.role === 'Leader')
    const leader = leaders[0]?.name ?? ''
    if (leader !== '' && leader !== this.leader) {
      const event = this.note('leader', `${leader} leads${this.leader !== '' ? ` (was ${this.leader})` : ''}`)
      if (this.leader !== '') this.leaderGap = { event, lastBlockAt: this.lastBlockAt }
      this.leader = leader
    }
    this.roll(Date.now())
  }

  private async nodeView(n: NodeListing): Promise<NodeView> {
    const r = await this.source.read(n)
    let cpu = 0
    if (r.pid !== undefined && r.cpuSeconds !== undefined) {
      const now = Date.now()
      const prev = this.cpuBefore.get(n.name)
      // (A restarted node is a new process: its CPU time starts again from 0.)
      if (prev !== undefined && prev.pid === r.pid && now > prev.at) cpu = Math.max(0, Math.round(((r.cpuSeconds - prev.s) / ((now - prev.at) / 1000)) * 100))
      this.cpuBefore.set(n.name, { pid: r.pid, s: r.cpuSeconds, at: now })
    }
    if (r.raftId !== undefined && r.raftId > 0) this.raftNames.set(r.raftId, n.name)
    return {
      ...n,
      up: r.up,
      role: r.up ? (r.role ?? '') : '',
      term: r.term ?? 0,
      leader: r.leaderId === undefined ? '' : (this.raftNames.get(r.leaderId) ?? ''),
      height: r.height ?? 0,
      lag: 0,
      version: r.version ?? '',
      cpu,
      rssMb: Math.round((r.rssBytes ?? 0) / 1048576),
    }
  }

  /** Follows every committed block from a peer (from block 0), explaining each. */
  private async follow(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        const from = this.blocks.size === 0 ? 0 : Math.max(...this.blocks.keys()) + 1
        for await (const b of this.network.blocks({ startBlock: from, signal: this.abort.signal })) this.onBlock(b)
      } catch {
        // A peer went away: the SDK fails over; try again shortly.
      }
      if (!this.abort.signal.aborted) await new Promise((r) => setTimeout(r, 500))
    }
  }

  private onBlock(b: ParsedBlock): void {
    const now = Date.now()
    const view = explainBlock(b)
    this.blocks.set(view.number, view)
    if (this.blocks.size > BLOCKS_KEPT) this.blocks.delete(this.blocks.keys().next().value as number)
    this.roll(now)
    const s = this.current
    const txs = view.txs.filter((t) => t.type === 'TRANSACTION').length
    s.blockSize = (s.blockSize * s.blocks + view.txs.length) / (s.blocks + 1)
    if (this.lastBlockAt > 0) s.blockIntervalMs = (s.blockIntervalMs * s.blocks + (now - this.lastBlockAt)) / (s.blocks + 1)
    s.blocks++
    s.txs += txs
    if (this.leaderGap !== undefined && view.orderer === this.leader) {
      const gap = this.leaderGap.lastBlockAt > 0 ? now - this.leaderGap.lastBlockAt : 0
      this.leaderGap.event.text += `; ${gap} ms without a commit`
      this.leaderGap = undefined
    }
    this.lastBlockAt = now
    for (const tx of view.txs) {
      if (tx.txId === '') continue
      this.txIndex.set(tx.txId, view.number)
      if (tx.validationCode === 'VALID') {
        for (const w of tx.writes) {
          const key = w.replace(/ \(deleted\)$/, '')
          const h = this.keyIndex.get(key) ?? []
          h.push({ block: view.number, txId: tx.txId, validationCode: tx.validationCode })
          this.keyIndex.set(key, h)
        }
        if (tx.contract === '_lifecycle' && tx.fn === 'CommitDefinition') this.note('deploy', `contract ${tx.args[0] ?? '?'} committed (block ${view.number})`)
      }
    }
    while (this.txIndex.size > KEYS_KEPT) this.txIndex.delete(this.txIndex.keys().next().value as string)
    while (this.keyIndex.size > KEYS_KEPT) this.keyIndex.delete(this.keyIndex.keys().next().value as string)
    if (isConfigBlock(b)) this.onConfig(readChannelConfig(b.bytes), view.number)
  }

  private onConfig(next: ChannelConfig, block: number): void {
    const prev = this.config
    this.config = next
    if (prev === undefined) return
    if (JSON.stringify(prev.dr) !== JSON.stringify(next.dr)) {
      const dr = next.dr
      this.note(
        'dr',
        dr?.switchingTo
          ? `site ${dr.activeSite} closed for a switchover to ${dr.switchingTo} (block ${block})`
          : `site ${dr?.activeSite ?? '?'} takes transactions (block ${block})`,
      )
      return
    }
    const changed = next.consenters.filter((c) => prev.consenters.find((p) => p.id === c.id)?.learner !== c.learner)
    const what = changed.length > 0 ? changed.map((c) => `${c.name} ${c.learner ? 'is a learner' : 'votes'}`).join(', ') : `config sequence ${next.sequence}`
    this.note('config', `config update: ${what} (block ${block})`)
  }
}
