import { createHash } from 'node:crypto'
import { openDb } from './db.js'
import type { BatchOp } from './db.js'

/** What a LevelDB copy holds: its records, their size, and a sha256 over them in key order. */
export interface DbDigest {
  records: number
  bytes: number
  sha256: string
}

const BATCH = 1000

function digester(): { add(key: Uint8Array, value: Uint8Array): void; done(): DbDigest } {
  const hash = createHash('sha256')
  const lengths = Buffer.alloc(8)
  let records = 0
  let bytes = 0
  return {
    add(key, value) {
      lengths.writeUInt32BE(key.byteLength, 0)
      lengths.writeUInt32BE(value.byteLength, 4)
      hash.update(lengths).update(key).update(value)
      records++
      bytes += key.byteLength + value.byteLength
    },
    done: () => ({ records, bytes, sha256: hash.digest('hex') }),
  }
}

/**
 * Copies `records` (a store's `records()`: a snapshot taken when it was called) into a new
 * LevelDB at `to`, returning the digest to check the copy by later (digestDb).
 */
export async function copyDb(records: AsyncIterable<[Uint8Array, Uint8Array]>, to: string): Promise<DbDigest> {
  const db = await openDb(to)
  const d = digester()
  try {
    let ops: BatchOp[] = []
    for await (const [key, value] of records) {
      d.add(key, value)
      ops.push({ type: 'put', key, value })
      if (ops.length >= BATCH) {
        await db.batch(ops)
        ops = []
      }
    }
    await db.batch(ops, { sync: true })
  } finally {
    await db.close()
  }
  return d.done()
}

/** The digest of the LevelDB at `path`, as copyDb computed it when it wrote it. */
export async function digestDb(path: string): Promise<DbDigest> {
  const db = await openDb(path)
  const d = digester()
  try {
    for await (const [key, value] of db.iterator()) d.add(key, value)
  } finally {
    await db.close()
  }
  return d.done()
}
