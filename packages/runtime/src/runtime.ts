import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { availableParallelism } from 'node:os'
import { TxReadWriteSet } from '@consort/types'
import type { ContractEvent, Logger, Role, TxReadWriteSet as TxRwSet } from '@consort/types'
import { RuntimeError, RuntimeErrorCode } from './errors.js'
import { ivm, type IsolatedVM } from './ivm.js'
import { SHIM } from './shim.js'
import { TxSimulator } from './simulator.js'
import type { StateReader } from './state.js'
import type { ContractPackage } from '@consort/bundle'

export interface Creator {
  mspId: string
  subject: string
  issuer: string
  role: Lowercase<`${Role}`> | string
  attributes: Record<string, string>
  /** Encoded certificate. */
  certificate: Uint8Array
}

export interface Invocation {
  /** Namespace of the contract's keys (its name). */
  namespace: string
  fcn: string
  args: string[]
  txId: string
  channelId: string
  /** Milliseconds since the epoch: the only time the contract sees. */
  timestamp: number
  creator: Creator
  transient?: Map<string, Uint8Array>
}

export interface SimulationResult {
  payload: Uint8Array
  rwset: TxRwSet
  /** The encoded read/write set: byte-identical on every peer for the same proposal. */
  rwsetBytes: Uint8Array
  events: ContractEvent[]
}

export interface RuntimeOptions {
  /** CPU time one invocation may use. */
  cpuTimeMs?: number
  /** Wall time one invocation may take, state reads included. */
  wallTimeMs?: number
  /** Heap of one contract's isolate. */
  memoryMb?: number
  maxCodeBytes?: number
  /** Contract versions kept warm (their isolates); the oldest is dropped past this. */
  maxWarm?: number
  /**
   * Isolates per contract version, each running one invocation at a time (default: the cores,
   * 2 to 4): while one waits for a state read on the host, another runs, and on more cores
   * they run at once. With one, every endorsement of a contract on a peer queued behind the
   * previous one's reads.
   */
  isolatesPerContract?: number
}

type Dispatch = IsolatedVM.Reference<(ns: unknown, fcn: string, args: string[], tx: string) => Promise<unknown>>
type Check = IsolatedVM.Reference<(ns: unknown) => unknown>

interface Warm {
  isolate: IsolatedVM.Isolate
  /** The contract realm: SES's lockdown and the shim ran in it once; everything in it is frozen. */
  context: IsolatedVM.Context
  /** The shim's dispatcher, called with each invocation's own module namespace. */
  dispatch: Dispatch
  /** Sets the realm's clock (before the module's top-level code runs). */
  setTime: IsolatedVM.Reference<(time: number) => void>
  /** V8's code cache of the contract module: each invocation compiles it again from this. */
  cachedData: IsolatedVM.ExternalCopy<ArrayBuffer> | undefined
  /** The simulation the host bridge currently serves (one invocation at a time per isolate). */
  current: TxSimulator | undefined
}

/** A contract version's isolates. */
interface Pool {
  /** Isolates between invocations. */
  idle: Warm[]
  /** Isolates alive or being made. */
  size: number
  /** Invocations waiting, first come first served: handed an isolate, or undefined to make one. */
  waiting: ((w: Warm | undefined) => void)[]
  /** Dropped (evicted, or the runtime disposed): isolates are disposed as they come back. */
  closed: boolean
}

/** SES's lockdown script (hardens every intrinsic), and V8's code cache of it once compiled. */
const LOCKDOWN = readFileSync(join(dirname(createRequire(import.meta.url).resolve('ses/package.json')), 'dist/lockdown.umd.min.js'), 'utf8')
let lockdownCache: IsolatedVM.ExternalCopy<ArrayBuffer> | undefined

/** A call's result; its writes (a null value deletes) and event in the order the contract made them. */
type DispatchResult =
  | { ok: true; payload: Uint8Array; writes: [string, Uint8Array | null][]; event: [string, Uint8Array] | undefined }
  | { ok: false; kind: string; message: string }

/**
 * Runs contract code in isolated-vm isolates: no require, process, file system, network,
 * timers, WebAssembly or host objects; time fixed to the transaction's timestamp; no
 * Math.random; CPU, wall-time, memory and code-size limits. Isolates are kept warm per
 * contract version (a few, each serving one invocation at a time), each with one frozen realm
 * (SES lockdown: every intrinsic and the global object frozen) and the module's code cache;
 * each invocation evaluates the module anew in it, so no state outlives a call and every peer
 * runs every call from the same module state, whichever isolate serves it. An isolate that hits
 * a limit is thrown away and the next call gets a fresh one.
 */
export class ContractRuntime {
  private readonly pools = new Map<string, Pool>()
  private readonly opts: Required<RuntimeOptions>

  constructor(
    opts: RuntimeOptions,
    private readonly m: { logger: Logger },
  ) {
    this.opts = {
      cpuTimeMs: opts.cpuTimeMs ?? 100,
      wallTimeMs: opts.wallTimeMs ?? 3000,
      memoryMb: opts.memoryMb ?? 64,
      maxCodeBytes: opts.maxCodeBytes ?? 4 * 1024 * 1024,
      maxWarm: opts.maxWarm ?? 64,
      isolatesPerContract: Math.max(1, opts.isolatesPerContract ?? Math.min(4, Math.max(2, availableParallelism()))),
    }
  }

  /** Simulates one invocation against committed state; throws RuntimeError on any failure. */
  async invoke(pkg: ContractPackage, inv: Invocation, state: StateReader): Promise<SimulationResult> {
    const pool = this.poolOf(pkg.hash)
    // One invocation at a time per isolate: the host bridge serves one simulation.
    const w = await this.acquire(pool, pkg)
    try {
      return await this.run(pkg, w, inv, state)
    } finally {
      this.release(pool, w)
    }
  }

  private poolOf(hash: string): Pool {
    let pool = this.pools.get(hash)
    if (pool === undefined) {
      pool = { idle: [], size: 0, waiting: [], closed: false }
      this.pools.set(hash, pool)
      if (this.pools.size > this.opts.maxWarm) {
        const [oldest, dropped] = this.pools.entries().next().value as [string, Pool]
        this.pools.delete(oldest)
        this.close(dropped)
      }
    }
    return pool
  }

  /** An isolate of the pool: an idle one, a new one while the pool is below its size, else the next one released. */
  private async acquire(pool: Pool, pkg: ContractPackage): Promise<Warm> {
    for (;;) {
      const idle = pool.idle.pop()
      if (idle !== undefined) return idle
      if (pool.size < this.opts.isolatesPerContract) {
        pool.size++
        try {
          return await this.create(pkg)
        } catch (err) {
          // (A contract that does not load: the next waiting invocation tries, and is told so too.)
          freeSlot(pool)
          throw err
        }
      }
      const handed = await new Promise<Warm | undefined>((resolve) => pool.waiting.push(resolve))
      if (handed !== undefined) return handed
    }
  }

  /** Back after an invocation: to the next one waiting, or idle; one that hit a limit (disposed) makes room for a new one. */
  private release(pool: Pool, w: Warm): void {
    if (w.isolate.isDisposed || pool.closed) {
      disposeIsolate(w)
      freeSlot(pool)
      return
    }
    const next = pool.waiting.shift()
    if (next !== undefined) next(w)
    else pool.idle.push(w)
  }

  /**
   * Keeps one idle isolate per contract version and disposes the others (their heaps with
   * them): for a node gone quiet after load. Busy ones stay; the pool grows again on demand.
   */
  trim(): number {
    let disposed = 0
    for (const pool of this.pools.values()) disposed += dropIdle(pool, 1)
    return disposed
  }

  private close(pool: Pool): void {
    pool.closed = true
    // Busy ones are disposed as they come back (release).
    dropIdle(pool, 0)
  }

  private async run(pkg: ContractPackage, w: Warm, inv: Invocation, state: StateReader): Promise<SimulationResult> {
    const sim = new TxSimulator(inv.namespace, inv.txId, state)
    w.current = sim
    const tx = JSON.stringify({
      txId: inv.txId,
      channelId: inv.channelId,
      timestamp: inv.timestamp,
      creator: { ...inv.creator, certificate: [...inv.creator.certificate] },
      transient: Object.fromEntries([...(inv.transient ?? new Map<string, Uint8Array>())].map(([k, v]) => [k, [...v]])),
    })
    let module: { module: IsolatedVM.Module; namespace: IsolatedVM.Reference<unknown> }
    try {
      module = this.evaluate(pkg, w, inv.timestamp)
    } catch (err) {
      w.current = undefined
      disposeIsolate(w)
      throw err
    }
    const cpuStart = w.isolate.cpuTime
    const started = Date.now()
    let killed: RuntimeErrorCode | undefined
    // isolated-vm runs the contract on its own thread, so this timer fires even while a
    // contract spins; disposing the isolate stops it at once.
    const watchdog = setInterval(() => {
      const cpuMs = w.isolate.isDisposed ? 0 : Number(w.isolate.cpuTime - cpuStart) / 1e6
      if (cpuMs > this.opts.cpuTimeMs || Date.now() - started > this.opts.wallTimeMs) {
        killed = RuntimeErrorCode.TIMEOUT
        disposeIsolate(w)
      }
    }, 5)
    let out: DispatchResult
    try {
      out = (await w.dispatch.apply(undefined, [module.namespace.derefInto(), inv.fcn, new ivm.ExternalCopy(inv.args).copyInto(), tx], {
        result: { promise: true, copy: true },
        timeout: this.opts.cpuTimeMs,
      })) as DispatchResult
    } catch (err) {
      const message = (err as Error).message
      disposeIsolate(w)
      if (/memory limit/i.test(message)) {
        throw memoryLimit(pkg.name, this.opts.memoryMb)
      }
      if (killed === RuntimeErrorCode.TIMEOUT || /timed out|abandoned|disposed/i.test(message)) {
        throw new RuntimeError(
          RuntimeErrorCode.TIMEOUT,
          `contract ${pkg.name} exceeded its time limit (${this.opts.cpuTimeMs} ms CPU, ${this.opts.wallTimeMs} ms wall)`,
          {
            contract: pkg.name,
          },
        )
      }
      throw new RuntimeError(RuntimeErrorCode.CONTRACT_ERROR, `contract ${pkg.name} failed: ${message}`, { contract: pkg.name, message })
    } finally {
      clearInterval(watchdog)
      w.current = undefined
      if (!w.isolate.isDisposed) release([module.namespace, module.module])
    }
    if (!out.ok && out.kind === 'MEMORY_LIMIT') {
      // The ArrayBuffer allocator refused memory past the limit (the contract did not catch it).
      throw memoryLimit(pkg.name, this.opts.memoryMb)
    }
    if (!out.ok) {
      const code =
        out.kind === 'UNKNOWN_FUNCTION'
          ? RuntimeErrorCode.UNKNOWN_FUNCTION
          : out.kind === 'WRONG_ARGS'
            ? RuntimeErrorCode.WRONG_ARGS
            : RuntimeErrorCode.CONTRACT_ERROR
      throw new RuntimeError(code, out.message, { contract: pkg.name, fcn: inv.fcn, message: out.message })
    }
    for (const [key, value] of out.writes) {
      if (value === null) sim.deleteState(key)
      else sim.putState(key, value)
    }
    if (out.event !== undefined) sim.setEvent(out.event[0], out.event[1])
    const { rwset, events } = sim.result()
    const full: TxRwSet = { nsRwset: [rwset] }
    return { payload: new Uint8Array(out.payload), rwset: full, rwsetBytes: TxReadWriteSet.encode(full), events }
  }

  private async create(pkg: ContractPackage): Promise<Warm> {
    if (Buffer.byteLength(pkg.code) > this.opts.maxCodeBytes) {
      throw new RuntimeError(RuntimeErrorCode.CODE_TOO_LARGE, `contract ${pkg.name} is over ${this.opts.maxCodeBytes} bytes`, {
        contract: pkg.name,
      })
    }
    const isolate = new ivm.Isolate({ memoryLimit: this.opts.memoryMb })
    const w: Warm = {
      isolate,
      context: undefined as never,
      dispatch: undefined as never,
      setTime: undefined as never,
      cachedData: undefined,
      current: undefined,
    }
    // A host call from an invocation that is over (work it left behind) reads nothing and
    // writes nowhere: throwing would surface in whatever the isolate runs next.
    const nothing: StateReader = { get: async () => undefined, range: async () => [], history: async () => [] }
    const sim = (txId: string): TxSimulator => (w.current !== undefined && w.current.txId === txId ? w.current : new TxSimulator('', txId, nothing))
    try {
      const copy = (b: Uint8Array) => new ivm.ExternalCopy(b).copyInto()
      const fns: Record<string, (...a: never[]) => unknown> = {
        getState: async (tx: string, key: string) => copy(await sim(tx).getState(key)),
        getStateByRange: async (tx: string, start: string, end: string, composite: boolean) =>
          new ivm.ExternalCopy((await sim(tx).getStateByRange(start, end, composite)).map(([k, v]) => [k, v])).copyInto(),
        getHistoryForKey: async (tx: string, key: string) => new ivm.ExternalCopy(await sim(tx).getHistoryForKey(key)).copyInto(),
      }
      const realm = await this.realm(isolate, fns)
      w.context = realm.context
      w.dispatch = realm.dispatch
      w.setTime = realm.setTime
      const module = await isolate.compileModule(pkg.code, { filename: `${pkg.name}@${pkg.version}.mjs`, produceCachedData: true })
      w.cachedData = (module as IsolatedVM.Module & IsolatedVM.CachedDataResult).cachedData
      module.release()
      // Load it once now, so a contract that does not load is refused before any call.
      const first = this.evaluate(pkg, w, 0)
      await realm.check.apply(undefined, [first.namespace.derefInto()], { timeout: this.opts.cpuTimeMs }).catch((err: Error) => {
        throw new RuntimeError(RuntimeErrorCode.BAD_CONTRACT, `contract ${pkg.name} does not load: ${err.message}`, { contract: pkg.name })
      })
      release([first.namespace, first.module, realm.check])
      this.m.logger.debug({ contract: pkg.name, version: pkg.version, hash: pkg.hash }, 'contract isolate warmed')
      return w
    } catch (err) {
      if (!isolate.isDisposed) isolate.dispose()
      throw err
    }
  }
  /** The isolate's one context: SES's lockdown script, then the shim, which freezes it all. */
  private async realm(
    isolate: IsolatedVM.Isolate,
    fns: Record<string, (...a: never[]) => unknown>,
  ): Promise<{ context: IsolatedVM.Context; dispatch: Dispatch; check: Check; setTime: Warm['setTime'] }> {
    const context = await isolate.createContext()
    const g = context.global
    g.setSync('globalThis', g.derefInto())
    g.setSync('__consort_host', new ivm.ExternalCopy({}).copyInto())
    const host = g.getSync('__consort_host', { reference: true }) as IsolatedVM.Reference<Record<string, unknown>>
    for (const [name, fn] of Object.entries(fns)) host.setSync(name, new ivm.Reference(fn))
    const lockdown = await isolate.compileScript(LOCKDOWN, {
      filename: 'ses-lockdown.js',
      ...(lockdownCache !== undefined ? { cachedData: lockdownCache } : { produceCachedData: true }),
    })
    lockdownCache ??= (lockdown as IsolatedVM.Script & IsolatedVM.CachedDataResult).cachedData
    await lockdown.run(context)
    const shim = await isolate.compileScript(SHIM, { filename: 'consort-shim.js' })
    const exported = (await shim.run(context, { reference: true })) as IsolatedVM.Reference<unknown[]>
    const dispatch = exported.getSync(0, { reference: true }) as Dispatch
    const check = exported.getSync(1, { reference: true }) as Check
    const setTime = exported.getSync(2, { reference: true }) as Warm['setTime']
    release([host, exported, lockdown, shim])
    return { context, dispatch, check, setTime }
  }

  /**
   * The contract module, compiled from its code cache and evaluated anew in the isolate's realm,
   * its clock at the transaction's time. Synchronous: each step is short (the module's own
   * top-level code has no input but that time, and is bounded by the CPU limit), and the
   * asynchronous calls' hand-offs to the isolate's thread cost more than the work.
   */
  private evaluate(pkg: ContractPackage, w: Warm, time: number): { module: IsolatedVM.Module; namespace: IsolatedVM.Reference<unknown> } {
    let module: IsolatedVM.Module | undefined
    try {
      w.setTime.applySync(undefined, [time])
      module = w.isolate.compileModuleSync(pkg.code, {
        filename: `${pkg.name}@${pkg.version}.mjs`,
        ...(w.cachedData !== undefined ? { cachedData: w.cachedData } : {}),
      })
      module.instantiateSync(w.context, (specifier) => {
        throw new Error(`contracts cannot import "${specifier}": bundle dependencies into the contract`)
      })
      module.evaluateSync({ timeout: this.opts.cpuTimeMs })
      return { module, namespace: module.namespace }
    } catch (err) {
      if (module !== undefined && !w.isolate.isDisposed) module.release()
      if (/memory limit/i.test((err as Error).message)) throw memoryLimit(pkg.name, this.opts.memoryMb)
      throw new RuntimeError(RuntimeErrorCode.BAD_CONTRACT, `contract ${pkg.name} does not load: ${(err as Error).message}`, {
        contract: pkg.name,
      })
    }
  }

  /** Frees every isolate. */
  dispose(): void {
    for (const pool of this.pools.values()) this.close(pool)
    this.pools.clear()
  }
}

/** Disposes an isolate (one a limit stopped is disposed already). */
function disposeIsolate(w: Warm): void {
  if (!w.isolate.isDisposed) w.isolate.dispose()
}

/** An isolate of the pool is gone: the next waiting invocation makes one. */
function freeSlot(pool: Pool): void {
  pool.size--
  pool.waiting.shift()?.(undefined)
}

/** Disposes the pool's idle isolates past the first `keep`; how many. */
function dropIdle(pool: Pool, keep: number): number {
  const dropped = pool.idle.splice(keep)
  for (const w of dropped) {
    pool.size--
    disposeIsolate(w)
  }
  return dropped.length
}

function memoryLimit(contract: string, mb: number): RuntimeError {
  return new RuntimeError(RuntimeErrorCode.MEMORY_LIMIT, `contract ${contract} exceeded its ${mb} MB memory limit`, { contract })
}

function release(handles: readonly { release(): void }[]): void {
  for (const h of handles) h.release()
}
