import { openDb, view } from './db.js'
import type { BatchOp, Db } from './db.js'
import { StorageError, StorageErrorCode } from './errors.js'
import { numberKey, readU64, stringKey, u64 } from './keys.js'

const BLOCK = 0x62 // 'b' + number -> block bytes
const TX = 0x74 // 't' + tx id -> block number (8 bytes) + position (4 bytes)
const TIP = new Uint8Array([0x48]) // 'H' -> number (8) + raft index (8) + hash

export interface BlockInfo {
  number: number
  hash: Uint8Array
  txIds: readonly string[]
  /** Consensus position (the orderer's Raft index); 0 where it does not apply. */
  raftIndex?: number
}

export interface Tip {
  number: number
  hash: Uint8Array
  raftIndex: number
}

/**
 * Blocks by number and transactions by id, in LevelDB. A block, its transaction index and
 * the new tip are written in one atomic batch, so after a crash the store holds a whole
 * prefix of the chain. It stores what it is given: hashing and validation are the caller's.
 */
export class LevelBlockStore {
  private tipCache: Tip | undefined

  private constructor(private readonly db: Db) {}

  static async open(path: string): Promise<LevelBlockStore> {
    const store = new LevelBlockStore(await openDb(path))
    const tip = await store.db.get(TIP)
    if (tip !== undefined) {
      const b = view(tip)
      store.tipCache = { number: readU64(b, 0), raftIndex: readU64(b, 8), hash: b.slice(16) }
    }
    return store
  }

  /** Number of blocks held (the next block's number). */
  get height(): number {
    return this.tipCache === undefined ? 0 : this.tipCache.number + 1
  }

  get tip(): Tip | undefined {
    return this.tipCache
  }

  async append(bytes: Uint8Array, info: BlockInfo, extra: BatchOp[] = []): Promise<void> {
    if (info.number !== this.height) {
      throw new StorageError(StorageErrorCode.OUT_OF_ORDER, `expected block ${this.height}, got ${info.number}`, {
        expected: this.height,
        number: info.number,
      })
    }
    const raftIndex = info.raftIndex ?? 0
    const ops: BatchOp[] = [{ type: 'put', key: numberKey(BLOCK, info.number), value: bytes }]
    info.txIds.forEach((txId, i) => {
      if (txId === '') return
      const loc = new Uint8Array(12)
      loc.set(u64(info.number), 0)
      new DataView(loc.buffer).setUint32(8, i)
      ops.push({ type: 'put', key: stringKey(TX, txId), value: loc })
    })
    const tip = new Uint8Array(16 + info.hash.byteLength)
    tip.set(u64(info.number), 0)
    tip.set(u64(raftIndex), 8)
    tip.set(info.hash, 16)
    ops.push({ type: 'put', key: TIP, value: tip }, ...extra)
    await this.db.batch(ops)
    this.tipCache = { number: info.number, hash: info.hash, raftIndex }
  }

  async get(number: number): Promise<Uint8Array | undefined> {
    const b = this.db.getSync(numberKey(BLOCK, number))
    return b === undefined ? undefined : view(b)
  }

  /** Where a transaction id was committed, if it was. */
  async txLocation(txId: string): Promise<{ block: number; position: number } | undefined> {
    const b = this.db.getSync(stringKey(TX, txId))
    if (b === undefined) return undefined
    const v = view(b)
    return { block: readU64(v, 0), position: new DataView(v.buffer, v.byteOffset, v.byteLength).getUint32(8) }
  }

  /** Every record, as of this call (a LevelDB snapshot), for a backup (copyDb). */
  records(): AsyncIterable<[Uint8Array, Uint8Array]> {
    return this.db.iterator()
  }

  async close(): Promise<void> {
    await this.db.close()
  }
}
