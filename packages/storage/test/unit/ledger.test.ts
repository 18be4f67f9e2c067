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

describe('ledger snapshots', () => {
  /** A ledger of `blocks` blocks, each writing `perBlock` keys (some overwritten, one deleted). */
  async function filled(blocks: number, perBlock: number): Promise<{ l: LevelLedger; tip: Uint8Array }> {
    const { l } = await ledger()
    let prev = new Uint8Array(32)
    for (let n = 0; n < blocks; n++) {
      const b = block(prev, `block ${n}`)
      const writes = Array.from({ length: perBlock }, (_, i) => ({
        ns: 'cc',
        key: `k${(n * perBlock + i) % 700}`,
        isDelete: false,
        value: enc.encode(`v${n}.${i}`),
      }))
      if (n === 2) writes.push({ ns: 'cc', key: 'k0', isDelete: true, value: new Uint8Array() })
      await l.commitBlock(b, { number: n, hash: hash(b), txs: [{ txId: `tx${n}`, code: n === 3 ? 13 : 0, timestamp: n, writes }] })
      prev = hash(b)
    }
    return { l, tip: prev }
  }

  it('a new ledger from a snapshot holds the same state and tx ids, and goes on from the next block', async () => {
    const { l: source, tip } = await filled(10, 100)
    const dir = await mkdtemp(join(tmpdir(), 'consort-snap-'))
    dirs.push(dir)
    const info = await source.writeSnapshot(join(dir, 'snap'), { channelId: 'consort', configBlock: enc.encode('config'), lastConfig: 0 })
    expect(info).toMatchObject({ blockNumber: 9, blockHash: Buffer.from(tip).toString('hex'), stateKeys: 600, txIds: 10 }) // block 3 is invalid: its 100 keys were never written
    const { ledger: copy } = await LevelLedger.fromSnapshot(join(dir, 'copy'), join(dir, 'snap'))
    dirs.push(join(dir, 'copy'))
    expect([copy.height, copy.firstBlock, copy.tip?.hash]).toEqual([10, 9, tip])
    for (const key of ['k0', 'k1', 'k350', 'k699']) expect(await copy.getState('cc', key)).toEqual(await source.getState('cc', key))
    expect(await copy.range('cc', '', '', 1000)).toEqual(await source.range('cc', '', '', 1000))
    expect(await copy.getTx('tx3')).toEqual({ block: 3, position: 0, code: 13 })
    // It holds the snapshot's block (the next one links to it), and no older one.
    expect(await copy.getBlock(9)).toEqual(await source.getBlock(9))
    expect(await copy.getBlock(8)).toBeUndefined()
    const next = block(tip, 'block 10')
    await copy.commitBlock(next, { number: 10, hash: hash(next), txs: [{ txId: 'tx10', code: 0, timestamp: 10, writes: [] }] })
    expect(await copy.verifyChain(link)).toBeUndefined()
    await copy.close()
    // Reopened, it remembers where it began.
    const again = await LevelLedger.open(join(dir, 'copy'))
    expect([again.height, again.firstBlock]).toEqual([11, 9])
    await again.close()
    await source.close()
  })

  it('refuses a snapshot whose files do not match their hashes, naming the file, and writes nothing', async () => {
    const { l: source } = await filled(3, 10)
    const dir = await mkdtemp(join(tmpdir(), 'consort-snap-'))
    dirs.push(dir)
    await source.writeSnapshot(join(dir, 'snap'), { channelId: 'consort', configBlock: enc.encode('config'), lastConfig: 0 })
    await source.close()
    const { appendFile } = await import('node:fs/promises')
    await appendFile(join(dir, 'snap', 'state.jsonl'), '{"ns":"cc","key":"bWludA==","block":0,"tx":0,"value":"MTAwMA=="}\n')
    await expect(LevelLedger.fromSnapshot(join(dir, 'copy'), join(dir, 'snap'))).rejects.toMatchObject({
      code: StorageErrorCode.SNAPSHOT,
      message: expect.stringContaining('state.jsonl does not match its sha256 in snapshot.json'),
    })
    const empty = await LevelLedger.open(join(dir, 'copy'))
    expect(empty.height).toBe(0)
    await empty.close()
  })
})
