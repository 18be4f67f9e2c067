import type { Stream } from '@libp2p/interface'
import { lpStream } from '@libp2p/utils'
import type { LengthPrefixedStream } from '@libp2p/utils'
import { pEvent } from 'p-event'
import * as varint from 'uint8-varint'
import { decode } from '@consort/types'
import type { MessageCodec } from '@consort/types'
import { DEFAULT_IO_TIMEOUT_MS, DEFAULT_MAX_FRAME_BYTES } from './constants.js'
import { deadline } from './deadline.js'
import { P2PError, P2PErrorCode } from './errors.js'

/**
 * A libp2p stream carrying length-prefixed frames, each one protobuf message. Every read
 * and write runs under a timeout; a frame over the cap or one that does not decode is an
 * error for this stream only (the caller aborts it), never for the node.
 */
export class FramedStream {
  private readonly lp: LengthPrefixedStream<Stream>
  /** Frames written since the last flush, and the flush that will send them. */
  private outbox: Uint8Array[] = []
  private flushing: Promise<void> | undefined

  constructor(
    readonly stream: Stream,
    readonly remotePeer: string,
    private readonly opts: { maxFrameBytes?: number; timeoutMs?: number } = {},
  ) {
    this.lp = lpStream(stream, { maxDataLength: opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES })
  }

  /** Reads one frame's bytes; `timeoutMs: 0` waits without limit (long-lived streams). */
  async readBytes(opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Uint8Array> {
    const { signal, done } = deadline(opts.timeoutMs ?? this.opts.timeoutMs ?? DEFAULT_IO_TIMEOUT_MS, opts.signal)
    try {
      const b = (await this.lp.read(signal === undefined ? {} : { signal })).subarray()
      // A plain Uint8Array view (not a Buffer), as the rest of the code base expects.
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
    } catch (err) {
      throw this.translate(err, 'read')
    } finally {
      done()
    }
  }

  /** Reads and decodes one frame; a frame that does not decode throws DecodeError. */
  async read<T>(codec: MessageCodec<T>, what: string, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<T> {
    return decode(codec, await this.readBytes(opts), what)
  }

  /**
   * Writes one frame. Frames written in the same turn of the event loop go out together, in
   * one buffer: one muxer frame, one noise message and one socket write (handed on as a list
   * of frames, each piece of the list became a socket write of its own); the promise settles
   * when the batch is handed to the connection (or fails, e.g. on a timeout waiting for it to
   * drain).
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
      // The length prefixes are lpStream's (read() takes them apart): unsigned varints.
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
    if (e.name === 'InvalidDataLengthError' || e.code === 'ERR_MSG_DATA_TOO_LONG') {
      return new P2PError(P2PErrorCode.FRAME_TOO_LARGE, `frame exceeds the cap`, { peer: this.remotePeer }, { cause: err })
    }
    return new P2PError(P2PErrorCode.STREAM_CLOSED, `stream ${op} failed: ${e.message}`, { peer: this.remotePeer }, { cause: err })
  }
}
