import { randomInt } from 'node:crypto'
import { join } from 'node:path'
import { consenterAddress, OrdererClient } from '@consort/client'
import { bytesEqual, toHex, VerifyPool } from '@consort/crypto'
import { parseCertificate, signingIdentity } from '@consort/identity'
import type { MembershipService, SigningIdentity } from '@consort/identity'
import { DeliverService, OperationsServer } from '@consort/node'
import type { NodeOptions } from '@consort/node'
import { P2PNode, peerIdOf } from '@consort/p2p'
import {
  blockTxIds,
  channelMsp,
  checkAdmission,
  createAdmission,
  configInForce,
  isConfigBlock,
  parseBlock,
  readChannelConfig,
  validateConfigBlock,
  verifyBlockSignature,
  verifyChainLink,
} from '@consort/protocol'
import type { ParsedBlock } from '@consort/protocol'
import { LevelBlockStore, LevelRaftWal } from '@consort/storage'
import { ConsortError, decode, OrdererSnapshot, seededRng, systemClock, systemScheduler } from '@consort/types'
import type { ChannelConfig, Clock, Logger } from '@consort/types'
import { OrdererAdminService } from './admin.js'
import { backupOrderer, checkRestored } from './backup.js'
import { BroadcastService } from './broadcast.js'
import { Chain } from './chain.js'
import { OrdererMetrics } from './metrics.js'
import { RaftTransport } from './raftTransport.js'
import type { Peer } from './raftTransport.js'

export type OrdererOptions = NodeOptions

export const OrdererStartErrorCode = {
  NOT_A_CONSENTER: 'ERR_ORDERER_NOT_A_CONSENTER',
  WRONG_GENESIS: 'ERR_ORDERER_WRONG_GENESIS',
} as const

/** An orderer node: one channel's Raft chain, its services and its operations endpoint. */
export class Orderer {
  private catchingUp = false
  private fatal: Error | undefined
  private evicted = false
  private opsPort = 0
  /** The ordering time of the tip block (for DR lag). */
  private tipTime = 0

  private constructor(
    readonly name: string,
    readonly raftId: number,
    private readonly bootstrap: ParsedBlock,
    private readonly p2p: P2PNode,
    private readonly wal: LevelRaftWal,
    private readonly blocks: LevelBlockStore,
    readonly chain: Chain,
    private readonly transport: RaftTransport,
    private readonly services: { broadcast: BroadcastService; deliver: DeliverService; admin: OrdererAdminService },
    private readonly forwarder: OrdererClient,
    private readonly ops: OperationsServer | undefined,
    readonly metrics: OrdererMetrics,
    private readonly logger: Logger,
    /** For a node restored from a backup: its data folder, and the other consenters' newest blocks. */
    private readonly restored: { dataDir: string; newestOfOthers: () => Promise<(ParsedBlock | undefined)[]> },
  ) {}

  /** `verifyWorkers`: threads checking client signatures (default: one fewer than the cores; 0: none). */
  static async create(opts: OrdererOptions, modules: { logger: Logger; clock?: Clock; verifyWorkers?: number }): Promise<Orderer> {
    const logger = modules.logger
    let config = readChannelConfig(opts.genesisBlock)
    const bootstrap = parseBlock(opts.genesisBlock)
    const signer: SigningIdentity = signingIdentity(opts.certificate, opts.privateKey)
    const clock = modules.clock ?? systemClock
    const signatures = new VerifyPool(modules.verifyWorkers)
    // A follower checks no envelope until its leader fails; then it takes them all at once.
    signatures.warm()
    let msp: MembershipService = channelMsp(config, clock, signatures.verified)
    const peersOf = (cfg: ChannelConfig): Peer[] =>
      cfg.consenters.map((c) => ({ id: c.id, peerId: peerIdOf(parseCertificate(c.certificate).publicKey), address: consenterAddress(c) }))
    let peers = peersOf(config)
    const metrics = new OrdererMetrics()
    const p2p = await P2PNode.create(
      {
        privateKey: opts.privateKey,
        listen: [opts.listen],
        credential: (server, client) => createAdmission(signer, server, client),
        // Only members of the channel's orgs (in the config in force) may talk to an orderer.
        admission: { admit: (credential, client, server) => checkAdmission(credential, msp, server, client) },
      },
      { logger },
    )
    const wal = await LevelRaftWal.open(join(opts.dataDir, 'wal'), {
      voters: config.consenters.filter((c) => !c.learner).map((c) => c.id),
      learners: config.consenters.filter((c) => c.learner).map((c) => c.id),
    })
    const blocks = await LevelBlockStore.open(join(opts.dataDir, 'blocks'))
    // Started from a later config block (joining as a new consenter), the node fetches the
    // chain up to that block from the others before it starts Raft.
    const joining = bootstrap.number > 0
    if (blocks.height === 0 && !joining) {
      await blocks.append(bootstrap.bytes, { number: 0, hash: bootstrap.hash, txIds: [''], raftIndex: 0 })
    } else if (!joining && !bytesEqual((await blocks.get(0)) ?? new Uint8Array(), bootstrap.bytes)) {
      throw new ConsortError(OrdererStartErrorCode.WRONG_GENESIS, `${opts.dataDir} holds a different chain than this genesis block`, {
        dataDir: opts.dataDir,
      })
    }
    // A restarted node resumes under the config in force at its tip, not the one it started from.
    let lastConfig = bootstrap.number
    const tip = blocks.tip
    if (tip !== undefined && tip.number > bootstrap.number) {
      ;({ config, number: lastConfig } = await configInForce(tip.number, (n) => blocks.get(n)))
      msp = channelMsp(config, clock, signatures.verified)
      peers = peersOf(config)
    }
    const me = config.consenters.find((c) => bytesEqual(c.certificate, opts.certificate))
    if (me === undefined) {
      throw new ConsortError(OrdererStartErrorCode.NOT_A_CONSENTER, 'this certificate is not a consenter of the channel', {
        channel: config.channelId,
        configSequence: config.sequence,
      })
    }
    const others = peers.filter((p) => p.id !== me.id).map((p) => p.address)
    const forwarder = new OrdererClient(p2p, others, { signer, channelId: config.channelId, logger })

    // The chain and the transport refer to each other through these late-bound handlers.
    let chain: Chain | undefined
    let orderer: Orderer | undefined
    const transport = new RaftTransport(
      p2p,
      me.id,
      peers,
      {
        onMessage: (m) => chain?.step(m),
        onUnreachable: (id) => chain?.reportUnreachable(id),
        onSnapshotStatus: (id, failed) => chain?.reportSnapshot(id, failed),
      },
      logger,
    )
    const seed = randomInt(2 ** 31)
    logger.info({ seed, id: me.id }, 'raft election jitter seed')
    chain = new Chain(
      { config, lastConfig, raftId: me.id, signer },
      {
        wal,
        blocks,
        transport,
        metrics,
        logger,
        rng: seededRng(seed),
        clock,
        scheduler: systemScheduler,
        catchUp: (to) => (orderer as Orderer).catchUp(to),
      },
    )
    chain.setMaxListeners(0)
    // Removed from the consenters by a config update: serve no broadcast or deliver from then
    // on (its chain stops growing), so clients and peers move on to the orderers in the config.
    let removedAt: number | undefined
    const refusal = () =>
      removedAt === undefined
        ? undefined
        : `orderer ${me.name} was removed from the consenters of channel ${config.channelId} (config ${removedAt}); ask another orderer`
    chain.on('config', (next: ChannelConfig) => {
      config = next
      if (removedAt === undefined && !next.consenters.some((c) => c.id === me.id)) {
        removedAt = next.sequence
        logger.warn({ id: me.id, configSequence: next.sequence }, 'removed from the consenters; no longer serving broadcast or deliver')
        deliver.wake()
      }
      msp = channelMsp(next, clock, signatures.verified)
      peers = peersOf(next)
      transport.setPeers(peers)
      forwarder.setEndpoints(peers.filter((p) => p.id !== me.id).map((p) => p.address))
    })
    chain.on('evicted', () => {
      ;(orderer as Orderer).evicted = true
    })
    const addressOf = (id: number) => peers.find((p) => p.id === id)?.address
    const site = () => config.consenters.find((c) => c.id === me.id)?.site ?? ''
    const broadcast = new BroadcastService(() => config, {
      p2p,
      chain,
      msp: () => msp,
      forwarder,
      addressOf,
      metrics,
      logger,
      clock,
      refusal,
      signatures,
      site,
    })
    const source = {
      height: () => blocks.height,
      get: (n: number) => blocks.get(n),
      subscribe: (listener: () => void) => {
        chain.on('block', listener)
        return () => chain.off('block', listener)
      },
    }
    const deliver = new DeliverService(() => config, { p2p, blocks: source, msp: () => msp, logger, refusal })
    const ops =
      opts.operations === undefined
        ? undefined
        : new OperationsServer(opts.operations, {
            registry: metrics.registry,
            health: () => (orderer as Orderer).health(),
            status: () => (orderer as Orderer).status(),
          })
    const admin = new OrdererAdminService(() => config, {
      p2p,
      chain,
      msp: () => msp,
      addressOf,
      clock,
      logger,
      org: () => me.org,
      backup: (dir) => backupOrderer(dir, { name: me.name, channel: config.channelId, chain, wal, blocks }),
      status: () => (orderer as Orderer).status(),
    })
    // A restored node asks each other consenter for its newest block (see checkRestored).
    const newestOfOthers = () =>
      Promise.all(
        peers.filter((p) => p.id !== me.id).map((p) => new OrdererClient(p2p, [p.address], { signer, channelId: config.channelId, logger }).oneBlock()),
      )
    orderer = new Orderer(me.name, me.id, bootstrap, p2p, wal, blocks, chain, transport, { broadcast, deliver, admin }, forwarder, ops, metrics, logger, {
      dataDir: opts.dataDir,
      newestOfOthers,
    })
    chain.on('fatal', (err: Error) => {
      ;(orderer as Orderer).fatal = err
    })
    chain.on('block', (b) => ((orderer as Orderer).tipTime = b.header.timestamp))
    return orderer
  }

  async start(): Promise<void> {
    await this.transport.start()
    await this.services.broadcast.start()
    await this.services.deliver.start()
    await this.services.admin.start()
    if (this.blocks.height <= this.bootstrap.number) {
      await this.catchUp(this.bootstrap.number)
      const tip = this.blocks.tip
      if (tip === undefined || !bytesEqual(tip.hash, this.bootstrap.hash)) {
        throw new ConsortError(OrdererStartErrorCode.WRONG_GENESIS, `the chain fetched does not lead to the join block ${this.bootstrap.number}`)
      }
    }
    const held = this.blocks.tip
    if (held !== undefined) {
      this.chain.abstainBelowHeight = await checkRestored(
        this.restored.dataDir,
        held,
        this.restored.newestOfOthers,
        (n) => this.forwarder.oneBlock(n),
        this.logger,
      )
    }
    // A node that installed a snapshot but stopped before fetching its blocks resumes the fetch.
    const snap = this.wal.storage.snapshot()
    if (snap.metadata.index > 0) {
      const info = decode(OrdererSnapshot, snap.data, 'OrdererSnapshot')
      if (info.blockNumber >= this.blocks.height) await this.catchUp(info.blockNumber)
    }
    const tip = this.blocks.tip
    if (tip !== undefined) this.tipTime = parseBlock((await this.blocks.get(tip.number)) as Uint8Array).header.timestamp
    this.chain.start()
    if (this.ops !== undefined) this.opsPort = await this.ops.start()
    this.logger.info(
      { name: this.name, id: this.raftId, addresses: this.p2p.addresses, height: this.blocks.height, operationsPort: this.opsPort },
      'orderer started',
    )
  }

  async stop(): Promise<void> {
    await this.chain.stop()
    this.transport.stop()
    await this.services.broadcast.stop()
    await this.ops?.stop()
    await this.p2p.stop()
    await this.wal.close()
    await this.blocks.close()
    this.logger.info({ name: this.name }, 'orderer stopped')
  }

  get config(): ChannelConfig {
    return this.chain.config
  }

  private get org(): string {
    return this.chain.config.consenters.find((c) => c.id === this.raftId)?.org ?? ''
  }

  get addresses(): string[] {
    return this.p2p.addresses
  }

  get operationsPort(): number {
    return this.opsPort
  }

  health(): { ok: boolean; reasons: string[] } {
    const reasons: string[] = []
    if (this.fatal !== undefined) reasons.push(`ready loop failed: ${this.fatal.message}`)
    if (this.chain.leader === 0) reasons.push('no Raft leader')
    if (this.catchingUp) reasons.push('catching up from other orderers')
    if (this.evicted) reasons.push('removed from the consenters')
    return { ok: reasons.length === 0, reasons }
  }

  status(): Record<string, unknown> {
    const tip = this.blocks.tip
    const raft = this.chain.status()
    return {
      name: this.name,
      kind: 'orderer',
      raftId: this.raftId,
      org: this.org,
      site: this.chain.config.consenters.find((c) => c.id === this.raftId)?.site ?? '',
      role: this.chain.role,
      term: this.chain.term,
      leader: this.chain.leader,
      leaderChangedAt: this.chain.leaderChangedAt,
      height: this.blocks.height,
      tipHash: tip === undefined ? '' : toHex(tip.hash),
      tipTime: this.tipTime,
      committedIndex: raft.commit,
      lastIndex: raft.lastIndex,
      leaderCommit: this.chain.leaderCommit,
      ...raft.confState,
      // Leader only: how far each consenter's log matches.
      progress: Object.fromEntries(raft.progress),
      configSequence: this.chain.config.sequence,
      // Leader only: whether a consenter may be added or removed now (every other consenter up and caught up).
      membershipChangeReady: this.chain.healthyForMembershipChange(),
      appliedIndex: this.chain.applied,
      peerId: this.p2p.peerId,
      addresses: this.p2p.addresses,
    }
  }

  /**
   * Fetches blocks from the other orderers up to `toBlock`, as a node does after installing a
   * snapshot or when joining: each link, each block's consenter signature under the config in
   * force at its height, and each config block's update, as the orderers checked them.
   */
  async catchUp(toBlock: number): Promise<void> {
    this.catchingUp = true
    let config = this.chain.config
    let msp = channelMsp(config, systemClock)
    try {
      while (this.blocks.height <= toBlock) {
        const tip = this.blocks.tip
        let prev: ParsedBlock | undefined = tip === undefined ? undefined : parseBlock((await this.blocks.get(tip.number)) as Uint8Array)
        this.logger.info({ from: this.blocks.height, to: toBlock }, 'catching up blocks from other orderers')
        for await (const block of this.forwarder.deliver({ start: this.blocks.height, stop: toBlock })) {
          verifyChainLink(prev, block)
          let next: ChannelConfig | undefined
          if (block.number === 0) {
            // A node joining from a later config block fetches the chain from genesis and
            // follows its configs from there (the fetched chain must end at the join block).
            config = readChannelConfig(block.bytes)
            msp = channelMsp(config, systemClock)
          } else {
            verifyBlockSignature(block, config, msp)
            if (isConfigBlock(block)) next = validateConfigBlock(config, msp, block)
          }
          const txIds = blockTxIds(block)
          await this.blocks.append(block.bytes, { number: block.number, hash: block.hash, txIds, raftIndex: block.block.metadata?.raftIndex ?? 0 })
          if (next !== undefined) {
            config = next
            msp = channelMsp(next, systemClock)
            if (next.sequence > this.chain.config.sequence) this.chain.adoptConfig(next, block.number)
          }
          this.metrics.blockHeight.set(this.blocks.height)
          this.chain.emit('block', block)
          prev = block
        }
        if (this.blocks.height <= toBlock) await new Promise((r) => setTimeout(r, 500))
      }
      this.logger.info({ height: this.blocks.height }, 'caught up')
    } finally {
      this.catchingUp = false
    }
  }
}

/**
 * An orderer as a process runs it (`consort-orderer`, `consort node run`): a failed chain ends
 * the process, so that a supervisor restarts it.
 */
export async function runOrderer(input: OrdererOptions, modules: { logger: Logger; clock?: Clock; verifyWorkers?: number }): Promise<Orderer> {
  const orderer = await Orderer.create(input, modules)
  orderer.chain.on('fatal', (err: Error) => {
    modules.logger.error({ err: err.stack }, 'chain failed; exiting so a supervisor can restart the node')
    process.exit(1)
  })
  return orderer
}
