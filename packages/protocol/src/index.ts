export { ProtocolError, ProtocolErrorCode, refusalFor, refusalStatus } from './errors.js'
export { admissionMessage, checkAdmission, createAdmission, PROTOCOL_VERSION } from './admission.js'
export type { AdmissionSigner } from './admission.js'
export { computeTxId, createHeader, createSignedEnvelope, envelopeOf, envelopePayload, openEnvelope, signEnvelope, verifyEnvelope } from './envelope.js'
export type { HeaderOptions, OpenedEnvelope, VerifyOptions } from './envelope.js'
export { blockDataHash, blockHash, blockTxIds, createBlock, parseBlock, verifyBlockSignature, verifyChainLink } from './blocks.js'
export type { NewBlock, ParsedBlock } from './blocks.js'
export {
  channelMsp,
  checkTxTime,
  configInForce,
  createGenesisBlock,
  isConfigBlock,
  DEFAULT_ADMINS_POLICY,
  DEFAULT_BATCH,
  DEFAULT_RAFT,
  DEFAULT_TX_TIME_WINDOW_MS,
  normalizeChannelConfig,
  readChannelConfig,
} from './config.js'
export type { ConsenterInput } from './config.js'
export { consenterChange, createConfigUpdateEnvelope, sitePassive, retireConsenter, validateConfigBlock, validateConfigUpdate } from './configUpdate.js'
export type { ConsenterChange } from './configUpdate.js'
export {
  createProposal,
  createResponsePayload,
  createTransaction,
  endorse,
  endorsementMessage,
  openProposal,
  proposalHash,
  proposalPayload,
  transactionPayload,
} from './transaction.js'
export type { OpenedProposal, ProposalOptions, ResponsePayloadOptions, SignedProposal, TransactionParts } from './transaction.js'
