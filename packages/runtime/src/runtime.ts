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
  /** Warm isolates kept (one per contract version). */
  maxWarm?: number
}

type Dispatch = IsolatedVM.Reference<(fcn: string, args: string[], tx: string) => Promise<unknown>>

interface Warm {
  isolate: IsolatedVM.Isolate
  /** The shim, compiled once per isolate and run in each new context. */
  shim: IsolatedVM.Script
  /** V8's code cache of the contract module: each context compiles it again from this. */
  cachedData: IsolatedVM.ExternalCopy<ArrayBuffer> | undefined
  /** The host functions the shim calls, shared by every context of the isolate. */
  host: [string, IsolatedVM.Reference<unknown>][]
  /** The simulation the host bridge currently serves (one invocation at a time per isolate). */
  current: TxSimulator | undefined
  queue: Promise<void>
}

type DispatchResult = { ok: true; payload: Uint8Array } | { ok: false; kind: string; message: string }

/**
 * Runs contract code in isolated-vm isolates: no require, process, file system, network,
 * timers, WebAssembly or host objects; time fixed to the transaction's timestamp; no
 * Math.random; CPU, wall-time, memory and code-size limits. Isolates (with the compiled shim
 * and the module's code cache) are kept warm per contract version; each invocation runs in a
 * new context, so no state outlives it and every peer runs every call from the same module
 * state. An isolate that hits a limit is thrown away and the next call gets a fresh one.
 */
export class ContractRuntime {
  private readonly warm = new Map<string, Promise<Warm>>()
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
    }
  }

  /** Simulates one invocation against committed state; throws RuntimeError on any failure. */
  async invoke(pkg: ContractPackage, inv: Invocation, state: StateReader): Promise<SimulationResult> {
    const w = await this.load(pkg)
    // One invocation at a time per isolate: the host bridge serves one simulation.
    const run = w.queue.then(() => this.run(pkg, w, inv, state))
    w.queue = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  private async run(pkg: ContractPackage, w: Warm, inv: Invocation, state: StateReader): Promise<SimulationResult> {
    // The invocation ahead of this one was stopped (its limit) and took the isolate with it:
    // this one runs in a fresh isolate instead of failing on the disposed one.
    if (w.isolate.isDisposed) return this.invoke(pkg, inv, state)
    const sim = new TxSimulator(inv.namespace, inv.txId, state)
    w.current = sim
    const tx = JSON.stringify({
      txId: inv.txId,
      channelId: inv.channelId,
      timestamp: inv.timestamp,
      creator: { ...inv.creator, certificate: [...inv.creator.certificate] },
      transient: Object.fromEntries([...(inv.transient ?? new Map<string, Uint8Array>())].map(([k, v]) => [k, [...v]])),
    })
    let instance: { context: IsolatedVM.Context; dispatch: Dispatch }
    try {
      instance = await this.instantiate(pkg, w)
    } catch (err) {
      w.current = undefined
      this.discard(pkg.hash, w)
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
        this.discard(pkg.hash, w)
      }
    }, 5)
    let out: DispatchResult
    try {
      out = (await instance.dispatch.apply(undefined, [inv.fcn, inv.args, tx], {
        arguments: { copy: true },
        result: { promise: true, copy: true },
        timeout: this.opts.cpuTimeMs,
      })) as DispatchResult
    } catch (err) {
      const message = (err as Error).message
      this.discard(pkg.hash, w)
      if (/memory limit/i.test(message)) {
        throw new RuntimeError(RuntimeErrorCode.MEMORY_LIMIT, `contract ${pkg.name} exceeded its ${this.opts.memoryMb} MB memory limit`, {
          contract: pkg.name,
        })
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
      if (!w.isolate.isDisposed) release([instance.dispatch, instance.context])
    }
    if (!out.ok && out.kind === 'MEMORY_LIMIT') {
      // The ArrayBuffer allocator refused memory past the limit (the contract did not catch it).
      throw new RuntimeError(RuntimeErrorCode.MEMORY_LIMIT, `contract ${pkg.name} exceeded its ${this.opts.memoryMb} MB memory limit`, { contract: pkg.name })
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
    const { rwset, events } = sim.result()
    const full: TxRwSet = { nsRwset: [rwset] }
    return { payload: new Uint8Array(out.payload), rwset: full, rwsetBytes: TxReadWriteSet.encode(full), events }
  }

  private discard(hash: string, w: Warm): void {
    const cached = this.warm.get(hash)
    if (cached !== undefined) {
      void cached.then((c) => {
        if (c === w) this.warm.delete(hash)
      })
    }
    if (!w.isolate.isDisposed) w.isolate.dispose()
  }

  /** A warm isolate for the package, created on first use. */
  private load(pkg: ContractPackage): Promise<Warm> {
    let w = this.warm.get(pkg.hash)
    if (w === undefined) {
      w = this.create(pkg)
      this.warm.set(pkg.hash, w)
      w.catch(() => this.warm.delete(pkg.hash))
      if (this.warm.size > this.opts.maxWarm) {
        const [oldest, p] = this.warm.entries().next().value as [string, Promise<Warm>]
        this.warm.delete(oldest)
        void p.then(
          (x) => !x.isolate.isDisposed && x.isolate.dispose(),
          () => undefined,
        )
      }
    }
    return w
  }

  private async create(pkg: ContractPackage): Promise<Warm> {
    if (Buffer.byteLength(pkg.code) > this.opts.maxCodeBytes) {
      throw new RuntimeError(RuntimeErrorCode.CODE_TOO_LARGE, `contract ${pkg.name} is over ${this.opts.maxCodeBytes} bytes`, {
        contract: pkg.name,
      })
    }
    const isolate = new ivm.Isolate({ memoryLimit: this.opts.memoryMb })
    const w: Warm = { isolate, shim: undefined as never, cachedData: undefined, host: [], current: undefined, queue: Promise.resolve() }
    // A host call from an invocation that is over (work it left behind) reads nothing and
    // writes nowhere: throwing would surface in whatever the isolate runs next.
    const nothing: StateReader = { get: async () => undefined, range: async () => [], history: async () => [] }
    const sim = (txId: string): TxSimulator => (w.current !== undefined && w.current.txId === txId ? w.current : new TxSimulator('', txId, nothing))
    try {
      const copy = (b: Uint8Array) => new ivm.ExternalCopy(b).copyInto()
      const fns: Record<string, (...a: never[]) => unknown> = {
        getState: async (tx: string, key: string) => copy(await sim(tx).getState(key)),
        putState: (tx: string, key: string, value: Uint8Array) => sim(tx).putState(key, new Uint8Array(value)),
        deleteState: (tx: string, key: string) => sim(tx).deleteState(key),
        getStateByRange: async (tx: string, start: string, end: string, composite: boolean) =>
          new ivm.ExternalCopy((await sim(tx).getStateByRange(start, end, composite)).map(([k, v]) => [k, v])).copyInto(),
        getHistoryForKey: async (tx: string, key: string) => new ivm.ExternalCopy(await sim(tx).getHistoryForKey(key)).copyInto(),
        setEvent: (tx: string, name: string, payload: Uint8Array) => sim(tx).setEvent(name, new Uint8Array(payload)),
      }
      w.host = Object.entries(fns).map(([name, fn]) => [name, new ivm.Reference(fn)])
      w.shim = await isolate.compileScript(SHIM, { filename: 'consort-shim.js' })
      const module = await isolate.compileModule(pkg.code, { filename: `${pkg.name}@${pkg.version}.mjs`, produceCachedData: true })
      w.cachedData = (module as IsolatedVM.Module & IsolatedVM.CachedDataResult).cachedData
      // Load it once now, so a contract that does not load is refused before any call.
      const first = await this.instantiate(pkg, w)
      release([first.dispatch, first.context])
      this.m.logger.debug({ contract: pkg.name, version: pkg.version, hash: pkg.hash }, 'contract isolate warmed')
      return w
    } catch (err) {
      if (!isolate.isDisposed) isolate.dispose()
      throw err
    }
  }

  /** A new context with the shim and the contract module loaded; returns its dispatcher. */
  private async instantiate(pkg: ContractPackage, w: Warm): Promise<{ context: IsolatedVM.Context; dispatch: Dispatch }> {
    const context = await w.isolate.createContext()
    // Every handle into the context keeps it alive: each is released once used.
    const handles: { release(): void }[] = []
    const held = <T extends { release(): void }>(h: T): T => {
      handles.push(h)
      return h
    }
    try {
      const g = context.global
      g.setSync('globalThis', g.derefInto())
      g.setSync('__consort_host', new ivm.ExternalCopy({}).copyInto())
      const hostObj = held(g.getSync('__consort_host', { reference: true }) as IsolatedVM.Reference<Record<string, unknown>>)
      for (const [name, ref] of w.host) hostObj.setSync(name, ref)
      await w.shim.run(context)
      const module = held(
        await w.isolate.compileModule(pkg.code, {
          filename: `${pkg.name}@${pkg.version}.mjs`,
          ...(w.cachedData !== undefined ? { cachedData: w.cachedData } : {}),
        }),
      )
      await module.instantiate(context, (specifier) => {
        throw new Error(`contracts cannot import "${specifier}": bundle dependencies into the contract`)
      })
      await module.evaluate({ timeout: this.opts.cpuTimeMs * 10 })
      const register = held(g.getSync('__consort_register', { reference: true }) as IsolatedVM.Reference<(ns: unknown) => void>)
      const namespace = held(module.namespace)
      await register.apply(undefined, [namespace.derefInto()], { timeout: this.opts.cpuTimeMs })
      const dispatch = g.getSync('__consort_dispatch', { reference: true }) as Dispatch
      release(handles)
      return { context, dispatch }
    } catch (err) {
      if (!w.isolate.isDisposed) release([...handles, context])
      if (err instanceof RuntimeError) throw err
      throw new RuntimeError(RuntimeErrorCode.BAD_CONTRACT, `contract ${pkg.name} does not load: ${(err as Error).message}`, {
        contract: pkg.name,
      })
    }
  }

  /** Frees every isolate. */
  dispose(): void {
    for (const p of this.warm.values())
      void p.then(
        (w) => !w.isolate.isDisposed && w.isolate.dispose(),
        () => undefined,
      )
    this.warm.clear()
  }
}

function release(handles: readonly { release(): void }[]): void {
  for (const h of handles) h.release()
}
