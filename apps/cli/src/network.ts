import { access, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { controlNode, findNode, generateNetwork, loadManifest, nodeStatus, runningPid, startNode, stopNode, waitUntil } from '@consort/devnet'
import type { Manifest, NodeEntry } from '@consort/devnet'
import { CliError } from './output.js'

export interface UpOptions {
  dir: string
  orgs: number
  orderers: number
  peersPerOrg: number
  basePort: number
  /** Active/passive sites, the active one first. */
  sites?: string[]
}

export interface NodeView {
  name: string
  kind: string
  org: string
  /** Its site, when the network has several. */
  site?: string
  pid: number | null
  up: boolean
  p2p: string
  operationsPort: number
  role?: string
  term?: number
  leader?: string
  height?: number
  /** Software version and wire protocol version the node reports. */
  version?: string
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/** Generates (or reuses) the network in `dir`, starts every node and waits until it commits. */
export async function networkUp(opts: UpOptions, log: (line: string) => void): Promise<{ manifest: Manifest; reused: boolean }> {
  const dir = resolve(opts.dir)
  let manifest: Manifest
  let reused = false
  if (await exists(join(dir, 'network.json'))) {
    manifest = await loadManifest(dir)
    reused = true
    log(`reusing the network in ${dir}`)
  } else {
    manifest = await generateNetwork({
      dir,
      orgs: opts.orgs,
      orderers: opts.orderers,
      peersPerOrg: opts.peersPerOrg,
      basePort: opts.basePort,
      ...(opts.sites !== undefined ? { sites: opts.sites } : {}),
    })
    const perSite = `${opts.orderers} orderers and ${opts.orgs * opts.peersPerOrg} peers`
    log(
      `generated ${opts.orgs} organizations, ${opts.sites === undefined ? perSite : `sites ${opts.sites.join(', ')} (${opts.sites[0]} active) with ${perSite} each`} in ${dir}`,
    )
  }
  for (const node of manifest.nodes) await startNode(node)
  const ok = await waitUntil(async () => {
    const orderers = await Promise.all(manifest.nodes.filter((n) => n.kind === 'orderer').map((n) => nodeStatus(n)))
    const peers = await Promise.all(manifest.nodes.filter((n) => n.kind === 'peer').map((n) => nodeStatus(n)))
    return orderers.some((s) => s?.role === 'Leader') && orderers.every((s) => s !== undefined && s.leader !== 0) && peers.every((s) => s !== undefined)
  }, 30_000)
  if (!ok) throw new CliError('NETWORK_NOT_READY', `the network did not elect a leader within 30 s; see the logs under ${dir}/nodes/*/node.log`)
  return { manifest, reused }
}

export async function networkStatus(dir: string): Promise<NodeView[]> {
  const manifest = await loadManifest(dir)
  const byRaftId = new Map(manifest.nodes.filter((n) => n.raftId !== undefined).map((n) => [n.raftId as number, n.name]))
  return Promise.all(
    manifest.nodes.map(async (n) => {
      const pid = await runningPid(n)
      const s = pid === undefined ? undefined : await nodeStatus(n)
      const view: NodeView = {
        name: n.name,
        kind: n.kind,
        org: n.org,
        ...(n.site !== undefined ? { site: n.site } : {}),
        pid: pid ?? null,
        up: s !== undefined,
        p2p: n.listen,
        operationsPort: n.operationsPort,
      }
      if (s !== undefined) {
        // Raft fields are an orderer's; a peer has none.
        if (s.role !== undefined) {
          view.role = String(s.role)
          view.term = Number(s.term)
          view.leader = byRaftId.get(Number(s.leader)) ?? 'none'
        }
        view.height = Number(s.height)
        view.version = `${String(s.software)} (protocol ${String(s.protocol)})`
      }
      return view
    }),
  )
}

export async function networkDown(dir: string, purge: boolean): Promise<string[]> {
  const manifest = await loadManifest(dir)
  const stopped: string[] = []
  for (const n of manifest.nodes) {
    if ((await runningPid(n)) !== undefined) stopped.push(n.name)
    await stopNode(n, 'SIGTERM')
  }
  if (purge) await rm(resolve(dir), { recursive: true, force: true })
  return stopped
}

export async function nodeAction(dir: string, action: 'stop' | 'start' | 'kill', name: string): Promise<NodeEntry & { pid: number | null }> {
  const node = findNode(await loadManifest(dir), name)
  return { ...node, pid: await controlNode(node, action) }
}
