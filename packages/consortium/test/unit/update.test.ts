import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readPrivateKeyFile } from '@consort/crypto'
import { certificateFromPem, MembershipService } from '@consort/identity'
import { validateConfigUpdate } from '@consort/protocol'
import { ChannelConfig, ConfigUpdate, ManualClock } from '@consort/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelConfigOf, ConsortiumErrorCode, draftUpdate, initNode, initOrg, readOrg, signUpdate, updateConfig } from '../../src/index.js'
import type { InitOrgResult } from '../../src/index.js'

let dir: string
const orgs: InitOrgResult[] = []
const id = async (o: InitOrgResult, who: 'admin' | 'client') => ({
  certificate: certificateFromPem(await readFile(o[who].certificate, 'utf8')),
  privateKey: await readPrivateKeyFile(o[who].privateKey),
})

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consort-update-unit-'))
  for (const name of ['Org1', 'Org2', 'Org3', 'Org4']) {
    const o = await initOrg(name, join(dir, name))
    await initNode(`orderer0.${name.toLowerCase()}`, o.dir, { kind: 'orderer', listen: '127.0.0.1:7050', out: join(o.dir, 'orderer') })
    orgs.push(o)
  }
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('config updates', () => {
  it('drafts an update for the next sequence that the orderers accept once MAJORITY of admins signed', async () => {
    const current = channelConfigOf(await Promise.all(orgs.slice(0, 3).map((o) => readOrg(o.orgFile))))
    const draft = draftUpdate(current, { type: 'add-org', org: await readOrg(orgs[3]!.orgFile) })
    expect(draft).toMatchObject({ channel: 'consort', baseSequence: 0, description: 'add org Org4', signatures: [] })
    expect(updateConfig(draft).orgs.map((o) => o.mspId)).toEqual(['Org1', 'Org2', 'Org3', 'Org4'])
    await expect(Promise.resolve().then(async () => signUpdate(draft, await id(orgs[0]!, 'client')))).rejects.toMatchObject({
      code: ConsortiumErrorCode.BAD_SIGNER,
    })
    const once = signUpdate(draft, await id(orgs[0]!, 'admin'))
    await expect(Promise.resolve().then(async () => signUpdate(once, await id(orgs[0]!, 'admin')))).rejects.toMatchObject({
      code: ConsortiumErrorCode.BAD_SIGNER,
    })
    const twice = signUpdate(once, await id(orgs[1]!, 'admin'))
    const msp = new MembershipService(current.orgs, { clock: new ManualClock(Date.now()) })
    const bytes = (f: typeof draft) =>
      ConfigUpdate.encode({
        config: new Uint8Array(Buffer.from(f.config, 'base64')),
        signatures: f.signatures.map((s) => ({ signer: certificateFromPem(s.signer), signature: new Uint8Array(Buffer.from(s.signature, 'base64')) })),
      })
    expect(() => validateConfigUpdate(current, bytes(once), msp)).toThrow(/polic|admin/i)
    expect(validateConfigUpdate(current, bytes(twice), msp).sequence).toBe(1)
  })

  it('adds and removes consenters with fresh ids, and refuses what cannot be drafted', async () => {
    const current = channelConfigOf(await Promise.all(orgs.slice(0, 3).map((o) => readOrg(o.orgFile))))
    const removed = updateConfig(draftUpdate(current, { type: 'remove-consenter', name: 'orderer0.org3' }))
    expect(removed.consenters.map((c) => c.id)).toEqual([1, 2])
    expect(removed.retiredConsenterIds).toEqual([3])
    const o4 = (await readOrg(orgs[3]!.orgFile)).orderers[0]!
    const withOrg4 = {
      ...removed,
      orgs: [...removed.orgs, ...updateConfig(draftUpdate(removed, { type: 'add-org', org: await readOrg(orgs[3]!.orgFile) })).orgs.slice(3)],
    }
    const added = updateConfig(
      draftUpdate(withOrg4, { type: 'add-consenter', name: o4.name, org: 'Org4', address: o4.address, certificate: certificateFromPem(o4.certificate) }),
    )
    // A retired id is never reused.
    expect(added.consenters.map((c) => c.id)).toEqual([1, 2, 4])
    expect(() => draftUpdate(current, { type: 'remove-org', mspId: 'Org2' })).toThrow(expect.objectContaining({ code: ConsortiumErrorCode.BAD_CHANNEL }))
    expect(() => draftUpdate(current, { type: 'remove-consenter', name: 'nobody' })).toThrow(expect.objectContaining({ code: ConsortiumErrorCode.BAD_CHANNEL }))
  })
})

describe('active/passive sites', () => {
  it('puts other sites’ orderers in the genesis config as learners; promote, demote and set-sites are one change per update', async () => {
    const sited = await initOrg('Org9', join(dir, 'Org9'))
    await initNode('orderer0.org9', sited.dir, { kind: 'orderer', listen: '127.0.0.1:7050', site: 'east', out: join(sited.dir, 'o0') })
    await initNode('orderer1.org9', sited.dir, { kind: 'orderer', listen: '127.0.0.1:7052', site: 'west', out: join(sited.dir, 'o1') })
    await expect(initNode('x', sited.dir, { kind: 'peer', listen: '127.0.0.1:7054', site: 'West Side', out: join(sited.dir, 'x') })).rejects.toThrow(
      /not a site name/,
    )
    const current = channelConfigOf([await readOrg(sited.orgFile)], { activeSite: 'east' })
    expect(current.dr).toEqual({ activeSite: 'east', switchingTo: '' })
    expect(current.consenters.map((c) => [c.name, c.site, c.learner])).toEqual([
      ['orderer0.org9', 'east', false],
      ['orderer1.org9', 'west', true],
    ])
    const closed = updateConfig(draftUpdate(current, { type: 'set-sites', activeSite: 'east', switchingTo: 'west' }))
    expect(closed.dr).toEqual({ activeSite: 'east', switchingTo: 'west' })
    expect(() => draftUpdate(current, { type: 'set-sites', activeSite: 'north', switchingTo: '' })).toThrow(/no consenter runs at site north/)
    const promoted = updateConfig(draftUpdate(closed, { type: 'promote', name: 'orderer1.org9' }))
    expect(promoted.consenters.map((c) => c.learner)).toEqual([false, false])
    expect(() => draftUpdate(promoted, { type: 'promote', name: 'orderer1.org9' })).toThrow(/is a voter already/)
    // The orderers take one membership change per update: a hand-made update flipping two is refused.
    const both = { ...closed, sequence: closed.sequence + 1, consenters: closed.consenters.map((c) => ({ ...c, learner: !c.learner })) }
    const admin = await id(sited, 'admin')
    const file = signUpdate(
      { ...draftUpdate(closed, { type: 'promote', name: 'orderer1.org9' }), config: Buffer.from(ChannelConfig.encode(both)).toString('base64') },
      admin,
    )
    const msp = new MembershipService(closed.orgs, { clock: new ManualClock(Date.now()) })
    const update = ConfigUpdate.encode({
      config: new Uint8Array(Buffer.from(file.config, 'base64')),
      signatures: file.signatures.map((s) => ({ signer: certificateFromPem(s.signer), signature: new Uint8Array(Buffer.from(s.signature, 'base64')) })),
    })
    expect(() => validateConfigUpdate(closed, update, msp)).toThrow(/one consenter at a time/)
  })
})
