import { toHex } from '@consort/crypto'
import { parseCertificate } from '@consort/identity'
import { openEnvelope } from '@consort/protocol'
import type { ParsedBlock } from '@consort/protocol'
import { ContractInput, decode, HeaderType, ProposalResponsePayload, Transaction, TxReadWriteSet, validationCodeFromByte } from '@consort/types'
import type { BlockView, TxView } from './views.js'

const text = (b: Uint8Array) => new TextDecoder().decode(b)
const who = (cert: Uint8Array): { subject: string; org: string } => {
  try {
    const c = parseCertificate(cert)
    return { subject: c.subject, org: c.org }
  } catch {
    return { subject: '?', org: '?' }
  }
}

/** What a committed block holds, decoded for people: each transaction's creator, call, endorsers, keys and events. */
export function explainBlock(block: ParsedBlock): BlockView {
  const codes = block.block.metadata?.validationCodes ?? new Uint8Array()
  const signer = block.block.metadata?.signatures[0]?.signer
  return {
    number: block.number,
    hash: toHex(block.hash),
    previousHash: toHex(block.header.previousHash),
    orderer: signer === undefined ? '' : who(signer).subject,
    timestamp: block.header.timestamp,
    bytes: block.bytes.byteLength,
    txs: block.block.data.map((bytes, i) => explainTx(bytes, validationCodeFromByte(codes[i] ?? 254))),
  }
}

function explainTx(bytes: Uint8Array, validationCode: string): TxView {
  const view: TxView = {
    txId: '',
    type: '?',
    creator: '',
    creatorOrg: '',
    contract: '',
    fn: '',
    args: [],
    validationCode,
    endorsingOrgs: [],
    reads: [],
    writes: [],
    events: [],
    timestamp: 0,
  }
  try {
    const opened = openEnvelope(bytes)
    view.txId = opened.header.txId
    view.type = opened.header.type
    view.timestamp = opened.header.timestamp
    if (opened.header.creator.byteLength > 0) ({ subject: view.creator, org: view.creatorOrg } = who(opened.header.creator))
    if (opened.header.type !== HeaderType.TRANSACTION) return view
    const tx = decode(Transaction, opened.payload.data, 'Transaction')
    const input = decode(ContractInput, tx.input, 'ContractInput')
    const prp = decode(ProposalResponsePayload, tx.responsePayload, 'ProposalResponsePayload')
    const rwset = decode(TxReadWriteSet, prp.rwset, 'TxReadWriteSet')
    view.contract = input.contract
    view.fn = input.function
    view.args = input.args.map(text)
    view.endorsingOrgs = [...new Set(tx.endorsements.map((e) => who(e.endorser).org))].sort()
    for (const ns of rwset.nsRwset) {
      view.reads.push(...ns.reads.map((r) => `${ns.namespace}/${r.key}`))
      view.writes.push(...ns.writes.map((w) => `${ns.namespace}/${w.key}${w.isDelete ? ' (deleted)' : ''}`))
    }
    view.events = prp.events.map((e) => ({ name: e.name, payload: text(e.payload) }))
  } catch {
    // A malformed transaction (its validation code says so): what could be read is shown.
  }
  return view
}
