import type { MembershipService, SigningIdentity, ValidatedIdentity } from '@consort/identity'
import { createResponsePayload, endorse, openEnvelope, openProposal, ProtocolError, verifyEnvelope } from '@consort/protocol'
import { RuntimeError, TxSimulator } from '@consort/runtime'
import type { ContractPackage } from '@consort/bundle'
import type { ContractRuntime, StateReader } from '@consort/runtime'
import type { LevelLedger } from '@consort/storage'
import { HeaderType, TxReadWriteSet } from '@consort/types'
import type { ContractEvent, Logger, ProposalResponse } from '@consort/types'
import { PeerError, PeerErrorCode } from './errors.js'
import { activeDefinition, definitionKey, LIFECYCLE_NS } from './lifecycle.js'
import { runLifecycle } from './lifecycleContract.js'

export interface EndorserModules {
  signer: SigningIdentity
  channelId: () => string
  orgs: () => readonly string[]
  /** The channel config's lifecycle policy (whose approvals make a contract definition committable). */
  lifecyclePolicy: () => string
  msp: () => MembershipService
  ledger: LevelLedger
  state: StateReader
  runtime: ContractRuntime
  /** Installed packages by code hash. */
  packages: (hash: string) => ContractPackage | undefined
  logger: Logger
}

/**
 * The endorser: checks a signed proposal (the creator is a channel member, the signature
 * covers the proposal), simulates it (the contract in its sandbox, or `_lifecycle`
 * natively) against committed state, and signs a response over the read/write set and
 * the result. Failures are answered as responses with a status and a message; nothing
 * the client sends can stop the peer.
 */
export class Endorser {
  constructor(private readonly m: EndorserModules) {}

  async endorse(envelopeBytes: Uint8Array): Promise<ProposalResponse> {
    try {
      return await this.simulateAndSign(envelopeBytes)
    } catch (err) {
      const e = err as Error & { code?: string }
      // The endorser's answer as HTTP-like statuses (see endorsementRefusal in @consort/client).
      const status =
        err instanceof PeerError && err.code === PeerErrorCode.NOT_AUTHORIZED
          ? 403
          : err instanceof PeerError && err.code === PeerErrorCode.UNKNOWN_CONTRACT
            ? 404
            : err instanceof PeerError || err instanceof ProtocolError
              ? 400
              : 500
      if (status === 500 && !(err instanceof RuntimeError)) this.m.logger.error({ err: e.stack }, 'endorsement failed')
      const code = e.code ?? 'ERR_PEER_INTERNAL'
      return {
        response: { status: err instanceof RuntimeError ? 500 : status, message: `${code}: ${e.message}`, payload: new Uint8Array() },
        payload: new Uint8Array(),
      }
    }
  }

  private async simulateAndSign(envelopeBytes: Uint8Array): Promise<ProposalResponse> {
    let creator: ValidatedIdentity
    const opened = openEnvelope(envelopeBytes)
    try {
      creator = verifyEnvelope(opened, this.m.msp(), { channelId: this.m.channelId(), types: [HeaderType.TRANSACTION] })
    } catch (err) {
      if (err instanceof ProtocolError) throw new PeerError(PeerErrorCode.NOT_AUTHORIZED, err.message, { cause: err.code })
      throw err
    }
    const { proposal, input, args } = openProposal(opened.envelope.payload)
    const name = input.contract
    let payload: Uint8Array
    let rwsetBytes: Uint8Array
    let events: ContractEvent[]
    let version = ''
    let sequence = 0
    if (name === LIFECYCLE_NS) {
      const sim = new TxSimulator(LIFECYCLE_NS, opened.header.txId, this.m.state)
      payload = await runLifecycle(input.function, args, creator, sim, this.m.orgs(), this.m.lifecyclePolicy())
      const r = sim.result()
      rwsetBytes = TxReadWriteSet.encode({ nsRwset: [r.rwset] })
      events = r.events
    } else {
      const def = activeDefinition((await this.m.ledger.getState(LIFECYCLE_NS, definitionKey(name)))?.value, this.m.orgs())
      if (def === undefined)
        throw new PeerError(PeerErrorCode.UNKNOWN_CONTRACT, `no contract named ${name} is defined on channel ${this.m.channelId()}`, { contract: name })
      const pkg = this.m.packages(def.definition.codeHash)
      if (pkg === undefined) {
        throw new PeerError(
          PeerErrorCode.NOT_INSTALLED,
          `${name} ${def.definition.version} (code ${def.definition.codeHash.slice(0, 12)}…) is not installed on this peer`,
          {
            contract: name,
          },
        )
      }
      const attributes = Object.fromEntries(creator.body.attributes)
      const result = await this.m.runtime.invoke(
        pkg,
        {
          namespace: name,
          fcn: input.function,
          args,
          txId: opened.header.txId,
          channelId: opened.header.channelId,
          timestamp: opened.header.timestamp,
          creator: {
            mspId: creator.org,
            subject: creator.subject,
            issuer: creator.body.issuer,
            role: creator.role.toLowerCase(),
            attributes,
            certificate: creator.bytes,
          },
          transient: proposal.transient,
        },
        this.m.state,
      )
      payload = result.payload
      rwsetBytes = result.rwsetBytes
      events = result.events
      version = def.definition.version
      sequence = def.definition.sequence
    }
    const response = { status: 200, message: '', payload }
    const prp = createResponsePayload({
      header: proposal.header,
      input: proposal.input,
      contract: name,
      contractVersion: version,
      contractSequence: sequence,
      rwset: rwsetBytes,
      response,
      events,
    })
    return { response, payload: prp, endorsement: endorse(this.m.signer, prp) }
  }
}
