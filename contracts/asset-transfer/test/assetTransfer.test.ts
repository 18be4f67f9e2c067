import { afterAll, beforeAll, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { ContractTester } from '@consort/runtime'

let h: ContractTester
const identity = ContractTester.identity
const alice = identity('Org1', 'alice')
beforeAll(async () => {
  h = await ContractTester.load(fileURLToPath(new URL('..', import.meta.url)))
})
afterAll(() => h.dispose())

it('creates, reads, updates, transfers, lists, traces and deletes assets', async () => {
  await h.submit(alice, 'CreateAsset', 'asset1', 'blue', '5', 'Tomoko', '300')
  await h.submit(alice, 'CreateAsset', 'asset2', 'red', '10', 'Brad', '400')
  expect(JSON.parse(await h.evaluate(alice, 'ReadAsset', 'asset1'))).toEqual({ ID: 'asset1', Color: 'blue', Size: 5, Owner: 'Tomoko', AppraisedValue: 300 })
  await expect(h.submit(alice, 'CreateAsset', 'asset1', 'blue', '5', 'X', '1')).rejects.toMatchObject({ message: 'the asset asset1 already exists' })
  await h.submit(alice, 'UpdateAsset', 'asset1', 'green', '6', 'Tomoko', '350')
  expect(await h.submit(alice, 'TransferAsset', 'asset1', 'Max')).toBe('Tomoko')
  expect((JSON.parse(await h.evaluate(alice, 'GetAllAssets', '', '')) as { ID: string; Owner: string }[]).map((a) => [a.ID, a.Owner])).toEqual([
    ['asset1', 'Max'],
    ['asset2', 'Brad'],
  ])
  const history = JSON.parse(await h.evaluate(alice, 'GetAssetHistory', 'asset1')) as { asset: { Owner: string } }[]
  expect(history.map((x) => x.asset.Owner)).toEqual(['Max', 'Tomoko', 'Tomoko'])
  await h.submit(alice, 'DeleteAsset', 'asset2')
  expect(await h.evaluate(alice, 'AssetExists', 'asset2')).toBe('false')
  await expect(h.evaluate(alice, 'ReadAsset', 'asset2')).rejects.toMatchObject({ message: 'the asset asset2 does not exist' })
  await expect(h.submit(alice, 'CreateAsset', 'asset3', 'blue', 'big', 'X', '1')).rejects.toMatchObject({
    message: 'size must be a non-negative integer, got "big"',
  })
})
