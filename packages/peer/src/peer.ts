import { copyFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { bytesEqual, toHex, VerifyPool } from '@consort/crypto'
import { parseCertificate, signingIdentity } from '@consort/identity'
import type { MembershipService, SigningIdentity } from '@consort/identity'
import { consenterAddress, OrdererClient, PROTOCOL } from '@consort/client'
import { DeliverService, OperationsServer } from '@consort/node'
import type { NodeOptions } from '@consort/node'
import { P2PNode } from '@consort/p2p'
import {
  channelMsp,
  checkAdmission,
  createAdmission,
  configInForce,
  isConfigBlock,
  openEnvelope,
  parseBlock,
  refusalFor,
  readChannelConfig,
  verifyBlockSignature,
  verifyEnvelope,
} from '@consort/protocol'
import { ContractRuntime } from '@consort/runtime'
import type { ParsedBlock } from '@consort/protocol'
import { LevelLedger } from '@consort/storage'
import {
  Block,
  CommitStatusRequest,
  CommitStatusResponse,
  ConsortError,
  ContractPackageSpec,
  decode,
  GatewayEndorseRequest,
  GatewayEndorseResponse,
  GatewaySubmitRequest,
  GatewaySubmitResponse,
  HeaderType,
  InstallResponse,
  ProposalResponse,
  RefusalCode,
  Role,
  SnapshotRequest,
  SnapshotResponse,
  Status,
  systemClock,
  systemScheduler,
  ValidationCode,
} from '@consort/types'
import type { ChannelConfig, Clock, Logger } from '@consort/types'
import { Committer } from './committer.js'
import { Endorser } from './endorser.js'
import { Gateway } from './gateway.js'
import { LedgerStateReader } from './ledgerState.js'
import { PeerMetrics } from './metrics.js'
import { PackageStore } from './packageStore.js'
import { BlockValidator } from './validator.js'

export interface PeerOptions extends NodeOptions {
  runtime?: { cpuTimeMs?: number; memoryMb?: number; wallTimeMs?: number }
  /**
   * How long a deliver stream may go without a block before the peer asks another orderer
   * (a quiet chain costs a reconnection per period; an orderer cut off or removed from the
   * consenters is left within it). Default 10 s.
   */
  deliverIdleMs?: number
}

export const PeerStartErrorCode = {
  NOT_A_PEER: 'ERR_PEER_NOT_A_PEER',
  WRONG_GENESIS: 'ERR_PEER_WRONG_GENESIS',
  /** A ledger snapshot that does not stand on the channel's chain. */
  WRONG_SNAPSHOT: 'ERR_PEER_WRONG_SNAPSHOT',
} as const

/** Beside the ledger of a peer begun from a snapshot: the config block in force at the snapshot. */
const SNAPSHOT_CONFIG = 'snapshot-config.block'

/**
 * Block `n` of the chain as a peer holds it: from its ledger, or, for a peer begun from a
 * snapshot, the snapshot's config block (kept beside the ledger) when it is older than the
 * ledger's first block.
 */
function chainBlock(ledger: LevelLedger, snapshotConfig: ParsedBlock | undefined): (n: number) => Promise<Uint8Array | undefined> {
  return async (n) => (n < ledger.firstBlock && snapshotConfig?.number === n ? snapshotConfig.bytes : ledger.getBlock(n))
}

/**
 * A peer: keeps the ledger (pulling blocks from the orderers, validating and committing
 * them), endorses proposals, installs contract packages, and answers commit-status queries.
 */
export class Peer {
  private readonly metrics = new PeerMetrics()
  private readonly ops: OperationsServer | undefined
  private stopped = false
  private delivering: Promise<void> | undefined
  private abort = new AbortController()
  private lastError: string | undefined
  private opsPort = 0
  /** The ordering time of the tip block (for DR lag). */
  private tipTime = 0
  private config: ChannelConfig
  private msp: MembershipService
  private readonly committer: Committer
  /** The tail of the commit/snapshot queue (see exclusive). */
  private turn: Promise<void> = Promise.resolve()

  private constructor(
    readonly name: string,
    private readonly org: string,
    private readonly signer: SigningIdentity,
    /** The channel config in force at the ledger's tip, and its membership. */
    config: ChannelConfig,
    msp: MembershipService,
    private readonly p2p: P2PNode,
    private readonly ledger: LevelLedger,
    private readonly packages: PackageStore,
    private readonly runtime: ContractRuntime,
    private readonly orderers: OrdererClient,
    operations: { host: string; port: number } | undefined,
    private readonly deliverIdleMs: number,
    private readonly logger: Logger,
    /** Judges certificates outside of blocks (admission, endorsement, queries). */
    private readonly clock: Clock,
    /** Checks a block's signatures on worker threads before validation; `msp` takes its findings. */
    private readonly signatures: VerifyPool,
    /** The block the peer was started from: the chain it commits must pass through it. */
    private readonly anchor: { number: number; hash: Uint8Array },
    private readonly dataDir: string,
    /** Block `n` of the chain as this peer holds it (see chainBlock). */
    private readonly blockOf: (n: number) => Promise<Uint8Array | undefined>,
    /** The site this peer runs in (node.json `site`); '' for a channel of one site. */
    private readonly site: string,
  ) {
    this.ops =
      operations === undefined
        ? undefined
        : new OperationsServer(operations, { registry: this.metrics.registry, health: () => this.health(), status: () => this.status() })
    this.config = config
    this.msp = msp
    const validator = new BlockValidator({
      channelId: this.config.channelId,
      orgs: () => this.config.orgs.map((o) => o.mspId),
      mspAt: (t) => this.msp.at({ now: () => t }),
      txTimeWindowMs: () => this.config.txTimeWindowMs,
      signatures: this.signatures,
      logger,
    })
    this.committer = new Committer({
      ledger,
      validator,
      config: () => this.config,
      msp: () => this.msp,
      metrics: this.metrics,
      scheduler: systemScheduler,
    })
    this.committer.on('block', (b) => (this.tipTime = b.timestamp))
    this.committer.on('config', (next) => {
      this.config = next
      this.msp = channelMsp(next, this.clock, this.signatures.verified)
      // Blocks come from the consenters of the config in force: added ones are found, removed ones left.
      this.orderers.setEndpoints(next.consenters.map(consenterAddress))
    })
  }

  /** `verifyWorkers`: threads checking block signatures (default: one fewer than the cores; 0: none). */
  static async create(opts: PeerOptions, modules: { logger: Logger; clock?: Clock; verifyWorkers?: number }): Promise<Peer> {
    const cert = parseCertificate(opts.certificate)
    if (cert.role !== Role.PEER) {
      throw new ConsortError(PeerStartErrorCode.NOT_A_PEER, `${cert.subject} has role ${cert.role}, not PEER`)
    }
    // The block the peer is given: the genesis block, or (for an org that joined later) a later
    // config block naming the peer's org. The chain the peer fetches must lead to it.
    const bootstrap = parseBlock(opts.genesisBlock)
    const bootstrapConfig = readChannelConfig(opts.genesisBlock)
    const joining = bootstrap.number > 0
    let config = bootstrapConfig
    const signer = signingIdentity(opts.certificate, opts.privateKey)
    const clock = modules.clock ?? systemClock
    const signatures = new VerifyPool(modules.verifyWorkers)
    channelMsp(bootstrapConfig, clock).validateRole(opts.certificate, Role.PEER)
    const ledgerPath = join(opts.dataDir, 'ledger')
    let ledger = await LevelLedger.open(ledgerPath)
    let anchor = { number: bootstrap.number, hash: bootstrap.hash }
    if (opts.fromSnapshot !== undefined && ledger.height === 0) {
      // A new peer from a snapshot: checked against its own hashes here, against the chain below.
      await ledger.close()
      const { ledger: loaded, info } = await LevelLedger.fromSnapshot(ledgerPath, opts.fromSnapshot)
      ledger = loaded
      await copyFile(join(opts.fromSnapshot, 'config.block'), join(opts.dataDir, SNAPSHOT_CONFIG))
      anchor = { number: info.blockNumber, hash: new Uint8Array(Buffer.from(info.blockHash, 'hex')) }
      modules.logger.info({ snapshot: opts.fromSnapshot, block: info.blockNumber, stateKeys: info.stateKeys }, 'ledger loaded from a snapshot')
    } else if (opts.fromSnapshot !== undefined) {
      modules.logger.warn({ height: ledger.height }, 'the ledger holds blocks already: --from-snapshot ignored')
    }
    // A peer begun from a snapshot holds the config block in force at the snapshot beside its ledger.
    const snapshotConfig = ledger.firstBlock > 0 ? parseBlock(new Uint8Array(await readFile(join(opts.dataDir, SNAPSHOT_CONFIG)))) : undefined
    // A restarted peer resumes under the config in force at its tip, not the genesis one.
    const tip = ledger.tip
    if (tip !== undefined && tip.number > 0) config = (await configInForce(tip.number, chainBlock(ledger, snapshotConfig))).config
    let msp = channelMsp(config, clock, signatures.verified)
    // Only members of the channel's orgs (in the config in force) may talk to a peer.
    let peer: Peer | undefined
    const p2p = await P2PNode.create(
      {
        privateKey: opts.privateKey,
        listen: [opts.listen],
        credential: (server, client) => createAdmission(signer, server, client),
        admission: { admit: (credential, client, server) => checkAdmission(credential, peer?.msp ?? msp, server, client) },
      },
      { logger: modules.logger },
    )
    // Until it has caught up past the block it was given, a joining peer pulls from the consenters that block names.
    const caughtUp = ledger.height > bootstrap.number
    const endpoints = (caughtUp ? config : bootstrapConfig).consenters.map(consenterAddress)
    const orderers = new OrdererClient(p2p, endpoints, { signer, channelId: config.channelId, logger: modules.logger })
    if (snapshotConfig !== undefined && tip !== undefined && tip.number === ledger.firstBlock) {
      // Begun from a snapshot and no block since: the block it stands on, and its config block, must be the channel's.
      for (const n of new Set([snapshotConfig.number, tip.number])) {
        let held: ParsedBlock | undefined
        for await (const b of orderers.deliver({ start: n, stop: n }, undefined, { stallMs: 10_000 })) held = b
        // The block the snapshot stands on is signed by a consenter of the config the snapshot holds.
        if (held !== undefined && n === tip.number && n > 0) verifyBlockSignature(held, config, msp)
        const expected = n === tip.number ? tip.hash : snapshotConfig.hash
        if (held === undefined || !bytesEqual(held.hash, expected)) {
          throw new ConsortError(
            PeerStartErrorCode.WRONG_SNAPSHOT,
            `the snapshot's block ${n} is not the channel's: its hash is ${toHex(expected)}, the orderers' ${held === undefined ? 'none' : toHex(held.hash)}`,
          )
        }
      }
    } else if (ledger.height === 0) {
      let genesis = bootstrap
      if (joining) {
        // Joining from a later config block: the genesis block comes from the orderers; the
        // blocks that follow must lead to the given block (checked when it commits).
        for await (const b of orderers.deliver({ start: 0, stop: 0 }, undefined, { stallMs: 10_000 })) genesis = b
        if (genesis.number !== 0 || !isConfigBlock(genesis)) {
          throw new ConsortError(PeerStartErrorCode.WRONG_GENESIS, 'the orderers did not deliver a genesis block for this channel')
        }
        config = readChannelConfig(genesis.bytes)
        msp = channelMsp(config, clock, signatures.verified)
      }
      // The genesis config is valid by definition; record that like any block's codes.
      const bytes = Block.encode({
        ...genesis.block,
        metadata: {
          ...(genesis.block.metadata ?? { signatures: [], lastConfig: 0, raftIndex: 0 }),
          validationCodes: new Uint8Array(genesis.block.data.length),
        },
      })
      await ledger.commitBlock(bytes, { number: 0, hash: genesis.hash, txs: [{ txId: '', code: 0, timestamp: 0, writes: [] }] })
    } else if (ledger.firstBlock === 0) {
      const held = await ledger.getBlock(Math.min(bootstrap.number, ledger.height - 1))
      if (held === undefined || (ledger.height > bootstrap.number && !bytesEqual(parseBlock(held).hash, bootstrap.hash))) {
        throw new ConsortError(PeerStartErrorCode.WRONG_GENESIS, `${opts.dataDir} holds another chain than block ${bootstrap.number} leads to`)
      }
    }
    const packages = await PackageStore.open(join(opts.dataDir, 'contracts'))
    const runtime = new ContractRuntime(opts.runtime ?? {}, { logger: modules.logger })
    peer = new Peer(
      cert.subject,
      cert.org,
      signer,
      config,
      msp,
      p2p,
      ledger,
      packages,
      runtime,
      orderers,
      opts.operations,
      opts.deliverIdleMs ?? 10_000,
      modules.logger,
      clock,
      signatures,
      anchor,
      opts.dataDir,
      chainBlock(ledger, snapshotConfig),
      opts.site ?? '',
    )
    return peer
  }

  async start(): Promise<void> {
    const tip = this.ledger.tip
    const tipBlock = tip === undefined ? undefined : await this.blockOf(tip.number)
    if (tipBlock !== undefined) this.tipTime = parseBlock(tipBlock).header.timestamp
    const endorser = new Endorser({
      signer: this.signer,
      channelId: () => this.config.channelId,
      orgs: () => this.config.orgs.map((o) => o.mspId),
      lifecyclePolicy: () => this.config.lifecyclePolicy,
      msp: () => this.msp,
      ledger: this.ledger,
      state: new LedgerStateReader(this.ledger),
      runtime: this.runtime,
      packages: (h) => this.packages.get(h),
      logger: this.logger,
    })
    await this.p2p.serve(
      PROTOCOL.ENDORSE,
      async (proposal) => {
        const started = performance.now()
        const r = await endorser.endorse(proposal)
        this.metrics.endorseSeconds.observe({ status: String(r.response?.status ?? 0) }, (performance.now() - started) / 1000)
        return ProposalResponse.encode(r)
      },
      { maxFrameBytes: 16 * 1024 * 1024 },
    )
    // Committed blocks, with their validation codes, for event listeners (SDK, CLI).
    const deliver = new DeliverService(() => this.config, {
      p2p: this.p2p,
      blocks: {
        height: () => this.ledger.height,
        get: (n) => this.ledger.getBlock(n),
        subscribe: (listener) => {
          this.committer.on('block', listener)
          return () => this.committer.off('block', listener)
        },
      },
      msp: () => this.msp,
      logger: this.logger,
    })
    await deliver.start()
    const gateway = new Gateway({
      name: this.name,
      org: this.org,
      config: () => this.config,
      msp: () => this.msp,
      ledger: this.ledger,
      site: this.site,
      endorseLocally: (proposal) => endorser.endorse(proposal),
      p2p: this.p2p,
      orderers: this.orderers,
      commitStatus: (txId, timeoutMs) => this.commitStatus(txId, timeoutMs),
      logger: this.logger,
    })
    await this.p2p.serve(
      PROTOCOL.GATEWAY_ENDORSE,
      async (bytes) => GatewayEndorseResponse.encode(await gateway.endorse(decode(GatewayEndorseRequest, bytes, 'GatewayEndorseRequest'))),
      { maxFrameBytes: 16 * 1024 * 1024 },
    )
    await this.p2p.serve(
      PROTOCOL.GATEWAY_SUBMIT,
      async (bytes) => GatewaySubmitResponse.encode(await gateway.submit(decode(GatewaySubmitRequest, bytes, 'GatewaySubmitRequest'))),
      { maxFrameBytes: 32 * 1024 * 1024 },
    )
    await this.p2p.serve(PROTOCOL.INSTALL, (bytes) => this.serveInstall(bytes), { maxFrameBytes: 8 * 1024 * 1024, maxInFlight: 4 })
    await this.p2p.serve(PROTOCOL.PEER_SNAPSHOT, (bytes) => this.serveSnapshot(bytes), { maxInFlight: 1 })
    await this.p2p.serve(PROTOCOL.COMMIT_STATUS, (bytes) => this.serveCommitStatus(bytes), { maxFrameBytes: 64 * 1024, maxInFlight: 4096 })
    if (this.ops !== undefined) this.opsPort = await this.ops.start()
    this.metrics.height.set(this.ledger.height)
    this.delivering = this.deliverLoop()
    this.logger.info(
      { name: this.name, org: this.org, addresses: this.p2p.addresses, height: this.ledger.height, operationsPort: this.opsPort },
      'peer started',
    )
  }

  /** Quiet after load: contracts keep one warm isolate each (see ContractRuntime.trim). */
  quiet(): void {
    const disposed = this.runtime.trim()
    if (disposed > 0) this.logger.debug({ isolates: disposed }, 'quiet after load: disposed spare contract isolates')
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.abort.abort()
    await this.delivering?.catch(() => undefined)
    this.runtime.dispose()
    await this.signatures.close()
    await this.ops?.stop()
    await this.p2p.stop()
    await this.ledger.close()
    this.logger.info({ name: this.name }, 'peer stopped')
  }

  get addresses(): string[] {
    return this.p2p.addresses
  }

  health(): { ok: boolean; reasons: string[] } {
    const reasons = this.lastError === undefined ? [] : [`block delivery: ${this.lastError}`]
    return { ok: reasons.length === 0, reasons }
  }

  status(): Record<string, unknown> {
    const tip = this.ledger.tip
    return {
      name: this.name,
      kind: 'peer',
      org: this.org,
      site: this.site,
      height: this.ledger.height,
      tipHash: tip === undefined ? '' : toHex(tip.hash),
      tipTime: this.tipTime,
      contracts: this.packages.list().map((p) => ({ name: p.name, version: p.version, hash: p.hash })),
      peerId: this.p2p.peerId,
      addresses: this.p2p.addresses,
    }
  }

  /** Pulls blocks from the orderers forever (failing over between them), validating and committing each. */
  private async deliverLoop(): Promise<void> {
    while (!this.stopped) {
      try {
        for await (const block of this.orderers.deliver({ start: this.ledger.height }, this.abort.signal, { idleMs: this.deliverIdleMs })) {
          if (block.number === this.anchor.number && !bytesEqual(block.hash, this.anchor.hash)) {
            throw new ConsortError(PeerStartErrorCode.WRONG_GENESIS, `block ${block.number} from the orderers is not the block this peer was started from`)
          }
          await this.exclusive(() => this.committer.commit(block))
          this.lastError = undefined
        }
      } catch (err) {
        if (this.stopped) return
        this.lastError = (err as Error).message
        this.logger.warn({ err: (err as Error).message }, 'block delivery failed; retrying')
        await new Promise((r) => setTimeout(r, 500))
      }
    }
  }

  /** Runs `fn` with no block committing meanwhile (commits and snapshots take turns). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.turn.then(fn)
    this.turn = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  /**
   * `consort peer snapshot`: as an admin of this peer's org, write a snapshot of the ledger at its
   * tip, or at a block to come (answered once that block is committed), into
   * DATA/snapshots/<block> (world state, tx ids, the config block in force, hashes).
   */
  private async serveSnapshot(request: Uint8Array): Promise<Uint8Array> {
    const answer = (r: Partial<SnapshotResponse>) =>
      SnapshotResponse.encode({
        status: Status.SUCCESS,
        code: RefusalCode.NONE,
        info: '',
        dir: '',
        blockNumber: 0,
        blockHash: '',
        stateKeys: 0,
        txIds: 0,
        ms: 0,
        ...r,
      })
    try {
      const opened = openEnvelope(request)
      const who = verifyEnvelope(opened, this.msp, { channelId: this.config.channelId, types: [HeaderType.PEER_ADMIN] })
      if (who.role !== Role.ADMIN || who.org !== this.org) {
        return answer({ status: Status.FORBIDDEN, code: RefusalCode.NOT_AUTHORIZED, info: `only admins of ${this.org} may snapshot ${this.name}` })
      }
      const req = decode(SnapshotRequest, opened.payload.data, 'SnapshotRequest')
      const started = performance.now()
      const past = (held: number) =>
        answer({
          status: Status.BAD_REQUEST,
          code: RefusalCode.UNSUPPORTED,
          info: `block ${req.atBlock} is in the past: ${this.name} holds up to block ${held}, and takes snapshots at its tip or at a block to come`,
        })
      const take = async (): Promise<Uint8Array> => {
        const tip = this.ledger.tip
        if (tip === undefined) return answer({ status: Status.SERVICE_UNAVAILABLE, code: RefusalCode.NOT_COMMITTED, info: 'the ledger is empty' })
        if (req.atBlock !== 0 && req.atBlock !== tip.number) return past(tip.number)
        const { number: lastConfig } = await configInForce(tip.number, this.blockOf)
        const configBlock = await this.blockOf(lastConfig)
        const dir = join(this.dataDir, 'snapshots', String(tip.number))
        const info = await this.ledger.writeSnapshot(dir, { channelId: this.config.channelId, configBlock: configBlock as Uint8Array, lastConfig })
        this.logger.info({ by: who.subject, dir, block: info.blockNumber, stateKeys: info.stateKeys }, 'ledger snapshot written')
        return answer({
          dir,
          blockNumber: info.blockNumber,
          blockHash: info.blockHash,
          stateKeys: info.stateKeys,
          txIds: info.txIds,
          ms: Math.round(performance.now() - started),
        })
      }
      const tip = this.ledger.tip?.number ?? 0
      if (req.atBlock <= tip) return await this.exclusive(take)
      // A block to come: the snapshot is taken right after that block commits, before the next.
      this.logger.info({ by: who.subject, block: req.atBlock }, 'ledger snapshot scheduled')
      return await new Promise<Uint8Array>((resolve, reject) => {
        const onBlock = (b: { number: number }) => {
          if (b.number !== req.atBlock) return
          this.committer.off('block', onBlock)
          this.exclusive(take).then(resolve, reject)
        }
        this.committer.on('block', onBlock)
      })
    } catch (err) {
      if ((err as { code?: string }).code === 'EEXIST') {
        return answer({ status: Status.CONFLICT, code: RefusalCode.DUPLICATE_TXID, info: `a snapshot at this block exists already: ${(err as Error).message}` })
      }
      const { status, code } = refusalFor(err)
      return answer({ status, code, info: (err as Error).message })
    }
  }

  private async serveInstall(request: Uint8Array): Promise<Uint8Array> {
    const answer = (status: Status, code: RefusalCode, info: string, codeHash = '') => InstallResponse.encode({ status, code, info, codeHash })
    try {
      const opened = openEnvelope(request)
      const who = verifyEnvelope(opened, this.msp, { channelId: this.config.channelId, types: [HeaderType.PEER_ADMIN] })
      if (who.role !== Role.ADMIN || who.org !== this.org)
        return answer(Status.FORBIDDEN, RefusalCode.NOT_AUTHORIZED, `only admins of ${this.org} may install on ${this.name}`)
      const spec = decode(ContractPackageSpec, opened.payload.data, 'ContractPackageSpec')
      const pkg = await this.packages.install(spec.name, spec.version, spec.code)
      this.logger.info({ contract: pkg.name, version: pkg.version, hash: pkg.hash, by: who.subject }, 'contract installed')
      return answer(Status.SUCCESS, RefusalCode.NONE, '', pkg.hash)
    } catch (err) {
      const { status, code } = refusalFor(err)
      return answer(status, code, (err as Error).message)
    }
  }

  private async serveCommitStatus(request: Uint8Array): Promise<Uint8Array> {
    let req: CommitStatusRequest
    try {
      const opened = openEnvelope(request)
      verifyEnvelope(opened, this.msp, { channelId: this.config.channelId, types: [HeaderType.PEER_QUERY] })
      req = decode(CommitStatusRequest, opened.payload.data, 'CommitStatusRequest')
    } catch (err) {
      return CommitStatusResponse.encode(commitAnswer({ ...refusalFor(err), info: (err as Error).message }))
    }
    return CommitStatusResponse.encode(await this.commitStatus(req.txId, Math.min(req.timeoutMs || 30_000, 120_000)))
  }

  /** A transaction's commit status here, once it is committed or when the timeout comes. */
  private async commitStatus(txId: string, timeoutMs: number): Promise<CommitStatusResponse> {
    const status = await this.committer.waitForCommit(txId, timeoutMs)
    if (status === undefined)
      return commitAnswer({ status: Status.SERVICE_UNAVAILABLE, code: RefusalCode.NOT_COMMITTED, info: `transaction ${txId} not committed yet` })
    return commitAnswer({ validationCode: status.code, blockNumber: status.block })
  }
}

function commitAnswer(r: Partial<CommitStatusResponse>): CommitStatusResponse {
  return { status: Status.SUCCESS, info: '', validationCode: ValidationCode.NOT_VALIDATED, blockNumber: 0, code: RefusalCode.NONE, ...r }
}
