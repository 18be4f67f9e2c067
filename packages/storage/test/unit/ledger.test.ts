import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { LevelLedger, StorageErrorCode } from '../../src/index.js'

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})
const enc = new TextEncoder()
const dec = new TextDecoder()
const hash = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest())
// A toy block format for the chain check: 32 bytes of previous hash, then the body.
const block = (prev: Uint8Array, body: string) => new Uint8Array([...prev, ...enc.encode(body)])
const link = (b: Uint8Array) => ({ hash: hash(b), previousHash: b.subarray(0, 32) })

async function ledger(): Promise<{ l: LevelLedger; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'consort-ledger-'))
  dirs.push(dir)
  return { l: await LevelLedger.open(dir), dir }
}

describe('LevelLedger', () => {
  it('commits blocks atomically with state, versions, history and tx codes; reopens at the same height', async () => {
    const { l, dir } = await ledger()
    const g = block(new Uint8Array(32), 'genesis')
    await l.commitBlock(g, { number: 0, hash: hash(g), txs: [] })
    const b1 = block(hash(g), 'one')
    await l.commitBlock(b1, {
      number: 1,
      hash: hash(b1),
      txs: [
        { txId: 'tx1', code: 0, timestamp: 100, writes: [{ ns: 'cc', key: 'a', isDelete: false, value: enc.encode('1') }] },
        { txId: 'tx2', code: 13, timestamp: 101, writes: [{ ns: 'cc', key: 'b', isDelete: false, value: enc.encode('never') }] },
        { txId: 'tx3', code: 0, timestamp: 102, writes: [{ ns: 'cc', key: '\u0000color\u0000red\u0000', isDelete: false, value: enc.encode('c') }] },
      ],
    })
    const b2 = block(hash(b1), 'two')
    await l.commitBlock(b2, {
      number: 2,
      hash: hash(b2),
      txs: [
        { txId: 'tx4', code: 0, timestamp: 200, writes: [{ ns: 'cc', key: 'a', isDelete: false, value: enc.encode('2') }] },
        {
          txId: 'tx5',
          code: 0,
          timestamp: 201,
          writes: [
            { ns: 'cc', key: 'a', isDelete: true, value: new Uint8Array() },
            { ns: 'cc', key: 'a\u0000x', isDelete: false, value: enc.encode('x') },
          ],
        },
      ],
    })
    await expect(l.commitBlock(b2, { number: 5, hash: hash(b2), txs: [] })).rejects.toMatchObject({ code: StorageErrorCode.OUT_OF_ORDER })
    expect(await l.getState('cc', 'a')).toBeUndefined()
    expect(await l.getState('cc', 'b')).toBeUndefined() // invalid tx wrote nothing
    expect((await l.getState('cc', 'a\u0000x'))?.version).toEqual({ blockNum: 2, txNum: 1 })
    expect(await l.getTx('tx2')).toEqual({ block: 1, position: 1, code: 13 })
    const h = await l.history('cc', 'a', 10)
    expect(h.map((x) => [x.txId, x.isDelete, dec.decode(x.value), x.blockNumber, x.txNum])).toEqual([
      ['tx5', true, '', 2, 1],
      ['tx4', false, '2', 2, 0],
      ['tx1', false, '1', 1, 0],
    ])
    expect((await l.range('cc', '\u0001', '', 10)).map((r) => r.key)).toEqual(['a\u0000x'])
    expect((await l.range('cc', '\u0000color\u0000', '\u0000color\u0000\u{10FFFF}', 10)).map((r) => dec.decode(r.value))).toEqual(['c'])
    expect(await l.verifyChain(link)).toBeUndefined()
    expect(dec.decode((await l.getBlockByHash(hash(b1)))!)).toContain('one')
    await l.close()
    const again = await LevelLedger.open(dir)
    expect(again.height).toBe(3)
    expect((await again.getState('cc', 'a\u0000x'))?.value).toEqual(enc.encode('x'))
    await again.close()
  })

  it('finds a broken link in the chain', async () => {
    const { l } = await ledger()
    const g = block(new Uint8Array(32), 'genesis')
    await l.commitBlock(g, { number: 0, hash: hash(g), txs: [] })
    const bad = block(new Uint8Array(32).fill(9), 'one')
    await l.commitBlock(bad, { number: 1, hash: hash(bad), txs: [] })
    expect(await l.verifyChain(link)).toBe(1)
    await l.close()
  })
})
