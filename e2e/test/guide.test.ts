// The README's "Deploy a consortium" guide, run as it is written: its shell blocks, in order,
// in a new folder, with `consort` the CLI of this checkout (as the guide says), each org in its
// own folder on its own loopback address. The nodes it starts in the background are stopped
// by their pids afterwards.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'

const run = promisify(execFile)
const repo = fileURLToPath(new URL('../..', import.meta.url))
let dir: string | undefined
let pids: number[] = []

/** The shell blocks of a README section, in order. */
function shellBlocks(readme: string, heading: string): string[] {
  const start = readme.indexOf(`## ${heading}\n`)
  const end = readme.indexOf('\n## ', start + 1)
  const section = readme.slice(start, end === -1 ? undefined : end)
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string)
}

afterAll(async () => {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      // gone already
    }
  }
  for (const pid of pids) {
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0)
      } catch {
        break
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  if (dir !== undefined) await rm(dir, { recursive: true, force: true })
})

it('the "Deploy a consortium" guide works when followed verbatim', async () => {
  const blocks = shellBlocks(await readFile(join(repo, 'README.md'), 'utf8'), 'Deploy a consortium')
  expect(blocks.length).toBeGreaterThanOrEqual(5)
  dir = await mkdtemp(join(tmpdir(), 'consort-guide-'))
  // The guide runs in a checkout: its contract paths are the checkout's.
  await symlink(join(repo, 'contracts'), join(dir, 'contracts'))
  const script = [
    'set -eo pipefail',
    'shopt -s expand_aliases',
    `alias consort="${process.execPath} --no-node-snapshot ${join(repo, 'apps/cli/dist/main.js')}"`,
    // Whatever happens, the pids of the nodes started in the background are left for the test to stop.
    `trap 'jobs -p > ${join(dir, 'pids')}' EXIT`,
    ...blocks,
  ].join('\n')
  await writeFile(join(dir, 'guide.sh'), script)
  const r = await run('bash', [join(dir, 'guide.sh')], { cwd: dir, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 }).catch(
    (e: { code: number; stdout: string; stderr: string }) => e,
  )
  pids = (await readFile(join(dir, 'pids'), 'utf8').catch(() => ''))
    .split('\n')
    .filter((l) => l !== '')
    .map(Number)
  expect(r, `the guide failed:\n${(r as { stderr?: string }).stderr ?? ''}\n${(r as { stdout?: string }).stdout ?? ''}`).not.toHaveProperty('code')
  const out = (r as { stdout: string }).stdout
  // Seven nodes: three orderers and three peers, then Org4's peer.
  expect(pids).toHaveLength(7)
  expect(out).toMatch(/deployed asset-transfer/)
  expect(out).toMatch(/tx [0-9a-f]{64} committed in block \d+: VALID/)
  // The last query, as Org4's client through Org4's caught-up peer, reads what Org1 wrote.
  expect(out.trimEnd().split('\n').at(-1)).toContain('"Owner":"Tomoko"')
}, 300_000)
