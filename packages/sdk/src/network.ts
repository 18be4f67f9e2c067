import { readFile } from 'node:fs/promises'
import { generateKeyPair } from '@consort/crypto'
import { parseCertificate, signingIdentity } from '@consort/identity'
import type { ParsedCertificate, Signer } from '@consort/identity'
import { channelEndpoints, endorsementRefusal, isOrdered, OrdererClient, PROTOCOL } from '@consort/client'
import type { ConnectionProfile, PeerEndpoint } from '@consort/client'
import { P2PErrorCode, P2PNode } from '@consort/p2p'
import { createAdmission, envelopeOf, envelopePayload, proposalPayload, readChannelConfig, transactionPayload } from '@consort/protocol'
import type { HeaderOptions, ParsedBlock, ProposalOptions, SignedProposal, TransactionParts } from '@consort/protocol'
import {
  CommitStatusRequest,
  CommitStatusResponse,
  ConsortError,
  GatewayEndorseRequest,
  GatewayEndorseResponse,
  GatewaySubmitRequest,
  GatewaySubmitResponse,
  HeaderType,
  OrdererAdminRequest,
  OrdererAdminResponse,
  ProposalResponse,
  RefusalCode,
  silentLogger,
  Status,
  ValidationCode,
} from '@consort/types'
import type { ChannelConfig, Logger, MessageCodec, NodeFailure, TransferLeaderResult } from '@consort/types'
import type { ContractPackage } from '@consort/bundle'
import { deployWith } from './deploy.js'
import type { DeployOptions, DeployResult } from './deploy.js'
import { blockEvent } from './events.js'
import type { BlockEvent, Checkpoint, ContractEventWithCheckpoint } from './events.js'
import { CommitError, EndorseError, SdkErrorCode, SubmitError } from './errors.js'

/**
 * Who the client is: a certificate and its private key, or a certificate and a `Signer`
 * (message → signature) for keys kept elsewhere (an HSM, a wallet, a browser).
 */
export type Identity = { certificate: Uint8Array; privateKey: Uint8Array } | { certificate: Uint8Array; signer: Signer }

/** The client's certificate and how it signs. */
export interface ClientSigner {
  certificate: ParsedCertificate
  sign(message: Uint8Array): Promise<Uint8Array>
}

export interface ConnectOptions {
  /** A connection profile, or the path of one. */
  profile: ConnectionProfile | string
  identity: Identity
  /** How long a submit keeps retrying before it throws (default 30 s). */
  submitTimeoutMs?: number
  logger?: Logger
}

export interface SubmitResult {
  result: Uint8Array
  txId: string
  blockNumber: number
  validationCode: ValidationCode
}

export interface TransactionOptions {
  transient?: Map<string, Uint8Array>
  /** Orgs whose peers endorse; by default the gateway asks those the contract's policy names (all orgs for MAJORITY/ANY/ALL). */
  endorsingOrgs?: string[]
}

async function loadProfile(p: ConnectionProfile | string): Promise<ConnectionProfile> {
  let profile: unknown = p
  if (typeof p === 'string') {
    try {
      profile = JSON.parse(await readFile(p, 'utf8'))
    } catch (err) {
      throw new ConsortError(SdkErrorCode.PROFILE, `cannot read connection profile ${p}: ${(err as Error).message}`, { path: p })
    }
  }
  const c = profile as Partial<ConnectionProfile>
  const ok = (xs: unknown) => Array.isArray(xs) && xs.every((x) => typeof x?.address === 'string' && typeof x?.org === 'string')
  // (No peers: an ordering service alone, for its admins' operations.)
  if (typeof c?.channel !== 'string' || !ok(c.orderers) || c.orderers?.length === 0 || !ok(c.peers)) {
    throw new ConsortError(
      SdkErrorCode.PROFILE,
      'malformed connection profile: needs "channel", a non-empty "orderers" list and a "peers" list of { name, org, address }',
    )
  }
  return c as ConnectionProfile
}

/** Connects to a network as `identity`. */
export async function connect(opts: ConnectOptions): Promise<Network> {
  const profile = await loadProfile(opts.profile)
  let signer: ClientSigner
  try {
    const id = opts.identity
    if ('signer' in id) {
      signer = { certificate: parseCertificate(id.certificate), sign: id.signer }
    } else {
      const local = signingIdentity(id.certificate, id.privateKey)
      signer = { certificate: local.certificate, sign: async (m) => local.sign(m) }
    }
  } catch (err) {
    throw new ConsortError(SdkErrorCode.IDENTITY, `bad identity: ${(err as Error).message}`)
  }
  const logger = opts.logger ?? silentLogger
  // Orderers and peers admit only channel members: every connection presents this identity.
  const credential = (server: string, client: string) => createAdmission(signer, server, client)
  const p2p = await P2PNode.create({ privateKey: generateKeyPair().privateKey, listen: [], credential }, { logger })
  const network = new Network(profile, signer, p2p, opts.submitTimeoutMs ?? 30_000, logger, opts.identity)
  // Orderers and peers added after the profile was made are found from the channel's latest
  // config; until that answer comes (or if none does), the profile's endpoints serve.
  network.refreshEndpoints().catch((err: Error) => logger.debug({ err: err.message }, 'could not read the latest channel config; using the profile'))
  return network
}

/** A channel as seen by one client identity. */
export class Network {
  readonly orderers: OrdererClient
  /** Peers serve committed blocks (with validation codes) on the deliver protocol. */
  private readonly peerBlocks: OrdererClient
  /** The profile's peers, then the anchor peers of the latest channel config (see refreshEndpoints). */
  private peerList: PeerEndpoint[]
  /** Aborted by close(): ends a refresh still reading the config. */
  private readonly closing = new AbortController()
  /** The latest read of the channel's config block (see refreshEndpoints). */
  private configRead: Promise<ParsedBlock> | undefined

  constructor(
    readonly profile: ConnectionProfile,
    readonly signer: ClientSigner,
    private readonly p2p: P2PNode,
    readonly submitTimeoutMs: number,
    private readonly logger: Logger,
    /** The identity this network was connected with (deploy re-connects as each admin). */
    readonly identity: Identity,
  ) {
    this.orderers = new OrdererClient(
      p2p,
      profile.orderers.map((o) => o.address),
      { signer, channelId: profile.channel, logger },
    )
    this.peerList = [...profile.peers]
    const own = this.peersPreferring(signer.certificate.org).map((p) => p.address)
    this.peerBlocks = new OrdererClient(p2p, own, { signer, channelId: profile.channel, logger })
  }

  /**
   * Committed blocks from `startBlock` (default: the next block to commit), with each
   * transaction's validation code and events, until the iteration stops or `signal`
   * aborts. A peer that goes away is replaced by another, resuming at the next block.
   */
  async *blockEvents(opts: { startBlock?: number; signal?: AbortSignal } = {}): AsyncGenerator<BlockEvent> {
    for await (const b of this.blocks(opts)) yield blockEvent(b)
  }

  /** An orderer's status (Raft role, term, leader, height, …, as its operations endpoint's /status says); any channel member may ask. */
  async ordererStatus(orderer: PeerEndpoint, timeoutMs = 3000): Promise<Record<string, unknown>> {
    const request = await this.envelope({ type: HeaderType.ORDERER_ADMIN, timestamp: Date.now(), data: OrdererAdminRequest.encode({ status: true }) })
    const r = await this.request(orderer, PROTOCOL.ORDERER_ADMIN, request, OrdererAdminResponse, timeoutMs)
    if (r.status !== Status.SUCCESS) throw new ConsortError(SdkErrorCode.STATUS, `${orderer.name} refused a status request: ${r.code} ${r.info}`)
    return JSON.parse(r.statusJson) as Record<string, unknown>
  }

  /** The newest block a peer or an orderer holds; undefined when it does not answer within `timeoutMs`. */
  async newestBlockOf(node: PeerEndpoint, timeoutMs = 3000): Promise<ParsedBlock | undefined> {
    return new OrdererClient(this.p2p, [node.address], { signer: this.signer, channelId: this.channel, logger: this.logger }).oneBlock(undefined, timeoutMs)
  }

  /** Committed blocks as a peer holds them (with validation codes), from `startBlock` or from the next one. */
  async *blocks(opts: { startBlock?: number; signal?: AbortSignal } = {}): AsyncGenerator<ParsedBlock> {
    const fromNext = opts.startBlock === undefined
    let first = true
    const req = fromNext ? { start: 0, newest: true } : { start: opts.startBlock as number }
    for await (const b of this.peerBlocks.deliver(req, opts.signal)) {
      // "newest" hands back the last committed block first: it is not news.
      if (fromNext && first) {
        first = false
        continue
      }
      yield b
    }
  }

  contract(name: string): Contract {
    return new Contract(this, name)
  }

  /** A signed proposal as this client. */
  async proposal(o: Omit<ProposalOptions, 'channelId'>): Promise<SignedProposal> {
    const cert = this.signer.certificate.bytes
    const { payload, txId, header, input } = proposalPayload(cert, { ...o, channelId: this.channel })
    return { envelope: envelopeOf(payload, await this.signer.sign(payload), cert), txId, header, input }
  }

  /** A signed transaction envelope as this client (the proposal's creator). */
  async transaction(parts: TransactionParts): Promise<Uint8Array> {
    const payload = transactionPayload(parts)
    return envelopeOf(payload, await this.signer.sign(payload), this.signer.certificate.bytes)
  }

  /** A signed envelope of another type (peer queries, installs). */
  async envelope(opts: Omit<HeaderOptions, 'creator' | 'channelId'> & { data: Uint8Array }): Promise<Uint8Array> {
    const cert = this.signer.certificate.bytes
    const { payload } = envelopePayload(cert, { ...opts, channelId: this.channel })
    return envelopeOf(payload, await this.signer.sign(payload), cert)
  }

  get channel(): string {
    return this.profile.channel
  }

  /** The peers this network knows: the profile's, followed by the latest channel config's. */
  get peers(): readonly PeerEndpoint[] {
    return this.peerList
  }

  /** Peers of `org` first, then the others: whom to ask when any peer will do. */
  peersPreferring(org: string): PeerEndpoint[] {
    return [...this.peerList.filter((p) => p.org === org), ...this.peerList.filter((p) => p.org !== org)]
  }

  /**
   * Follows the channel's latest config block: the orderers become its consenters, and each
   * member org's anchor peers join the peers (those of orgs no longer in the channel leave), so
   * nodes added after the profile was made are found. connect() starts one; call it again after
   * a membership change. Returns that config.
   */
  async refreshEndpoints(timeoutMs = 10_000): Promise<ChannelConfig> {
    const read = this.orderers.latestConfigBlock(timeoutMs, this.closing.signal)
    this.configRead = read
    const config = readChannelConfig((await read).bytes)
    const named = channelEndpoints(config)
    this.orderers.setEndpoints(named.orderers.map((o) => o.address))
    const members = new Set(config.orgs.map((o) => o.mspId))
    const known = this.peerList.filter((p) => members.has(p.org))
    this.peerList = [...known, ...named.peers.filter((p) => !known.some((k) => k.address === p.address))]
    return config
  }

  /**
   * The channel's latest config block as this network last read it (connect() starts that read),
   * or read again if that read failed.
   */
  async latestConfigBlock(timeoutMs = 10_000): Promise<ParsedBlock> {
    const read = this.configRead
    if (read !== undefined) {
      const block = await read.catch(() => undefined)
      if (block !== undefined) return block
    }
    await this.refreshEndpoints(timeoutMs)
    return (await this.configRead) as ParsedBlock
  }

  /**
   * As an org admin: moves Raft leadership of the ordering service to the consenter named `to`,
   * or to the most caught-up one. Resolves once another orderer leads; throws OrdererError
   * (NOT_AUTHORIZED, UNKNOWN_CONSENTER, TARGET_LEARNER, TARGET_DOWN, TARGET_BEHIND,
   * CONFIG_PENDING, TRANSFER_FAILED) when the leader refuses.
   */
  async transferLeader(to?: string, timeoutMs = 15_000): Promise<TransferLeaderResult> {
    const request = await this.envelope({
      type: HeaderType.ORDERER_ADMIN,
      timestamp: Date.now(),
      data: OrdererAdminRequest.encode({ transferLeader: { to: to ?? '' } }),
    })
    return this.orderers.transferLeader(request, timeoutMs)
  }

  /** Sends a signed proposal to one peer; throws on a broken connection. */
  endorseOn(peer: PeerEndpoint, proposal: Uint8Array): Promise<ProposalResponse> {
    return this.request(peer, PROTOCOL.ENDORSE, proposal, ProposalResponse, 15_000)
  }

  /** Sends a signed request on a one-shot protocol and reads one answer. */
  request<T>(peer: PeerEndpoint, protocol: string, envelope: Uint8Array, codec: MessageCodec<T>, timeoutMs: number): Promise<T> {
    return this.p2p.request(peer.address, protocol, envelope, codec, protocol, timeoutMs)
  }

  /**
   * Waits (up to `timeoutMs`) until a peer has committed the transaction and returns its
   * validation code and block; asks `prefer` first, then the other peers. Undefined if no
   * peer saw it commit in time.
   */
  async commitStatus(
    txId: string,
    timeoutMs: number,
    prefer: PeerEndpoint[] = [],
  ): Promise<{ validationCode: ValidationCode; blockNumber: number } | undefined> {
    const deadline = Date.now() + timeoutMs
    const query = await this.envelope({ type: HeaderType.PEER_QUERY, timestamp: Date.now(), data: CommitStatusRequest.encode({ txId, timeoutMs }) })
    const peers = [...prefer, ...this.peerList.filter((x) => !prefer.includes(x))]
    for (let i = 0; Date.now() <= deadline; i++) {
      const peer = peers[i % peers.length] as PeerEndpoint
      try {
        const s = await this.request(peer, PROTOCOL.COMMIT_STATUS, query, CommitStatusResponse, Math.max(1000, deadline - Date.now() + 1000))
        if (s.status === Status.SUCCESS) return { validationCode: s.validationCode, blockNumber: s.blockNumber }
      } catch {
        // that peer is down or slow: ask the next
      }
      await sleep(100)
    }
    return undefined
  }

  async close(): Promise<void> {
    this.closing.abort()
    await this.p2p.stop()
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Whether an endorsement refusal may not happen again a moment later (see Contract.submitWith). */
function retryableEndorsement(e: EndorseError): boolean {
  switch (e.reason) {
    case RefusalCode.UNREACHABLE:
    case RefusalCode.ENDORSEMENTS_DIFFER:
    case RefusalCode.SITE_PASSIVE:
      return true
    case RefusalCode.POLICY_NOT_SATISFIED:
      return e.details.some((d) => d.code === RefusalCode.UNREACHABLE || d.code === RefusalCode.ENDORSEMENT_REFUSED)
    default:
      return false
  }
}

/** One contract on the channel. */
export class Contract {
  constructor(
    private readonly network: Network,
    readonly name: string,
  ) {}

  /**
   * Deploys (or upgrades) this contract as org admins: this network's identity (an admin)
   * and any `otherAdmins`; committed once their approvals (with earlier ones of other orgs)
   * satisfy the lifecycle policy (`committed` in the result says whether).
   */
  async deploy(opts: { contract: string | ContractPackage; version?: string; policy?: string; otherAdmins?: Identity[] }): Promise<DeployResult> {
    return deployWith(connect, {
      profile: this.network.profile,
      contract: opts.contract,
      name: this.name,
      admins: [this.network.identity, ...(opts.otherAdmins ?? [])],
      ...(opts.version !== undefined ? { version: opts.version } : {}),
      ...(opts.policy !== undefined ? { policy: opts.policy } : {}),
    })
  }

  /**
   * This contract's events from committed, valid transactions, from `startBlock` or from
   * a checkpoint (resuming after the last event seen), or from the next block.
   */
  async *events(opts: { startBlock?: number; checkpoint?: Checkpoint; signal?: AbortSignal } = {}): AsyncGenerator<ContractEventWithCheckpoint> {
    const cp = opts.checkpoint
    const startBlock = cp?.blockNumber ?? opts.startBlock
    for await (const block of this.network.blockEvents({
      ...(startBlock !== undefined ? { startBlock } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    })) {
      for (const tx of block.transactions) {
        if (cp !== undefined && block.blockNumber === cp.blockNumber && tx.txIndex < cp.txIndex) continue
        if (tx.contract !== this.name || tx.validationCode !== ValidationCode.VALID) continue
        for (const e of tx.events) {
          yield { ...e, blockNumber: block.blockNumber, txIndex: tx.txIndex, checkpoint: { blockNumber: block.blockNumber, txIndex: tx.txIndex + 1 } }
        }
      }
    }
  }

  /** Runs a function on one peer (the client's org first) without ordering it; returns its result. */
  async evaluate(fn: string, ...args: string[]): Promise<Uint8Array> {
    const n = this.network
    const p = await n.proposal({ contract: this.name, fcn: fn, args, timestamp: Date.now() })
    let lastError = ''
    const failures: NodeFailure[] = []
    for (const peer of n.peersPreferring(n.signer.certificate.org)) {
      let r: ProposalResponse
      try {
        r = await n.endorseOn(peer, p.envelope)
      } catch (err) {
        lastError = `${peer.name}: ${(err as Error).message}`
        failures.push({ node: peer.name, org: peer.org, code: RefusalCode.UNREACHABLE, message: (err as Error).message })
        continue
      }
      if (r.response?.status === 200) return r.response.payload
      const reason = endorsementRefusal(r.response?.status)
      const message = r.response?.message ?? 'no response'
      throw new EndorseError(p.txId, `${peer.name}: ${message}`, reason, [{ node: peer.name, org: peer.org, code: reason, message }])
    }
    throw new EndorseError(p.txId, `no peer answered: ${lastError}`, RefusalCode.UNREACHABLE, failures)
  }

  /**
   * Has a gateway peer collect the endorsements the policy needs, orders the transaction
   * through a gateway and waits until it is committed. Survives an orderer failover, a restart or a dropped connection: it
   * resubmits the same transaction (same id, deduplicated) until its deadline.
   */
  async submit(fn: string, ...args: string[]): Promise<SubmitResult> {
    return this.submitWith({}, fn, ...args)
  }

  async submitWith(opts: TransactionOptions, fn: string, ...args: string[]): Promise<SubmitResult> {
    const n = this.network
    const deadline = Date.now() + n.submitTimeoutMs
    const remaining = () => Math.max(1000, deadline - Date.now())
    const p = await n.proposal({
      contract: this.name,
      fcn: fn,
      args,
      timestamp: Date.now(),
      ...(opts.transient !== undefined ? { transient: opts.transient } : {}),
    })
    // Endorse through a gateway peer (the client's org first; the next one if it is down). What
    // a moment later may cure is asked again, the same proposal, until the deadline: no gateway
    // answering (a peer restarting), every site passive (a DR switchover), endorsers a block apart (ENDORSEMENTS_DIFFER), or too few
    // endorsements because some endorser was unreachable or refused while others endorsed (a peer
    // behind). A contract's own refusal, an unknown contract or a signature problem is final.
    const gateways = n.peersPreferring(n.signer.certificate.org)
    const request = GatewayEndorseRequest.encode({ proposal: p.envelope, endorsingOrgs: opts.endorsingOrgs ?? [] })
    let endorsed: GatewayEndorseResponse | undefined
    for (let attempt = 0; ; attempt++) {
      let refusal: EndorseError
      const unreachable: NodeFailure[] = []
      let answer: GatewayEndorseResponse | undefined
      let passive: GatewayEndorseResponse | undefined
      for (const gw of gateways) {
        try {
          answer = await n.request(gw, PROTOCOL.GATEWAY_ENDORSE, request, GatewayEndorseResponse, remaining())
          // A gateway of a passive site (a DR site, or any during a switchover) sends us on.
          if (answer.code !== RefusalCode.SITE_PASSIVE) break
          passive = answer
          answer = undefined
        } catch (err) {
          // A peer that refuses this client's credential at admission says so: that is final.
          const code = (err as { code?: string }).code === P2PErrorCode.ADMISSION_REFUSED ? RefusalCode.NOT_AUTHORIZED : RefusalCode.UNREACHABLE
          unreachable.push({ node: gw.name, org: gw.org, code, message: (err as Error).message })
        }
      }
      if (answer === undefined && passive !== undefined) {
        refusal = new EndorseError(p.txId, passive.info, RefusalCode.SITE_PASSIVE, passive.failures)
      } else if (answer === undefined) {
        const last = unreachable[unreachable.length - 1]
        const code = unreachable.every((f) => f.code === RefusalCode.NOT_AUTHORIZED) ? RefusalCode.NOT_AUTHORIZED : RefusalCode.UNREACHABLE
        refusal = new EndorseError(p.txId, `no gateway peer answered: ${last?.node}: ${last?.message}`, code, unreachable)
      } else if (answer.status === Status.SUCCESS) {
        endorsed = answer
        break
      } else refusal = new EndorseError(p.txId, answer.info, answer.code, answer.failures)
      const backoff = Math.min(1000, 100 * 2 ** attempt)
      if (!retryableEndorsement(refusal) || Date.now() + backoff > deadline) throw refusal
      await sleep(backoff)
    }
    const tx = await n.transaction({ header: p.header, input: p.input, responsePayload: endorsed.responsePayload, endorsements: endorsed.endorsements })

    // Order it: the same envelope, through any gateway, until one reports it ordered; that
    // gateway answers once the transaction is committed there, with its status.
    let lastError = ''
    let status: { validationCode: ValidationCode; blockNumber: number } | undefined
    for (let i = 0; ; i++) {
      const gw = gateways[i % gateways.length] as PeerEndpoint
      let r: GatewaySubmitResponse | undefined
      try {
        r = await n.request(
          gw,
          PROTOCOL.GATEWAY_SUBMIT,
          GatewaySubmitRequest.encode({ envelope: tx, txId: p.txId, timeoutMs: remaining(), waitForCommit: true }),
          GatewaySubmitResponse,
          remaining() + 1000,
        )
      } catch (err) {
        lastError = `${gw.name}: ${(err as Error).message}`
      }
      const o = r?.ordered
      if (o !== undefined && isOrdered(o)) {
        status = r?.commit?.status === Status.SUCCESS ? r.commit : undefined
        break
      }
      if (o !== undefined && o.status !== Status.SERVICE_UNAVAILABLE && o.status !== Status.INTERNAL_SERVER_ERROR) {
        throw new SubmitError(p.txId, `orderer refused the transaction: ${o.code} ${o.info}`, o.code)
      }
      if (o !== undefined) lastError = `${o.code} ${o.info}`
      if (Date.now() > deadline) throw new SubmitError(p.txId, `not ordered before the deadline: ${lastError}`)
      await sleep(100)
    }

    // Ordered, but the gateway could not tell the commit (it stopped, or its timeout came):
    // ask the gateways for it, in the same order.
    status ??= await n.commitStatus(p.txId, remaining(), gateways)
    if (status === undefined) {
      throw new CommitError(p.txId, ValidationCode.NOT_VALIDATED, `transaction ${p.txId} was ordered but no peer reported its commit before the deadline`)
    }
    if (status.validationCode !== ValidationCode.VALID) {
      throw new CommitError(p.txId, status.validationCode, `transaction ${p.txId} committed invalid: ${status.validationCode}`)
    }
    return { result: endorsed.result, txId: p.txId, blockNumber: status.blockNumber, validationCode: status.validationCode }
  }
}

/**
 * Deploys (or upgrades) a contract as the org admins: bundle, install on every peer of their
 * orgs, approve the definition for each org, commit it once a majority approved.
 */
export function deploy(opts: DeployOptions): Promise<DeployResult> {
  return deployWith(connect, opts)
}
