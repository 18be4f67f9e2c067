// Signature checks on worker threads. A node that must check many independent signatures
// (an orderer leader checking every client envelope) hands them to `VerifyPool.verify`; the
// checks requested in one turn of the event loop go to the workers as one packed buffer.
// A signature found valid is remembered (public key, message, signature), so
// that the synchronous `verify` the callers already make answers from that record instead of
// checking again: each signature is checked once, and not on the main thread.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES } from './ed25519.js'
import { VerifiedSignatures } from './verified.js'

// The worker: unpacks [public key | signature | u32 length | message]*, checks each with
// node:crypto (key objects cached), answers one byte per item. CommonJS, run with eval.
const WORKER = `
const { parentPort } = require('node:worker_threads')
const { createPublicKey, verify } = require('node:crypto')
const SPKI = Buffer.from('302a300506032b6570032100', 'hex')
const keys = new Map()
parentPort.on('message', ({ id, buf, count }) => {
  const bytes = new Uint8Array(buf)
  const view = new DataView(buf)
  const out = new Uint8Array(count)
  let at = 0
  for (let i = 0; i < count; i++) {
    const pk = bytes.subarray(at, at + ${PUBLIC_KEY_BYTES})
    const sig = bytes.subarray(at + ${PUBLIC_KEY_BYTES}, at + ${PUBLIC_KEY_BYTES + SIGNATURE_BYTES})
    const len = view.getUint32(at + ${PUBLIC_KEY_BYTES + SIGNATURE_BYTES})
    const msg = bytes.subarray(at + ${PUBLIC_KEY_BYTES + SIGNATURE_BYTES + 4}, at + ${PUBLIC_KEY_BYTES + SIGNATURE_BYTES + 4} + len)
    at += ${PUBLIC_KEY_BYTES + SIGNATURE_BYTES + 4} + len
    const id64 = Buffer.from(pk).toString('base64')
    let key = keys.get(id64)
    try {
      if (key === undefined) {
        if (keys.size > 4096) keys.clear()
        key = createPublicKey({ key: Buffer.concat([SPKI, pk]), format: 'der', type: 'spki' })
        keys.set(id64, key)
      }
      out[i] = verify(null, msg, key, sig) ? 1 : 0
    } catch {
      out[i] = 0
    }
  }
  parentPort.postMessage({ id, out }, [out.buffer])
})
`

function defaultSize(): number {
  return Math.max(1, availableParallelism() - 1)
}

interface Item {
  publicKey: Uint8Array
  message: Uint8Array
  signature: Uint8Array
  resolve: (ok: boolean) => void
}

interface Batch {
  items: Item[]
  fail: () => void
}

/**
 * A fixed set of worker threads checking ed25519 signatures, started on first use (or by
 * `warm`). `verify` resolves true or false (never throws for a bad key or signature); valid
 * ones are also remembered for the synchronous `verify`.
 */
export class VerifyPool {
  private workers: Worker[] = []
  private next = 0
  private queue: Item[] = []
  private scheduled = false
  private batchId = 0
  private readonly batches = new Map<number, Batch>()
  private closed = false

  /**
   * `size` workers; by default one fewer than the cores
   * (at least one). With 0, `verify` checks nothing and resolves false: the caller's own
   * synchronous check does the work on its thread.
   */
  constructor(private readonly size = defaultSize()) {}

  /** The signatures this pool found valid, for `verify(…, pool.verified)` (e.g. a membership service's). */
  readonly verified = new VerifiedSignatures()

  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    if (this.size === 0 || publicKey.byteLength !== PUBLIC_KEY_BYTES || signature.byteLength !== SIGNATURE_BYTES) return Promise.resolve(false)
    if (this.closed) return Promise.reject(new Error('verify pool closed'))
    return new Promise<boolean>((resolve) => {
      this.queue.push({ publicKey, message, signature, resolve })
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  /**
   * Starts the workers now rather than at the first check: starting one takes tens of
   * milliseconds, which a node that must answer at once the first time (a follower orderer
   * taking its first envelopes as its leader fails) should not spend then.
   */
  warm(): void {
    if (this.size > 0 && !this.closed && this.workers.length === 0) this.start()
  }

  /** How many workers run now (0 until the first check or `warm`, and after `close`). */
  get running(): number {
    return this.workers.length
  }

  private flush(): void {
    this.scheduled = false
    const all = this.queue
    this.queue = []
    if (this.workers.length === 0) this.start()
    // One packed batch per worker, so they all work on this turn's checks.
    const per = Math.ceil(all.length / this.workers.length)
    for (let i = 0; i < all.length; i += per) this.send(all.slice(i, i + per))
  }

  private send(items: Item[]): void {
    let bytes = 0
    for (const it of items) bytes += PUBLIC_KEY_BYTES + SIGNATURE_BYTES + 4 + it.message.byteLength
    const buf = new ArrayBuffer(bytes)
    const out = new Uint8Array(buf)
    const view = new DataView(buf)
    let at = 0
    for (const it of items) {
      out.set(it.publicKey, at)
      out.set(it.signature, at + PUBLIC_KEY_BYTES)
      view.setUint32(at + PUBLIC_KEY_BYTES + SIGNATURE_BYTES, it.message.byteLength)
      out.set(it.message, at + PUBLIC_KEY_BYTES + SIGNATURE_BYTES + 4)
      at += PUBLIC_KEY_BYTES + SIGNATURE_BYTES + 4 + it.message.byteLength
    }
    const id = this.batchId++
    const worker = this.workers[this.next++ % this.workers.length] as Worker
    this.batches.set(id, {
      items,
      // A worker that died: answer from the main thread rather than lose the checks.
      fail: () => {
        for (const it of items) it.resolve(false)
      },
    })
    worker.postMessage({ id, buf, count: items.length }, [buf])
  }

  private start(): void {
    for (let i = 0; i < this.size; i++) {
      const w = new Worker(WORKER, { eval: true })
      w.unref()
      w.on('message', ({ id, out }: { id: number; out: Uint8Array }) => {
        const batch = this.batches.get(id)
        if (batch === undefined) return
        this.batches.delete(id)
        batch.items.forEach((it, j) => {
          const ok = out[j] === 1
          if (ok) this.verified.remember(it.publicKey, it.message, it.signature)
          it.resolve(ok)
        })
      })
      w.on('error', () => {
        // Unanswered batches resolve false: the caller's own synchronous check decides.
        for (const b of this.batches.values()) b.fail()
        this.batches.clear()
        this.workers = this.workers.filter((x) => x !== w)
      })
      this.workers.push(w)
    }
  }

  async close(): Promise<void> {
    this.closed = true
    const ws = this.workers
    this.workers = []
    await Promise.all(ws.map((w) => w.terminate()))
  }
}
