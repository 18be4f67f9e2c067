import { OrdererError, OrdererErrorCode, PROTOCOL } from '@consort/client'
import type { MembershipService } from '@consort/identity'
import type { P2PNode } from '@consort/p2p'
import { checkTxTime, openEnvelope, ProtocolError, refusalFor, refusalStatus, verifyEnvelope } from '@consort/protocol'
import { decode, HeaderType, OrdererAdminRequest, OrdererAdminResponse, RefusalCode, Role, Status } from '@consort/types'
import type { BackupResult, ChannelConfig, Clock, Logger } from '@consort/types'
import { BackupError } from './backup.js'
import type { Chain } from './chain.js'
import { consenterName } from './membership.js'

export interface AdminModules {
  p2p: P2PNode
  chain: Chain
  msp: () => MembershipService
  /** The full address of a consenter by Raft id. */
  addressOf: (raftId: number) => string | undefined
  clock: Clock
  logger: Logger
  /** This orderer's org (only its admins may back it up) and its backup (backupOrderer). */
  org: () => string
  backup: (dir: string) => Promise<BackupResult>
  /** What the operations endpoint's /status says. */
  status: () => Record<string, unknown>
}

/**
 * Ordering-service operations for org admins (`consort orderer transfer-leader`): a request is
 * an ORDERER_ADMIN envelope signed by an admin of a channel org, dated within the channel's tx
 * time window, and served once (a replay of the same request is refused).
 */
export class OrdererAdminService {
  /** Request tx ids served, with when (the orderer's clock) they may be forgotten. */
  private readonly served = new Map<string, number>()

  constructor(
    private readonly config: () => ChannelConfig,
    private readonly m: AdminModules,
  ) {}

  async start(): Promise<void> {
    await this.m.p2p.serve(PROTOCOL.ORDERER_ADMIN, async (bytes) => OrdererAdminResponse.encode(await this.handle(bytes)), { maxInboundStreams: 16 })
  }

  async handle(bytes: Uint8Array): Promise<OrdererAdminResponse> {
    const refuse = (code: RefusalCode, info: string, leader = ''): OrdererAdminResponse => ({ status: refusalStatus(code), code, info, leader, statusJson: '' })
    try {
      const config = this.config()
      const opened = openEnvelope(bytes)
      const who = verifyEnvelope(opened, this.m.msp(), { channelId: config.channelId, types: [HeaderType.ORDERER_ADMIN] })
      const req = decode(OrdererAdminRequest, opened.payload.data, 'OrdererAdminRequest')
      // Reading the status is for any member (a dashboard, a monitor); the rest for admins.
      if (req.status && req.transferLeader === undefined && req.backup === undefined) {
        return { status: Status.SUCCESS, code: RefusalCode.NONE, info: '', leader: '', statusJson: JSON.stringify(this.m.status()) }
      }
      if (who.role !== Role.ADMIN) return refuse(RefusalCode.NOT_AUTHORIZED, `only org admins may operate the ordering service; ${who.subject} is ${who.role}`)
      const now = this.m.clock.now()
      checkTxTime(config.txTimeWindowMs, opened.header.timestamp, now)
      for (const [id, until] of this.served) if (until < now) this.served.delete(id)
      if (this.served.has(opened.header.txId)) return refuse(RefusalCode.DUPLICATE_TXID, 'this request was served already (a replay)')
      if (req.backup !== undefined) {
        if (who.org !== this.m.org())
          return refuse(RefusalCode.NOT_AUTHORIZED, `only admins of ${this.m.org()} may back up its orderer; ${who.subject} is of ${who.org}`)
        this.served.set(opened.header.txId, now + 2 * config.txTimeWindowMs)
        const backup = await this.m.backup(req.backup.dir)
        this.m.logger.info({ by: who.subject, dir: backup.dir, height: backup.height, ms: backup.ms }, 'backup written')
        return { status: Status.SUCCESS, code: RefusalCode.NONE, info: '', leader: '', backup, statusJson: '' }
      }
      const transfer = req.transferLeader
      if (transfer === undefined) return refuse(RefusalCode.UNSUPPORTED, 'no operation in the request')
      const chain = this.m.chain
      if (!chain.isLeader) {
        const leader = chain.leader === 0 ? '' : (this.m.addressOf(chain.leader) ?? '')
        return refuse(RefusalCode.NOT_LEADER, leader === '' ? 'no leader now' : 'this orderer does not lead', leader)
      }
      const name = (id: number) => consenterName(config, id)
      let to: number | undefined
      if (transfer.to !== '') {
        to = config.consenters.find((c) => c.name === transfer.to)?.id
        if (to === undefined) {
          return refuse(RefusalCode.UNKNOWN_CONSENTER, `no consenter named ${transfer.to}; consenters: ${config.consenters.map((c) => c.name).join(', ')}`)
        }
      }
      this.served.set(opened.header.txId, now + 2 * config.txTimeWindowMs)
      const r = await chain.transferLeader(to)
      this.m.logger.info({ by: who.subject, org: who.org, from: name(r.from), to: name(r.to), term: r.term, ms: r.ms }, 'raft leadership transferred')
      return {
        status: Status.SUCCESS,
        code: RefusalCode.NONE,
        info: '',
        leader: '',
        transfer: { from: name(r.from), to: name(r.to), term: r.term, ms: Math.round(r.ms) },
        statusJson: '',
      }
    } catch (err) {
      if (err instanceof OrdererError) return refuse(err.code, err.message)
      if (err instanceof BackupError) return refuse(RefusalCode.MALFORMED, `${err.code}: ${err.message}`)
      if (err instanceof ProtocolError) return refuse(refusalFor(err).code, err.message)
      this.m.logger.error({ err: (err as Error).stack }, 'orderer admin request failed')
      return refuse(OrdererErrorCode.INTERNAL, (err as Error).message)
    }
  }
}
