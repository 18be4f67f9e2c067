import { Contract } from '@consort/contract-api'
import type { Context } from '@consort/contract-api'

export interface Asset {
  ID: string
  Color: string
  Size: number
  Owner: string
  AppraisedValue: number
}

const enc = new TextEncoder()
const dec = new TextDecoder()

export class AssetTransfer extends Contract {
  constructor() {
    super('asset-transfer')
  }

  async CreateAsset(ctx: Context, id: string, color: string, size: string, owner: string, appraisedValue: string): Promise<Asset> {
    if (await this.AssetExists(ctx, id)) throw new Error(`the asset ${id} already exists`)
    const asset: Asset = { ID: id, Color: color, Size: toInt(size, 'size'), Owner: owner, AppraisedValue: toInt(appraisedValue, 'appraisedValue') }
    await ctx.stub.putState(id, enc.encode(JSON.stringify(asset)))
    ctx.stub.setEvent('AssetCreated', JSON.stringify(asset))
    return asset
  }

  async ReadAsset(ctx: Context, id: string): Promise<Asset> {
    const bytes = await ctx.stub.getState(id)
    if (bytes.length === 0) throw new Error(`the asset ${id} does not exist`)
    return JSON.parse(dec.decode(bytes)) as Asset
  }

  async UpdateAsset(ctx: Context, id: string, color: string, size: string, owner: string, appraisedValue: string): Promise<Asset> {
    await this.ReadAsset(ctx, id)
    const asset: Asset = { ID: id, Color: color, Size: toInt(size, 'size'), Owner: owner, AppraisedValue: toInt(appraisedValue, 'appraisedValue') }
    await ctx.stub.putState(id, enc.encode(JSON.stringify(asset)))
    return asset
  }

  async DeleteAsset(ctx: Context, id: string): Promise<void> {
    await this.ReadAsset(ctx, id)
    await ctx.stub.deleteState(id)
  }

  async AssetExists(ctx: Context, id: string): Promise<boolean> {
    return (await ctx.stub.getState(id)).length > 0
  }

  /** Returns the previous owner. */
  async TransferAsset(ctx: Context, id: string, newOwner: string): Promise<string> {
    const asset = await this.ReadAsset(ctx, id)
    const previous = asset.Owner
    asset.Owner = newOwner
    await ctx.stub.putState(id, enc.encode(JSON.stringify(asset)))
    ctx.stub.setEvent('AssetTransferred', JSON.stringify({ id, from: previous, to: newOwner }))
    return previous
  }

  /** Assets with ids in [startId, endId); empty strings mean unbounded. */
  async GetAllAssets(ctx: Context, startId: string, endId: string): Promise<Asset[]> {
    const out: Asset[] = []
    for await (const { value } of ctx.stub.getStateByRange(startId, endId)) out.push(JSON.parse(dec.decode(value)) as Asset)
    return out
  }

  async GetAssetHistory(ctx: Context, id: string): Promise<Array<{ txId: string; deleted: boolean; asset: Asset | null; timestamp: number }>> {
    const out: Array<{ txId: string; deleted: boolean; asset: Asset | null; timestamp: number }> = []
    for await (const m of ctx.stub.getHistoryForKey(id)) {
      out.push({ txId: m.txId, deleted: m.isDelete, asset: m.isDelete ? null : (JSON.parse(dec.decode(m.value)) as Asset), timestamp: m.timestamp })
    }
    return out
  }
}

function toInt(v: string, name: string): number {
  const n = Number(v)
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${v}"`)
  return n
}

export const contracts = [AssetTransfer]
