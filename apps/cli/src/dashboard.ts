import { readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Dashboard } from '@consort/dashboard'
import { loadManifest } from '@consort/devnet'
import { ensureDeployed } from './bench.js'
import { connectLocal, connectWith } from './client.js'
import { CliError } from './output.js'

/** DIR/dashboard.json: where a running dashboard of the network in DIR listens (the demo prints it). */
const marker = (dir: string) => join(resolve(dir), 'dashboard.json')

/**
 * Starts the dashboard: for the local network in `dir` (as Org1's client and admin), or with
 * `profile` and `identity` for a channel whose nodes run on their orgs' machines (as that
 * identity; controls of node processes are not offered then). close() stops it and its connections.
 */
export async function openDashboard(dir: string, o: { port: number; host: string; profile?: string; identity?: string }): Promise<Dashboard> {
  const { LocalSource, ProfileSource, startDashboard } = await import('@consort/dashboard')
  if ((o.profile === undefined) !== (o.identity === undefined)) throw new CliError('ERR_CLI_USAGE', '--profile and --identity go together')
  const remote = o.profile !== undefined && o.identity !== undefined
  const client = remote ? await connectWith(o.profile as string, o.identity as string) : await connectLocal(dir, 'Org1')
  const admin = remote ? client : await connectLocal(dir, 'Org1', 'admin')
  const source = remote ? new ProfileSource(client) : new LocalSource(await loadManifest(dir))
  const ensureContract = remote
    ? async () => {
        await client.contract('_lifecycle').evaluate('QueryDefinition', 'asset-transfer')
      }
    : () => ensureDeployed(dir, client, 'asset-transfer')
  const d = await startDashboard({ source, client, admin, host: o.host, port: o.port, ensureContract })
  if (!remote) await writeFile(marker(dir), `${JSON.stringify({ url: d.url, pid: process.pid })}\n`)
  return {
    ...d,
    close: async () => {
      if (!remote) await rm(marker(dir), { force: true })
      await d.close()
      await client.close()
      if (admin !== client) await admin.close()
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
