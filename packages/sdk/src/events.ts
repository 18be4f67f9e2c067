import { openEnvelope } from '@consort/protocol'
import type { ParsedBlock } from '@consort/protocol'
import { decode, HeaderType, ProposalResponsePayload, Transaction, validationCodeFromByte } from '@consort/types'
import type { ContractEvent, ValidationCode } from '@consort/types'

/** One transaction of a committed block, as a peer validated it. */
export interface TransactionEvent {
  blockNumber: number
  txIndex: number
  txId: string
  validationCode: ValidationCode
  contract: string
  /** Events the contract set; delivered to contract listeners only when the transaction is VALID. */
  events: ContractEvent[]
}

export interface BlockEvent {
  blockNumber: number
  transactions: TransactionEvent[]
}

/** Where a listener is: resume from here to see nothing twice and miss nothing. */
export interface Checkpoint {
  blockNumber: number
  /** The next transaction to look at in that block. */
  txIndex: number
}

export interface ContractEventWithCheckpoint extends ContractEvent {
  blockNumber: number
  txIndex: number
  /** Pass this back as `checkpoint` to resume after this event. */
  checkpoint: Checkpoint
}

export function blockEvent(block: ParsedBlock): BlockEvent {
  const codes = block.block.metadata?.validationCodes ?? new Uint8Array()
  const transactions = block.block.data.map((bytes, txIndex): TransactionEvent => {
    const validationCode = validationCodeFromByte(codes[txIndex] ?? 254)
    try {
      const opened = openEnvelope(bytes)
      if (opened.header.type !== HeaderType.TRANSACTION) {
        return { blockNumber: block.number, txIndex, txId: opened.header.txId, validationCode, contract: '', events: [] }
      }
      const tx = decode(Transaction, opened.payload.data, 'Transaction')
      const prp = decode(ProposalResponsePayload, tx.responsePayload, 'ProposalResponsePayload')
      return { blockNumber: block.number, txIndex, txId: opened.header.txId, validationCode, contract: prp.contract, events: prp.events }
    } catch {
      return { blockNumber: block.number, txIndex, txId: '', validationCode, contract: '', events: [] }
    }
  })
  return { blockNumber: block.number, transactions }
}
