import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Entry } from '@consort/raft'
import { afterAll, describe, expect, it } from 'vitest'
import { LevelBlockStore, LevelRaftWal, StorageErrorCode } from '../../src/index.js'

const dirs: string[] = []
async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'consort-storage-'))
  dirs.push(d)
  return d
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

const enc = new TextEncoder()
const e = (index: number, term: number, data = `d${index}`): Entry => ({ index, term, type: 'EntryNormal', data: enc.encode(data) })
const cs = { voters: [1, 2, 3], learners: [] }

describe('LevelRaftWal', () => {
  it('persists entries and hard state and reloads them into the in-memory storage', async () => {
    const dir = await tmp()
    const wal = await LevelRaftWal.open(dir, cs)
    expect(wal.storage.lastIndex()).toBe(0)
    await wal.save({ entries: [e(1, 1), e(2, 1), e(3, 1)], hardState: { term: 1, vote: 2, commit: 2 }, mustSync: true })
    await wal.close()
    const again = await LevelRaftWal.open(dir, cs)
    expect(again.storage.lastIndex()).toBe(3)
    expect(again.storage.initialState().hardState).toEqual({ term: 1, vote: 2, commit: 2 })
    expect(again.storage.initialState().confState).toEqual(cs)
    await again.close()
  })

  it('replaces a conflicting suffix atomically, leaving no stale entries on disk', async () => {
    const dir = await tmp()
    const wal = await LevelRaftWal.open(dir, cs)
    await wal.save({ entries: [e(1, 1), e(2, 1), e(3, 1), e(4, 1)], mustSync: true })
    await wal.save({ entries: [e(2, 2, 'new')], mustSync: true })
    expect(await wal.diskIndexes()).toEqual([1, 2])
    await wal.close()
    const again = await LevelRaftWal.open(dir, cs)
    expect(again.storage.lastIndex()).toBe(2)
    expect(again.storage.term(2)).toBe(2)
    await again.close()
  })

  it('keeps a snapshot and compacts the log, across a reopen', async () => {
    const dir = await tmp()
    const wal = await LevelRaftWal.open(dir, cs)
    await wal.save({ entries: Array.from({ length: 10 }, (_, i) => e(i + 1, 1)), hardState: { term: 1, vote: 1, commit: 10 }, mustSync: true })
    await wal.snapshotAndCompact(8, cs, enc.encode('state@8'), 6)
    expect(await wal.diskIndexes()).toEqual([7, 8, 9, 10])
    await wal.close()
    const again = await LevelRaftWal.open(dir, cs)
    expect(again.storage.snapshot().metadata.index).toBe(8)
    expect(new TextDecoder().decode(again.storage.snapshot().data)).toBe('state@8')
    expect(again.storage.firstIndex()).toBe(9)
    expect(again.storage.lastIndex()).toBe(10)
    await again.close()
  })

  it('installs a snapshot from a leader, replacing the whole log', async () => {
    const dir = await tmp()
    const wal = await LevelRaftWal.open(dir, cs)
    await wal.save({ entries: [e(1, 1), e(2, 1)], mustSync: true })
    await wal.save({
      entries: [],
      snapshot: { data: enc.encode('s'), metadata: { index: 50, term: 3, confState: cs } },
      hardState: { term: 3, vote: 0, commit: 50 },
      mustSync: true,
    })
    expect(await wal.diskIndexes()).toEqual([])
    await wal.close()
    const again = await LevelRaftWal.open(dir, cs)
    expect(again.storage.firstIndex()).toBe(51)
    expect(again.storage.lastIndex()).toBe(50)
    await again.close()
  })
})

describe('LevelRaftWal.forceMembership', () => {
  it('sets a new membership at an applied index, keeps the entries after it, and votes for nobody at the new term', async () => {
    const dir = await tmp()
    const wal = await LevelRaftWal.open(dir, cs)
    await wal.save({ entries: [1, 2, 3, 4, 5].map((i) => e(i, i < 4 ? 1 : 2)), hardState: { term: 2, vote: 1, commit: 3 }, mustSync: true })
    await expect(wal.forceMembership(9, { voters: [7, 8], learners: [] }, new Uint8Array([1]), 3)).rejects.toMatchObject({ code: StorageErrorCode.CORRUPT })
    await wal.forceMembership(3, { voters: [7, 8], learners: [] }, new Uint8Array([1]), 3)
    await wal.close()
    const again = await LevelRaftWal.open(dir, cs)
    expect(again.storage.initialState()).toEqual({ hardState: { term: 3, vote: 0, commit: 3 }, confState: { voters: [7, 8], learners: [] } })
    expect(again.storage.snapshot().metadata).toMatchObject({ index: 3, term: 1 })
    expect(again.storage.entries(4, 6).map((x) => x.index)).toEqual([4, 5])
    expect(await again.diskIndexes()).toEqual([4, 5])
    await again.close()
  })
})

describe('LevelBlockStore', () => {
  it('appends blocks in order with their tx index, and reopens at the same tip', async () => {
    const dir = await tmp()
    const store = await LevelBlockStore.open(dir)
    expect(store.height).toBe(0)
    await store.append(enc.encode('genesis'), { number: 0, hash: new Uint8Array([0]), txIds: [''] })
    await store.append(enc.encode('b1'), { number: 1, hash: new Uint8Array([1]), txIds: ['tx-a', 'tx-b'], raftIndex: 7 })
    await expect(store.append(enc.encode('b3'), { number: 3, hash: new Uint8Array([3]), txIds: [] })).rejects.toMatchObject({
      code: StorageErrorCode.OUT_OF_ORDER,
    })
    expect(await store.txLocation('tx-b')).toEqual({ block: 1, position: 1 })
    expect(await store.txLocation('tx-z')).toBeUndefined()
    await store.close()
    const again = await LevelBlockStore.open(dir)
    expect(again.height).toBe(2)
    expect(again.tip).toEqual({ number: 1, hash: new Uint8Array([1]), raftIndex: 7 })
    expect(new TextDecoder().decode(await again.get(1))).toBe('b1')
    await again.close()
  })
})
