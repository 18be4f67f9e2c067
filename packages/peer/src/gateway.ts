import { bytesEqual } from '@consort/crypto'
import { evaluatePolicy, parseCertificate, parsePolicy, satisfiableBy } from '@consort/identity'
import type { MembershipService, ParsedCertificate, Policy } from '@consort/identity'
import { endorsementRefusal, isOrdered, PROTOCOL } from '@consort/client'
import type { OrdererClient } from '@consort/client'
import type { P2PNode } from '@consort/p2p'
import { openEnvelope, openProposal, ProtocolError, ProtocolErrorCode, sitePassive, verifyEnvelope } from '@consort/protocol'
import type { LevelLedger } from '@consort/storage'
import { HeaderType, ProposalResponse, RefusalCode, Status } from '@consort/types'
import type {
  BroadcastResponse,
  ChannelConfig,
  CommitStatusResponse,
  GatewayEndorseRequest,
  GatewayEndorseResponse,
  GatewaySubmitRequest,
  GatewaySubmitResponse,
  Logger,
  NodeFailure,
} from '@consort/types'
import { activeDefinition, definitionKey, LIFECYCLE_ENDORSEMENT_POLICY, LIFECYCLE_NS } from './lifecycle.js'

export interface GatewayModules {
  /** This peer's name and org. */
  name: string
  org: string
  config: () => ChannelConfig
  /** The channel's membership: a proposal's creator and signature are checked before anything else. */
  msp: () => MembershipService
  ledger: LevelLedger
  /** This peer's site: while it is passive (or the channel switches sites) the gateway takes no transaction. */
  site: string
  /** This peer's own endorser. */
  endorseLocally: (proposal: Uint8Array) => Promise<ProposalResponse>
  p2p: P2PNode
  orderers: OrdererClient
  /** This peer's commit status of a transaction, once committed here or when the timeout comes. */
  commitStatus: (txId: string, timeoutMs: number) => Promise<CommitStatusResponse>
  logger: Logger
}

/** An answer a gateway collected: from which node of which org. */
interface Endorsed {
  node: string
  org: string
  r: ProposalResponse
}

/** The failures as one sentence, for an answer's `info`. */
function describeFailures(failures: readonly NodeFailure[]): string {
  return failures.map((f) => `${f.org}${f.node === '' ? '' : ` (${f.node})`}: ${f.message}`).join('; ')
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The orgs a policy needs asked: those it names, or every org for MAJORITY / ANY / ALL. */
function orgsOf(policy: Policy, all: readonly string[]): string[] {
  const named = new Set<string>()
  const walk = (p: Policy): void => {
    if (p.type === 'signedBy') named.add(p.org)
    else if (p.type === 'outOf') p.rules.forEach(walk)
    else all.forEach((o) => named.add(o))
  }
  walk(policy)
  return all.filter((o) => named.has(o))
}

/**
 * Fabric's Gateway on every peer: a client hands it a signed proposal and gets back the
 * endorsements the contract's policy needs (this peer's own, and its anchor peers' in the
 * other orgs, trying each org's next peer when one does not answer); it hands a signed
 * transaction and the gateway orders it, retrying the orderers until the deadline.
 * Commit status and block events are the peer's other services.
 */
export class Gateway {
  /** Rotates which other orgs endorse first. */
  private turn = 0

  constructor(private readonly m: GatewayModules) {}

  async endorse(req: GatewayEndorseRequest): Promise<GatewayEndorseResponse> {
    const failures: NodeFailure[] = []
    const fail = (status: Status, code: RefusalCode, info: string): GatewayEndorseResponse => ({
      status,
      code,
      info,
      failures,
      responsePayload: new Uint8Array(),
      endorsements: [],
      result: new Uint8Array(),
    })
    const config = this.m.config()
    const passive = sitePassive(config, this.m.site)
    if (passive !== undefined) return fail(Status.SERVICE_UNAVAILABLE, RefusalCode.SITE_PASSIVE, passive)
    let contract: string
    try {
      // Verify, then forward: nothing is asked of another org, nor said about the channel's
      // contracts, for a proposal whose creator is not a member or whose signature fails.
      const opened = openEnvelope(req.proposal)
      // (Its verdict is kept for this peer's own endorser, which checks the same proposal next.)
      verifyEnvelope(opened, this.m.msp(), { channelId: config.channelId, types: [HeaderType.TRANSACTION], remember: true })
      contract = openProposal(opened.envelope.payload).input.contract
    } catch (err) {
      const forbidden = err instanceof ProtocolError && err.code !== ProtocolErrorCode.MALFORMED
      return fail(forbidden ? Status.FORBIDDEN : Status.BAD_REQUEST, forbidden ? RefusalCode.NOT_AUTHORIZED : RefusalCode.MALFORMED, (err as Error).message)
    }
    const orgs = config.orgs.map((o) => o.mspId)
    let policy: Policy
    if (contract === LIFECYCLE_NS) {
      policy = parsePolicy(LIFECYCLE_ENDORSEMENT_POLICY)
    } else {
      const def = activeDefinition((await this.m.ledger.getState(LIFECYCLE_NS, definitionKey(contract)))?.value, orgs)
      if (def === undefined) {
        return fail(
          Status.NOT_FOUND,
          RefusalCode.UNKNOWN_CONTRACT,
          `ERR_PEER_UNKNOWN_CONTRACT: no contract named ${contract} is defined on channel ${config.channelId}`,
        )
      }
      policy = def.policy
    }
    const ok: Endorsed[] = []
    // A contract that refuses on this peer would refuse alike elsewhere: stop asking. A
    // refusal from another org's peer may come from a peer a block behind: ask the next org.
    let refused = false
    const askAll = async (list: readonly string[]) => {
      const answers = await Promise.all(list.map((org) => this.endorseIn(org, req.proposal, failures)))
      for (const a of answers) {
        if (a === undefined) continue
        if (a.r.response?.status === 200 && a.r.endorsement !== undefined) ok.push(a)
        else {
          if (a.org === this.m.org) refused = true
          failures.push({ node: a.node, org: a.org, code: endorsementRefusal(a.r.response?.status), message: a.r.response?.message ?? 'no response' })
        }
      }
    }
    const enough = (): boolean =>
      satisfiableBy(
        policy,
        ok.map((a) => a.org),
        orgs,
      )
    if (req.endorsingOrgs.length > 0) {
      // The client named the orgs: ask exactly those.
      await askAll(req.endorsingOrgs.filter((o) => orgs.includes(o)))
    } else {
      // As Fabric's gateway: ask the fewest orgs whose endorsements satisfy the policy (our
      // own first, the others in turns so they share the work), then more if some fail or refuse.
      const candidates = orgsOf(policy, orgs)
      const others = candidates.filter((o) => o !== this.m.org)
      const turn = this.turn++ % Math.max(1, others.length)
      const order = [...(candidates.includes(this.m.org) ? [this.m.org] : []), ...others.slice(turn), ...others.slice(0, turn)]
      let asked = 0
      while (asked < order.length) {
        const have = ok.map((a) => a.org)
        let k = asked + 1
        while (k < order.length && !satisfiableBy(policy, [...have, ...order.slice(asked, k)], orgs)) k++
        await askAll(order.slice(asked, k))
        asked = k
        if (refused || enough()) break
      }
    }
    if (ok.length === 0) {
      // An org's refusal is the answer's code (a contract error, an unknown contract); else no endorser could be reached.
      const code = failures.find((f) => f.code !== RefusalCode.UNREACHABLE)?.code ?? RefusalCode.UNREACHABLE
      return fail(Status.INTERNAL_SERVER_ERROR, code, `no endorsement: ${describeFailures(failures)}`)
    }
    const first = ok[0] as Endorsed
    const disagreeing = ok.find((a) => !bytesEqual(a.r.payload, first.r.payload))
    if (disagreeing !== undefined) {
      const who = (a: Endorsed) => `${a.org} (${a.node})`
      return fail(
        Status.CONFLICT,
        RefusalCode.ENDORSEMENTS_DIFFER,
        `endorsements disagree (${who(first)} vs ${who(disagreeing)}): the contract is not deterministic, or the peers hold different state`,
      )
    }
    const endorsers: ParsedCertificate[] = ok.map((a) => parseCertificate((a.r.endorsement as { endorser: Uint8Array }).endorser))
    if (!evaluatePolicy(policy, endorsers, orgs)) {
      const also = failures.length > 0 ? `; failures: ${describeFailures(failures)}` : ''
      return fail(Status.FORBIDDEN, RefusalCode.POLICY_NOT_SATISFIED, `endorsements from ${ok.map((a) => a.org).join(', ')} do not satisfy the policy${also}`)
    }
    return {
      status: Status.SUCCESS,
      code: RefusalCode.NONE,
      info: '',
      // Endorsed in spite of these: another peer of the org answered, or the policy did not need them.
      failures,
      responsePayload: first.r.payload,
      endorsements: ok.map((a) => a.r.endorsement as NonNullable<ProposalResponse['endorsement']>),
      result: first.r.response?.payload ?? new Uint8Array(),
    }
  }

  /**
   * One answer from `org`: ours if it is our org, else from its anchor peers in turn (the
   * next when one does not answer; an answer, even a refusal, is the org's). Undefined if
   * none answered; each peer that did not is added to `failures`.
   */
  private async endorseIn(org: string, proposal: Uint8Array, failures: NodeFailure[]): Promise<Endorsed | undefined> {
    if (org === this.m.org) return { node: this.m.name, org, r: await this.m.endorseLocally(proposal) }
    const anchors = this.m.config().orgs.find((o) => o.mspId === org)?.anchorPeers ?? []
    if (anchors.length === 0) failures.push({ node: '', org, code: RefusalCode.UNREACHABLE, message: 'no anchor peers in the channel config' })
    for (const address of anchors) {
      try {
        return { node: address, org, r: await this.m.p2p.request(address, PROTOCOL.ENDORSE, proposal, ProposalResponse, 'ProposalResponse', 15_000) }
      } catch (err) {
        failures.push({ node: address, org, code: RefusalCode.UNREACHABLE, message: (err as Error).message })
      }
    }
    return undefined
  }

  /**
   * Orders a signed transaction, retrying (same envelope) through failovers until the timeout;
   * with `waitForCommit`, then waits for its commit on this peer and answers with its status.
   */
  async submit(req: GatewaySubmitRequest): Promise<GatewaySubmitResponse> {
    const deadline = Date.now() + Math.min(req.timeoutMs || 30_000, 120_000)
    const ordered = await this.order(req, deadline)
    if (!req.waitForCommit || !isOrdered(ordered)) return { ordered }
    return { ordered, commit: await this.m.commitStatus(req.txId, Math.max(1000, deadline - Date.now())) }
  }

  private async order(req: GatewaySubmitRequest, deadline: number): Promise<BroadcastResponse> {
    const unavailable = (info: string): BroadcastResponse => ({
      status: Status.SERVICE_UNAVAILABLE,
      info,
      txId: req.txId,
      blockNumber: 0,
      code: RefusalCode.NO_LEADER,
      leader: '',
    })
    const passive = sitePassive(this.m.config(), this.m.site)
    if (passive !== undefined) return { ...unavailable(passive), code: RefusalCode.SITE_PASSIVE }
    let last = unavailable('not tried')
    while (Date.now() < deadline) {
      try {
        last = await this.m.orderers.broadcast(req.envelope, req.txId, Math.max(1000, deadline - Date.now()))
        if (isOrdered(last)) return last
        if (last.status !== Status.SERVICE_UNAVAILABLE && last.status !== Status.INTERNAL_SERVER_ERROR) return last
      } catch (err) {
        last = unavailable((err as Error).message)
      }
      await sleep(100)
    }
    return { ...last, info: `not ordered before the deadline: ${last.code} ${last.info}` }
  }
}
