import { DecodeError, DecodeErrorCode } from './errors.js'

/** The part of a protons codec we use; every generated message namespace satisfies it. */
export interface MessageCodec<T> {
  encode(obj: Partial<T>): Uint8Array
  decode(buf: Uint8Array, opts?: { limits?: Record<string, unknown> }): T
}

/** Largest message decoded by default; transports cap frames before this. */
export const MAX_DECODE_BYTES = 64 * 1024 * 1024

/**
 * Decodes untrusted bytes. Whatever the bytes are, the only error it throws is a
 * DecodeError naming the message type, so callers can reject input without try/catch
 * around library internals.
 */
export function decode<T>(codec: MessageCodec<T>, bytes: Uint8Array, what: string, maxBytes = MAX_DECODE_BYTES): T {
  if (!(bytes instanceof Uint8Array)) {
    throw new DecodeError(DecodeErrorCode.MALFORMED, `${what}: expected bytes`, { what })
  }
  if (bytes.byteLength > maxBytes) {
    throw new DecodeError(DecodeErrorCode.TOO_LARGE, `${what}: ${bytes.byteLength} bytes exceeds ${maxBytes}`, {
      what,
      size: bytes.byteLength,
      max: maxBytes,
    })
  }
  try {
    return codec.decode(bytes)
  } catch (err) {
    throw new DecodeError(DecodeErrorCode.MALFORMED, `${what}: malformed protobuf`, { what }, { cause: err })
  }
}

export function encode<T>(codec: MessageCodec<T>, obj: Partial<T>): Uint8Array {
  return codec.encode(obj)
}
