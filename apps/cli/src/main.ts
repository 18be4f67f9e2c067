#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander'
import { ConsortError } from '@consort/types'
import { runDemo } from './demo.js'
import { networkDown, networkStatus, networkUp, nodeAction } from './network.js'
import { output, table } from './output.js'

const int = (name: string, min: number, max: number) => (v: string) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`)
  return n
}

const program = new Command('consort')
  .description('Consort: a permissioned blockchain for consortia of organizations')
  .option('--dir <dir>', "the network's files", '.consort')
  .option('--json', 'print one JSON document instead of human output', false)
  .showHelpAfterError()

const globals = () => program.opts<{ dir: string; json: boolean }>()

const network = program.command('network').description('bring up, inspect and tear down a local network')

network
  .command('up')
  .description('generate the organizations, identities and genesis block, start every node, wait until the network commits')
  .addOption(new Option('--orgs <n>', 'organizations').default(3).argParser(int('--orgs', 1, 20)))
  .addOption(new Option('--orderers <n>', 'orderer nodes (spread over the orgs)').default(3).argParser(int('--orderers', 1, 15)))
  .addOption(new Option('--peers-per-org <n>', 'peers per organization').default(1).argParser(int('--peers-per-org', 0, 10)))
  .addOption(new Option('--base-port <port>', 'first port; each node takes two').default(7050).argParser(int('--base-port', 1024, 65000)))
  .action(async (o: { orgs: number; orderers: number; peersPerOrg: number; basePort: number }) => {
    const out = output(globals().json)
    const { manifest, reused } = await networkUp({ dir: globals().dir, ...o }, out.log)
    const endpoints = manifest.nodes.map((n) => ({ name: n.name, kind: n.kind, org: n.org, address: n.address, operations: `http://127.0.0.1:${n.operationsPort}` }))
    out.result({ dir: manifest.dir, channel: manifest.channelId, reused, connectionProfile: manifest.connectionProfile, nodes: endpoints }, `\n${table(endpoints)}\n\nnetwork up in ${manifest.dir} (channel ${manifest.channelId})`)
  })

network
  .command('status')
  .description('each node: kind, org, pid, up, ports, Raft role / term / leader, block height')
  .action(async () => {
    const out = output(globals().json)
    const nodes = await networkStatus(globals().dir)
    out.result({ nodes }, table(nodes.map((n) => ({ name: n.name, kind: n.kind, org: n.org, pid: n.pid, up: n.up ? 'yes' : 'no', p2p: n.p2p, ops: n.operationsPort, role: n.role, term: n.term, leader: n.leader, height: n.height }))))
  })

network
  .command('down')
  .description('stop every node (SIGTERM); --purge also deletes the network folder')
  .option('--purge', 'delete identities, chain data and logs too', false)
  .action(async (o: { purge: boolean }) => {
    const out = output(globals().json)
    const stopped = await networkDown(globals().dir, o.purge)
    out.result({ stopped, purged: o.purge }, `stopped ${stopped.length} node(s)${o.purge ? `; removed ${globals().dir}` : ''}`)
  })

const node = program.command('node').description('control one node by name')
for (const action of ['stop', 'start', 'kill'] as const) {
  node
    .command(`${action} <name>`)
    .description({ stop: 'SIGTERM: clean shutdown', start: 'start the node process', kill: 'SIGKILL: crash it' }[action])
    .action(async (name: string) => {
      const out = output(globals().json)
      const r = await nodeAction(globals().dir, action, name)
      out.result({ name: r.name, action, pid: r.pid }, `${action}: ${r.name}${r.pid !== null ? ` (pid ${r.pid})` : ' (was not running)'}`)
    })
}

program
  .command('demo')
  .description('bring up the default network, stream transactions, SIGKILL the Raft leader, show the failover and the catch-up')
  .addOption(new Option('--base-port <port>', 'first port').default(7050).argParser(int('--base-port', 1024, 65000)))
  .action(async (o: { basePort: number }) => {
    process.exitCode = await runDemo({ dir: globals().dir, basePort: o.basePort })
  })

program.parseAsync().catch((err: Error & { code?: string }) => {
  const json = program.opts<{ json?: boolean }>().json === true
  const code = err instanceof ConsortError ? err.code : (err.code ?? 'ERROR')
  if (json) console.log(JSON.stringify({ error: { code, message: err.message } }, null, 2))
  else console.error(`consort: ${err.message}${err instanceof ConsortError ? ` [${code}]` : ''}`)
  process.exitCode = 1
})
