import { Contract } from '@consort/contract-api'
import type { Context } from '@consort/contract-api'

const enc = new TextEncoder()
const MAX_PER_TX = 5000

/** Writes keys `prefix` + from … `prefix` + (from + count − 1), each a small JSON value: a world state of a chosen size. */
export class Fill extends Contract {
  constructor() {
    super('fill')
  }

  async Fill(ctx: Context, prefix: string, from: string, count: string, valueBytes = '100'): Promise<number> {
    const start = toCount(from, 'from', Number.MAX_SAFE_INTEGER)
    const n = toCount(count, 'count', MAX_PER_TX)
    const pad = 'x'.repeat(toCount(valueBytes, 'valueBytes', 65_536))
    for (let i = start; i < start + n; i++) await ctx.stub.putState(`${prefix}${i}`, enc.encode(JSON.stringify({ i, pad })))
    return n
  }

  async Read(ctx: Context, key: string): Promise<string> {
    const bytes = await ctx.stub.getState(key)
    if (bytes.length === 0) throw new Error(`no key ${key}`)
    return new TextDecoder().decode(bytes)
  }
}

function toCount(v: string, name: string, max: number): number {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${name} must be an integer from 0 to ${max}, got "${v}"`)
  return n
}

export const contracts = [Fill]
