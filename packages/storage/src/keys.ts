/** A one-byte prefix and an 8-byte big-endian number: keys that sort by number. */
export function numberKey(prefix: number, n: number): Uint8Array {
  const k = new Uint8Array(9)
  k[0] = prefix
  new DataView(k.buffer).setBigUint64(1, BigInt(n))
  return k
}

export function keyNumber(key: Uint8Array): number {
  return Number(new DataView(key.buffer, key.byteOffset, key.byteLength).getBigUint64(1))
}

export function stringKey(prefix: number, s: string): Uint8Array {
  const body = new TextEncoder().encode(s)
  const k = new Uint8Array(body.byteLength + 1)
  k[0] = prefix
  k.set(body, 1)
  return k
}

export function u64(n: number): Uint8Array {
  const b = new Uint8Array(8)
  new DataView(b.buffer).setBigUint64(0, BigInt(n))
  return b
}

export function readU64(b: Uint8Array, offset = 0): number {
  return Number(new DataView(b.buffer, b.byteOffset, b.byteLength).getBigUint64(offset))
}
