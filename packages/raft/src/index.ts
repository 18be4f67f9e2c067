export type { RaftConfig, RaftModules } from './config.js'
export { RaftError, RaftErrorCode } from './errors.js'
export { Raft } from './raft.js'
export { RawNode } from './rawNode.js'
export type { BasicStatus, Status } from './rawNode.js'
export { MemoryStorage, limitSize } from './storage.js'
export type { Storage } from './storage.js'
export { decodeConfChange, EMPTY_BYTES, emptySnapshot, encodeConfChange, entrySize, isLocalMessage, message, NONE } from './types.js'
export type {
  ConfChange,
  ConfChangeType,
  ConfState,
  Entry,
  EntryType,
  HardState,
  Message,
  MessageType,
  Ready,
  Snapshot,
  SnapshotMetadata,
  SoftState,
  StateType,
} from './types.js'
export {
  decodeConfState,
  decodeEntry,
  decodeHardState,
  decodeMessage,
  decodeSnapshot,
  encodeConfState,
  encodeEntry,
  encodeHardState,
  encodeMessage,
  encodeSnapshot,
} from './codec.js'
