import type { Stream, StreamCloseEvent, StreamMessageEvent } from '@libp2p/interface'
import { pEvent } from 'p-event'
import * as varint from 'uint8-varint'
import { Uint8ArrayList } from 'uint8arraylist'
import { decode } from '@consort/types'
import type { MessageCodec } from '@consort/types'
import { DEFAULT_IO_TIMEOUT_MS, DEFAULT_MAX_FRAME_BYTES } from './constants.js'
import { deadline } from './deadline.js'
import { P2PError, P2PErrorCode } from './errors.js'

const EMPTY = new Uint8Array(0)
/** Bytes a stream may hold unread (whole frames and a partial one) beyond one frame's cap before it is dropped. */
const MAX_UNREAD_BYTES = 4 * 1024 * 1024

/**
 * A libp2p stream carrying length-prefixed frames (an unsigned varint length, then the
 * bytes), each one protobuf message. Every read and write runs under a timeout; a frame over
 * the cap or one that does not decode is an error for this stream only (the caller aborts
 * it), never for the node.
 */
export class FramedStream {
  /** Frames written since the last flush, and the flush that will send them. */
  private outbox: Uint8Array[] = []
  private flushing: Promise<void> | undefined
  /** Bytes received that do not make a whole frame yet. */
  private readonly partial = new Uint8ArrayList()
  /** Whole frames received and not yet read: those from `head` on. */
  private frames: Uint8Array[] = []
  private head = 0
  /** Bytes received and not yet read (whole frames and the partial one). */
  private unread = 0
  /** Why no frame will come after those received: set once the remote ends, the stream closes or breaks. */
  private ended: P2PError | undefined
  /** The read waiting for a frame. */
  private wake: (() => void) | undefined
  private readonly maxFrame: number
  private readonly maxPrefix: number

  constructor(
    readonly stream: Stream,
    readonly remotePeer: string,
    private readonly opts: { maxFrameBytes?: number; timeoutMs?: number } = {},
  ) {
    this.maxFrame = opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES
    this.maxPrefix = varint.encodingLength(this.maxFrame)
    // Frames are taken apart as the bytes arrive, all of a message's at once, instead of
    // by two awaited reads of a byte stream each (one for the length, one for the bytes).
    stream.addEventListener('message', (evt: StreamMessageEvent) => this.received(evt.data))
    stream.addEventListener('remoteCloseWrite', () => this.end(new P2PError(P2PErrorCode.STREAM_CLOSED, 'the remote closed the stream', { peer: remotePeer })))
    stream.addEventListener('close', (evt: StreamCloseEvent) =>
      this.end(
        new P2PError(
          P2PErrorCode.STREAM_CLOSED,
          `stream closed${evt.error === undefined ? '' : `: ${evt.error.message}`}`,
          { peer: remotePeer },
          { cause: evt.error },
        ),
      ),
    )
  }

  private received(data: Uint8Array | Uint8ArrayList): void {
    if (this.ended !== undefined) return
    this.partial.append(data)
    this.unread += data.byteLength
    const before = this.frames.length
    for (;;) {
      // The length: an unsigned varint of at most maxPrefix bytes.
      let length = 0
      let prefix = 0
      let complete = false
      while (!complete && prefix < this.partial.byteLength) {
        if (prefix === this.maxPrefix) return this.fail(P2PErrorCode.FRAME_TOO_LARGE, 'a frame length prefix longer than the cap allows')
        const b = this.partial.get(prefix) as number
        length += (b & 0x7f) * 128 ** prefix++
        complete = b < 0x80
      }
      if (!complete) break
      if (length > this.maxFrame) return this.fail(P2PErrorCode.FRAME_TOO_LARGE, `a frame of ${length} bytes exceeds the cap of ${this.maxFrame}`)
      if (this.partial.byteLength < prefix + length) break
      const bytes = this.partial.subarray(prefix, prefix + length)
      this.partial.consume(prefix + length)
      this.unread -= prefix
      // A plain Uint8Array view (not a Buffer), as the rest of the code base expects.
      this.frames.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    }
    if (this.unread > this.maxFrame + MAX_UNREAD_BYTES) {
      return this.fail(P2PErrorCode.STREAM_CLOSED, `${this.unread} bytes received and not read: more than the stream may hold`)
    }
    if (this.frames.length > before) this.wake?.()
  }

  /** A stream that breaks the framing, or sends more than it may hold unread, is dropped. */
  private fail(code: P2PErrorCode, message: string): void {
    const err = new P2PError(code, message, { peer: this.remotePeer })
    this.end(err)
    this.partial.consume(this.partial.byteLength)
    this.frames = []
    this.head = 0
    // (Not from inside the stream's own message dispatch.)
    queueMicrotask(() => this.stream.abort(err))
  }

  private end(err: P2PError): void {
    this.ended ??= err
    this.wake?.()
  }

  /** Reads one frame's bytes; `timeoutMs: 0` waits without limit (long-lived streams). */
  async readBytes(opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Uint8Array> {
    if (this.head === this.frames.length && this.ended === undefined) {
      const { signal, done } = deadline(opts.timeoutMs ?? this.opts.timeoutMs ?? DEFAULT_IO_TIMEOUT_MS, opts.signal)
      try {
        while (this.head === this.frames.length && this.ended === undefined) await this.arrival(signal)
      } catch (err) {
        throw this.translate(err, 'read')
      } finally {
        done()
      }
    }
    if (this.head === this.frames.length) throw this.ended as P2PError
    const frame = this.frames[this.head] as Uint8Array
    this.frames[this.head++] = EMPTY
    if (this.head === this.frames.length) {
      this.frames = []
      this.head = 0
    }
    this.unread -= frame.byteLength
    return frame
  }

  /** Resolves when a frame arrives or the stream ends; rejects when `signal` aborts. */
  private arrival(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.wake = undefined
        reject(signal?.reason)
      }
      this.wake = () => {
        this.wake = undefined
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }
      if (signal?.aborted === true) onAbort()
      else signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** Reads and decodes one frame; a frame that does not decode throws DecodeError. */
  async read<T>(codec: MessageCodec<T>, what: string, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<T> {
    return decode(codec, await this.readBytes(opts), what)
  }

  /**
   * Writes one frame. Frames written in the same turn of the event loop go out together as
   * one buffer: one muxer frame, one noise message, one socket write (handed on as a list of
   * pieces, each piece became a ciphertext piece and a system call of its own). The promise
   * settles when the batch is handed to the connection (or fails, e.g. on a timeout waiting
   * for it to drain).
   */
  write(bytes: Uint8Array, opts: { timeoutMs?: number } = {}): Promise<void> {
    this.outbox.push(bytes)
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush(opts.timeoutMs))
    return this.flushing
  }

  private async flush(timeoutMs: number | undefined): Promise<void> {
    const frames = this.outbox
    this.outbox = []
    this.flushing = undefined
    const { signal, done } = deadline(timeoutMs ?? this.opts.timeoutMs ?? DEFAULT_IO_TIMEOUT_MS)
    try {
      // Each frame behind its length (an unsigned varint), as received() takes them apart.
      const out = new Uint8Array(frames.reduce((n, f) => n + varint.encodingLength(f.byteLength) + f.byteLength, 0))
      let at = 0
      for (const f of frames) {
        varint.encodeUint8Array(f.byteLength, out, at)
        at += varint.encodingLength(f.byteLength)
        out.set(f, at)
        at += f.byteLength
      }
      if (!this.stream.send(out)) await pEvent(this.stream, 'drain', { signal, rejectionEvents: ['close'] })
    } catch (err) {
      throw this.translate(err, 'write')
    } finally {
      done()
    }
  }

  async close(): Promise<void> {
    try {
      await this.flushing
      await this.stream.close({ signal: AbortSignal.timeout(2000) })
    } catch {
      this.stream.abort(new Error('close failed'))
    }
  }

  abort(err: Error): void {
    this.stream.abort(err)
  }

  private translate(err: unknown, op: string): Error {
    const e = err as Error & { name?: string; code?: string }
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
      return new P2PError(P2PErrorCode.TIMEOUT, `${op} timed out`, { peer: this.remotePeer }, { cause: err })
    }
    return new P2PError(P2PErrorCode.STREAM_CLOSED, `stream ${op} failed: ${e.message}`, { peer: this.remotePeer }, { cause: err })
  }
}
