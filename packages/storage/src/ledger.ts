import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
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
//   'F'                         -> first block held (8): a ledger begun from a snapshot holds its block and those after
const BLOCK = 0x62
const BY_HASH = 0x78
const TX = 0x74
const STATE = 0x73
const HISTORY = 0x68
const TIP = new Uint8Array([0x48])
const FIRST = new Uint8Array([0x46])
const SNAPSHOT_FORMAT = 'consort-ledger-snapshot/1'
const SNAPSHOT_FILES = ['state.jsonl', 'txids.jsonl', 'config.block', 'block.bin'] as const
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

/** snapshot.json: what a ledger snapshot stands on, and the sha256 of each of its files. */
export interface SnapshotInfo {
  format: string
  channelId: string
  /** The last block the snapshot includes, and its hash (hex). */
  blockNumber: number
  blockHash: string
  /** The number of the config block in force at that block (its bytes are config.block). */
  lastConfig: number
  stateKeys: number
  txIds: number
  /** sha256 (hex) of state.jsonl, txids.jsonl, config.block and block.bin. */
  files: Record<string, string>
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

function byHashKey(hash: Uint8Array): Uint8Array {
  return concat(new Uint8Array([BY_HASH]), hash)
}

function txKey(txId: string): Uint8Array {
  return concat(new Uint8Array([TX]), enc.encode(txId))
}

/** A tx index value: block (8) position (4) validation code (1). */
function txValue(r: TxRecord): Uint8Array {
  const out = new Uint8Array(13)
  out.set(u64(r.block), 0)
  new DataView(out.buffer).setUint32(8, r.position)
  out[12] = r.code
  return out
}

function readTxValue(v: Uint8Array): TxRecord {
  return { block: readU64(v), position: new DataView(v.buffer, v.byteOffset).getUint32(8), code: v[12] as number }
}

/** A world-state value: the version's block (8) and tx (8), then the value. */
function stateValue(version: StateVersion, value: Uint8Array): Uint8Array {
  return concat(u64(version.blockNum), u64(version.txNum), value)
}

function readStateValue(v: Uint8Array): StateValue {
  return { version: { blockNum: readU64(v, 0), txNum: readU64(v, 8) }, value: v.slice(16) }
}

/**
 * A peer's ledger: the block store, the world state with versions, the history index and
 * the transaction index. A block is committed in one atomic batch with its state updates,
 * history and the new height, so after `kill -9` at any instant the ledger is at a
 * consistent height and the rest is redone from the orderer.
 */
export class LevelLedger {
  private tipCache: { number: number; hash: Uint8Array } | undefined
  /** The first block this ledger holds: 0, or the block of the snapshot it began from. */
  private first = 0

  private constructor(private readonly db: Db) {}

  static async open(path: string): Promise<LevelLedger> {
    const l = new LevelLedger(await openDb(path))
    const tip = await l.db.get(TIP)
    if (tip !== undefined) {
      const b = view(tip)
      l.tipCache = { number: readU64(b), hash: b.slice(8) }
    }
    const first = await l.db.get(FIRST)
    if (first !== undefined) l.first = readU64(view(first))
    return l
  }

  /** The first block this ledger holds: 0, or the block of the snapshot it began from (older blocks are not here). */
  get firstBlock(): number {
    return this.first
  }

  /**
   * Writes a snapshot of the ledger at its tip into `dir` (which must not hold one): the world
   * state with versions (state.jsonl), the tx index for duplicate checks and commit status
   * (txids.jsonl), the config block in force (config.block, given by the caller), the block it
   * stands on (block.bin: the next block links to it), and snapshot.json with that block's number
   * and hash and each file's sha256. The caller keeps
   * commits off while it runs (the peer's committer does), so the files agree with the tip.
   */
  async writeSnapshot(dir: string, o: { channelId: string; configBlock: Uint8Array; lastConfig: number }): Promise<SnapshotInfo> {
    const tip = this.tipCache
    if (tip === undefined) throw new StorageError(StorageErrorCode.SNAPSHOT, 'an empty ledger has nothing to snapshot')
    await mkdir(dir, { recursive: true })
    const files: Record<string, string> = {}
    const dump = async (name: string, table: number, line: (k: Uint8Array, v: Uint8Array) => string): Promise<number> => {
      const hash = createHash('sha256')
      const out = createWriteStream(join(dir, name), { flags: 'wx' })
      let n = 0
      for await (const [k, v] of this.db.iterator({ gte: new Uint8Array([table]), lt: new Uint8Array([table + 1]) })) {
        const text = `${line(view(k), view(v))}\n`
        hash.update(text)
        if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()))
        n++
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())))
      files[name] = hash.digest('hex')
      return n
    }
    const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')
    const stateKeys = await dump('state.jsonl', STATE, (k, v) => {
      const sep = k.indexOf(0, 1)
      const { version, value } = readStateValue(v)
      return JSON.stringify({
        ns: dec.decode(k.subarray(1, sep)),
        key: b64(k.subarray(sep + 1)),
        block: version.blockNum,
        tx: version.txNum,
        value: b64(value),
      })
    })
    const txIds = await dump('txids.jsonl', TX, (k, v) => JSON.stringify({ txId: dec.decode(k.subarray(1)), ...readTxValue(v) }))
    await writeFile(join(dir, 'config.block'), o.configBlock, { flag: 'wx' })
    files['config.block'] = createHash('sha256').update(o.configBlock).digest('hex')
    const tipBlock = (await this.getBlock(tip.number)) as Uint8Array
    await writeFile(join(dir, 'block.bin'), tipBlock, { flag: 'wx' })
    files['block.bin'] = createHash('sha256').update(tipBlock).digest('hex')
    const info: SnapshotInfo = {
      format: SNAPSHOT_FORMAT,
      channelId: o.channelId,
      blockNumber: tip.number,
      blockHash: Buffer.from(tip.hash).toString('hex'),
      lastConfig: o.lastConfig,
      stateKeys,
      txIds,
      files,
    }
    await writeFile(join(dir, 'snapshot.json'), `${JSON.stringify(info, null, 2)}\n`, { flag: 'wx' })
    return info
  }

  /**
   * Reads snapshot.json in `dir` and checks every file against its sha256, before anything is
   * written: a file altered or cut short is refused, naming it (StorageError SNAPSHOT).
   */
  static async checkSnapshot(dir: string): Promise<SnapshotInfo> {
    const bad = (why: string): never => {
      throw new StorageError(StorageErrorCode.SNAPSHOT, `${dir} is not a usable ledger snapshot: ${why}`, { dir })
    }
    let info: SnapshotInfo
    try {
      info = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8')) as SnapshotInfo
    } catch (err) {
      return bad(`snapshot.json cannot be read: ${(err as Error).message}`)
    }
    if (info.format !== SNAPSHOT_FORMAT) bad(`format ${String(info.format)}, expected ${SNAPSHOT_FORMAT}`)
    if (!Number.isSafeInteger(info.blockNumber) || !/^[0-9a-f]{64}$/.test(info.blockHash)) bad('snapshot.json names no block')
    for (const name of SNAPSHOT_FILES) {
      const hash = createHash('sha256')
      try {
        for await (const chunk of createReadStream(join(dir, name))) hash.update(chunk as Buffer)
      } catch (err) {
        bad(`${name} cannot be read: ${(err as Error).message}`)
      }
      if (hash.digest('hex') !== info.files?.[name]) bad(`${name} does not match its sha256 in snapshot.json (corrupted or altered)`)
    }
    return info
  }

  /**
   * Opens a new ledger at `path` from the snapshot in `dir` (checked first, see checkSnapshot):
   * its world state and tx index as they were at the snapshot's block, which becomes its first
   * block and its tip; blocks from the next one on are committed as usual, older ones are not here.
   */
  static async fromSnapshot(path: string, dir: string): Promise<{ ledger: LevelLedger; info: SnapshotInfo }> {
    const info = await LevelLedger.checkSnapshot(dir)
    const l = await LevelLedger.open(path)
    if (l.height > 0) {
      await l.close()
      throw new StorageError(StorageErrorCode.SNAPSHOT, `the ledger at ${path} is not empty (height ${l.height}): a snapshot starts a new peer`, { path })
    }
    const load = async (name: string, op: (record: Record<string, unknown>) => BatchOp) => {
      let ops: BatchOp[] = []
      for await (const line of createInterface({ input: createReadStream(join(dir, name)), crlfDelay: Infinity })) {
        if (line === '') continue
        ops.push(op(JSON.parse(line) as Record<string, unknown>))
        if (ops.length >= 10_000) {
          await l.db.batch(ops)
          ops = []
        }
      }
      if (ops.length > 0) await l.db.batch(ops)
    }
    const unb64 = (s: unknown) => new Uint8Array(Buffer.from(String(s), 'base64'))
    await load('state.jsonl', (r) => ({
      type: 'put',
      key: concat(new Uint8Array([STATE]), enc.encode(String(r.ns)), new Uint8Array([0]), unb64(r.key)),
      value: stateValue({ blockNum: Number(r.block), txNum: Number(r.tx) }, unb64(r.value)),
    }))
    await load('txids.jsonl', (r) => ({
      type: 'put',
      key: txKey(String(r.txId)),
      value: txValue({ block: Number(r.block), position: Number(r.position), code: Number(r.code) }),
    }))
    const hash = new Uint8Array(Buffer.from(info.blockHash, 'hex'))
    // The block and the tip last, in one synced batch: a start cut short leaves no tip, and is started again.
    await l.db.batch(
      [
        { type: 'put', key: numberKey(BLOCK, info.blockNumber), value: new Uint8Array(await readFile(join(dir, 'block.bin'))) },
        { type: 'put', key: byHashKey(hash), value: u64(info.blockNumber) },
        { type: 'put', key: FIRST, value: u64(info.blockNumber) },
        { type: 'put', key: TIP, value: concat(u64(info.blockNumber), hash) },
      ],
      { sync: true },
    )
    l.tipCache = { number: info.blockNumber, hash }
    l.first = info.blockNumber
    return { ledger: l, info }
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
      { type: 'put', key: byHashKey(block.hash), value: u64(block.number) },
    ]
    block.txs.forEach((tx, position) => {
      if (tx.txId !== '') {
        // The first occurrence of a tx id is the one that counts (a duplicate is invalid).
        ops.push({ type: 'put', key: txKey(tx.txId), value: txValue({ block: block.number, position, code: tx.code }) })
      }
      if (tx.code !== 0) return
      for (const w of tx.writes) {
        const skey = nsKey(STATE, w.ns, w.key)
        if (w.isDelete) ops.push({ type: 'del', key: skey })
        else ops.push({ type: 'put', key: skey, value: stateValue({ blockNum: block.number, txNum: position }, w.value) })
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
    const n = await this.db.get(byHashKey(hash))
    return n === undefined ? undefined : this.getBlock(readU64(view(n)))
  }

  async getTx(txId: string): Promise<TxRecord | undefined> {
    const b = this.db.getSync(txKey(txId))
    return b === undefined ? undefined : readTxValue(view(b))
  }

  async getState(ns: string, key: string): Promise<StateValue | undefined> {
    const b = this.db.getSync(nsKey(STATE, ns, key))
    return b === undefined ? undefined : readStateValue(view(b))
  }

  /** Keys of `ns` in [start, end) ('' end = to the end of the namespace), in byte order, at most `limit`. */
  async range(ns: string, start: string, end: string, limit: number): Promise<Array<{ key: string } & StateValue>> {
    const prefix = nsKey(STATE, ns, '')
    const upper = end === '' ? concat(nsKey(STATE, ns, ''), new Uint8Array([0xff, 0xff, 0xff, 0xff])) : nsKey(STATE, ns, end)
    const out: Array<{ key: string } & StateValue> = []
    for await (const [k, val] of this.db.iterator({ gte: nsKey(STATE, ns, start), lt: upper, limit })) {
      out.push({ key: dec.decode(view(k).subarray(prefix.byteLength)), ...readStateValue(view(val)) })
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
    // A ledger begun from a snapshot starts at the snapshot's block.
    let prev: Uint8Array | undefined
    for (let n = this.first; n < this.height; n++) {
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
