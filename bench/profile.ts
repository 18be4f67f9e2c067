// Summarizes V8 CPU profiles (.cpuprofile, from `node --cpu-prof`): for each file, the share
// of samples by package (node internals charged to the package that called them) and the
// functions with the most self time. How the figures in RESULTS.md were read:
//
//   CONSORT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" pnpm consort network up
//   pnpm consort bench --rounds create --tx 3000 --in-flight 128
//   pnpm consort network down            # the profiles are written on exit
//   pnpm --filter @consort/bench profiles /tmp/prof [--top 25]
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}
interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** The package a frame belongs to: a dependency's name, a workspace package, node, or V8's own label. */
function packageOf(f: CallFrame): string {
  if (f.url === '') return f.functionName || '(native)'
  const dep = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(f.url)
  if (dep) return dep[1] as string
  const ours = /\/((?:packages|apps|contracts)\/[^/]+)\//.exec(f.url)
  if (ours) return ours[1] as string
  return f.url.startsWith('node:') ? 'node' : f.url
}

const pct = (x: number, total: number) => `${((100 * x) / total).toFixed(1).padStart(5)}%`

function summarize(p: Profile, top: number): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const self = new Map<number, number>()
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)))
  let total = 0
  const packages = new Map<string, number>()
  const functions = new Map<string, number>()
  for (const [id, us] of self) {
    total += us
    const node = byId.get(id) as ProfileNode
    // Node's internals (socket writes, crypto bindings) are charged to their nearest caller outside node.
    let pkg = packageOf(node.callFrame)
    for (let up = parent.get(id); pkg === 'node' && up !== undefined; up = parent.get(up)) {
      const caller = packageOf((byId.get(up) as ProfileNode).callFrame)
      if (caller !== 'node') pkg = `node (from ${caller})`
    }
    packages.set(pkg, (packages.get(pkg) ?? 0) + us)
    const f = node.callFrame
    const name = `${f.functionName || '(anonymous)'} ${packageOf(f)}:${f.lineNumber + 1}`
    functions.set(name, (functions.get(name) ?? 0) + us)
  }
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${pct(v, total)}  ${k}`)
      .join('\n')
  return `${(total / 1e6).toFixed(1)} s sampled\n by package:\n${rows(packages)}\n by function (self time):\n${rows(functions)}`
}

const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '20' } }, allowPositionals: true })
const dir = positionals[0]
if (dir === undefined) {
  console.error('usage: profile DIR [--top N]   (DIR holds .cpuprofile files)')
  process.exit(1)
}
const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort()
if (files.length === 0) console.error(`no .cpuprofile files in ${dir}`)
for (const f of files) {
  const p = JSON.parse(await readFile(join(dir, f), 'utf8')) as Profile
  // Which process: the first workspace entry point among the frames.
  const main = p.nodes.map((n) => n.callFrame.url).find((u) => /\/apps\/[^/]+\/dist\//.test(u)) ?? '?'
  console.log(`== ${f} (${/apps\/([^/]+)\//.exec(main)?.[1] ?? main})\n${summarize(p, Number(values.top))}\n`)
}
