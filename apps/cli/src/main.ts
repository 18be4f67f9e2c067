#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander'
import { ConsortError } from '@consort/types'
import { runBench, runFailoverBench, runJoinBench, runOrderingBench } from './bench.js'
import { openDashboard } from './dashboard.js'
import { runEtcdBench } from './etcd.js'
import { runScaleBench } from './scale.js'
import { runChaos, writeReport } from './chaos.js'
import { runDemo } from './demo.js'
import { drPromote, drStatus, drSwitchover } from './dr.js'
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { connectAs, deployContract, ordererBackup, peerSnapshot } from './client.js'
import type { ClientOptions } from './client.js'
import {
  channelFetch,
  channelGenesisCommand,
  channelInspect,
  channelSign,
  channelSubmit,
  channelUpdate,
  nodeInit,
  nodeRun,
  ordererForceNewCluster,
  ordererInspect,
  ordererRestore,
  orgInit,
  profileCommand,
} from './consortium.js'
import type { UpdateCliOptions } from './consortium.js'
import { networkDown, networkStatus, networkUp, nodeAction } from './network.js'
import { CliError, output, table } from './output.js'

const int = (name: string, min: number, max: number) => (v: string) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`)
  return n
}
/** A comma-separated list of such integers. */
const intList = (name: string, min: number, max: number) => (v: string) => v.split(',').map((x) => int(`each of ${name}`, min, max)(x.trim()))

const program = new Command('consort')
  .description('Consort: a permissioned blockchain for consortia of organizations')
  .option('--dir <dir>', "the network's files", '.consort')
  .option('--json', 'print one JSON document instead of human output', false)
  .showHelpAfterError()
  // Options belong to the command they follow (bench and its subcommands share names).
  .enablePositionalOptions()

const globals = () => program.opts<{ dir: string; json: boolean }>()

/** How client commands pick who they act as: an org of the local network, or a member's identity and profile. */
const clientOptions = (c: Command) =>
  c
    .addOption(new Option('--org <org>', 'act as the client of this organization of the local network (--dir)').default('Org1'))
    .option('--profile <file>', 'connection profile (with --identity), e.g. from consort profile')
    .option('--identity <dir>', 'identity folder (cert.pem, key.pem), e.g. org1/users/client')

const network = program.command('network').description('bring up, inspect and tear down a local network')

network
  .command('up')
  .description('generate the organizations, identities and genesis block, start every node, wait until the network commits')
  .addOption(new Option('--orgs <n>', 'organizations').default(3).argParser(int('--orgs', 1, 20)))
  .addOption(new Option('--orderers <n>', 'orderer nodes (spread over the orgs)').default(3).argParser(int('--orderers', 1, 15)))
  .addOption(new Option('--peers-per-org <n>', 'peers per organization').default(1).argParser(int('--peers-per-org', 0, 10)))
  .addOption(new Option('--base-port <port>', 'first port; each node takes two').default(7050).argParser(int('--base-port', 1024, 65000)))
  .option('--sites <names>', 'active/passive DR: site names, the active one first (e.g. east,west); each site gets the orderers and peers')
  .action(async (o: { orgs: number; orderers: number; peersPerOrg: number; basePort: number; sites?: string }) => {
    const out = output(globals().json)
    const { sites, ...rest } = o
    const { manifest, reused } = await networkUp({ dir: globals().dir, ...rest, ...(sites !== undefined ? { sites: sites.split(',') } : {}) }, out.log)
    const endpoints = manifest.nodes.map((n) => ({
      name: n.name,
      kind: n.kind,
      org: n.org,
      address: n.address,
      operations: `http://127.0.0.1:${n.operationsPort}`,
    }))
    out.result(
      { dir: manifest.dir, channel: manifest.channelId, reused, connectionProfile: manifest.connectionProfile, nodes: endpoints },
      `\n${table(endpoints)}\n\nnetwork up in ${manifest.dir} (channel ${manifest.channelId})`,
    )
  })

network
  .command('status')
  .description('each node: kind, org, pid, up, ports, Raft role / term / leader, block height')
  .action(async () => {
    const out = output(globals().json)
    const nodes = await networkStatus(globals().dir)
    out.result(
      { nodes },
      table(
        nodes.map((n) => ({
          name: n.name,
          kind: n.kind,
          org: n.org,
          ...(n.site !== undefined ? { site: n.site } : {}),
          pid: n.pid,
          up: n.up ? 'yes' : 'no',
          p2p: n.p2p,
          ops: n.operationsPort,
          role: n.role ?? '-',
          term: n.term ?? '-',
          leader: n.leader ?? '-',
          height: n.height ?? '-',
          version: n.version ?? '-',
        })),
      ),
    )
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

const node = program.command('node').description('set up and run a node (init, run), or control one of the local network by name (stop, start, kill)')
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

node
  .command('init <name>')
  .description("a node's key, certificate (from its org's CA) and config file; adds it to the org's org.json")
  .requiredOption('--org <dir>', "the org's folder (with its CA key)")
  .requiredOption('--kind <kind>', 'orderer or peer')
  .requiredOption('--listen <host:port>', 'where the node listens (0.0.0.0 for every interface)')
  .option('--advertise <host:port>', 'the address others dial (default: --listen)')
  .option('--operations <host:port>', 'the operations endpoint (/healthz, /metrics, /status)')
  .option('--site <site>', 'the site (data centre) it runs in, for an active/passive DR setup')
  .requiredOption('--out <dir>', "the node's folder")
  .action(async (name: string, o: { org: string; kind: string; listen: string; advertise?: string; operations?: string; site?: string; out: string }) => {
    await nodeInit(output(globals().json), name, o)
  })

node
  .command('run')
  .description('run one orderer or peer in the foreground (JSON logs on stdout; SIGTERM stops it)')
  .requiredOption('--config <file>', "the node's node.json")
  .option('--from-snapshot <dir>', 'a new peer: begin from this ledger snapshot (consort peer snapshot) instead of replaying every block')
  .action(async (o: { config: string; fromSnapshot?: string }) => {
    await nodeRun(o.config, o.fromSnapshot !== undefined ? { fromSnapshot: o.fromSnapshot } : {})
  })

const orderer = program.command('orderer').description('operate the ordering service (as an org admin)')
clientOptions(
  orderer.command('transfer-leader').description('move Raft leadership to a caught-up consenter (the most caught-up one without --to); clients see no error'),
)
  .option('--to <name>', 'the consenter to lead')
  .action(async (o: ClientOptions & { to?: string }) => {
    const out = output(globals().json)
    // In the local network, as the org's admin; with --profile, --identity must be an admin's folder.
    const network = await connectAs(globals().dir, o, 'admin')
    try {
      const r = await network.transferLeader(o.to)
      out.result(r, r.from === r.to ? `${r.to} leads already (term ${r.term})` : `leadership moved from ${r.from} to ${r.to} (term ${r.term}) in ${r.ms} ms`)
    } finally {
      await network.close()
    }
  })

clientOptions(
  orderer
    .command('backup')
    .description("a consistent backup of a running orderer (its Raft WAL and blocks), written into --out on the orderer's machine; as an admin of its org"),
)
  .option('--orderer <name>', 'the orderer (default: the first of your org)')
  .requiredOption('--out <dir>', 'the backup folder (new or empty), on the orderer’s machine')
  .action(async (o: ClientOptions & { orderer?: string; out: string }) => {
    const out = output(globals().json)
    const network = await connectAs(globals().dir, o, 'admin')
    try {
      const r = await ordererBackup(network, o.orderer, resolve(o.out))
      out.result(
        r,
        `backup of ${r.orderer} at height ${r.height} (${r.tipHash.slice(0, 16)}…, Raft entry ${r.lastIndex}, term ${r.term}): ${r.bytes} bytes in ${r.ms} ms\n  ${r.dir} (on ${r.orderer}'s machine); restore it with the node stopped: consort orderer restore --from DIR --config NODE.json`,
      )
    } finally {
      await network.close()
    }
  })

orderer
  .command('restore')
  .description(
    "put a backup in a stopped orderer's data folder (checked against its digests); at its next start the node checks its chain against the cluster's, then catches up",
  )
  .requiredOption('--from <dir>', 'the backup folder (consort orderer backup)')
  .requiredOption('--config <file>', "the orderer's node.json")
  .action(async (o: { from: string; config: string }) => {
    await ordererRestore(output(globals().json), o.from, o.config)
  })

orderer
  .command('inspect')
  .description("what a stopped orderer's data holds: height, tip, Raft log and term (to pick the longest log before a forced promotion)")
  .requiredOption('--config <file>', "the orderer's node.json")
  .action(async (o: { config: string }) => {
    await ordererInspect(output(globals().json), o.config)
  })

orderer
  .command('force-new-cluster')
  .description("the active site is lost: on a stopped orderer of SITE, set its Raft membership to SITE's consenters at a new term")
  .requiredOption('--config <file>', "the orderer's node.json")
  .requiredOption('--channel <block>', 'the latest config block (consort channel fetch)')
  .requiredOption('--site <site>', 'the site whose consenters form the new cluster')
  .requiredOption('--term <n>', 'a term higher than every member holds (consort orderer inspect)', int('--term', 1, Number.MAX_SAFE_INTEGER))
  .action(async (o: { config: string; channel: string; site: string; term: number }) => {
    await ordererForceNewCluster(output(globals().json), o)
  })

const peerCommand = program.command('peer').description('operate a peer (as an admin of its org)')
clientOptions(
  peerCommand
    .command('snapshot')
    .description("write a snapshot of a peer's ledger at its tip (world state, tx ids, config, hashes), for new peers to start from"),
)
  .requiredOption('--peer <name>', 'the peer')
  .addOption(
    new Option('--at <block>', 'the block to stand on: the tip (default), or a block to come, taken right after it commits').argParser(
      int('--at', 0, Number.MAX_SAFE_INTEGER),
    ),
  )
  .action(async (o: ClientOptions & { peer: string; at?: number }) => {
    const out = output(globals().json)
    const network = await connectAs(globals().dir, o, 'admin')
    try {
      const r = await peerSnapshot(network, o.peer, o.at ?? 0)
      out.result(
        r,
        `snapshot of ${o.peer} at block ${r.blockNumber} (${r.blockHash.slice(0, 16)}…): ${r.stateKeys} keys, ${r.txIds} tx ids, in ${r.ms} ms\n  ${r.dir} (on ${o.peer}'s machine); a new peer starts from it: consort node run --config NODE.json --from-snapshot DIR`,
      )
    } finally {
      await network.close()
    }
  })

const dr = program.command('dr').description('active/passive sites: replication lag, planned switchover, promotion after a disaster')
dr.command('status')
  .description("each node's site, Raft membership, height and lag behind the leader (blocks, ms); each passive site's RPO")
  .action(async () => {
    const out = output(globals().json)
    const s = await drStatus(globals().dir)
    const rows = s.nodes.map((x) => ({
      name: x.name,
      site: x.site,
      member: x.member,
      up: x.up ? 'yes' : 'no',
      height: x.height ?? '-',
      'lag blocks': x.lagBlocks ?? '-',
      'lag ms': x.lagMs ?? '-',
    }))
    const head = `channel ${s.channel}: active site ${s.activeSite}${s.switchingTo !== '' ? ` (switching to ${s.switchingTo}: closed)` : ''}; leader ${s.leader === null ? 'none' : `${s.leader.name} at height ${s.leader.height}`}`
    const rpo = s.rpo.map((r) => `RPO of ${r.site}: ${r.blocks} block(s), ${r.ms} ms`).join('\n')
    out.result(s, `${head}\n\n${table(rows)}\n\n${rpo}`)
  })
dr.command('switchover')
  .description("planned switchover: close the active site, final sync, the site's orderers vote and the old ones learn, open the site")
  .requiredOption('--to <site>', 'the passive site to make active')
  .action(async (o: { to: string }) => {
    const out = output(globals().json)
    const r = await drSwitchover(globals().dir, o.to, out.log)
    out.result(
      r,
      `site ${r.to} is active (was ${r.from}); no site took transactions for ${r.rtoMs} ms (RTO); RPO ${r.rpoBlocks} blocks; final sync at height ${r.finalSync.height}`,
    )
  })

dr.command('promote')
  .description('the active site is lost: form a new ordering cluster from a passive site, make it active; states what may be lost')
  .requiredOption('--to <site>', 'the passive site to make active')
  .option('--force', 'accept the loss of blocks the lost site ordered that this site never received', false)
  .action(async (o: { to: string; force: boolean }) => {
    const out = output(globals().json)
    const r = await drPromote(globals().dir, o.to, o.force, out.log)
    out.result(
      r,
      `site ${r.to} is active (${r.from} was lost) after ${r.rtoMs} ms; the new cluster started from ${r.seed}'s log: height ${r.heightBefore} → ${r.heightAfter}; ${r.lostBlocks} block(s) ${r.from} had committed never reached ${r.to} and are lost (blocks ordered after ${r.to} last heard from ${r.from} are lost too)`,
    )
  })

program
  .command('dashboard')
  .description(
    'a live web UI of the local network (or, with --profile and --identity, of a channel whose nodes run elsewhere): topology, charts, timeline, explorer, and controls (they need the token printed at start)',
  )
  .addOption(new Option('--port <port>', 'the port').default(8080).argParser(int('--port', 0, 65535)))
  .option('--host <host>', 'the address to bind (anything but loopback exposes the read-only views)', '127.0.0.1')
  .option('--profile <file>', 'a connection profile (with --identity): watch that channel as that member')
  .option('--identity <dir>', 'identity folder (cert.pem, key.pem); an admin may also move leadership')
  .action(async (o: { port: number; host: string; profile?: string; identity?: string }) => {
    const out = output(globals().json)
    const d = await openDashboard(globals().dir, o)
    out.result({ url: d.url, token: d.token }, `dashboard at ${d.url}\n  control token: ${d.token}   (read-only views need none; Ctrl-C stops it)`)
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve())
    })
    await d.close()
  })

const org = program.command('org').description("an organization's CA and identities")
org
  .command('init <org>')
  .description('a CA, an admin and a client identity; DIR/org.json is the public definition to share')
  .requiredOption('--out <dir>', "the org's folder (keep it on the org's machines)")
  .action(async (mspId: string, o: { out: string }) => {
    await orgInit(output(globals().json), mspId, o.out)
  })

const channel = program.command('channel').description('channel configuration: genesis, inspection, and updates signed by org admins')
channel
  .command('genesis')
  .description('the genesis block of a channel of these orgs, from their org.json files only (deterministic)')
  .requiredOption('--org <file>', 'an org.json (repeat for each org)', (v: string, prev: string[] = []) => [...prev, v])
  .option('--channel <name>', 'the channel name', 'consort')
  .addOption(new Option('--policy <policy>', 'who changes the channel and approves contracts').choices(['MAJORITY', 'ANY', 'ALL']).default('MAJORITY'))
  .option('--batch-size <n>', 'envelopes per block at most', int('--batch-size', 1, 100_000))
  .option('--batch-timeout <ms>', 'how long a block may wait to fill', int('--batch-timeout', 1, 60_000))
  .option('--active-site <site>', "active/passive DR: the site that takes transactions; other sites' orderers join as learners")
  .requiredOption('--out <file>', 'where to write the block')
  .action(
    async (o: {
      org: string[]
      channel: string
      policy: 'MAJORITY' | 'ANY' | 'ALL'
      batchSize?: number
      batchTimeout?: number
      activeSite?: string
      out: string
    }) => {
      await channelGenesisCommand(output(globals().json), o.org, {
        channelId: o.channel,
        policy: o.policy,
        out: o.out,
        ...(o.activeSite !== undefined ? { activeSite: o.activeSite } : {}),
        batch: {
          ...(o.batchSize !== undefined ? { maxMessageCount: o.batchSize } : {}),
          ...(o.batchTimeout !== undefined ? { batchTimeoutMs: o.batchTimeout } : {}),
        },
      })
    },
  )
channel
  .command('inspect <file>')
  .description('orgs, consenters, anchor peers, policies, config sequence and hash of a genesis or config block')
  .action(async (file: string) => {
    await channelInspect(output(globals().json), file)
  })

channel
  .command('fetch')
  .description("the channel's latest config block, from the orderers")
  .requiredOption('--profile <file>', 'a connection profile')
  .requiredOption('--identity <dir>', 'an identity folder of a channel member (cert.pem, key.pem)')
  .requiredOption('--out <file>', 'where to write the block')
  .action(async (o: { profile: string; identity: string; out: string }) => {
    await channelFetch(output(globals().json), o)
  })
channel
  .command('update <op> [arg]')
  .description(
    'draft a config update: add-org ORG.json | remove-org NAME | add-consenter NODE.json [--learner] | remove-consenter NAME | promote NAME | demote NAME | set-sites --active S [--switching-to S] | set-policy --admins P --lifecycle P | set-leaders --preferred A,B --reclaim-after MS --min-tenure MS',
  )
  .requiredOption('--channel <block>', 'the latest config block (consort channel fetch)')
  .option('--admins <policy>', 'set-policy: who changes the channel, e.g. "MAJORITY Admins"')
  .option('--lifecycle <policy>', 'set-policy: who approves contract definitions')
  .option('--learner', 'add-consenter: as a Raft learner (replicates, neither votes nor leads: a DR site)')
  .option('--active <site>', 'set-sites: the site that takes transactions')
  .option('--switching-to <site>', 'set-sites: close every site for a switchover to this one')
  .option('--preferred <names>', 'set-leaders: preferred leaders, most preferred first, comma-separated ("" for none)')
  .option(
    '--reclaim-after <ms>',
    'set-leaders: how long a preferred leader must be up and caught up before it gets leadership back',
    int('--reclaim-after', 1, 86_400_000),
  )
  .option('--min-tenure <ms>', 'set-leaders: how long a leader keeps leadership before a voluntary handover', int('--min-tenure', 1, 86_400_000))
  .requiredOption('--out <file>', 'where to write the update (upd.json)')
  .action(async (op: string, arg: string | undefined, o: UpdateCliOptions) => {
    await channelUpdate(output(globals().json), op, arg, o)
  })
channel
  .command('sign <update>')
  .description("append one admin's signature to an update (run on that admin's machine)")
  .requiredOption('--identity <dir>', "the admin's identity folder (ORG/users/admin)")
  .action(async (file: string, o: { identity: string }) => {
    await channelSign(output(globals().json), file, o)
  })
channel
  .command('submit <update>')
  .description('order a signed update; refused while the admins policy is not met or once the channel moved past its sequence')
  .requiredOption('--profile <file>', 'a connection profile')
  .requiredOption('--identity <dir>', 'an identity folder of a channel member')
  .action(async (file: string, o: { profile: string; identity: string }) => {
    await channelSubmit(output(globals().json), file, o)
  })

program
  .command('profile')
  .description("a connection profile (orderers, peers) from a channel's config block, the org's own first")
  .requiredOption('--channel <block>', 'the genesis or latest config block')
  .requiredOption('--org <dir>', "the org's folder or its org.json")
  .requiredOption('--out <file>', 'where to write the profile')
  .action(async (o: { channel: string; org: string; out: string }) => {
    await profileCommand(output(globals().json), o)
  })

const contract = program.command('contract').description('contracts on the channel')
contract
  .command('deploy <path>')
  .description('bundle the contract folder, install it on every peer, gather the org approvals (as the local admins) and activate it')
  .requiredOption('--name <name>', 'contract name')
  .option('--version <version>', 'version label (default: package.json version)')
  .option('--policy <policy>', "endorsement policy, e.g. MAJORITY or AND('Org1.peer','Org2.peer')", 'MAJORITY')
  .option('--profile <file>', 'connection profile (with --identity): deploy as a consortium member instead of in the local network')
  .option(
    '--identity <dir>',
    "an org admin's identity folder (repeat for several orgs); each installs on its org's peers and approves",
    (v: string, prev: string[] = []) => [...prev, v],
    [],
  )
  .action(async (path: string, o: { name: string; version?: string; policy: string; profile?: string; identity: string[] }) => {
    const out = output(globals().json)
    const started = Date.now()
    const r = await deployContract(globals().dir, path, o)
    const ms = Date.now() - started
    const waiting = Object.keys(r.approvals).filter((org) => !r.approvals[org])
    out.result(
      { ...r, ms },
      r.committed
        ? `deployed ${r.name} ${r.version} (sequence ${r.sequence}, code ${r.codeHash.slice(0, 12)}…) in ${ms} ms\ninstalled on ${r.installedOn.join(', ')}; approved by ${r.approvedBy.join(', ')}`
        : `approved ${r.name} ${r.version} (sequence ${r.sequence}, code ${r.codeHash.slice(0, 12)}…) for ${r.approvedBy.join(', ')}; installed on ${r.installedOn.join(', ') || 'no peer'}\n` +
            `not committed yet: the channel's lifecycle policy needs more approvals (not approved: ${waiting.join(', ')}); each org's admin runs the same deploy, and the one that completes the policy commits it`,
    )
  })

clientOptions(program.command('invoke <contract> <fn> [args...]'))
  .description('submit a transaction: endorse, order, wait for the commit')
  .action(async (name: string, fn: string, args: string[], o: ClientOptions) => {
    const out = output(globals().json)
    const network = await connectAs(globals().dir, o)
    try {
      const r = await network.contract(name).submit(fn, ...args)
      const result = new TextDecoder().decode(r.result)
      out.result(
        { txId: r.txId, blockNumber: r.blockNumber, validationCode: r.validationCode, result },
        `${result === '' ? '(no result)' : result}\ntx ${r.txId} committed in block ${r.blockNumber}: ${r.validationCode}`,
      )
    } finally {
      await network.close()
    }
  })

clientOptions(program.command('query <contract> <fn> [args...]'))
  .description('evaluate a function on a peer without ordering it')
  .action(async (name: string, fn: string, args: string[], o: ClientOptions) => {
    const out = output(globals().json)
    const network = await connectAs(globals().dir, o)
    try {
      const result = new TextDecoder().decode(await network.contract(name).evaluate(fn, ...args))
      let parsed: unknown = result
      try {
        parsed = JSON.parse(result)
      } catch {
        // not JSON: report the text
      }
      out.result({ result: parsed }, result)
    } finally {
      await network.close()
    }
  })

clientOptions(program.command('events'))
  .description('stream committed transactions (and contract events) as they commit; with --json one JSON object per line')
  .option('--contract <name>', 'only this contract, and only its events from valid transactions')
  .addOption(new Option('--from <block>', 'first block').argParser(int('--from', 0, Number.MAX_SAFE_INTEGER)))
  .action(async (o: ClientOptions & { contract?: string; from?: number }) => {
    const json = globals().json
    const network = await connectAs(globals().dir, o)
    const stop = new AbortController()
    process.once('SIGINT', () => stop.abort())
    const from = o.from !== undefined ? { startBlock: o.from } : {}
    try {
      if (o.contract !== undefined) {
        for await (const e of network.contract(o.contract).events({ ...from, signal: stop.signal })) {
          const payload = new TextDecoder().decode(e.payload)
          console.log(
            json
              ? JSON.stringify({ block: e.blockNumber, tx: e.txIndex, txId: e.txId, name: e.name, payload })
              : `block ${e.blockNumber} tx ${e.txIndex} ${e.name} ${payload}`,
          )
        }
      } else {
        for await (const b of network.blockEvents({ ...from, signal: stop.signal })) {
          for (const t of b.transactions) {
            console.log(
              json
                ? JSON.stringify({
                    block: b.blockNumber,
                    tx: t.txIndex,
                    txId: t.txId,
                    contract: t.contract,
                    validationCode: t.validationCode,
                    events: t.events.map((e) => e.name),
                  })
                : `block ${b.blockNumber} tx ${t.txIndex} ${t.contract || '(config)'} ${t.validationCode} ${t.txId.slice(0, 16)}`,
            )
          }
        }
      }
    } finally {
      await network.close()
    }
  })

const cpuLine = (round: string, cpu: Record<string, number>) =>
  `cpu ms per tx (${round}): ${
    Object.entries(cpu)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'n/a (not Linux)'
  }`

const bench = program
  .command('bench')
  .description('Caliper-style rounds against the running network: a table per round (and JSON)')
  .enablePositionalOptions()
  .addOption(new Option('--rounds <names>', 'comma-separated: create, transfer, query').default('create,transfer,query'))
  .addOption(new Option('--tx <n>', 'transactions per round').default(500).argParser(int('--tx', 1, 1_000_000)))
  .addOption(new Option('--rate <tps>', 'fixed send rate; 0 = as fast as --in-flight allows').default(0).argParser(int('--rate', 0, 100_000)))
  .addOption(new Option('--in-flight <n>', 'concurrent submissions').default(64).argParser(int('--in-flight', 1, 10_000)))
  .option('--out <file>', 'JSON results file (default DIR/bench/bench-<time>.json)')
  .action(async (o: { rounds: string; tx: number; rate: number; inFlight: number; out?: string }) => {
    const out = output(globals().json)
    const names = o.rounds.split(',').map((x) => x.trim())
    for (const n of names)
      if (!['create', 'transfer', 'query'].includes(n)) throw new CliError('BAD_ROUND', `unknown round ${n}; rounds: create, transfer, query`)
    const rounds = names.map((name) => ({ name: name as 'create' | 'transfer' | 'query', txs: o.tx, rate: o.rate, inFlight: o.inFlight }))
    const r = await runBench(globals().dir, rounds, o.out, out.log)
    out.result(
      r,
      `\n${table(
        r.rounds.map(({ failures, cpu: _cpu, cpuByRole: _roles, ...row }) => ({
          ...row,
          failures:
            Object.entries(failures)
              .map(([k, v]) => `${k}:${v}`)
              .join(' ') || '-',
        })),
      )}\n\n${table(r.rounds.map((x) => ({ round: x.name, ...x.cpuByRole })))}\n(CPU ms per committed tx by role: leader orderer, follower orderer (mean), the client org's peer, another peer (mean), this client)\n${r.rounds.map((x) => cpuLine(x.name, x.cpu)).join('\n')}\nwrote ${r.file}`,
    )
  })

bench
  .command('ordering')
  .description('signed envelopes straight to the orderers (no peers, no contracts): envelopes/s and latency')
  .addOption(new Option('--tx <n>', 'envelopes').default(20_000).argParser(int('--tx', 1, 10_000_000)))
  .addOption(new Option('--in-flight <n>', 'concurrent broadcasts').default(64).argParser(int('--in-flight', 1, 100_000)))
  .addOption(new Option('--size <bytes>', 'payload bytes per envelope').default(256).argParser(int('--size', 1, 1_000_000)))
  .action(async (o: { tx: number; inFlight: number; size: number }) => {
    const out = output(globals().json)
    const r = await runOrderingBench(globals().dir, { txs: o.tx, inFlight: o.inFlight, size: o.size })
    const { failures, cpu, cpuByRole, ...row } = r
    out.result(
      r,
      `${table([
        {
          ...row,
          failures:
            Object.entries(failures)
              .map(([k, v]) => `${k}:${v}`)
              .join(' ') || '-',
        },
      ])}\n\n${table([{ round: r.name, ...cpuByRole }])}\n${cpuLine(r.name, cpu)}`,
    )
  })

bench
  .command('etcd')
  .description(
    'the ordering service next to a 3-member etcd cluster on this machine (OS package etcd-server, or $ETCD_BIN): the same puts, sizes and concurrency; the peers are stopped for both rounds and started again after',
  )
  .addOption(new Option('--tx <n>', 'envelopes / puts').default(20_000).argParser(int('--tx', 1, 10_000_000)))
  .addOption(new Option('--in-flight <n>', 'concurrent requests').default(64).argParser(int('--in-flight', 1, 100_000)))
  .addOption(new Option('--size <bytes>', 'payload bytes').default(256).argParser(int('--size', 1, 1_000_000)))
  .action(async (o: { tx: number; inFlight: number; size: number }) => {
    const out = output(globals().json)
    const r = await runEtcdBench(globals().dir, { txs: o.tx, inFlight: o.inFlight, size: o.size })
    const [ours, etcd] = r.rounds
    const row = (x: { name: string; succ: number; fail: number; 'throughput (tps)': number; 'p50 (s)': number; 'p99 (s)': number; 'CPU ms/tx': number }) => ({
      system: x.name,
      succ: x.succ,
      fail: x.fail,
      'throughput (tps)': x['throughput (tps)'],
      'p50 (s)': x['p50 (s)'],
      'p99 (s)': x['p99 (s)'],
      'CPU ms/tx': x['CPU ms/tx'],
    })
    out.result(r, `${table([row(ours), row(etcd)])}\n(CPU ms/tx: the orderers and the client for Consort, the three etcd members and the client for etcd)`)
  })
bench
  .command('scale')
  .description(
    'how cost grows: tx/s and CPU per tx with 3, 5 and 7 orgs, 256 B and 8 KB values, 1k, 100k and 1M keys in the state, and a new peer joining a chain of 100k transactions (networks of their own under DIR/scale); JSON and an SVG plot',
  )
  .addOption(new Option('--tx <n>', 'submits per point').default(300).argParser(int('--tx', 1, 1_000_000)))
  .addOption(new Option('--in-flight <n>', 'concurrent submissions').default(64).argParser(int('--in-flight', 1, 10_000)))
  .addOption(new Option('--orgs <list>', 'the org counts measured').default([3, 5, 7], '3,5,7').argParser(intList('--orgs', 1, 20)))
  .addOption(new Option('--values <list>', 'the value sizes measured, in bytes').default([256, 8192], '256,8192').argParser(intList('--values', 1, 1_000_000)))
  .addOption(
    new Option('--max-keys <n>', 'the largest world state measured (1000, 100000 or 1000000)').default(1_000_000).argParser(int('--max-keys', 1000, 1_000_000)),
  )
  .addOption(
    new Option('--chain-tx <n>', 'transactions added to the chain before a new peer joins it').default(100_000).argParser(int('--chain-tx', 0, 10_000_000)),
  )
  .addOption(new Option('--base-port <port>', "the networks' first port").default(26050).argParser(int('--base-port', 1024, 65000)))
  .option('--out <file>', 'the JSON file; the plot is written beside it (.svg)', 'bench/results/scale.json')
  .action(async (o: { tx: number; inFlight: number; orgs: number[]; values: number[]; maxKeys: number; chainTx: number; basePort: number; out: string }) => {
    const out = output(globals().json)
    const r = await runScaleBench(globals().dir, { ...o, txs: o.tx, chainTxs: o.chainTx }, out.log)
    const j = r.join
    out.result(
      { points: r.points, join: j, json: r.json, svg: r.svg },
      `\n${table(r.points as unknown as Record<string, unknown>[])}\n\njoin: replaying ${j.height} blocks (${j.txs} transactions) ${j.replay.ms} ms (${j.replay.blocksPerSecond} blocks/s, ${j.replay.txPerSecond} tx/s), from a snapshot ${j.snapshot.joinMs} ms\nwrote ${r.json} and ${r.svg}`,
    )
  })
bench
  .command('join')
  .description('a new peer joining a channel of N keys: by replaying every block, and from a snapshot (fills the state with the fill contract)')
  .addOption(new Option('--keys <n>', 'keys in the world state').default(100_000).argParser(int('--keys', 1, 10_000_000)))
  .addOption(new Option('--per-tx <n>', 'keys written per transaction').default(1000).argParser(int('--per-tx', 1, 5000)))
  .option('--out <file>', 'write the result as JSON')
  .action(async (o: { keys: number; perTx: number; out?: string }) => {
    const out = output(globals().json)
    const r = await runJoinBench(globals().dir, o, out.log)
    if (o.out !== undefined) await writeFile(o.out, `${JSON.stringify(r, null, 2)}\n`)
    out.result(
      r,
      `\n${table([
        {
          join: 'replaying every block',
          ms: r.replay.ms,
          detail: `${r.height} blocks (${r.txs} transactions), ${r.replay.blocksPerSecond} blocks/s, ${r.replay.txPerSecond} tx/s`,
        },
        {
          join: 'from a snapshot',
          ms: r.snapshot.joinMs,
          detail: `snapshot at block ${r.snapshot.blockNumber} of ${r.stateKeys} keys, written in ${r.snapshot.writeMs} ms`,
        },
      ])}`,
    )
  })
bench
  .command('failover')
  .description('N trials of SIGKILLing the Raft leader (or transferring leadership) during a steady submit stream')
  .addOption(new Option('--trials <n>', 'trials').default(10).argParser(int('--trials', 1, 100)))
  .addOption(
    new Option('--mode <mode>', 'kill: SIGKILL the leader; transfer: consort orderer transfer-leader as an org admin')
      .choices(['kill', 'transfer'])
      .default('kill'),
  )
  .action(async (o: { trials: number; mode: 'kill' | 'transfer' }) => {
    const out = output(globals().json)
    const r = await runFailoverBench(globals().dir, o.trials, out.log, o.mode)
    out.result(
      r,
      `\n${table(r.trials as unknown as Record<string, unknown>[])}\n\n${table(Object.entries(r.summary).map(([measure, value]) => ({ measure, value })))}`,
    )
  })

const duration = (v: string): number => {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(v)
  if (m === null) throw new InvalidArgumentError('--duration is a number with ms, s, m or h, e.g. 90s or 10m')
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 'ms') as 'ms' | 's' | 'm' | 'h']
}

program
  .command('chaos')
  .description(
    'a token workload under a seeded nemesis (kills, restarts, pauses, partitions, slow links, clock skew) on a new network in DIR/chaos; checks nothing was lost, duplicated or forged',
  )
  .addOption(new Option('--duration <time>', 'how long the workload runs (90s, 10m, 1h)').default(600_000, '10m').argParser(duration))
  .addOption(new Option('--seed <n>', 'the nemesis and workload schedule (a failing seed replays)').argParser(int('--seed', 0, 2 ** 31 - 1)))
  .addOption(new Option('--accounts <n>', 'token accounts').default(50).argParser(int('--accounts', 2, 1000)))
  .addOption(new Option('--base-port <port>', 'first port of the chaos network').default(7150).argParser(int('--base-port', 1024, 65000)))
  .option('--out <file>', 'JSON report (default DIR/chaos/report-<seed>.json)')
  .action(async (o: { duration: number; seed?: number; accounts: number; basePort: number; out?: string }) => {
    const out = output(globals().json)
    const seed = o.seed ?? Math.floor(Math.random() * 2 ** 31)
    out.log(`chaos: seed ${seed}, ${o.duration / 1000} s, ${o.accounts} accounts`)
    const report = await runChaos({ dir: globals().dir, durationMs: o.duration, seed, basePort: o.basePort, accounts: o.accounts }, out.log)
    const path = await writeReport(globals().dir, report, o.out)
    const summary = [
      { measure: 'faults injected', value: report.faults.length },
      {
        measure: 'transactions acknowledged / failed / unknown',
        value: `${report.transactions.acknowledged} / ${report.transactions.failed} / ${report.transactions.unknown}`,
      },
      { measure: 'leader changes', value: report.leaderChanges },
      { measure: 'longest time without a commit', value: `${report.maxCommitGapMs} ms, from ${(report.maxCommitGapAt / 1000).toFixed(1)} s` },
      ...report.checks.map((c) => ({ measure: c.name, value: `${c.ok ? 'ok' : 'FAILED'}: ${c.detail}` })),
    ]
    out.result({ ...report, report: path }, `\n${table(summary)}\n\n${report.ok ? 'all checks passed' : 'CHECKS FAILED'} (seed ${seed}); report: ${path}`)
    process.exitCode = report.ok ? 0 : 1
  })

program
  .command('demo')
  .description('bring up the default network, stream transactions, SIGKILL the Raft leader, show the failover and the catch-up')
  .addOption(new Option('--base-port <port>', 'first port').default(7050).argParser(int('--base-port', 1024, 65000)))
  .action(async (o: { basePort: number }) => {
    process.exitCode = await runDemo({ dir: globals().dir, basePort: o.basePort })
  })

/**
 * Global flags work wherever they are typed (`consort network status --json` as well as
 * `consort --json network status`): they are moved in front of the subcommand before
 * parsing, up to a `--` (after which every word is an argument).
 */
function hoistGlobalFlags(argv: readonly string[]): string[] {
  const globals: string[] = []
  const rest: string[] = []
  const words = argv.slice(2)
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    if (w === '--') {
      rest.push(...words.slice(i))
      break
    }
    if (w === '--json' || w.startsWith('--dir=')) globals.push(w)
    else if (w === '--dir' && i + 1 < words.length) globals.push(w, words[++i] as string)
    else rest.push(w)
  }
  return [...argv.slice(0, 2), ...globals, ...rest]
}

program.parseAsync(hoistGlobalFlags(process.argv)).catch((err: Error & { code?: string; reason?: unknown }) => {
  const json = program.opts<{ json?: boolean }>().json === true
  const code = err instanceof ConsortError ? err.code : (err.code ?? 'ERROR')
  // The SDK's EndorseError and SubmitError say why (a RefusalCode).
  const reason = typeof err.reason === 'string' ? { reason: err.reason } : {}
  if (json) console.log(JSON.stringify({ error: { code, message: err.message, ...reason } }, null, 2))
  else console.error(`consort: ${err.message}${err instanceof ConsortError ? ` [${code}]` : ''}`)
  process.exitCode = 1
})
