import { openDb, view } from './db.js'
import type { BatchOp, Db } from './db.js'
import { StorageError, StorageErrorCode } from './errors.js'
import { numberKey, readU64, u64 } from './keys.js'

// One LevelDB per peer ledger. Key layout (first byte is the table):
//   'b' block number            -> block bytes (with validation codes in its metadata)
//   'x' block hash              -> block number
//   't' tx id                   -> block (8) position (4) validation code (1)
//   's' ns 0x00 key             -> block (8) tx (8) value          world state
//   'h' ns 0x00 key 0x00 b(8) t(4) -> del (1) time (8) idLen (2) txId value   history
//   'H'                         -> tip: number (8) hash
const BLOCK = 0x62
const BY_HASH = 0x78
const TX = 0x74
const STATE = 0x73
const HISTORY = 0x68
const TIP = new Uint8Array([0x48])
const enc = new TextEncoder()
const dec = new TextDecoder()

export interface StateVersion {
  blockNum: number
  txNum: number
}

export interface StateValue {
  value: Uint8Array
  version: StateVersion
}

export interface LedgerWrite {
  ns: string
  key: string
  isDelete: boolean
  value: Uint8Array
}

export interface CommittedTx {
  txId: string
  /** The validation code as stored in the block (one byte; 0 is VALID). */
  code: number
  timestamp: number
  /** Writes of a valid transaction; ignored for invalid ones. */
  writes: LedgerWrite[]
}

export interface TxRecord {
  block: number
  position: number
  code: number
}

export interface HistoryRecord {
  txId: string
  value: Uint8Array
  isDelete: boolean
  blockNumber: number
  txNum: number
  timestamp: number
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.byteLength
  }
  return out
}

function nsKey(table: number, ns: string, key: string): Uint8Array {
  if (ns.includes('\u0000')) throw new StorageError(StorageErrorCode.CORRUPT, 'namespace may not contain U+0000', { ns })
  return concat(new Uint8Array([table]), enc.encode(ns), new Uint8Array([0]), enc.encode(key))
}

/**
 * A peer's ledger: the block store, the world state with versions, the history index and
 * the transaction index. A block is committed in one atomic batch with its state updates,
 * history and the new height, so after `kill -9` at any instant the ledger is at a
 * consistent height and the rest is redone from the orderer.
 */
export class LevelLedger {
  private tipCache: { number: number; hash: Uint8Array } | undefined

  private constructor(private readonly db: Db) {}

  static async open(path: string): Promise<LevelLedger> {
    const l = new LevelLedger(await openDb(path))
    const tip = await l.db.get(TIP)
    if (tip !== undefined) {
      const b = view(tip)
      l.tipCache = { number: readU64(b), hash: b.slice(8) }
    }
    return l
  }

  get height(): number {
    return this.tipCache === undefined ? 0 : this.tipCache.number + 1
  }

  get tip(): { number: number; hash: Uint8Array } | undefined {
    return this.tipCache
  }

  /** Commits a block with its transactions' outcomes and valid writes, atomically. */
  async commitBlock(bytes: Uint8Array, block: { number: number; hash: Uint8Array; txs: CommittedTx[] }): Promise<void> {
    if (block.number !== this.height) {
      throw new StorageError(StorageErrorCode.OUT_OF_ORDER, `expected block ${this.height}, got ${block.number}`, {
        expected: this.height,
        number: block.number,
      })
    }
    const ops: BatchOp[] = [
      { type: 'put', key: numberKey(BLOCK, block.number), value: bytes },
      { type: 'put', key: concat(new Uint8Array([BY_HASH]), block.hash), value: u64(block.number) },
    ]
    block.txs.forEach((tx, position) => {
      if (tx.txId !== '') {
        const rec = new Uint8Array(13)
        rec.set(u64(block.number), 0)
        new DataView(rec.buffer).setUint32(8, position)
        rec[12] = tx.code
        // The first occurrence of a tx id is the one that counts (a duplicate is invalid).
        ops.push({ type: 'put', key: concat(new Uint8Array([TX]), enc.encode(tx.txId)), value: rec })
      }
      if (tx.code !== 0) return
      for (const w of tx.writes) {
        const skey = nsKey(STATE, w.ns, w.key)
        if (w.isDelete) ops.push({ type: 'del', key: skey })
        else ops.push({ type: 'put', key: skey, value: concat(u64(block.number), u64(position), w.value) })
        const suffix = new Uint8Array(13)
        suffix.set(u64(block.number), 1)
        new DataView(suffix.buffer).setUint32(9, position)
        const idBytes = enc.encode(tx.txId)
        const head = new Uint8Array(11)
        head[0] = w.isDelete ? 1 : 0
        head.set(u64(tx.timestamp), 1)
        new DataView(head.buffer).setUint16(9, idBytes.byteLength)
        ops.push({ type: 'put', key: concat(nsKey(HISTORY, w.ns, w.key), suffix), value: concat(head, idBytes, w.isDelete ? new Uint8Array(0) : w.value) })
      }
    })
    const tip = concat(u64(block.number), block.hash)
    ops.push({ type: 'put', key: TIP, value: tip })
    await this.db.batch(ops, { sync: true })
    this.tipCache = { number: block.number, hash: block.hash }
  }

  async getBlock(number: number): Promise<Uint8Array | undefined> {
    const b = this.db.getSync(numberKey(BLOCK, number))
    return b === undefined ? undefined : view(b)
  }

  async getBlockByHash(hash: Uint8Array): Promise<Uint8Array | undefined> {
    const n = await this.db.get(concat(new Uint8Array([BY_HASH]), hash))
    return n === undefined ? undefined : this.getBlock(readU64(view(n)))
  }

  async getTx(txId: string): Promise<TxRecord | undefined> {
    const b = this.db.getSync(concat(new Uint8Array([TX]), enc.encode(txId)))
    if (b === undefined) return undefined
    const v = view(b)
    return { block: readU64(v), position: new DataView(v.buffer, v.byteOffset).getUint32(8), code: v[12] as number }
  }

  async getState(ns: string, key: string): Promise<StateValue | undefined> {
    const b = this.db.getSync(nsKey(STATE, ns, key))
    if (b === undefined) return undefined
    const v = view(b)
    return { version: { blockNum: readU64(v, 0), txNum: readU64(v, 8) }, value: v.slice(16) }
  }

  /** Keys of `ns` in [start, end) ('' end = to the end of the namespace), in byte order, at most `limit`. */
  async range(ns: string, start: string, end: string, limit: number): Promise<Array<{ key: string } & StateValue>> {
    const prefix = nsKey(STATE, ns, '')
    const upper = end === '' ? concat(nsKey(STATE, ns, ''), new Uint8Array([0xff, 0xff, 0xff, 0xff])) : nsKey(STATE, ns, end)
    const out: Array<{ key: string } & StateValue> = []
    for await (const [k, val] of this.db.iterator({ gte: nsKey(STATE, ns, start), lt: upper, limit })) {
      const v = view(val)
      out.push({ key: dec.decode(view(k).subarray(prefix.byteLength)), version: { blockNum: readU64(v, 0), txNum: readU64(v, 8) }, value: v.slice(16) })
    }
    return out
  }

  /** Committed writes of a key, newest first, at most `limit`. */
  async history(ns: string, key: string, limit: number): Promise<HistoryRecord[]> {
    const prefix = concat(nsKey(HISTORY, ns, key), new Uint8Array([0]))
    const out: HistoryRecord[] = []
    for await (const [k, val] of this.db.iterator({ gte: prefix, lt: concat(prefix, new Uint8Array([0xff])), reverse: true })) {
      const kk = view(k)
      // Another key that merely starts with this one ("a" vs "a\u0000b") has a longer key.
      if (kk.byteLength !== prefix.byteLength + 12) continue
      const v = view(val)
      const idLen = new DataView(v.buffer, v.byteOffset).getUint16(9)
      out.push({
        isDelete: v[0] === 1,
        timestamp: readU64(v, 1),
        txId: dec.decode(v.subarray(11, 11 + idLen)),
        value: v.slice(11 + idLen),
        blockNumber: readU64(kk, prefix.byteLength),
        txNum: new DataView(kk.buffer, kk.byteOffset).getUint32(prefix.byteLength + 8),
      })
      if (out.length >= limit) break
    }
    return out
  }

  /**
   * Walks the chain and checks every link with `link(bytes)` → its hash and its previous
   * hash (the caller knows the block format). Returns the first bad block number, or undefined.
   */
  async verifyChain(link: (bytes: Uint8Array) => { hash: Uint8Array; previousHash: Uint8Array }): Promise<number | undefined> {
    let prev: Uint8Array | undefined
    for (let n = 0; n < this.height; n++) {
      const b = await this.getBlock(n)
      if (b === undefined) return n
      const l = link(b)
      // The genesis block has no predecessor to link to.
      if (prev !== undefined && Buffer.compare(Buffer.from(l.previousHash), Buffer.from(prev)) !== 0) return n
      prev = l.hash
    }
    return undefined
  }

  async close(): Promise<void> {
    await this.db.close()
  }
}
