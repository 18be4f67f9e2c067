import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readPrivateKeyFile } from '@consort/crypto'
import { certificateFromPem, MembershipService } from '@consort/identity'
import { validateConfigUpdate } from '@consort/protocol'
import { ConfigUpdate, ManualClock } from '@consort/types'
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
