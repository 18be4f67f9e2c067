import { readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Dashboard } from '@consort/dashboard'
import { loadManifest } from '@consort/devnet'
import { ensureDeployed } from './bench.js'
import { connectLocal } from './client.js'

/** DIR/dashboard.json: where a running dashboard of the network in DIR listens (the demo prints it). */
const marker = (dir: string) => join(resolve(dir), 'dashboard.json')

/** Starts the dashboard for the local network in `dir` (as Org1's client and admin); close() stops it and its connections. */
export async function openDashboard(dir: string, o: { port: number; host: string }): Promise<Dashboard> {
  const { startDashboard } = await import('@consort/dashboard')
  const manifest = await loadManifest(dir)
  const client = await connectLocal(dir, 'Org1')
  const admin = await connectLocal(dir, 'Org1', 'admin')
  const d = await startDashboard({ manifest, client, admin, host: o.host, port: o.port, ensureContract: () => ensureDeployed(dir, client, 'asset-transfer') })
  await writeFile(marker(dir), `${JSON.stringify({ url: d.url, pid: process.pid })}\n`)
  return {
    ...d,
    close: async () => {
      await rm(marker(dir), { force: true })
      await d.close()
      await client.close()
      await admin.close()
    },
  }
}

/** The address of the dashboard running for the network in `dir`, if one is. */
export async function runningDashboard(dir: string): Promise<string | undefined> {
  try {
    const { url, pid } = JSON.parse(await readFile(marker(dir), 'utf8')) as { url: string; pid: number }
    process.kill(pid, 0)
    return url
  } catch {
    return undefined
  }
}
