import { fileURLToPath } from 'node:url'
import { silentLogger, TxReadWriteSet } from '@consort/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleContract, BundleErrorCode } from '@consort/bundle'
import type { ContractPackage } from '@consort/bundle'
import { ContractRuntime, MemoryState, RuntimeErrorCode } from '../../src/index.js'
import type { Invocation, SimulationResult, StateReader } from '../../src/index.js'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))
const creator = {
  mspId: 'Org1',
  subject: 'client.org1',
  issuer: 'ca.org1',
  role: 'client',
  attributes: { dept: 'audit' },
  certificate: new Uint8Array([1, 2, 3]),
}
let n = 0
const inv = (fcn: string, args: string[] = [], extra: Partial<Invocation> = {}): Invocation => ({
  namespace: 'kv',
  fcn,
  args,
  txId: `tx${n++}`,
  channelId: 'consort',
  timestamp: Date.UTC(2026, 10, 25, 12, 0, 0),
  creator,
  ...extra,
})
const text = (r: SimulationResult) => new TextDecoder().decode(r.payload)
const enc = new TextEncoder()

let kv: ContractPackage
let hostile: ContractPackage
const runtime = new ContractRuntime({ cpuTimeMs: 100, memoryMb: 32 }, { logger: silentLogger })
const state = new MemoryState()

beforeAll(async () => {
  kv = await bundleContract(fixture('kv'))
  hostile = await bundleContract(fixture('hostile'))
  state.commit(
    'kv',
    [
      { key: 'a', isDelete: false, value: enc.encode('apple') },
      { key: 'b', isDelete: false, value: enc.encode('banana') },
      { key: 'c', isDelete: false, value: enc.encode('cherry') },
    ],
    { blockNum: 3, txNum: 1, txId: 'seed', timestamp: 0 },
  )
})
afterAll(() => runtime.dispose())

describe('simulation', () => {
  it('returns results and records reads with versions and writes, reads seeing committed state only', async () => {
    const r = await runtime.invoke(kv, inv('readWrite', ['a', 'z']), state)
    expect(text(r)).toBe('ok')
    const ns = r.rwset.nsRwset[0]!
    expect(ns.namespace).toBe('kv')
    expect(ns.reads).toEqual([{ key: 'a', version: { blockNum: 3, txNum: 1 } }])
    expect(ns.writes).toEqual([{ key: 'z', isDelete: false, value: enc.encode('apple') }])
    expect(r.events).toEqual([{ contract: 'kv', txId: expect.any(String), name: 'moved', payload: enc.encode('{"from":"a","to":"z"}') }])
    // A missing key is read with no version.
    const miss = await runtime.invoke(kv, inv('get', ['nope']), state)
    expect(miss.rwset.nsRwset[0]!.reads).toEqual([{ key: 'nope' }])
    expect(text(miss)).toBe('')
    // UTF-8 both ways through the sandbox's own encoder.
    const w = await runtime.invoke(kv, inv('put', ['u', 'héllo wörld 🌍']), state)
    expect(new TextDecoder().decode(w.rwset.nsRwset[0]!.writes[0]!.value)).toBe('héllo wörld 🌍')
    state.commit('kv', [{ key: 'u', isDelete: false, value: enc.encode('naïve ☃ 🌍') }], { blockNum: 3, txNum: 2, txId: 'u', timestamp: 0 })
    expect(text(await runtime.invoke(kv, inv('get', ['u']), state))).toBe('naïve ☃ 🌍')
  })

  it('gives byte-identical read/write sets for the same proposal on two runtimes (two peers)', async () => {
    const other = new ContractRuntime({}, { logger: silentLogger })
    const p = inv('readWrite', ['b', 'y'])
    const [x, y] = [await runtime.invoke(kv, p, state), await other.invoke(kv, p, state)]
    expect(Buffer.from(x.rwsetBytes).equals(Buffer.from(y.rwsetBytes))).toBe(true)
    const w = inv('whoAndWhen')
    expect(text(await runtime.invoke(kv, w, state))).toBe(text(await other.invoke(kv, w, state)))
    other.dispose()
    expect(TxReadWriteSet.decode(x.rwsetBytes).nsRwset[0]?.writes[0]?.key).toBe('y')
  })

  it('records range reads for phantom checks and keeps composite keys out of plain ranges', async () => {
    await runtime.invoke(kv, inv('putColored', ['red', 'x1']), state)
    state.commit('kv', [{ key: '\u0000color\u0000red\u0000x1\u0000', isDelete: false, value: enc.encode('x1') }], {
      blockNum: 4,
      txNum: 0,
      txId: 't4',
      timestamp: 0,
    })
    const r = await runtime.invoke(kv, inv('list', ['a', 'd']), state)
    expect(JSON.parse(text(r))).toEqual(['a', 'b', 'c'])
    expect(r.rwset.nsRwset[0]!.rangeQueries[0]).toMatchObject({ endKey: 'd', itrExhausted: true, reads: [{ key: 'a' }, { key: 'b' }, { key: 'c' }] })
    // An unbounded range starts after the composite-key namespace.
    const all = JSON.parse(text(await runtime.invoke(kv, inv('list', ['', '']), state))) as string[]
    expect(all.every((k) => !k.startsWith('\u0000'))).toBe(true)
    expect(JSON.parse(text(await runtime.invoke(kv, inv('byColor', ['red']), state)))).toEqual(['x1'])
  })

  it('serves key history, time fixed to the transaction, identity and transient data', async () => {
    state.commit('kv', [{ key: 'h', isDelete: false, value: enc.encode('v1') }], { blockNum: 5, txNum: 0, txId: 'h1', timestamp: 0 })
    state.commit('kv', [{ key: 'h', isDelete: true, value: new Uint8Array() }], { blockNum: 6, txNum: 0, txId: 'h2', timestamp: 0 })
    expect(JSON.parse(text(await runtime.invoke(kv, inv('history', ['h']), state)))).toEqual(['h2:deleted', 'h1:v1'])
    const r = JSON.parse(text(await runtime.invoke(kv, inv('whoAndWhen', [], { txId: 'fixed', transient: new Map([['secret', enc.encode('s3')]]) }), state)))
    expect(r).toEqual({
      txId: 'fixed',
      now: Date.UTC(2026, 10, 25, 12, 0, 0),
      date: '2026-11-25T12:00:00.000Z',
      ts: { seconds: Date.UTC(2026, 10, 25, 12, 0, 0) / 1000, nanos: 0 },
      id: 'x509::client.org1::ca.org1',
      msp: 'Org1',
      role: 'client',
      dept: 'audit',
      secret: 's3',
    })
  })

  it('runs invocations of one contract side by side, each in an isolate of its own, up to isolatesPerContract', async () => {
    // A state whose reads answer only when the test says: an invocation waits in getState.
    const held: Array<{ key: string; answer: () => void }> = []
    let arrived: () => void = () => undefined
    const gated: StateReader = {
      get: (ns, key) =>
        new Promise((resolve) => {
          held.push({ key, answer: () => resolve({ value: enc.encode(`v-${key}`), version: { blockNum: 1, txNum: 0 } }) })
          arrived()
        }),
      range: async () => [],
      history: async () => [],
    }
    const reads = async (n: number) => {
      while (held.length < n) await new Promise<void>((r) => (arrived = r))
    }
    const two = new ContractRuntime({ isolatesPerContract: 2 }, { logger: silentLogger })
    try {
      const calls = ['a', 'b', 'c'].map((k) => two.invoke(kv, inv('get', [k]), gated))
      // Two are in their read at once; the third waits for an isolate.
      await reads(2)
      expect(held.map((h) => h.key).sort()).toEqual(['a', 'b'])
      held[1]?.answer()
      await reads(3)
      expect(held[2]?.key).toBe('c')
      held[0]?.answer()
      held[2]?.answer()
      expect((await Promise.all(calls)).map(text)).toEqual(['v-a', 'v-b', 'v-c'])
      // Quiet again: one isolate is kept, and serves the next call.
      expect(two.trim()).toBe(1)
      expect(two.trim()).toBe(0)
      expect(text(await two.invoke(kv, inv('get', ['x']), state))).toBe('')
    } finally {
      two.dispose()
    }
  })

  it('writes what the contract passed at the time of the call, the last write of a key winning', async () => {
    const r = await runtime.invoke(kv, inv('writeThenChange'), state)
    expect(text(r)).toBe('keys must be non-empty strings')
    expect(r.rwset.nsRwset[0]?.writes).toEqual([
      { key: 'm', isDelete: false, value: enc.encode('two') },
      { key: 'n', isDelete: false, value: enc.encode('Nne') },
    ])
    expect(r.events.map((e) => [e.name, new TextDecoder().decode(e.payload)])).toEqual([['changed', 'one']])
  })

  it('stops a call whose state read does not answer within the wall-time limit, and keeps serving', async () => {
    const never: StateReader = { get: () => new Promise(() => undefined), range: async () => [], history: async () => [] }
    const short = new ContractRuntime({ wallTimeMs: 100 }, { logger: silentLogger })
    try {
      await expect(short.invoke(kv, inv('get', ['a']), never)).rejects.toMatchObject({ code: RuntimeErrorCode.TIMEOUT })
      expect(text(await short.invoke(kv, inv('get', ['a']), state))).toBe('apple')
    } finally {
      short.dispose()
    }
  })

  it('turns contract errors, unknown functions and wrong arity into typed errors', async () => {
    await expect(runtime.invoke(kv, inv('fail', ['no funds']), state)).rejects.toMatchObject({
      code: RuntimeErrorCode.CONTRACT_ERROR,
      message: 'refused: no funds',
    })
    await expect(runtime.invoke(kv, inv('nope'), state)).rejects.toMatchObject({ code: RuntimeErrorCode.UNKNOWN_FUNCTION })
    await expect(runtime.invoke(kv, inv('_helper'), state)).rejects.toMatchObject({ code: RuntimeErrorCode.UNKNOWN_FUNCTION })
    await expect(runtime.invoke(kv, inv('put', ['only-key']), state)).rejects.toMatchObject({ code: RuntimeErrorCode.WRONG_ARGS })
  })
})

describe('containment', () => {
  const expectCode = async (fcn: string, code: string, message?: RegExp) => {
    const err = await runtime.invoke(hostile, inv(fcn, [], { namespace: 'hostile' }), state).catch((e: unknown) => e)
    expect(err).toMatchObject({ code })
    if (message) expect((err as Error).message).toMatch(message)
    // The runtime keeps serving after every one of them.
    expect(text(await runtime.invoke(hostile, inv('fine', [], { namespace: 'hostile' }), state))).toBe('still serving')
  }

  it('stops an infinite loop, also one after an await', async () => {
    await expectCode('spin', RuntimeErrorCode.TIMEOUT)
    await expectCode('spinAfterRead', RuntimeErrorCode.TIMEOUT)
  })

  it('invocations queued behind one that is stopped run in a fresh isolate', async () => {
    const spin = runtime.invoke(hostile, inv('spin', [], { namespace: 'hostile' }), state)
    const queued = [0, 1, 2].map(() => runtime.invoke(hostile, inv('fine', [], { namespace: 'hostile' }), state))
    await expect(spin).rejects.toMatchObject({ code: RuntimeErrorCode.TIMEOUT })
    expect((await Promise.all(queued)).map(text)).toEqual(['still serving', 'still serving', 'still serving'])
  })

  it('stops a contract that exceeds its memory limit, and a 1 GB allocation', async () => {
    // Near its limit V8 spends a machine-dependent amount of CPU in garbage collection: with
    // a CPU limit out of reach, the memory limit is what stops the hog, on any machine.
    const roomy = new ContractRuntime({ cpuTimeMs: 60_000, wallTimeMs: 120_000, memoryMb: 32 }, { logger: silentLogger })
    try {
      await expect(roomy.invoke(hostile, inv('eat', [], { namespace: 'hostile' }), state)).rejects.toMatchObject({ code: RuntimeErrorCode.MEMORY_LIMIT })
      expect(text(await roomy.invoke(hostile, inv('fine', [], { namespace: 'hostile' }), state))).toBe('still serving')
    } finally {
      roomy.dispose()
    }
    // Buffers outside the heap are refused at the limit without garbage collection first: the
    // memory limit fires, whatever the CPU limit and the machine's speed.
    await expect(runtime.invoke(hostile, inv('gigabyte', [], { namespace: 'hostile' }), state)).rejects.toMatchObject({ code: RuntimeErrorCode.MEMORY_LIMIT })
    await expect(runtime.invoke(hostile, inv('hoard', [], { namespace: 'hostile' }), state)).rejects.toMatchObject({ code: RuntimeErrorCode.MEMORY_LIMIT })
  })

  it('has no require, process, timers or randomness', async () => {
    await expectCode('fs', RuntimeErrorCode.CONTRACT_ERROR, /require is not defined/)
    await expectCode('exit', RuntimeErrorCode.CONTRACT_ERROR, /process is not defined/)
    await expectCode('timers', RuntimeErrorCode.CONTRACT_ERROR, /setTimeout is not defined/)
    await expectCode('random', RuntimeErrorCode.CONTRACT_ERROR, /Math.random is not available/)
  })

  it('starts every call from the same module state, with no WebAssembly and nothing that observes GC', async () => {
    // Error's hooks take a value and ignore it (SES's shared Error): the stack stays as it was.
    const refused = [...Array(7).fill('refused'), 'written', 'written', 'written'].join()
    for (let i = 0; i < 3; i++) {
      expect(text(await runtime.invoke(hostile, inv('count', [], { namespace: 'hostile' }), state))).toBe(`1/${refused}/,,1,1,number,,true`)
    }
    expect(text(await runtime.invoke(hostile, inv('override', [], { namespace: 'hostile' }), state))).toBe('own,assigned,Named')
    expect(text(await runtime.invoke(hostile, inv('wasm', [], { namespace: 'hostile' }), state))).toBe('undefined,undefined,undefined,undefined')
  })

  it('work an invocation leaves behind cannot touch the next one', async () => {
    await runtime.invoke(hostile, inv('dangling', [], { namespace: 'hostile' }), state)
    const next = await runtime.invoke(hostile, inv('reads', [], { namespace: 'hostile' }), state)
    expect(next.rwset.nsRwset[0]?.writes).toEqual([])
  })

  it('leads back to no real clock', async () => {
    const at = inv('realDate', [], { namespace: 'hostile' })
    const now = `${at.timestamp},${new Date(at.timestamp).toString()},${at.timestamp}`
    // The global Date stands at the transaction's time; the prototype's constructor refuses to tell the time.
    expect(text(await runtime.invoke(hostile, at, state))).toBe(`${now}|refused,refused,refused|refused,undefined,refused`)
  })

  it('offers no way out through the stub', async () => {
    const r = await runtime.invoke(hostile, inv('escape', [], { namespace: 'hostile' }), state)
    expect(text(r)).toBe('undefined,undefined,undefined')
  })

  it('refuses to build a contract that imports Node built-ins, and oversized code', async () => {
    await expect(bundleContract(fixture('badimport'))).rejects.toMatchObject({ code: BundleErrorCode.BUILD_FAILED })
    const tiny = new ContractRuntime({ maxCodeBytes: 100 }, { logger: silentLogger })
    await expect(tiny.invoke(kv, inv('get', ['a']), state)).rejects.toMatchObject({ code: RuntimeErrorCode.CODE_TOO_LARGE })
  })
})
