import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelConfigOf, ConsortiumErrorCode, hostPortToMultiaddr, initNode, initOrg, profileOf, readOrg } from '../../src/index.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consort-consortium-unit-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('addresses', () => {
  it('turns HOST:PORT into a multiaddr, and refuses what is not one', () => {
    expect(hostPortToMultiaddr('10.0.0.5:7050')).toBe('/ip4/10.0.0.5/tcp/7050')
    expect(hostPortToMultiaddr('[::1]:7050')).toBe('/ip6/::1/tcp/7050')
    expect(hostPortToMultiaddr('orderer.example.com:7050', { dns: true })).toBe('/dns4/orderer.example.com/tcp/7050')
    for (const bad of ['10.0.0.5', '10.0.0.5:0', '10.0.0.5:70000', 'orderer.example.com:7050']) {
      expect(() => hostPortToMultiaddr(bad)).toThrow(expect.objectContaining({ code: ConsortiumErrorCode.BAD_ADDRESS }))
    }
  })
})

describe('orgs and nodes', () => {
  it('an org folder and its nodes make a checked org.json and a channel config', async () => {
    const a = await initOrg('Acme', join(dir, 'acme'))
    await expect(initOrg('Acme', join(dir, 'acme'))).rejects.toMatchObject({ code: ConsortiumErrorCode.BAD_FOLDER })
    await expect(initOrg('9lives', join(dir, 'nine'))).rejects.toMatchObject({ code: ConsortiumErrorCode.BAD_ORG })
    const o = await initNode('orderer0.acme', a.dir, {
      kind: 'orderer',
      listen: '0.0.0.0:7050',
      advertise: 'acme.example.com:7050',
      out: join(dir, 'acme', 'o'),
    })
    expect(o.address).toMatch(/^\/dns4\/acme\.example\.com\/tcp\/7050\/p2p\/12D3KooW/)
    await expect(initNode('peer0.acme', a.dir, { kind: 'peer', listen: '0.0.0.0:7051', out: join(dir, 'acme', 'p') })).rejects.toMatchObject({
      code: ConsortiumErrorCode.BAD_ADDRESS,
    })
    await initNode('peer0.acme', a.dir, { kind: 'peer', listen: '127.0.0.1:7051', out: join(dir, 'acme', 'p') })
    const node = JSON.parse(await readFile(join(dir, 'acme', 'o', 'node.json'), 'utf8')) as Record<string, unknown>
    expect(node).toMatchObject({ name: 'orderer0.acme', kind: 'orderer', listen: '/ip4/0.0.0.0/tcp/7050', genesisBlock: 'genesis.block' })
    const org = await readOrg(a.orgFile)
    expect(org.orderers.map((x) => x.name)).toEqual(['orderer0.acme'])
    const config = channelConfigOf([org])
    expect(config.consenters).toMatchObject([{ id: 1, name: 'orderer0.acme', org: 'Acme', address: '/dns4/acme.example.com/tcp/7050' }])
    const profile = profileOf(config, 'Acme')
    expect(profile.orderers[0]!.address).toMatch(/\/p2p\/12D3KooW/)
    expect(profile.peers).toHaveLength(1)
  })

  it('refuses an org.json whose node certificate was issued by another org', async () => {
    const b = await initOrg('Beta', join(dir, 'beta'))
    const c = await initOrg('Gamma', join(dir, 'gamma'))
    await initNode('orderer0.gamma', c.dir, { kind: 'orderer', listen: '127.0.0.1:7050', out: join(dir, 'gamma', 'o') })
    const beta = JSON.parse(await readFile(b.orgFile, 'utf8')) as { orderers: unknown[] }
    const gamma = JSON.parse(await readFile(c.orgFile, 'utf8')) as { orderers: unknown[] }
    beta.orderers = gamma.orderers
    await writeFile(join(dir, 'beta-forged.json'), JSON.stringify(beta))
    await expect(readOrg(join(dir, 'beta-forged.json'))).rejects.toMatchObject({ code: ConsortiumErrorCode.BAD_ORG })
    await expect(Promise.resolve().then(() => channelConfigOf([]))).rejects.toMatchObject({ code: ConsortiumErrorCode.BAD_CHANNEL })
  })
})
