import { decodeMessage, encodeMessage, enumeration, MaxLengthError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export enum EntryType {
  EntryNormal = 'EntryNormal',
  EntryConfChange = 'EntryConfChange'
}

enum __EntryTypeValues {
  EntryNormal = 0,
  EntryConfChange = 1
}

export namespace EntryType {
  export const codec = (): Codec<EntryType> => {
    return enumeration<EntryType>(__EntryTypeValues)
  }
}

export interface Entry {
  term: number
  index: number
  type: EntryType
  data: Uint8Array
}

export namespace Entry {
  let _codec: Codec<Entry>

  export const codec = (): Codec<Entry> => {
    if (_codec == null) {
      _codec = message<Entry>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.term)
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.index)
        }

        if (obj.type != null && __EntryTypeValues[obj.type] !== 0) {
          w.uint32(24)
          EntryType.codec().encode(obj.type, w)
        }

        if ((obj.data != null && obj.data.byteLength > 0)) {
          w.uint32(34)
          w.bytes(obj.data)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          term: 0,
          index: 0,
          type: EntryType.EntryNormal,
          data: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.term = reader.uint64Number()
              break
            }
            case 2: {
              obj.index = reader.uint64Number()
              break
            }
            case 3: {
              obj.type = EntryType.codec().decode(reader)
              break
            }
            case 4: {
              obj.data = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.index`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.type`,
                value: EntryType.codec().decode(reader)
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.data`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface EntryTermFieldEvent {
    field: '$.term'
    value: number
  }

  export interface EntryIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface EntryTypeFieldEvent {
    field: '$.type'
    value: EntryType
  }

  export interface EntryDataFieldEvent {
    field: '$.data'
    value: Uint8Array
  }

  export function encode (obj: Partial<Entry>): Uint8Array {
    return encodeMessage(obj, Entry.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Entry>): Entry {
    return decodeMessage(buf, Entry.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Entry>): Generator<EntryTermFieldEvent | EntryIndexFieldEvent | EntryTypeFieldEvent | EntryDataFieldEvent> {
    return streamMessage(buf, Entry.codec(), opts)
  }
}

export interface ConfState {
  voters: number[]
  learners: number[]
}

export namespace ConfState {
  let _codec: Codec<ConfState>

  export const codec = (): Codec<ConfState> => {
    if (_codec == null) {
      _codec = message<ConfState>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.voters != null && obj.voters.length > 0) {
          for (const value of obj.voters) {
            w.uint32(8)
            w.uint64Number(value)
          }
        }

        if (obj.learners != null && obj.learners.length > 0) {
          for (const value of obj.learners) {
            w.uint32(16)
            w.uint64Number(value)
          }
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          voters: [],
          learners: []
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.voters != null && obj.voters.length === opts.limits.voters) {
                throw new MaxLengthError('Decode error - repeated field "voters" had too many elements')
              }

              obj.voters.push(reader.uint64Number())
              break
            }
            case 2: {
              if (opts.limits?.learners != null && obj.learners.length === opts.limits.learners) {
                throw new MaxLengthError('Decode error - repeated field "learners" had too many elements')
              }

              obj.learners.push(reader.uint64Number())
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          voters: 0,
          learners: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              if (opts.limits?.voters != null && obj.voters === opts.limits.voters) {
                throw new MaxLengthError('Streaming decode error - repeated field "voters" had too many elements')
              }

              yield {
                field: `${prefix}.voters[]`,
                index: obj.voters,
                value: reader.uint64Number()
              }

              obj.voters++

              break
            }
            case 2: {
              if (opts.limits?.learners != null && obj.learners === opts.limits.learners) {
                throw new MaxLengthError('Streaming decode error - repeated field "learners" had too many elements')
              }

              yield {
                field: `${prefix}.learners[]`,
                index: obj.learners,
                value: reader.uint64Number()
              }

              obj.learners++

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ConfStateVotersFieldEvent {
    field: '$.voters[]'
    index: number
    value: number
  }

  export interface ConfStateLearnersFieldEvent {
    field: '$.learners[]'
    index: number
    value: number
  }

  export function encode (obj: Partial<ConfState>): Uint8Array {
    return encodeMessage(obj, ConfState.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfState>): ConfState {
    return decodeMessage(buf, ConfState.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfState>): Generator<ConfStateVotersFieldEvent | ConfStateLearnersFieldEvent> {
    return streamMessage(buf, ConfState.codec(), opts)
  }
}

export interface SnapshotMetadata {
  confState?: ConfState
  index: number
  term: number
}

export namespace SnapshotMetadata {
  let _codec: Codec<SnapshotMetadata>

  export const codec = (): Codec<SnapshotMetadata> => {
    if (_codec == null) {
      _codec = message<SnapshotMetadata>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.confState != null) {
          w.uint32(10)
          ConfState.codec().encode(obj.confState, w)
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.index)
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.term)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          index: 0,
          term: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.confState = ConfState.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.confState
              })
              break
            }
            case 2: {
              obj.index = reader.uint64Number()
              break
            }
            case 3: {
              obj.term = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield * ConfState.codec().stream(reader, reader.uint32(), `${prefix}.confState`, {
                limits: opts.limits?.confState
              })

              break
            }
            case 2: {
              yield {
                field: `${prefix}.index`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface SnapshotMetadataConfStateVotersFieldEvent {
    field: '$.confState.voters[]'
    index: number
    value: number
  }

  export interface SnapshotMetadataConfStateLearnersFieldEvent {
    field: '$.confState.learners[]'
    index: number
    value: number
  }

  export interface SnapshotMetadataIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface SnapshotMetadataTermFieldEvent {
    field: '$.term'
    value: number
  }

  export function encode (obj: Partial<SnapshotMetadata>): Uint8Array {
    return encodeMessage(obj, SnapshotMetadata.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SnapshotMetadata>): SnapshotMetadata {
    return decodeMessage(buf, SnapshotMetadata.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SnapshotMetadata>): Generator<SnapshotMetadataConfStateVotersFieldEvent | SnapshotMetadataConfStateLearnersFieldEvent | SnapshotMetadataIndexFieldEvent | SnapshotMetadataTermFieldEvent> {
    return streamMessage(buf, SnapshotMetadata.codec(), opts)
  }
}

export interface Snapshot {
  data: Uint8Array
  metadata?: SnapshotMetadata
}

export namespace Snapshot {
  let _codec: Codec<Snapshot>

  export const codec = (): Codec<Snapshot> => {
    if (_codec == null) {
      _codec = message<Snapshot>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.data != null && obj.data.byteLength > 0)) {
          w.uint32(10)
          w.bytes(obj.data)
        }

        if (obj.metadata != null) {
          w.uint32(18)
          SnapshotMetadata.codec().encode(obj.metadata, w)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          data: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.data = reader.bytes()
              break
            }
            case 2: {
              obj.metadata = SnapshotMetadata.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.metadata
              })
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.data`,
                value: reader.bytes()
              }
              break
            }
            case 2: {
              yield * SnapshotMetadata.codec().stream(reader, reader.uint32(), `${prefix}.metadata`, {
                limits: opts.limits?.metadata
              })

              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface SnapshotDataFieldEvent {
    field: '$.data'
    value: Uint8Array
  }

  export interface SnapshotMetadataConfStateVotersFieldEvent {
    field: '$.metadata.confState.voters[]'
    index: number
    value: number
  }

  export interface SnapshotMetadataConfStateLearnersFieldEvent {
    field: '$.metadata.confState.learners[]'
    index: number
    value: number
  }

  export interface SnapshotMetadataIndexFieldEvent {
    field: '$.metadata.index'
    value: number
  }

  export interface SnapshotMetadataTermFieldEvent {
    field: '$.metadata.term'
    value: number
  }

  export function encode (obj: Partial<Snapshot>): Uint8Array {
    return encodeMessage(obj, Snapshot.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Snapshot>): Snapshot {
    return decodeMessage(buf, Snapshot.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Snapshot>): Generator<SnapshotDataFieldEvent | SnapshotMetadataConfStateVotersFieldEvent | SnapshotMetadataConfStateLearnersFieldEvent | SnapshotMetadataIndexFieldEvent | SnapshotMetadataTermFieldEvent> {
    return streamMessage(buf, Snapshot.codec(), opts)
  }
}

export enum MessageType {
  MsgHup = 'MsgHup',
  MsgBeat = 'MsgBeat',
  MsgProp = 'MsgProp',
  MsgApp = 'MsgApp',
  MsgAppResp = 'MsgAppResp',
  MsgVote = 'MsgVote',
  MsgVoteResp = 'MsgVoteResp',
  MsgSnap = 'MsgSnap',
  MsgHeartbeat = 'MsgHeartbeat',
  MsgHeartbeatResp = 'MsgHeartbeatResp',
  MsgUnreachable = 'MsgUnreachable',
  MsgSnapStatus = 'MsgSnapStatus',
  MsgCheckQuorum = 'MsgCheckQuorum',
  MsgTransferLeader = 'MsgTransferLeader',
  MsgTimeoutNow = 'MsgTimeoutNow',
  MsgPreVote = 'MsgPreVote',
  MsgPreVoteResp = 'MsgPreVoteResp'
}

enum __MessageTypeValues {
  MsgHup = 0,
  MsgBeat = 1,
  MsgProp = 2,
  MsgApp = 3,
  MsgAppResp = 4,
  MsgVote = 5,
  MsgVoteResp = 6,
  MsgSnap = 7,
  MsgHeartbeat = 8,
  MsgHeartbeatResp = 9,
  MsgUnreachable = 10,
  MsgSnapStatus = 11,
  MsgCheckQuorum = 12,
  MsgTransferLeader = 13,
  MsgTimeoutNow = 14,
  MsgPreVote = 15,
  MsgPreVoteResp = 16
}

export namespace MessageType {
  export const codec = (): Codec<MessageType> => {
    return enumeration<MessageType>(__MessageTypeValues)
  }
}

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

export namespace Message {
  let _codec: Codec<Message>

  export const codec = (): Codec<Message> => {
    if (_codec == null) {
      _codec = message<Message>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.type != null && __MessageTypeValues[obj.type] !== 0) {
          w.uint32(8)
          MessageType.codec().encode(obj.type, w)
        }

        if ((obj.to != null && obj.to !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.to)
        }

        if ((obj.from != null && obj.from !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.from)
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(32)
          w.uint64Number(obj.term)
        }

        if ((obj.logTerm != null && obj.logTerm !== 0)) {
          w.uint32(40)
          w.uint64Number(obj.logTerm)
        }

        if ((obj.index != null && obj.index !== 0)) {
          w.uint32(48)
          w.uint64Number(obj.index)
        }

        if (obj.entries != null && obj.entries.length > 0) {
          for (const value of obj.entries) {
            w.uint32(58)
            Entry.codec().encode(value, w)
          }
        }

        if ((obj.commit != null && obj.commit !== 0)) {
          w.uint32(64)
          w.uint64Number(obj.commit)
        }

        if (obj.snapshot != null) {
          w.uint32(74)
          Snapshot.codec().encode(obj.snapshot, w)
        }

        if ((obj.reject != null && obj.reject !== false)) {
          w.uint32(80)
          w.bool(obj.reject)
        }

        if ((obj.rejectHint != null && obj.rejectHint !== 0)) {
          w.uint32(88)
          w.uint64Number(obj.rejectHint)
        }

        if ((obj.context != null && obj.context.byteLength > 0)) {
          w.uint32(98)
          w.bytes(obj.context)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          type: MessageType.MsgHup,
          to: 0,
          from: 0,
          term: 0,
          logTerm: 0,
          index: 0,
          entries: [],
          commit: 0,
          reject: false,
          rejectHint: 0,
          context: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.type = MessageType.codec().decode(reader)
              break
            }
            case 2: {
              obj.to = reader.uint64Number()
              break
            }
            case 3: {
              obj.from = reader.uint64Number()
              break
            }
            case 4: {
              obj.term = reader.uint64Number()
              break
            }
            case 5: {
              obj.logTerm = reader.uint64Number()
              break
            }
            case 6: {
              obj.index = reader.uint64Number()
              break
            }
            case 7: {
              if (opts.limits?.entries != null && obj.entries.length === opts.limits.entries) {
                throw new MaxLengthError('Decode error - repeated field "entries" had too many elements')
              }

              obj.entries.push(Entry.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.entries$
              }))
              break
            }
            case 8: {
              obj.commit = reader.uint64Number()
              break
            }
            case 9: {
              obj.snapshot = Snapshot.codec().decode(reader, reader.uint32(), {
                limits: opts.limits?.snapshot
              })
              break
            }
            case 10: {
              obj.reject = reader.bool()
              break
            }
            case 11: {
              obj.rejectHint = reader.uint64Number()
              break
            }
            case 12: {
              obj.context = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const obj = {
          entries: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.type`,
                value: MessageType.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.to`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.from`,
                value: reader.uint64Number()
              }
              break
            }
            case 4: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            case 5: {
              yield {
                field: `${prefix}.logTerm`,
                value: reader.uint64Number()
              }
              break
            }
            case 6: {
              yield {
                field: `${prefix}.index`,
                value: reader.uint64Number()
              }
              break
            }
            case 7: {
              if (opts.limits?.entries != null && obj.entries === opts.limits.entries) {
                throw new MaxLengthError('Streaming decode error - repeated field "entries" had too many elements')
              }

              for (const evt of Entry.codec().stream(reader, reader.uint32(), `${prefix}.entries[]`, {
                limits: opts.limits?.entries$
              })) {
                yield {
                  ...evt,
                  index: obj.entries
                }
              }

              obj.entries++

              break
            }
            case 8: {
              yield {
                field: `${prefix}.commit`,
                value: reader.uint64Number()
              }
              break
            }
            case 9: {
              yield * Snapshot.codec().stream(reader, reader.uint32(), `${prefix}.snapshot`, {
                limits: opts.limits?.snapshot
              })

              break
            }
            case 10: {
              yield {
                field: `${prefix}.reject`,
                value: reader.bool()
              }
              break
            }
            case 11: {
              yield {
                field: `${prefix}.rejectHint`,
                value: reader.uint64Number()
              }
              break
            }
            case 12: {
              yield {
                field: `${prefix}.context`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface MessageTypeFieldEvent {
    field: '$.type'
    value: MessageType
  }

  export interface MessageToFieldEvent {
    field: '$.to'
    value: number
  }

  export interface MessageFromFieldEvent {
    field: '$.from'
    value: number
  }

  export interface MessageTermFieldEvent {
    field: '$.term'
    value: number
  }

  export interface MessageLogTermFieldEvent {
    field: '$.logTerm'
    value: number
  }

  export interface MessageIndexFieldEvent {
    field: '$.index'
    value: number
  }

  export interface MessageEntriesTermFieldEvent {
    field: '$.entries[].term'
    value: number
    index: number
  }

  export interface MessageEntriesIndexFieldEvent {
    field: '$.entries[].index'
    value: number
    index: number
  }

  export interface MessageEntriesTypeFieldEvent {
    field: '$.entries[].type'
    value: EntryType
    index: number
  }

  export interface MessageEntriesDataFieldEvent {
    field: '$.entries[].data'
    value: Uint8Array
    index: number
  }

  export interface MessageCommitFieldEvent {
    field: '$.commit'
    value: number
  }

  export interface MessageSnapshotDataFieldEvent {
    field: '$.snapshot.data'
    value: Uint8Array
  }

  export interface MessageSnapshotMetadataConfStateVotersFieldEvent {
    field: '$.snapshot.metadata.confState.voters[]'
    index: number
    value: number
  }

  export interface MessageSnapshotMetadataConfStateLearnersFieldEvent {
    field: '$.snapshot.metadata.confState.learners[]'
    index: number
    value: number
  }

  export interface MessageSnapshotMetadataIndexFieldEvent {
    field: '$.snapshot.metadata.index'
    value: number
  }

  export interface MessageSnapshotMetadataTermFieldEvent {
    field: '$.snapshot.metadata.term'
    value: number
  }

  export interface MessageRejectFieldEvent {
    field: '$.reject'
    value: boolean
  }

  export interface MessageRejectHintFieldEvent {
    field: '$.rejectHint'
    value: number
  }

  export interface MessageContextFieldEvent {
    field: '$.context'
    value: Uint8Array
  }

  export function encode (obj: Partial<Message>): Uint8Array {
    return encodeMessage(obj, Message.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Message>): Message {
    return decodeMessage(buf, Message.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Message>): Generator<MessageTypeFieldEvent | MessageToFieldEvent | MessageFromFieldEvent | MessageTermFieldEvent | MessageLogTermFieldEvent | MessageIndexFieldEvent | MessageEntriesTermFieldEvent | MessageEntriesIndexFieldEvent | MessageEntriesTypeFieldEvent | MessageEntriesDataFieldEvent | MessageCommitFieldEvent | MessageSnapshotDataFieldEvent | MessageSnapshotMetadataConfStateVotersFieldEvent | MessageSnapshotMetadataConfStateLearnersFieldEvent | MessageSnapshotMetadataIndexFieldEvent | MessageSnapshotMetadataTermFieldEvent | MessageRejectFieldEvent | MessageRejectHintFieldEvent | MessageContextFieldEvent> {
    return streamMessage(buf, Message.codec(), opts)
  }
}

export interface HardState {
  term: number
  vote: number
  commit: number
}

export namespace HardState {
  let _codec: Codec<HardState>

  export const codec = (): Codec<HardState> => {
    if (_codec == null) {
      _codec = message<HardState>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if ((obj.term != null && obj.term !== 0)) {
          w.uint32(8)
          w.uint64Number(obj.term)
        }

        if ((obj.vote != null && obj.vote !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.vote)
        }

        if ((obj.commit != null && obj.commit !== 0)) {
          w.uint32(24)
          w.uint64Number(obj.commit)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          term: 0,
          vote: 0,
          commit: 0
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.term = reader.uint64Number()
              break
            }
            case 2: {
              obj.vote = reader.uint64Number()
              break
            }
            case 3: {
              obj.commit = reader.uint64Number()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.term`,
                value: reader.uint64Number()
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.vote`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.commit`,
                value: reader.uint64Number()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface HardStateTermFieldEvent {
    field: '$.term'
    value: number
  }

  export interface HardStateVoteFieldEvent {
    field: '$.vote'
    value: number
  }

  export interface HardStateCommitFieldEvent {
    field: '$.commit'
    value: number
  }

  export function encode (obj: Partial<HardState>): Uint8Array {
    return encodeMessage(obj, HardState.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HardState>): HardState {
    return decodeMessage(buf, HardState.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HardState>): Generator<HardStateTermFieldEvent | HardStateVoteFieldEvent | HardStateCommitFieldEvent> {
    return streamMessage(buf, HardState.codec(), opts)
  }
}

export enum ConfChangeType {
  ConfChangeAddNode = 'ConfChangeAddNode',
  ConfChangeRemoveNode = 'ConfChangeRemoveNode',
  ConfChangeAddLearnerNode = 'ConfChangeAddLearnerNode'
}

enum __ConfChangeTypeValues {
  ConfChangeAddNode = 0,
  ConfChangeRemoveNode = 1,
  ConfChangeAddLearnerNode = 2
}

export namespace ConfChangeType {
  export const codec = (): Codec<ConfChangeType> => {
    return enumeration<ConfChangeType>(__ConfChangeTypeValues)
  }
}

export interface ConfChange {
  type: ConfChangeType
  nodeId: number
  context: Uint8Array
}

export namespace ConfChange {
  let _codec: Codec<ConfChange>

  export const codec = (): Codec<ConfChange> => {
    if (_codec == null) {
      _codec = message<ConfChange>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (obj.type != null && __ConfChangeTypeValues[obj.type] !== 0) {
          w.uint32(8)
          ConfChangeType.codec().encode(obj.type, w)
        }

        if ((obj.nodeId != null && obj.nodeId !== 0)) {
          w.uint32(16)
          w.uint64Number(obj.nodeId)
        }

        if ((obj.context != null && obj.context.byteLength > 0)) {
          w.uint32(26)
          w.bytes(obj.context)
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {
          type: ConfChangeType.ConfChangeAddNode,
          nodeId: 0,
          context: uint8ArrayAlloc(0)
        }

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              obj.type = ConfChangeType.codec().decode(reader)
              break
            }
            case 2: {
              obj.nodeId = reader.uint64Number()
              break
            }
            case 3: {
              obj.context = reader.bytes()
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            case 1: {
              yield {
                field: `${prefix}.type`,
                value: ConfChangeType.codec().decode(reader)
              }
              break
            }
            case 2: {
              yield {
                field: `${prefix}.nodeId`,
                value: reader.uint64Number()
              }
              break
            }
            case 3: {
              yield {
                field: `${prefix}.context`,
                value: reader.bytes()
              }
              break
            }
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export interface ConfChangeTypeFieldEvent {
    field: '$.type'
    value: ConfChangeType
  }

  export interface ConfChangeNodeIdFieldEvent {
    field: '$.nodeId'
    value: number
  }

  export interface ConfChangeContextFieldEvent {
    field: '$.context'
    value: Uint8Array
  }

  export function encode (obj: Partial<ConfChange>): Uint8Array {
    return encodeMessage(obj, ConfChange.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfChange>): ConfChange {
    return decodeMessage(buf, ConfChange.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfChange>): Generator<ConfChangeTypeFieldEvent | ConfChangeNodeIdFieldEvent | ConfChangeContextFieldEvent> {
    return streamMessage(buf, ConfChange.codec(), opts)
  }
}
