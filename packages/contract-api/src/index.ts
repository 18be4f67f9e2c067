// The contract API: the only module a Consort contract imports. It runs inside the
// contract sandbox, where the runtime supplies the stub and the client identity; names and
// meanings follow Fabric's fabric-contract-api and fabric-shim, so its users feel at home.

/** A state entry returned by range and composite-key queries. */
export interface KV {
  key: string
  value: Uint8Array
}

/** One committed modification of a key, newest first. */
export interface KeyModification {
  txId: string
  value: Uint8Array
  isDelete: boolean
  /** Block and transaction position of the write. */
  blockNumber: number
  /** Milliseconds since the epoch, the transaction's timestamp. */
  timestamp: number
}

export interface Timestamp {
  seconds: number
  nanos: number
}

/** The creator of the transaction, as Fabric's SerializedIdentity. */
export interface SerializedIdentity {
  mspid: string
  /** The encoded Consort certificate of the creator. */
  idBytes: Uint8Array
}

/** The world state and transaction context as a contract sees it during simulation. */
export interface ChaincodeStub {
  /** The committed value of `key`, or an empty Uint8Array if absent. Reads are recorded with their version. */
  getState(key: string): Promise<Uint8Array>
  /** Writes `value` (bytes or a string, stored as UTF-8) at `key` when the transaction commits. */
  putState(key: string, value: Uint8Array | string): Promise<void>
  deleteState(key: string): Promise<void>
  /** Keys in [startKey, endKey) in order ('' means unbounded); composite keys are not included. */
  getStateByRange(startKey: string, endKey: string): AsyncIterable<KV> & AsyncIterator<KV>
  /** Composite keys of `objectType` whose attributes start with `attributes`. */
  getStateByPartialCompositeKey(objectType: string, attributes: string[]): AsyncIterable<KV> & AsyncIterator<KV>
  createCompositeKey(objectType: string, attributes: string[]): string
  splitCompositeKey(compositeKey: string): { objectType: string; attributes: string[] }
  getHistoryForKey(key: string): AsyncIterable<KeyModification> & AsyncIterator<KeyModification>
  /** Sets the transaction's event (one per transaction; the last call wins). */
  setEvent(name: string, payload: Uint8Array | string): void
  getTxId(): string
  /** Fabric's spelling of getTxId. */
  getTxID(): string
  getChannelId(): string
  getChannelID(): string
  getTxTimestamp(): Timestamp
  getDateTimestamp(): Date
  getCreator(): SerializedIdentity
  /** Private inputs passed with the proposal; never written to the ledger. */
  getTransient(): Map<string, Uint8Array>
  getFunctionAndParameters(): { fcn: string; params: string[] }
  getArgs(): string[]
}

/** Who submitted the transaction. */
export interface ClientIdentity {
  /** A stable id: "x509::<subject>::<issuer>". */
  getId(): string
  getID(): string
  getMspId(): string
  getMSPID(): string
  /** admin, peer, orderer or client. */
  getRole(): string
  hasRole(role: string): boolean
  getAttributeValue(name: string): string | null
  assertAttributeValue(name: string, value: string): boolean
  /** The encoded Consort certificate. */
  getCertificate(): Uint8Array
}

export interface Context {
  stub: ChaincodeStub
  clientIdentity: ClientIdentity
}

/**
 * Base class of a contract. Its public methods (not starting with `_`) are transaction
 * functions, called as `fn(ctx, ...args)` with string arguments; a method's return value
 * (a string, bytes, or anything JSON can encode) is the transaction's result. Export the
 * classes as `export const contracts = [MyContract]`.
 */
export class Contract {
  private readonly contractName: string

  constructor(name?: string) {
    this.contractName = name ?? new.target.name
  }

  getName(): string {
    return this.contractName
  }

  /** Called before each transaction function; override to check access, for instance. */
  async beforeTransaction(_ctx: Context): Promise<void> {}

  /** Called after each transaction function with its result. */
  async afterTransaction(_ctx: Context, _result: unknown): Promise<void> {}
}

/** Marks nothing at run time; kept so Fabric-style `@Transaction()` code reads the same. */
export function Transaction(_submit = true): (target: unknown, key?: string | symbol) => void {
  return () => undefined
}

export const COMPOSITE_KEY_NAMESPACE = '\u0000'
const MIN_UNICODE_RUNE = '\u0000'

export function createCompositeKey(objectType: string, attributes: string[]): string {
  for (const part of [objectType, ...attributes]) {
    if (part.includes(MIN_UNICODE_RUNE)) throw new Error('composite key parts may not contain U+0000')
  }
  return COMPOSITE_KEY_NAMESPACE + objectType + MIN_UNICODE_RUNE + attributes.map((a) => a + MIN_UNICODE_RUNE).join('')
}

export function splitCompositeKey(key: string): { objectType: string; attributes: string[] } {
  if (!key.startsWith(COMPOSITE_KEY_NAMESPACE)) return { objectType: '', attributes: [] }
  const parts = key.slice(1).split(MIN_UNICODE_RUNE)
  return { objectType: parts[0] ?? '', attributes: parts.slice(1, -1) }
}
