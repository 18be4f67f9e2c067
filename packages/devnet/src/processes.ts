import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { DevnetError, DevnetErrorCode } from './generate.js'
import type { Manifest, NodeEntry } from './generate.js'

const BINARIES: Record<NodeEntry['kind'], string> = {
  orderer: '@consort/orderer/main',
  peer: '@consort/peer/main',
}

export function findNode(manifest: Manifest, name: string): NodeEntry {
  const node = manifest.nodes.find((n) => n.name === name)
  if (node === undefined) {
    throw new DevnetError(DevnetErrorCode.UNKNOWN_NODE, `no node named ${name}; nodes: ${manifest.nodes.map((n) => n.name).join(', ')}`, {
      name,
    })
  }
  return node
}

/** The pid in the node's pid file, if that process is alive. */
export async function runningPid(node: NodeEntry): Promise<number | undefined> {
  let pid: number
  try {
    pid = Number((await readFile(node.pidFile, 'utf8')).trim())
  } catch {
    return undefined
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return undefined
  }
}

/**
 * Starts a node's process, detached (it outlives the caller), logging to its log file;
 * records its pid. A node already running is left as it is.
 */
export async function startNode(node: NodeEntry, opts: { clockSkewMs?: number } = {}): Promise<number> {
  const running = await runningPid(node)
  if (running !== undefined) return running
  const main = fileURLToPath(import.meta.resolve(BINARIES[node.kind]))
  const log = openSync(node.log, 'a')
  // CONSORT_NODE_ARGS: extra Node flags for every node started (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
  const extra = (process.env.CONSORT_NODE_ARGS ?? '').split(' ').filter((a) => a !== '')
  const child = spawn(process.execPath, ['--no-node-snapshot', '--enable-source-maps', ...extra, main, '--config', node.config], {
    detached: true,
    stdio: ['ignore', log, log],
    ...(opts.clockSkewMs !== undefined ? { env: { ...process.env, CONSORT_CLOCK_SKEW_MS: String(opts.clockSkewMs) } } : {}),
  })
  closeSync(log)
  if (child.pid === undefined) throw new DevnetError(DevnetErrorCode.START_FAILED, `could not start ${node.name}`, { name: node.name })
  child.unref()
  await writeFile(node.pidFile, String(child.pid))
  return child.pid
}

/** Sends SIGTERM (stop) or SIGKILL (kill) to a node we started; returns its pid, or undefined if it was not running. */
export async function signalNode(node: NodeEntry, signal: 'SIGTERM' | 'SIGKILL'): Promise<number | undefined> {
  const pid = await runningPid(node)
  if (pid === undefined) return undefined
  process.kill(pid, signal)
  return pid
}

/** Waits until the process is gone (bounded). */
export async function waitExit(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0)
    } catch {
      return true
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return false
}

export async function stopNode(node: NodeEntry, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  const pid = await signalNode(node, signal)
  if (pid !== undefined && !(await waitExit(pid)) && signal === 'SIGTERM') {
    process.kill(pid, 'SIGKILL')
    await waitExit(pid)
  }
  await rm(node.pidFile, { force: true })
}

/** `consort node stop|start|kill`: SIGTERM, start, SIGKILL; the pid started, or the one stopped (null: it was not running). */
export async function controlNode(node: NodeEntry, action: 'stop' | 'start' | 'kill'): Promise<number | null> {
  if (action === 'start') return startNode(node)
  const pid = (await runningPid(node)) ?? null
  await stopNode(node, action === 'kill' ? 'SIGKILL' : 'SIGTERM')
  return pid
}

/** GETs a path on the node's operations endpoint; undefined if it does not answer. */
export function operationsGet(node: NodeEntry, path: string, timeoutMs = 1000): Promise<{ status: number; body: string } | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: node.operationsPort, path, timeout: timeoutMs }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('timeout', () => {
      req.destroy()
      resolve(undefined)
    })
    req.on('error', () => resolve(undefined))
    req.end()
  })
}

/** The node that reports itself Raft leader, with its term, if one does. */
export async function findLeader(nodes: readonly NodeEntry[]): Promise<{ node: NodeEntry; term: number; since: number } | undefined> {
  for (const node of nodes) {
    const s = await nodeStatus(node)
    // since: when it took over, by its own clock (epoch ms); polling would add its own delay.
    if (s?.role === 'Leader') return { node, term: Number(s.term), since: Number(s.leaderChangedAt ?? 0) || Date.now() }
  }
  return undefined
}

export async function nodeStatus(node: NodeEntry): Promise<Record<string, unknown> | undefined> {
  const r = await operationsGet(node, '/status')
  return r?.status === 200 ? (JSON.parse(r.body) as Record<string, unknown>) : undefined
}

/** Polls until `check` is true (bounded); returns whether it became true. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, everyMs))
  }
  return false
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere or if it is gone. */
export async function cpuSeconds(pid: number): Promise<number | undefined> {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  } catch {
    return undefined
  }
}

/** The process's resident memory in bytes (Linux, /proc); undefined if it is gone. */
export async function rssBytes(pid: number): Promise<number | undefined> {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))
    return m === null ? undefined : Number(m[1]) * 1024
  } catch {
    return undefined
  }
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const CLOCK_TICKS = 100

/** A TCP port on 127.0.0.1 that nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** SIGTERMs child processes the caller spawned itself and waits until each has exited. */
export async function stopProcesses(processes: readonly ChildProcess[]): Promise<void> {
  for (const p of processes) p.kill('SIGTERM')
  await Promise.all(processes.map((p) => (p.exitCode !== null || p.signalCode !== null ? undefined : new Promise((r) => p.once('exit', r)))))
}
