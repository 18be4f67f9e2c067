import { MemoryState, TxSimulator } from '@consort/runtime'
import { Role } from '@consort/types'
import { describe, expect, it } from 'vitest'
import { LIFECYCLE_NS, runLifecycle } from '../../src/index.js'
import type { ValidatedIdentity } from '@consort/identity'

const orgs = ['Org1', 'Org2', 'Org3']
const admin = (org: string) => ({ org, role: Role.ADMIN, subject: `admin.${org}`, publicKey: new Uint8Array([1]) }) as unknown as ValidatedIdentity
const def = ['kv', '1.0', '1', 'MAJORITY', 'ab'.repeat(32)]

/** A state where the given orgs approved `def`, and `fcn` (a commit, by default) of it under `policy`. */
async function commitWith(approvers: string[], policy: string, fcn = 'CommitDefinition', definition = def): Promise<Uint8Array> {
  const state = new MemoryState()
  for (const org of approvers) {
    const sim = new TxSimulator(LIFECYCLE_NS, `approve-${org}`, state)
    await runLifecycle('ApproveDefinition', def, admin(org), sim, orgs, policy)
    state.commit(LIFECYCLE_NS, sim.result().rwset.writes, { blockNum: 1, txNum: 0, txId: `approve-${org}`, timestamp: 0 })
  }
  return runLifecycle(fcn, definition, admin('Org1'), new TxSimulator(LIFECYCLE_NS, 'commit', state), orgs, policy)
}

describe('_lifecycle', () => {
  it("commits a definition once the approving orgs satisfy the channel's lifecycle policy", async () => {
    await expect(commitWith(['Org1', 'Org2'], 'MAJORITY Admins')).resolves.toBeInstanceOf(Uint8Array)
    await expect(commitWith(['Org1'], 'MAJORITY Admins')).rejects.toMatchObject({
      message: expect.stringContaining('the lifecycle policy "MAJORITY Admins" is not satisfied'),
    })
    // The policy in the config decides, not a fixed majority.
    await expect(commitWith(['Org1'], "OR('Org1.admin')")).resolves.toBeInstanceOf(Uint8Array)
    await expect(commitWith(['Org1', 'Org2'], 'ALL Admins')).rejects.toMatchObject({ message: expect.stringContaining('"ALL Admins" is not satisfied') })
  })

  it('tells which orgs approved this very definition and whether it can be committed (CheckCommitReadiness)', async () => {
    const check = async (approvers: string[], definition = def) =>
      JSON.parse(new TextDecoder().decode(await commitWith(approvers, 'MAJORITY Admins', 'CheckCommitReadiness', definition))) as unknown
    expect(await check(['Org1'])).toMatchObject({ approvals: { Org1: true, Org2: false, Org3: false }, ready: false })
    expect(await check(['Org1', 'Org3'])).toMatchObject({ approvals: { Org1: true, Org2: false, Org3: true }, ready: true })
    // Approvals of another definition (another code hash) do not count for this one.
    expect(await check(['Org1', 'Org3'], [...def.slice(0, 4), 'cd'.repeat(32)])).toMatchObject({ approvals: { Org1: false, Org3: false }, ready: false })
  })
})
