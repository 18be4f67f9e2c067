import { decode, DecodeError, DecodeErrorCode, raftpb } from '@consort/types'
import type { ConfState, Entry, HardState, Message, Snapshot } from './types.js'

// Raft's types mirror raftpb field for field; only enums (string unions here, string enums
// there) and optional sub-messages differ, so encoding is a cast and decoding a check.

function snapshotFromWire(s: raftpb.Snapshot): Snapshot {
  if (s.metadata === undefined) {
    throw new DecodeError(DecodeErrorCode.INVALID, 'Snapshot: missing metadata', { what: 'Snapshot' })
  }
  const cs = s.metadata.confState ?? { voters: [], learners: [] }
  return { data: s.data, metadata: { index: s.metadata.index, term: s.metadata.term, confState: cs } }
}

export function encodeMessage(m: Message): Uint8Array {
  return raftpb.Message.encode(m as unknown as raftpb.Message)
}

/** Decodes a message from a peer; throws DecodeError (never anything else) on bad bytes. */
export function decodeMessage(bytes: Uint8Array, maxBytes?: number): Message {
  const w = decode(raftpb.Message, bytes, 'raft Message', maxBytes)
  const m = w as unknown as Message
  if (w.snapshot !== undefined) m.snapshot = snapshotFromWire(w.snapshot)
  return m
}

export function encodeEntry(e: Entry): Uint8Array {
  return raftpb.Entry.encode(e as unknown as raftpb.Entry)
}

export function decodeEntry(bytes: Uint8Array): Entry {
  return decode(raftpb.Entry, bytes, 'raft Entry') as unknown as Entry
}

export function encodeHardState(hs: HardState): Uint8Array {
  return raftpb.HardState.encode(hs)
}

export function decodeHardState(bytes: Uint8Array): HardState {
  return decode(raftpb.HardState, bytes, 'raft HardState')
}

export function encodeSnapshot(s: Snapshot): Uint8Array {
  return raftpb.Snapshot.encode(s as unknown as raftpb.Snapshot)
}

export function decodeSnapshot(bytes: Uint8Array): Snapshot {
  return snapshotFromWire(decode(raftpb.Snapshot, bytes, 'raft Snapshot'))
}

export function encodeConfState(cs: ConfState): Uint8Array {
  return raftpb.ConfState.encode(cs)
}

export function decodeConfState(bytes: Uint8Array): ConfState {
  return decode(raftpb.ConfState, bytes, 'raft ConfState')
}
