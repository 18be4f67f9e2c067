// Committed entries per second through three in-memory Raft nodes (no disk, no sockets),
// with messages encoded and decoded as on the wire, for several proposal batch sizes.
// Usage: pnpm --filter @consort/bench raft [-- --ms 2000]
import { decodeConfChange, decodeMessage, encodeMessage, MemoryStorage, RawNode } from '@consort/raft'
import { seededRng, silentLogger } from '@consort/types'
import { numberArg, report } from './report.js'

const ms = numberArg('--ms', 2000)
const payload = new Uint8Array(256).fill(7)

function run(batch: number): { entries: number; seconds: number; messages: number } {
  const ids = [1, 2, 3]
  const storages = new Map(ids.map((id) => [id, new MemoryStorage({ voters: ids, learners: [] })]))
  const nodes = new Map(
    ids.map((id) => [
      id,
      new RawNode(
        { id, storage: storages.get(id)!, electionTick: 10, heartbeatTick: 1, maxInflightMsgs: 256, maxSizePerMsg: 1024 * 1024 },
        { rng: seededRng(id), logger: silentLogger },
      ),
    ]),
  )
  let inflight: Uint8Array[] = []
  let committed = 0
  let messages = 0
  const pump = () => {
    for (const [id, node] of nodes) {
      if (!node.hasReady()) continue
      const rd = node.ready()
      const st = storages.get(id)!
      st.append(rd.entries)
      if (rd.hardState) st.setHardState(rd.hardState)
      for (const m of rd.messages) inflight.push(encodeMessage(m))
      for (const e of rd.committedEntries) {
        if (e.type === 'EntryConfChange') node.applyConfChange(decodeConfChange(e.data))
        if (id === 1 && e.data.byteLength > 0) committed++
      }
      node.advance()
    }
    const batchMsgs = inflight
    inflight = []
    messages += batchMsgs.length
    for (const b of batchMsgs) {
      const m = decodeMessage(b)
      nodes.get(m.to)!.step(m)
    }
  }
  nodes.get(1)!.campaign()
  for (let i = 0; i < 20; i++) pump()
  const start = process.hrtime.bigint()
  const deadline = start + BigInt(ms) * 1_000_000n
  const data = Array.from({ length: batch }, () => payload)
  let rounds = 0
  while (process.hrtime.bigint() < deadline && rounds < 10_000_000) {
    nodes.get(1)!.proposeBatch(data)
    pump()
    pump()
    rounds++
    // Keep memory bounded: the leader's log is compacted as a real orderer's would be.
    if (rounds % 200 === 0) {
      for (const [id, st] of storages) {
        const applied = nodes.get(id)!.status().applied
        if (applied > st.firstIndex() + 1000) {
          st.createSnapshot(applied, { voters: ids, learners: [] }, new Uint8Array())
          st.compact(applied - 500)
        }
      }
    }
  }
  for (let i = 0; i < 10; i++) pump()
  return { entries: committed, seconds: Number(process.hrtime.bigint() - start) / 1e9, messages }
}

const rows = [1, 16, 128, 512].map((batch) => {
  const r = run(batch)
  return {
    'batch size': batch,
    'committed entries/s': Math.round(r.entries / r.seconds),
    'messages/s': Math.round(r.messages / r.seconds),
    'MB/s (256 B entries)': Number(((r.entries * 256) / r.seconds / 1e6).toFixed(1)),
  }
})
report('raft', rows, { nodes: 3, entryBytes: 256, msPerRow: ms })
