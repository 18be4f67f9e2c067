import { createHash } from 'node:crypto'

export function sha256(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash('sha256').update(data).digest())
}

/**
 * sha256 over several byte strings, each prefixed with its 4-byte big-endian length,
 * so that no two different lists of parts hash alike.
 */
export function sha256Parts(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const hash = createHash('sha256')
  const len = new Uint8Array(4)
  const view = new DataView(len.buffer)
  for (const part of parts) {
    view.setUint32(0, part.byteLength)
    hash.update(len)
    hash.update(part)
  }
  return new Uint8Array(hash.digest())
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(hex, 'hex'))
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false
  return true
}
