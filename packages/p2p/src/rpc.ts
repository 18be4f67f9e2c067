// Request/answer protocols over one long-lived stream per (remote, protocol): each frame is
// `id (u32, big-endian) ‖ kind (u8) ‖ body`, requests are answered in any order, and many are
// in flight at once. Opening a libp2p stream per request (multistream-select, SYN/FIN frames,
// a noise message and a socket write for each) cost more CPU than the work it carried.
import { P2PError, P2PErrorCode } from './errors.js'
import type { FramedStream } from './framedStream.js'

/** Answers one request: its bytes and the remote peer's id → the answer's bytes. */
export type RequestHandler = (request: Uint8Array, remotePeer: string) => Promise<Uint8Array>

const HEADER = 5
const ANSWER = 0
/** The handler threw: the body is its message (UTF-8). */
const FAILED = 1

const enc = new TextEncoder()
const dec = new TextDecoder()

function frame(id: number, kind: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER + body.byteLength)
  const view = new DataView(out.buffer)
  view.setUint32(0, id)
  out[4] = kind
  out.set(body, HEADER)
  return out
}

function parse(bytes: Uint8Array, remotePeer: string): { id: number; kind: number; body: Uint8Array } {
  if (bytes.byteLength < HEADER) {
    throw new P2PError(P2PErrorCode.MALFORMED_FRAME, `request frame of ${bytes.byteLength} bytes (at least ${HEADER})`, { peer: remotePeer })
  }
  return { id: new DataView(bytes.buffer, bytes.byteOffset).getUint32(0), kind: bytes[4] as number, body: bytes.subarray(HEADER) }
}

/**
 * Serves one inbound request stream until it closes: at most `maxInFlight` requests are
 * handled at once (reading waits for a slot). A stream whose first request does not come
 * within `firstFrameTimeoutMs`, or a frame too short to carry a header, ends the stream (the
 * caller aborts it); a handler that throws answers that request with its message. After the
 * first request a stream may idle: clients keep one open per peer and protocol.
 */
export async function serveRequests(stream: FramedStream, handler: RequestHandler, maxInFlight: number, firstFrameTimeoutMs: number): Promise<void> {
  let first = true
  let inFlight = 0
  let slot: (() => void) | undefined
  const below = async (n: number): Promise<void> => {
    while (inFlight > n) await new Promise<void>((r) => (slot = r))
  }
  for (;;) {
    await below(maxInFlight - 1)
    let bytes: Uint8Array
    try {
      bytes = await stream.readBytes({ timeoutMs: first ? firstFrameTimeoutMs : 0 })
      first = false
    } catch (err) {
      if ((err as P2PError).code !== P2PErrorCode.STREAM_CLOSED) throw err
      // The client closed its end: answer what it asked, then the stream is done.
      await below(0)
      return
    }
    const { id, body } = parse(bytes, stream.remotePeer)
    inFlight++
    void handler(body, stream.remotePeer)
      .then(
        (answer) => frame(id, ANSWER, answer),
        (err: Error) => frame(id, FAILED, enc.encode(err.message)),
      )
      .then((f) => stream.write(f))
      // A write fails only when the stream is gone; the read loop sees that too.
      .catch(() => undefined)
      .finally(() => {
        inFlight--
        slot?.()
        slot = undefined
      })
  }
}

interface Pending {
  resolve: (body: Uint8Array) => void
  reject: (err: Error) => void
  timer: ReturnType<typeof setTimeout>
}

/** The client end of one request stream: requests are matched to answers by id. */
export class RequestChannel {
  private readonly pending = new Map<number, Pending>()
  private nextId = 0
  closed = false

  constructor(
    private readonly stream: FramedStream,
    private readonly onClose: () => void,
  ) {
    void this.readLoop()
  }

  private async readLoop(): Promise<void> {
    try {
      for (;;) {
        const { id, kind, body } = parse(await this.stream.readBytes({ timeoutMs: 0 }), this.stream.remotePeer)
        const p = this.pending.get(id)
        if (p === undefined) continue // timed out already
        this.pending.delete(id)
        clearTimeout(p.timer)
        if (kind === ANSWER) p.resolve(body)
        else p.reject(new P2PError(P2PErrorCode.REMOTE_FAILED, `the remote failed to answer: ${dec.decode(body)}`, { peer: this.stream.remotePeer }))
      }
    } catch (err) {
      this.close(err as Error)
    }
  }

  request(body: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new P2PError(P2PErrorCode.STREAM_CLOSED, 'request stream closed', { peer: this.stream.remotePeer }))
    const id = this.nextId
    this.nextId = (this.nextId + 1) >>> 0
    const answer = new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new P2PError(P2PErrorCode.TIMEOUT, `no answer within ${timeoutMs} ms`, { peer: this.stream.remotePeer }))
      }, timeoutMs)
      this.pending.set(id, { resolve, reject, timer })
    })
    this.stream.write(frame(id, ANSWER, body)).catch((err: Error) => this.close(err))
    return answer
  }

  close(err: Error): void {
    if (this.closed) return
    this.closed = true
    this.onClose()
    const closed = new P2PError(P2PErrorCode.STREAM_CLOSED, `request stream closed: ${err.message}`, { peer: this.stream.remotePeer }, { cause: err })
    for (const p of this.pending.values()) {
      clearTimeout(p.timer)
      p.reject(closed)
    }
    this.pending.clear()
    this.stream.abort(err)
  }
}
