import { join } from 'node:path'
import { toHex } from '@consort/crypto'
import { LevelBlockStore, LevelRaftWal } from '@consort/storage'
import { OrdererSnapshot } from '@consort/types'

/** What a stopped orderer's data folder holds: its chain's tip and its Raft log and term. */
export interface OrdererDataState {
  height: number
  tipHash: string
  /** The Raft index of the tip block (what the node applied). */
  applied: number
  lastIndex: number
  term: number
}

async function openData<T>(dataDir: string, use: (wal: LevelRaftWal, blocks: LevelBlockStore) => Promise<T>): Promise<T> {
  const wal = await LevelRaftWal.open(join(dataDir, 'wal'), { voters: [], learners: [] })
  try {
    const blocks = await LevelBlockStore.open(join(dataDir, 'blocks'))
    try {
      return await use(wal, blocks)
    } finally {
      await blocks.close()
    }
  } finally {
    await wal.close()
  }
}

/** Reads a stopped orderer's data folder (`dataDir` of its node.json). */
export function inspectOrdererData(dataDir: string): Promise<OrdererDataState> {
  return openData(dataDir, async (wal, blocks) => ({
    height: blocks.height,
    tipHash: blocks.tip === undefined ? '' : toHex(blocks.tip.hash),
    applied: blocks.tip?.raftIndex ?? 0,
    lastIndex: wal.storage.lastIndex(),
    term: wal.storage.initialState().hardState.term,
  }))
}

/**
 * Makes a stopped orderer a member of a new Raft cluster of `voters` at `term` (higher than any
 * term the members have seen), like etcd's --force-new-cluster: for a DR site whose active site
 * is lost, so that no quorum of the old members is left to agree to a membership change. The
 * membership is set at the node's tip block; the Raft entries it holds beyond it stay, and the
 * new leader commits them (blocks the old site ordered that the node had received).
 */
export function forceNewCluster(dataDir: string, voters: number[], term: number): Promise<void> {
  return openData(dataDir, async (wal, blocks) => {
    const tip = blocks.tip
    const data = OrdererSnapshot.encode({ blockNumber: tip?.number ?? 0, blockHash: tip?.hash ?? new Uint8Array() })
    await wal.forceMembership(tip?.raftIndex ?? 0, { voters, learners: [] }, data, term)
  })
}
