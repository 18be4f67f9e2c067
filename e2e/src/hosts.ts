// Test "hosts" for a consortium: each org runs its commands and nodes on its own host. Where the
// machine allows it (root, `ip netns`) a host is a network namespace with its own address
// (10.99.0.x); otherwise a loopback address of its own (127.0.0.2, 127.0.0.3, …).
import { execFile, spawn } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { promisify } from 'node:util'
import { NetworkNamespaces } from '@consort/devnet'

const run = promisify(execFile)

export interface Hosts {
  mode: 'netns' | 'loopback'
  /** Host i's address. */
  address(i: number): string
  /** Runs a Node program (`argv` after `node`) on host i; rejects as execFile does (code, stdout, stderr). */
  node(i: number, argv: string[], timeoutMs?: number): Promise<{ stdout: string; stderr: string }>
  /** Starts a long-running Node program on host i (its pid is the program's), its output appended to `log`. */
  spawnNode(i: number, argv: string[], log: string): ChildProcess
  /** Network namespaces only: cuts host i off the segment (false) or joins it again (true). */
  setLink?(i: number, up: boolean): Promise<void>
  /** Network namespaces only: drops this share of host i's packets each way (0: none). */
  setLoss?(i: number, share: number): Promise<void>
  /** GETs http://address:port/path from host i as JSON; undefined if nothing answers. */
  getJson(i: number, address: string, port: number, path: string): Promise<Record<string, unknown> | undefined>
  destroy(): Promise<void>
}

const NODE = [process.execPath, '--no-node-snapshot']

/** Starts `file args` with its stdout and stderr appended to `log` (for the report of a failed test: logsOnFailure). */
function spawnLogged(file: string, args: string[], log: string): ChildProcess {
  const fd = openSync(log, 'a')
  try {
    return spawn(file, args, { stdio: ['ignore', fd, fd] })
  } finally {
    closeSync(fd)
  }
}

/** `count` hosts: network namespaces where possible (unless CONSORT_E2E_HOSTS=loopback), else loopback addresses. */
export async function makeHosts(count: number): Promise<Hosts> {
  if (process.env.CONSORT_E2E_HOSTS !== 'loopback' && (await NetworkNamespaces.available())) {
    const ns = await NetworkNamespaces.create(Array.from({ length: count }, (_, i) => `host${i + 1}`))
    const at = (i: number, argv: string[]) => ns.command(`host${i + 1}`, [...NODE, ...argv])
    const hosts: Hosts = {
      mode: 'netns',
      address: (i) => ns.host(`host${i + 1}`).address,
      node: (i, argv, timeoutMs = 60_000) => {
        const c = at(i, argv)
        return run(c.file, c.args, { timeout: timeoutMs })
      },
      spawnNode: (i, argv, log) => {
        const c = at(i, argv)
        return spawnLogged(c.file, c.args, log)
      },
      // The test process is outside every namespace: a short Node program on the host asks.
      getJson: (i, address, port, path) =>
        hosts
          .node(
            i,
            [
              '-e',
              `fetch(${JSON.stringify(`http://${address}:${port}${path}`)}, { signal: AbortSignal.timeout(2000) }).then((r) => r.text()).then((t) => process.stdout.write(t), () => process.exit(3))`,
            ],
            10_000,
          )
          .then(
            (r) => JSON.parse(r.stdout) as Record<string, unknown>,
            () => undefined,
          ),
      setLink: (i, up) => ns.setLink(`host${i + 1}`, up),
      setLoss: (i, share) => ns.setLoss(`host${i + 1}`, share),
      destroy: () => ns.destroy(),
    }
    return hosts
  }
  return {
    mode: 'loopback',
    address: (i) => `127.0.0.${i + 2}`,
    node: (_i, argv, timeoutMs = 60_000) => run(process.execPath, [...NODE.slice(1), ...argv], { timeout: timeoutMs }),
    spawnNode: (_i, argv, log) => spawnLogged(process.execPath, [...NODE.slice(1), ...argv], log),
    getJson: (_i, address, port, path) =>
      new Promise((resolve) => {
        const req = request({ host: address, port, path, timeout: 2000 }, (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString()))
          res.on('end', () => {
            try {
              resolve(JSON.parse(body) as Record<string, unknown>)
            } catch {
              resolve(undefined)
            }
          })
        })
        req.on('error', () => resolve(undefined))
        req.on('timeout', () => req.destroy())
        req.end()
      }),
    destroy: async () => undefined,
  }
}
