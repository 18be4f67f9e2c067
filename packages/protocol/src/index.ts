export { ProtocolError, ProtocolErrorCode } from './errors.js'
export { computeTxId, createHeader, createSignedEnvelope, openEnvelope, signEnvelope, verifyEnvelope } from './envelope.js'
export type { HeaderOptions, OpenedEnvelope, VerifyOptions } from './envelope.js'
export { blockDataHash, blockHash, createBlock, parseBlock, verifyBlockSignature, verifyChainLink } from './blocks.js'
export type { NewBlock, ParsedBlock } from './blocks.js'
export {
  channelMsp,
  createGenesisBlock,
  isConfigBlock,
  DEFAULT_ADMINS_POLICY,
  DEFAULT_BATCH,
  DEFAULT_RAFT,
  normalizeChannelConfig,
  readChannelConfig,
} from './config.js'
export { consenterChange, createConfigUpdateEnvelope, validateConfigUpdate } from './configUpdate.js'
export type { ConsenterChange } from './configUpdate.js'
