import { Contract } from '@consort/contract-api'
import type { Context } from '@consort/contract-api'

const MINTER_ORG = 'Org1'
const SUPPLY_KEY = 'totalSupply'
const enc = new TextEncoder()
const dec = new TextDecoder()

/**
 * A fungible token in the spirit of Fabric's token-erc-20 sample. Accounts are client
 * identities (their `getID()`); balances live under `balance~<account>` composite keys.
 */
export class Token extends Contract {
  constructor() {
    super('token')
  }

  /** Admins of the minter org create new tokens in their own account. */
  async Mint(ctx: Context, amount: string): Promise<number> {
    const id = ctx.clientIdentity
    if (id.getMSPID() !== MINTER_ORG || !id.hasRole('admin')) {
      throw new Error(`only admins of ${MINTER_ORG} may mint`)
    }
    const n = toAmount(amount)
    const account = id.getID()
    const balance = (await this.balanceOf(ctx, account)) + n
    await this.setBalance(ctx, account, balance)
    const supply = (await this.supply(ctx)) + n
    await ctx.stub.putState(SUPPLY_KEY, String(supply))
    ctx.stub.setEvent('Mint', JSON.stringify({ to: account, amount: n }))
    return balance
  }

  /** Moves tokens from the caller's account; fails if the balance is short. */
  async Transfer(ctx: Context, to: string, amount: string): Promise<number> {
    const n = toAmount(amount)
    const from = ctx.clientIdentity.getID()
    if (to === from) throw new Error('cannot transfer to yourself')
    const fromBalance = await this.balanceOf(ctx, from)
    if (fromBalance < n) throw new Error(`insufficient funds: balance ${fromBalance}, transfer ${n}`)
    await this.setBalance(ctx, from, fromBalance - n)
    await this.setBalance(ctx, to, (await this.balanceOf(ctx, to)) + n)
    ctx.stub.setEvent('Transfer', JSON.stringify({ from, to, amount: n }))
    return fromBalance - n
  }

  async BalanceOf(ctx: Context, account: string): Promise<number> {
    return this.balanceOf(ctx, account)
  }

  async ClientAccountID(ctx: Context): Promise<string> {
    return ctx.clientIdentity.getID()
  }

  async ClientAccountBalance(ctx: Context): Promise<number> {
    return this.balanceOf(ctx, ctx.clientIdentity.getID())
  }

  async TotalSupply(ctx: Context): Promise<number> {
    return this.supply(ctx)
  }

  private async balanceOf(ctx: Context, account: string): Promise<number> {
    const b = await ctx.stub.getState(ctx.stub.createCompositeKey('balance', [account]))
    return b.length === 0 ? 0 : Number(dec.decode(b))
  }

  private async setBalance(ctx: Context, account: string, amount: number): Promise<void> {
    await ctx.stub.putState(ctx.stub.createCompositeKey('balance', [account]), enc.encode(String(amount)))
  }

  private async supply(ctx: Context): Promise<number> {
    const b = await ctx.stub.getState(SUPPLY_KEY)
    return b.length === 0 ? 0 : Number(dec.decode(b))
  }
}

function toAmount(v: string): number {
  const n = Number(v)
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`amount must be a positive integer, got "${v}"`)
  return n
}

export const contracts = [Token]
