import { sha256Parts } from '@consort/crypto'
import type { SigningIdentity } from '@consort/identity'
import { ContractInput, decode, DecodeError, HeaderType, Payload, Proposal, ProposalResponsePayload, Transaction } from '@consort/types'
import type { ContractEvent, Endorsement, Response } from '@consort/types'
import { createHeader, signEnvelope } from './envelope.js'
import { ProtocolError, ProtocolErrorCode } from './errors.js'

/** What an endorser's signature covers: the response payload, then the endorser's certificate. */
export function endorsementMessage(responsePayload: Uint8Array, endorser: Uint8Array): Uint8Array {
  const out = new Uint8Array(responsePayload.byteLength + endorser.byteLength)
  out.set(responsePayload, 0)
  out.set(endorser, responsePayload.byteLength)
  return out
}

/** Binds a proposal response to the proposal it answers. */
export function proposalHash(header: Uint8Array, input: Uint8Array): Uint8Array {
  return sha256Parts([header, input])
}

export interface ProposalOptions {
  channelId: string
  contract: string
  fcn: string
  args: readonly string[]
  transient?: Map<string, Uint8Array>
  timestamp: number
  nonce?: Uint8Array
}

export interface SignedProposal {
  /** The signed Envelope whose payload is the Proposal. */
  envelope: Uint8Array
  txId: string
  header: Uint8Array
  input: Uint8Array
}

/** A proposal's bytes (to be signed by its creator) with its tx id, header and input. */
export function proposalPayload(creator: Uint8Array, o: ProposalOptions): { payload: Uint8Array; txId: string; header: Uint8Array; input: Uint8Array } {
  const { header, txId } = createHeader({
    type: HeaderType.TRANSACTION,
    channelId: o.channelId,
    creator,
    timestamp: o.timestamp,
    ...(o.nonce !== undefined ? { nonce: o.nonce } : {}),
  })
  const enc = new TextEncoder()
  const input = ContractInput.encode({ contract: o.contract, function: o.fcn, args: o.args.map((a) => enc.encode(a)) })
  return { payload: Proposal.encode({ header, input, transient: new Map(o.transient ?? []) }), txId, header, input }
}

/** A proposal signed by its creator, to be sent to endorsers. */
export function createProposal(signer: SigningIdentity, o: ProposalOptions): SignedProposal {
  const { payload, txId, header, input } = proposalPayload(signer.certificate.bytes, o)
  return { envelope: signEnvelope(signer, payload), txId, header, input }
}

export interface OpenedProposal {
  proposal: Proposal
  input: ContractInput
  args: string[]
}

export function openProposal(payload: Uint8Array): OpenedProposal {
  try {
    const proposal = decode(Proposal, payload, 'Proposal')
    const input = decode(ContractInput, proposal.input, 'ContractInput')
    const dec = new TextDecoder()
    return { proposal, input, args: input.args.map((a) => dec.decode(a)) }
  } catch (err) {
    if (err instanceof DecodeError) throw new ProtocolError(ProtocolErrorCode.MALFORMED, `malformed proposal: ${err.message}`, {}, { cause: err })
    throw err
  }
}

export interface ResponsePayloadOptions {
  header: Uint8Array
  input: Uint8Array
  contract: string
  contractVersion: string
  contractSequence: number
  rwset: Uint8Array
  response: Response
  events: ContractEvent[]
}

export function createResponsePayload(o: ResponsePayloadOptions): Uint8Array {
  return ProposalResponsePayload.encode({
    proposalHash: proposalHash(o.header, o.input),
    contract: o.contract,
    contractVersion: o.contractVersion,
    contractSequence: o.contractSequence,
    rwset: o.rwset,
    response: o.response,
    events: o.events,
  })
}

/** An endorser's signature over a response payload. */
export function endorse(endorser: SigningIdentity, responsePayload: Uint8Array): Endorsement {
  const cert = new Uint8Array(endorser.certificate.bytes)
  return { endorser: cert, signature: endorser.sign(endorsementMessage(responsePayload, cert)) }
}

/**
 * The transaction envelope a client sends to the ordering service: the proposal's header,
 * its input, the (identical) response payload and the endorsements, signed by the creator.
 */
export function createTransaction(signer: SigningIdentity, o: TransactionParts): Uint8Array {
  return signEnvelope(signer, transactionPayload(o))
}

export interface TransactionParts {
  header: Uint8Array
  input: Uint8Array
  responsePayload: Uint8Array
  endorsements: Endorsement[]
}

/** The payload of a transaction envelope, to be signed by the proposal's creator. */
export function transactionPayload(o: TransactionParts): Uint8Array {
  const data = Transaction.encode({ input: o.input, responsePayload: o.responsePayload, endorsements: o.endorsements })
  return Payload.encode({ header: o.header, data })
}
