/**
 * The base of every error Consort throws on purpose. `code` is stable and is what callers
 * and tests match on; `meta` carries the values that explain it (never secrets).
 */
export class ConsortError<C extends string = string> extends Error {
  readonly code: C
  readonly meta: Readonly<Record<string, unknown>>

  constructor(code: C, message: string, meta: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.code = code
    this.meta = meta
  }
}

export const DecodeErrorCode = {
  MALFORMED: 'ERR_DECODE_MALFORMED',
  TOO_LARGE: 'ERR_DECODE_TOO_LARGE',
  INVALID: 'ERR_DECODE_INVALID',
} as const
export type DecodeErrorCode = (typeof DecodeErrorCode)[keyof typeof DecodeErrorCode]

/** Bytes that do not decode as the message they claim to be. */
export class DecodeError extends ConsortError<DecodeErrorCode> {}
