// The contract realm: one context per warm isolate, set up once by this script (after SES's
// lockdown script is loaded into it) and then frozen. It takes the host bridge off the global
// object, makes time and randomness deterministic, hardens every intrinsic and the global
// object (SES lockdown, then Object.freeze(globalThis)), and evaluates to the dispatcher the
// host calls for each invocation with that invocation's own, freshly evaluated module
// namespace. Nothing a call can reach is mutable and shared, so no state outlives a call.
// Plain JavaScript, evaluated as a script.
export const SHIM = String.raw`
(() => {
  'use strict'
  const host = globalThis.__consort_host
  delete globalThis.__consort_host
  // A state read: the contract's thread waits for the host's answer (its isolate serves one
  // call at a time), one hand-off each way, cheaper than an asynchronous apply's round trip.
  const call = (name, args) => host[name].applySyncPromise(undefined, args, { arguments: { copy: true } })

  // Time stands still at the transaction's timestamp; there is no randomness.
  let txTime = 0
  Math.random = function random() {
    throw new Error('Math.random is not available to contracts: every peer must compute the same result')
  }
  delete globalThis.SharedArrayBuffer
  delete globalThis.Atomics
  // WebAssembly would run code outside the shim's view of time and state: contracts are JavaScript.
  delete globalThis.WebAssembly
  // They observe garbage collection, which differs from peer to peer.
  delete globalThis.WeakRef
  delete globalThis.FinalizationRegistry
  // And a node started with --expose-gc would hand contracts a full collection on demand (V8
  // makes that global non-configurable, but writable).
  if ('gc' in globalThis) globalThis.gc = undefined

  // A bare V8 context has no TextEncoder/TextDecoder: UTF-8 ones for the stub and contracts.
  class Utf8Encoder {
    get encoding() { return 'utf-8' }
    encode(str = '') {
      str = String(str)
      const out = []
      for (let i = 0; i < str.length; i++) {
        let c = str.charCodeAt(i)
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
          const d = str.charCodeAt(i + 1)
          if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++ }
          else c = 0xfffd
        } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
        if (c < 0x80) out.push(c)
        else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
        else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
        else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
      }
      return new Uint8Array(out)
    }
  }
  class Utf8Decoder {
    get encoding() { return 'utf-8' }
    decode(bytes) {
      if (bytes === undefined) return ''
      const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes.buffer ?? bytes)
      let out = ''
      for (let i = 0; i < b.length; ) {
        const x = b[i++]
        let c = 0xfffd
        let need = 0
        if (x < 0x80) { c = x }
        else if (x >= 0xc2 && x < 0xe0) { c = x & 31; need = 1 }
        else if (x >= 0xe0 && x < 0xf0) { c = x & 15; need = 2 }
        else if (x >= 0xf0 && x < 0xf5) { c = x & 7; need = 3 }
        let ok = true
        for (let k = 0; k < need; k++) {
          const y = b[i]
          if (y === undefined || (y & 0xc0) !== 0x80) { ok = false; break }
          c = (c << 6) | (y & 63)
          i++
        }
        if (!ok || (need === 2 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) || (need === 3 && (c < 0x10000 || c > 0x10ffff))) c = 0xfffd
        out += String.fromCodePoint(c)
      }
      return out
    }
  }
  const enc = new Utf8Encoder()
  const toBytes = (v) => (typeof v === 'string' ? enc.encode(v) : v instanceof Uint8Array ? v : enc.encode(JSON.stringify(v)))
  const NS = '\u0000'
  const createCompositeKey = (objectType, attributes) => {
    for (const p of [objectType, ...attributes]) if (String(p).includes(NS)) throw new Error('composite key parts may not contain U+0000')
    return NS + objectType + NS + attributes.map((a) => a + NS).join('')
  }
  const splitCompositeKey = (key) => {
    if (!key.startsWith(NS)) return { objectType: '', attributes: [] }
    const parts = key.slice(1).split(NS)
    return { objectType: parts[0] ?? '', attributes: parts.slice(1, -1) }
  }
  const iterate = (load) => {
    let items
    let i = 0
    const it = {
      async next() {
        if (items === undefined) items = await load()
        return i < items.length ? { value: items[i++], done: false } : { value: undefined, done: true }
      },
      async return() { return { value: undefined, done: true } },
      async close() {},
      [Symbol.asyncIterator]() { return it },
    }
    return it
  }

  // Freeze every intrinsic ("moderate" override taming keeps "obj.toString = ..." working on
  // objects of the contract's own), then the global object; leave only harden() of SES's globals.
  lockdown({
    errorTaming: 'unsafe',
    stackFiltering: 'verbose',
    overrideTaming: 'moderate',
    consoleTaming: 'unsafe',
    mathTaming: 'unsafe',
    dateTaming: 'unsafe',
    domainTaming: 'unsafe',
    evalTaming: 'unsafe-eval',
    reporting: 'none',
  })
  // The global object still holds SES's "start compartment" constructors, each with a power
  // the shared intrinsics lack: Date's clock, Error's settable prepareStackTrace and
  // stackTraceLimit (shared by every call), RegExp's legacy statics. Calls get the shared
  // ones (each intrinsic's prototype.constructor, the one a contract can reach anyway), and a
  // Date whose clock stands at the transaction's time.
  const InitialDate = Date
  const FixedDate = function Date(...args) {
    if (new.target === undefined) return new InitialDate(txTime).toString()
    return Reflect.construct(InitialDate, args.length === 0 ? [txTime] : args, new.target)
  }
  Object.defineProperty(FixedDate, 'length', { value: 7 })
  FixedDate.prototype = InitialDate.prototype
  FixedDate.UTC = InitialDate.UTC
  FixedDate.parse = InitialDate.parse
  FixedDate.now = function now() { return txTime }
  globalThis.Date = FixedDate
  globalThis.Error = Error.prototype.constructor
  globalThis.RegExp = RegExp.prototype.constructor
  globalThis.TextEncoder ??= Utf8Encoder
  globalThis.TextDecoder ??= Utf8Decoder
  harden([globalThis.TextEncoder, globalThis.TextDecoder, FixedDate])
  delete globalThis.lockdown
  delete globalThis.Compartment
  delete globalThis.assert
  Object.freeze(globalThis)

  const contractsOf = (ns) => {
    const list = Array.isArray(ns.contracts) ? ns.contracts : ns.default !== undefined ? [ns.default] : []
    const contracts = list.filter((c) => typeof c === 'function')
    if (contracts.length === 0) throw new Error('the contract module exports no contracts: add "export const contracts = [MyContract]"')
    return contracts
  }

  const functionsOf = (instance) => {
    const names = new Set()
    for (let p = Object.getPrototypeOf(instance); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      for (const n of Object.getOwnPropertyNames(p)) {
        if (n === 'constructor' || n.startsWith('_') || ['getName', 'beforeTransaction', 'afterTransaction'].includes(n)) continue
        if (typeof instance[n] === 'function') names.add(n)
      }
    }
    return names
  }

  const dispatch = async (ns, fcn, args, txJson) => {
    const tx = JSON.parse(txJson)
    const contracts = contractsOf(ns)
    let contractName = ''
    let fnName = fcn
    const colon = fcn.indexOf(':')
    if (colon >= 0) {
      contractName = fcn.slice(0, colon)
      fnName = fcn.slice(colon + 1)
    }
    const instances = contracts.map((C) => new C())
    const instance = contractName === ''
      ? instances[0]
      : instances.find((c) => (typeof c.getName === 'function' ? c.getName() : c.constructor.name) === contractName)
    if (instance === undefined) return { ok: false, kind: 'UNKNOWN_FUNCTION', message: 'no contract named ' + contractName }
    const fns = functionsOf(instance)
    if (!fns.has(fnName)) {
      return { ok: false, kind: 'UNKNOWN_FUNCTION', message: 'no transaction function "' + fnName + '"; functions: ' + [...fns].sort().join(', ') }
    }
    const declared = instance[fnName].length - 1
    // Rest or default parameters make the count open-ended.
    const open = /\.\.\.|=/.test(String(instance[fnName]).split(')')[0])
    if (declared >= 0 && args.length !== declared && !open) {
      return { ok: false, kind: 'WRONG_ARGS', message: fnName + ' takes ' + declared + ' argument(s), got ' + args.length }
    }
    const transient = new Map(Object.entries(tx.transient).map(([k, v]) => [k, new Uint8Array(v)]))
    const creatorBytes = new Uint8Array(tx.creator.certificate)
    // Every host call names the invocation it belongs to: work a call leaves behind (a promise
    // it did not await) is refused by the host once that invocation is over.
    const hostCall = (name, args) => call(name, [tx.txId, ...args])
    // Writes and the event stay here until the call returns (reads see committed state only,
    // never the call's own writes): the host gets them with the result, in the order made.
    // What a call leaves behind after it returned lands in a list nobody reads.
    const writes = []
    let event
    const checkKey = (key) => {
      if (key === '') throw new Error('keys must be non-empty strings')
      return key
    }
    // (A copy of the contract's own bytes: changing them after the call changes nothing written.)
    const owned = (v) => (v instanceof Uint8Array ? new Uint8Array(v) : toBytes(v))
    const stub = {
      getState: async (key) => new Uint8Array(await hostCall('getState', [String(key)])),
      putState: async (key, value) => { writes.push([checkKey(String(key)), owned(value)]) },
      deleteState: async (key) => { writes.push([checkKey(String(key)), null]) },
      getStateByRange: (start, end) => iterate(async () => (await hostCall('getStateByRange', [String(start ?? ''), String(end ?? ''), false])).map(([key, value]) => ({ key, value: new Uint8Array(value) }))),
      getStateByPartialCompositeKey: (objectType, attributes) => {
        const prefix = createCompositeKey(objectType, attributes ?? [])
        return iterate(async () => (await hostCall('getStateByRange', [prefix, prefix + '\u{10FFFF}', true])).map(([key, value]) => ({ key, value: new Uint8Array(value) })))
      },
      createCompositeKey,
      splitCompositeKey,
      getHistoryForKey: (key) => iterate(async () => (await hostCall('getHistoryForKey', [String(key)])).map((m) => ({ ...m, value: new Uint8Array(m.value) }))),
      setEvent: (name, payload) => { event = [String(name), owned(payload ?? '')] },
      getTxId: () => tx.txId,
      getTxID: () => tx.txId,
      getChannelId: () => tx.channelId,
      getChannelID: () => tx.channelId,
      getTxTimestamp: () => ({ seconds: Math.floor(tx.timestamp / 1000), nanos: (tx.timestamp % 1000) * 1e6 }),
      getDateTimestamp: () => new FixedDate(tx.timestamp),
      getCreator: () => ({ mspid: tx.creator.mspId, idBytes: creatorBytes }),
      getTransient: () => transient,
      getFunctionAndParameters: () => ({ fcn, params: [...args] }),
      getArgs: () => [fcn, ...args],
    }
    const id = 'x509::' + tx.creator.subject + '::' + tx.creator.issuer
    const clientIdentity = {
      getId: () => id,
      getID: () => id,
      getMspId: () => tx.creator.mspId,
      getMSPID: () => tx.creator.mspId,
      getRole: () => tx.creator.role,
      hasRole: (r) => tx.creator.role === String(r).toLowerCase(),
      getAttributeValue: (n) => (Object.prototype.hasOwnProperty.call(tx.creator.attributes, n) ? tx.creator.attributes[n] : null),
      assertAttributeValue: (n, v) => tx.creator.attributes[n] === v,
      getCertificate: () => creatorBytes,
    }
    const ctx = { stub, clientIdentity }
    try {
      if (typeof instance.beforeTransaction === 'function') await instance.beforeTransaction(ctx)
      const result = await instance[fnName](ctx, ...args)
      if (typeof instance.afterTransaction === 'function') await instance.afterTransaction(ctx, result)
      const payload = result === undefined || result === null ? new Uint8Array(0) : toBytes(result)
      return { ok: true, payload, writes, event }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      // What the sandbox's ArrayBuffer allocator throws for memory past the isolate's limit.
      const memory = err instanceof RangeError && message === 'Array buffer allocation failed'
      return { ok: false, kind: memory ? 'MEMORY_LIMIT' : 'CONTRACT_ERROR', message }
    }
  }
  return [dispatch, contractsOf, (time) => { txTime = time }]
})()
`
