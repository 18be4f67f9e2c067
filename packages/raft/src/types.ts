import { decode, raftpb } from '@consort/types'

/**
 * Raft's data, shaped like etcd-io/raft's raftpb and field-for-field compatible with
 * `raftpb` in @consort/types, which the transport and the WAL use to encode them.
 * Node id 0 means "none".
 */
export const NONE = 0

export type EntryType = 'EntryNormal' | 'EntryConfChange'

export interface Entry {
  term: number
  index: number
  type: EntryType
  data: Uint8Array
}

export interface ConfState {
  voters: number[]
  learners: number[]
}

export interface SnapshotMetadata {
  confState: ConfState
  index: number
  term: number
}

export interface Snapshot {
  data: Uint8Array
  metadata: SnapshotMetadata
}

export interface HardState {
  term: number
  vote: number
  commit: number
}

export type MessageType =
  | 'MsgHup'
  | 'MsgBeat'
  | 'MsgProp'
  | 'MsgApp'
  | 'MsgAppResp'
  | 'MsgVote'
  | 'MsgVoteResp'
  | 'MsgSnap'
  | 'MsgHeartbeat'
  | 'MsgHeartbeatResp'
  | 'MsgUnreachable'
  | 'MsgSnapStatus'
  | 'MsgCheckQuorum'
  | 'MsgTransferLeader'
  | 'MsgTimeoutNow'
  | 'MsgPreVote'
  | 'MsgPreVoteResp'

export interface Message {
  type: MessageType
  to: number
  from: number
  term: number
  logTerm: number
  index: number
  entries: Entry[]
  commit: number
  snapshot?: Snapshot
  reject: boolean
  rejectHint: number
  context: Uint8Array
}

export type ConfChangeType = 'ConfChangeAddNode' | 'ConfChangeRemoveNode' | 'ConfChangeAddLearnerNode'

export interface ConfChange {
  type: ConfChangeType
  nodeId: number
  context: Uint8Array
}

export type StateType = 'Follower' | 'PreCandidate' | 'Candidate' | 'Leader'

/** Volatile state, reported in a Ready when it changes. */
export interface SoftState {
  lead: number
  role: StateType
  term: number
}

/**
 * What the application must do, in this order: persist `hardState`, `entries` and
 * `snapshot` (fsync when `mustSync`), then send `messages`, then apply the snapshot and
 * `committedEntries`, then call `advance()`.
 */
export interface Ready {
  softState?: SoftState
  hardState?: HardState
  entries: Entry[]
  snapshot?: Snapshot
  committedEntries: Entry[]
  messages: Message[]
  mustSync: boolean
}

export const EMPTY_BYTES = new Uint8Array(0)

export function emptySnapshot(): Snapshot {
  return { data: EMPTY_BYTES, metadata: { confState: { voters: [], learners: [] }, index: 0, term: 0 } }
}

export function isLocalMessage(type: MessageType): boolean {
  return type === 'MsgHup' || type === 'MsgBeat' || type === 'MsgUnreachable' || type === 'MsgSnapStatus' || type === 'MsgCheckQuorum'
}

export function isResponseMessage(type: MessageType): boolean {
  return type === 'MsgAppResp' || type === 'MsgVoteResp' || type === 'MsgHeartbeatResp' || type === 'MsgUnreachable' || type === 'MsgPreVoteResp'
}

/** A message with every field at its zero value but the ones given. */
export function message(fields: Partial<Message> & Pick<Message, 'type'>): Message {
  return {
    to: NONE,
    from: NONE,
    term: 0,
    logTerm: 0,
    index: 0,
    entries: [],
    commit: 0,
    reject: false,
    rejectHint: 0,
    context: EMPTY_BYTES,
    ...fields,
  }
}

/** Approximate encoded size, for batching limits. */
export function entrySize(e: Entry): number {
  return e.data.byteLength + 24
}

export function encodeConfChange(cc: ConfChange): Uint8Array {
  return raftpb.ConfChange.encode(cc as unknown as raftpb.ConfChange)
}

/** Decodes a conf-change entry's data; throws DecodeError on malformed bytes. */
export function decodeConfChange(data: Uint8Array): ConfChange {
  return decode(raftpb.ConfChange, data, 'ConfChange') as unknown as ConfChange
}
