// The live dashboard in a real browser (Chromium from the OS packages, driven by Playwright):
// every node with its role, a load at a chosen rate, "kill" on the leader and a new leader with
// commits going on, "start" and the node catching up, a transaction opened from the explorer,
// and a control refused without the token. Screenshots of each step go to
// e2e/test-results/dashboard/. Needs Chromium (`apt-get install chromium`, as .ci/run does);
// elsewhere the test says why it is skipped.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { access, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNetwork, until } from '../src/fixture.js'
import type { Net } from '../src/fixture.js'

const cli = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url))
const shots = fileURLToPath(new URL('../test-results/dashboard/', import.meta.url))
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const available = await access(CHROMIUM).then(
  () => true,
  () => false,
)
if (!available) console.log(`dashboard.test.ts: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`)

let net: Net
let dashboard: ChildProcess | undefined
const others: ChildProcess[] = []
let browser: Browser | undefined
let page: Page
let url = ''
let token = ''

beforeAll(async () => {
  if (!available) return
  await mkdir(shots, { recursive: true })
  net = await startNetwork({ orderers: 3, peersPerOrg: 1 })
  await net.leader()
  ;({ process: dashboard, url, token } = await openDashboard([]))
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
  // Every control asks first; the test says yes.
  page.on('dialog', (d) => void d.accept())
}, 120_000)

afterAll(async () => {
  await browser?.close()
  for (const p of [dashboard, ...others]) {
    if (p === undefined || p.exitCode !== null) continue
    const exited = new Promise((r) => p.once('exit', r))
    p.kill('SIGTERM')
    await exited
  }
  await net?.teardown()
})

/** `consort dashboard --json … --port 0`: it prints { url, token } once it listens, then serves until SIGTERM. */
async function openDashboard(args: string[]): Promise<{ process: ChildProcess; url: string; token: string }> {
  const child = spawn(process.execPath, ['--no-node-snapshot', cli, '--dir', net.manifest.dir, '--json', 'dashboard', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const printed = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      try {
        resolve(JSON.parse(out) as { url: string; token: string })
      } catch {
        // not all of it yet
      }
    })
    child.once('exit', (code) => reject(new Error(`consort dashboard exited (${code}): ${out}`)))
  })
  return { process: child, ...printed }
}

const shot = (name: string) => page.screenshot({ path: `${shots}${name}.png`, fullPage: true })
const role = (name: string) => page.getByTestId(`node-${name}`).getAttribute('data-role')
const height = async (name: string) => Number(await page.getByTestId(`node-${name}`).getAttribute('data-height'))
const leaderOnPage = async () => {
  for (const o of net.orderers) if ((await role(o.name)) === 'Leader') return o.name
  return undefined
}
const tps = async () => Number(((await page.getByTestId('tps').textContent()) ?? '').replace(/[^0-9]/g, ''))

describe.skipIf(!available)('the dashboard in a browser', () => {
  it('shows the network live; kill and start from the page; a transaction from the explorer; no control without the token', async () => {
    await page.goto(url)
    // Every node, with its role.
    for (const n of net.manifest.nodes) await page.getByTestId(`node-${n.name}`).waitFor()
    expect(await until(async () => (await leaderOnPage()) !== undefined, 20_000)).toBe(true)
    for (const p of net.peers) expect(await role(p.name)).toBe('peer')
    await shot('1-topology')

    // A control without the token is refused, and nothing happens.
    const peer = net.peers[0]!
    await page.getByTestId(`kill-${peer.name}`).click()
    await expect.poll(() => page.getByTestId('control-error').textContent(), { timeout: 10_000 }).toMatch(/401: control actions need the token/)
    expect(await role(peer.name)).toBe('peer')
    await shot('2-no-token')

    // With the token: a load of 40 tx/s.
    await page.getByTestId('token').fill(token)
    await page.getByTestId('rate').fill('40')
    await page.getByTestId('load-start').click()
    expect(await until(async () => (await tps()) > 0, 60_000)).toBe(true)

    // Kill the leader from the page: another takes over and commits go on.
    const leader = (await leaderOnPage())!
    const killedAt = Date.now()
    await page.getByTestId(`kill-${leader}`).click()
    expect(await until(async () => (await role(leader)) === 'down', 20_000)).toBe(true)
    let newLeader: string | undefined
    expect(
      await until(async () => {
        newLeader = await leaderOnPage()
        return newLeader !== undefined && newLeader !== leader
      }, 20_000),
    ).toBe(true)
    const electedMs = Date.now() - killedAt
    const heightAtElection = await height(newLeader!)
    expect(await until(async () => (await height(newLeader!)) > heightAtElection && (await tps()) > 0, 20_000)).toBe(true)
    console.log(`dashboard: ${leader} killed; the page showed ${newLeader} leading after ${electedMs} ms, commits going on after ${Date.now() - killedAt} ms`)
    await shot('3-leader-killed')

    // Start it again from the page: it catches up to the same height.
    await page.getByTestId(`start-${leader}`).click()
    expect(await until(async () => (await role(leader)) === 'Follower', 30_000)).toBe(true)
    await page.getByTestId('load-stop').click()
    expect(
      await until(async () => {
        const h = await height(newLeader!)
        return h > 0 && (await height(leader)) === h
      }, 30_000),
    ).toBe(true)
    await shot('4-caught-up')

    // The explorer: a recent block, one of its transactions.
    const block = page.locator('[data-testid^="block-"]').first()
    await block.click()
    const tx = page.locator('[data-testid^="tx-"]').first()
    await tx.click()
    await page.getByTestId('tx-detail').waitFor()
    expect(await page.getByTestId('tx-code').textContent()).toBe('VALID')
    expect(await page.getByTestId('tx-detail').textContent()).toMatch(/asset-transfer[\s\S]*CreateAsset/)
    await shot('5-explorer')
  }, 240_000)

  it('watches a channel through a connection profile as a member of one org: roles and heights, no process controls', async () => {
    const d = await openDashboard(['--profile', net.manifest.connectionProfile, '--identity', join(net.manifest.dir, 'orgs', 'Org2', 'users', 'admin')])
    others.push(d.process)
    await page.goto(d.url)
    for (const n of net.manifest.nodes) await page.getByTestId(`node-${n.name}`).waitFor()
    expect(await until(async () => (await leaderOnPage()) !== undefined, 20_000)).toBe(true)
    expect(await until(async () => (await height(net.peers[1]!.name)) > 0, 20_000)).toBe(true)
    expect(await page.getByTestId(`kill-${net.peers[0]!.name}`).count()).toBe(0)
    await shot('6-profile')
  }, 60_000)
})
