import { controlNode, cpuSeconds, findNode, nodeStatus, rssBytes, runningPid } from '@consort/devnet'
import type { Manifest } from '@consort/devnet'
import type { Network } from '@consort/sdk'

/** A node as the dashboard lists it. */
export interface NodeListing {
  name: string
  kind: 'orderer' | 'peer'
  org: string
  site: string
}

/** What the dashboard reads of one node: undefined fields are unknown from where it stands. */
export interface NodeReading {
  up: boolean
  role?: string
  term?: number
  /** Raft id of the leader it knows of. */
  leaderId?: number
  raftId?: number
  height?: number
  version?: string
  /** The process's CPU seconds so far and resident memory, where the dashboard sees the process. */
  pid?: number
  cpuSeconds?: number
  rssBytes?: number
}

/** Where the dashboard gets its nodes from: the local network's files and processes, or a connection profile. */
export interface NodeSource {
  /** Whether the nodes run here (process control, CPU and memory). */
  readonly local: boolean
  channel: string
  orgs(): string[]
  nodes(): NodeListing[]
  read(node: NodeListing): Promise<NodeReading>
  /** Local only: stop, start or kill a node's process. */
  control?(name: string, action: 'stop' | 'start' | 'kill'): Promise<void>
}

/** The local network in a manifest: each node's /status, pid, CPU time and memory. */
export class LocalSource implements NodeSource {
  readonly local = true

  constructor(private readonly manifest: Manifest) {}

  get channel(): string {
    return this.manifest.channelId
  }

  orgs(): string[] {
    return this.manifest.orgs.map((o) => o.mspId)
  }

  nodes(): NodeListing[] {
    return this.manifest.nodes.map((n) => ({ name: n.name, kind: n.kind, org: n.org, site: n.site ?? '' }))
  }

  async read(listing: NodeListing): Promise<NodeReading> {
    const n = findNode(this.manifest, listing.name)
    const pid = await runningPid(n)
    const s = pid === undefined ? undefined : await nodeStatus(n)
    if (s === undefined) return { up: false }
    return {
      up: true,
      ...statusFields(s),
      ...(pid !== undefined ? { pid, cpuSeconds: (await cpuSeconds(pid)) ?? 0, rssBytes: (await rssBytes(pid)) ?? 0 } : {}),
    }
  }

  async control(name: string, action: 'stop' | 'start' | 'kill'): Promise<void> {
    await controlNode(findNode(this.manifest, name), action)
  }
}

/**
 * A channel seen through a connection profile, as a member of one org (the consortium path: the
 * nodes run on their orgs' machines): orderers answer a status request over the network, peers
 * how far their chain goes. No process control, no CPU or memory.
 */
export class ProfileSource implements NodeSource {
  readonly local = false

  constructor(private readonly network: Network) {}

  get channel(): string {
    return this.network.channel
  }

  orgs(): string[] {
    return [...new Set(this.nodes().map((n) => n.org))].sort()
  }

  nodes(): NodeListing[] {
    return [
      ...this.network.profile.orderers.map((o) => ({ name: o.name, kind: 'orderer' as const, org: o.org, site: '' })),
      ...this.network.peers.map((p) => ({ name: p.name, kind: 'peer' as const, org: p.org, site: '' })),
    ]
  }

  async read(listing: NodeListing): Promise<NodeReading> {
    const endpoint = [...this.network.profile.orderers, ...this.network.peers].find((x) => x.name === listing.name)
    if (endpoint === undefined) return { up: false }
    if (listing.kind === 'orderer') {
      try {
        return { up: true, ...statusFields(await this.network.ordererStatus(endpoint)) }
      } catch {
        return { up: false }
      }
    }
    const newest = await this.network.newestBlockOf(endpoint)
    return newest === undefined ? { up: false } : { up: true, role: 'peer', height: newest.number + 1 }
  }
}

function statusFields(s: Record<string, unknown>): Omit<NodeReading, 'up'> {
  return {
    role: s.kind === 'peer' ? 'peer' : String(s.role ?? ''),
    term: Number(s.term ?? 0),
    leaderId: Number(s.leader ?? 0),
    raftId: Number(s.raftId ?? 0),
    height: Number(s.height ?? 0),
    version: String(s.software ?? ''),
  }
}
