import { bytesEqual } from '@consort/crypto'
import { evaluatePolicy, parseCertificate, parsePolicy } from '@consort/identity'
import type { ParsedCertificate, Policy } from '@consort/identity'
import type { OrdererClient } from '@consort/orderer'
import { PROTOCOL } from '@consort/p2p'
import type { P2PNode } from '@consort/p2p'
import { openEnvelope, openProposal } from '@consort/protocol'
import type { LevelLedger } from '@consort/storage'
import { BroadcastResponse, GatewayEndorseResponse, ProposalResponse, Status } from '@consort/types'
import type { ChannelConfig, GatewayEndorseRequest, GatewaySubmitRequest, Logger } from '@consort/types'
import { activeDefinition, definitionKey, LIFECYCLE_ENDORSEMENT_POLICY, LIFECYCLE_NS } from './lifecycle.js'

export interface GatewayModules {
  org: string
  config: () => ChannelConfig
  ledger: LevelLedger
  /** This peer's own endorser. */
  endorseLocally: (proposal: Uint8Array) => Promise<ProposalResponse>
  p2p: P2PNode
  orderers: OrdererClient
  logger: Logger
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
  constructor(private readonly m: GatewayModules) {}

  async endorse(req: GatewayEndorseRequest): Promise<GatewayEndorseResponse> {
    const fail = (status: Status, info: string): GatewayEndorseResponse => ({ status, info, responsePayload: new Uint8Array(), endorsements: [], result: new Uint8Array() })
    let contract: string
    try {
      contract = openProposal(openEnvelope(req.proposal).envelope.payload).input.contract
    } catch (err) {
      return fail(Status.BAD_REQUEST, (err as Error).message)
    }
    const config = this.m.config()
    const orgs = config.orgs.map((o) => o.mspId)
    let policy: Policy
    if (contract === LIFECYCLE_NS) {
      policy = parsePolicy(LIFECYCLE_ENDORSEMENT_POLICY)
    } else {
      const def = activeDefinition((await this.m.ledger.getState(LIFECYCLE_NS, definitionKey(contract)))?.value, orgs)
      if (def === undefined) return fail(Status.NOT_FOUND, `ERR_PEER_UNKNOWN_CONTRACT: no contract named ${contract} is defined on channel ${config.channelId}`)
      policy = def.policy
    }
    const ask = req.endorsingOrgs.length > 0 ? req.endorsingOrgs.filter((o) => orgs.includes(o)) : orgsOf(policy, orgs)
    const failures: string[] = []
    const answers = await Promise.all(ask.map((org) => this.endorseIn(org, req.proposal, failures)))
    const ok = answers.filter((a): a is { who: string; r: ProposalResponse } => a !== undefined)
    if (ok.length === 0) return fail(Status.INTERNAL_SERVER_ERROR, `no endorsement: ${failures.join('; ')}`)
    const first = ok[0] as { who: string; r: ProposalResponse }
    const disagreeing = ok.find((a) => !bytesEqual(a.r.payload, first.r.payload))
    if (disagreeing !== undefined) {
      return fail(Status.CONFLICT, `endorsements disagree (${first.who} vs ${disagreeing.who}): the contract is not deterministic, or the peers hold different state`)
    }
    const endorsers: ParsedCertificate[] = ok.map((a) => parseCertificate((a.r.endorsement as { endorser: Uint8Array }).endorser))
    if (!evaluatePolicy(policy, endorsers, orgs)) {
      return fail(Status.FORBIDDEN, `endorsements from ${ok.map((a) => a.who).join(', ')} do not satisfy the policy${failures.length > 0 ? `; failures: ${failures.join('; ')}` : ''}`)
    }
    return {
      status: Status.SUCCESS,
      info: '',
      responsePayload: first.r.payload,
      endorsements: ok.map((a) => a.r.endorsement as NonNullable<ProposalResponse['endorsement']>),
      result: first.r.response?.payload ?? new Uint8Array(),
    }
  }

  /** One endorsement from `org`: ours if it is our org, else from its anchor peers in turn. */
  private async endorseIn(org: string, proposal: Uint8Array, failures: string[]): Promise<{ who: string; r: ProposalResponse } | undefined> {
    const accept = (who: string, r: ProposalResponse) => {
      if (r.response?.status === 200 && r.endorsement !== undefined) return { who, r }
      // The contract answered: another peer of the org would answer alike.
      failures.push(`${who}: ${r.response?.message ?? 'no response'}`)
      return undefined
    }
    if (org === this.m.org) return accept(`${org} (this peer)`, await this.m.endorseLocally(proposal))
    const anchors = this.m.config().orgs.find((o) => o.mspId === org)?.anchorPeers ?? []
    if (anchors.length === 0) failures.push(`${org}: no anchor peers in the channel config`)
    for (const address of anchors) {
      try {
        return accept(org, await this.m.p2p.request(address, PROTOCOL.ENDORSE, proposal, ProposalResponse, 'ProposalResponse', 15_000))
      } catch (err) {
        failures.push(`${org} peer unreachable: ${(err as Error).message}`)
      }
    }
    return undefined
  }

  /** Orders a signed transaction, retrying (same envelope) through failovers until the timeout. */
  async submit(req: GatewaySubmitRequest): Promise<BroadcastResponse> {
    const deadline = Date.now() + Math.min(req.timeoutMs || 30_000, 120_000)
    let last: BroadcastResponse = { status: Status.SERVICE_UNAVAILABLE, info: 'not tried', txId: req.txId, blockNumber: 0, code: 'NO_LEADER', leader: '' }
    while (Date.now() < deadline) {
      try {
        last = await this.m.orderers.broadcast(req.envelope, req.txId, Math.max(1000, deadline - Date.now()))
        if (last.status === Status.SUCCESS || last.code === 'DUPLICATE_TXID') return last
        if (last.status !== Status.SERVICE_UNAVAILABLE && last.status !== Status.INTERNAL_SERVER_ERROR) return last
      } catch (err) {
        last = { status: Status.SERVICE_UNAVAILABLE, info: (err as Error).message, txId: req.txId, blockNumber: 0, code: 'NO_LEADER', leader: '' }
      }
      await sleep(100)
    }
    return { ...last, info: `not ordered before the deadline: ${last.code} ${last.info}` }
  }
}

