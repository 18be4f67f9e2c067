import { afterAll, beforeAll, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { ContractTester } from '@consort/runtime'

let h: ContractTester
const identity = ContractTester.identity
const minter = identity('Org1', 'admin', 'admin')
const alice = identity('Org2', 'alice')
const bob = identity('Org3', 'bob')
const id = (c: typeof alice) => `x509::${c.subject}::${c.issuer}`
beforeAll(async () => {
  h = await ContractTester.load(fileURLToPath(new URL('..', import.meta.url)))
})
afterAll(() => h.dispose())

it('mints by the minter org admin only, transfers with balance checks, and tracks supply', async () => {
  expect(await h.submit(minter, 'Mint', '1000')).toBe('1000')
  await expect(h.submit(alice, 'Mint', '5')).rejects.toMatchObject({ message: 'only admins of Org1 may mint' })
  await expect(h.submit(minter, 'Mint', '-5')).rejects.toMatchObject({ message: 'amount must be a positive integer, got "-5"' })
  expect(await h.submit(minter, 'Transfer', id(alice), '300')).toBe('700')
  expect(await h.submit(alice, 'Transfer', id(bob), '100')).toBe('200')
  await expect(h.submit(bob, 'Transfer', id(alice), '101')).rejects.toMatchObject({ message: 'insufficient funds: balance 100, transfer 101' })
  expect(await h.evaluate(alice, 'ClientAccountBalance')).toBe('200')
  expect(await h.evaluate(alice, 'BalanceOf', id(bob))).toBe('100')
  expect(await h.evaluate(alice, 'ClientAccountID')).toBe(id(alice))
  expect(await h.evaluate(bob, 'TotalSupply')).toBe('1000')
})
