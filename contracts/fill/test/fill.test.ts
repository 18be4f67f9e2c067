import { afterAll, beforeAll, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { ContractTester } from '@consort/runtime'

let h: ContractTester
const client = ContractTester.identity('Org1', 'client')
beforeAll(async () => {
  h = await ContractTester.load(fileURLToPath(new URL('..', import.meta.url)))
})
afterAll(() => h.dispose())

it('writes count keys from a prefix in one transaction, and refuses counts out of range', async () => {
  expect(await h.submit(client, 'Fill', 'k', '10', '500', '20')).toBe('500')
  expect(JSON.parse(await h.evaluate(client, 'Read', 'k509'))).toEqual({ i: 509, pad: 'x'.repeat(20) })
  await expect(h.evaluate(client, 'Read', 'k510')).rejects.toMatchObject({ message: 'no key k510' })
  await expect(h.submit(client, 'Fill', 'k', '0', '5001')).rejects.toMatchObject({ message: 'count must be an integer from 0 to 5000, got "5001"' })
})
