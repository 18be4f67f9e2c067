// Attacks by members and former members, over the wire against real orderer and peer
// processes. One network for the file; each test only adds to its ledger, in any order.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateKeyPair, readPrivateKeyFile } from '@consort/crypto'
import { certificateFromPem, createRootCA, issueCertificate, signingIdentity } from '@consort/identity'
import type { SigningIdentity } from '@consort/identity'
import { PROTOCOL } from '@consort/client'
import { P2PErrorCode, P2PNode } from '@consort/p2p'
import { createAdmission, createProposal, createResponsePayload, endorse, PROTOCOL_VERSION } from '@consort/protocol'
import { connect, deploy, EndorseError } from '@consort/sdk'
import type { Network } from '@consort/sdk'
import {
  Admission,
  GatewayEndorseRequest,
  GatewayEndorseResponse,
  RefusalCode,
  Role,
  silentLogger,
  Status,
  TxReadWriteSet,
  ValidationCode,
} from '@consort/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNetwork } from '../src/fixture.js'
import type { Client, Net } from '../src/fixture.js'

const contractDir = (name: string) => fileURLToPath(new URL(`../../contracts/${name}`, import.meta.url))
let net: Net
let org1: Network
let client: Client
let version: string

beforeAll(async () => {
  // Nodes inherit this process's umask: the most permissive one, to show it does not matter.
  const umask = process.umask(0)
  try {
    net = await startNetwork({ orderers: 3, peersPerOrg: 1 })
  } finally {
    process.umask(umask)
  }
  await net.leader()
  const admins = [await net.identity(0, 'admin'), await net.identity(1, 'admin')]
  version = (await deploy({ profile: net.manifest.connectionProfile, contract: contractDir('asset-transfer'), name: 'asset-transfer', admins })).version
  org1 = await connect({ profile: net.manifest.connectionProfile, identity: await net.identity(0, 'client') })
  client = await net.client()
}, 120_000)
afterAll(async () => {
  await org1?.close()
  await client?.close()
  await net?.teardown()
})

/** A peer identity issued by an org's CA (as a member, or a former member's admin, could). */
async function issuePeer(mspId: string, notAfter: number): Promise<SigningIdentity> {
  const caDir = join(net.manifest.dir, 'orgs', mspId, 'ca')
  const ca = { certificate: certificateFromPem(await readFile(join(caDir, 'cert.pem'), 'utf8')), privateKey: await readPrivateKeyFile(join(caDir, 'key.pem')) }
  const k = generateKeyPair()
  const cert = issueCertificate(ca, {
    subject: `old-peer.${mspId.toLowerCase()}`,
    role: Role.PEER,
    publicKey: k.publicKey,
    notBefore: Date.now() - 60_000,
    notAfter,
  })
  return signingIdentity(cert, k.privateKey)
}

/** A transaction with a write set of the attacker's choosing, endorsed by `endorsers`, dated `timestamp`. */
async function forged(key: string, endorsers: SigningIdentity[], timestamp: number): Promise<{ envelope: Uint8Array; txId: string }> {
  const p = await org1.proposal({ contract: 'asset-transfer', fcn: 'CreateAsset', args: [key, 'red', '1', 'Mallory', '1'], timestamp })
  const value = new TextEncoder().encode(JSON.stringify({ ID: key, Owner: 'Mallory', AppraisedValue: 1_000_000 }))
  const rwset = TxReadWriteSet.encode({ nsRwset: [{ namespace: 'asset-transfer', reads: [], rangeQueries: [], writes: [{ key, isDelete: false, value }] }] })
  const responsePayload = createResponsePayload({
    header: p.header,
    input: p.input,
    contract: 'asset-transfer',
    contractVersion: version,
    contractSequence: 1,
    rwset,
    response: { status: 200, message: '', payload: new Uint8Array() },
    events: [],
  })
  const endorsements = endorsers.map((e) => endorse(e, responsePayload))
  return { envelope: await org1.transaction({ header: p.header, input: p.input, responsePayload, endorsements }), txId: p.txId }
}

describe('certificates are judged at the ordering time', () => {
  it('a transaction backdated to when stolen peer certificates were valid does not commit VALID', async () => {
    const notAfter = Date.now() + 1500
    const expired = [await issuePeer('Org1', notAfter), await issuePeer('Org2', notAfter)]
    // Wait (on the clock, not a fixed sleep) until both certificates have expired.
    while (Date.now() <= notAfter + 50) await new Promise((r) => setTimeout(r, 50))
    // Dated inside the tx window, at a moment both endorsers' certificates were still valid.
    const tx = await forged('forged-by-backdating', expired, notAfter - 1000)
    const r = await client.orderer.broadcast(tx.envelope, tx.txId)
    expect(r.status).toBe(Status.SUCCESS)
    const status = await org1.commitStatus(tx.txId, 30_000)
    expect(status?.validationCode).toBe(ValidationCode.ENDORSEMENT_POLICY_FAILURE)
    const read = await org1
      .contract('asset-transfer')
      .evaluate('ReadAsset', 'forged-by-backdating')
      .catch((e: unknown) => e)
    expect(read).toBeInstanceOf(EndorseError)
  })

  it('a transaction dated outside the tx time window is refused by the orderer', async () => {
    const valid = [await issuePeer('Org1', Date.now() + 3_600_000), await issuePeer('Org2', Date.now() + 3_600_000)]
    const tx = await forged('forged-far-in-the-past', valid, Date.now() - 10 * 60_000)
    const r = await client.orderer.broadcast(tx.envelope, tx.txId)
    expect([r.status, r.code]).toEqual([Status.BAD_REQUEST, RefusalCode.BAD_TIMESTAMP])
  })
})

describe('the gateway verifies before it forwards', () => {
  it('refuses a proposal from a non-member without asking other orgs or saying whether the contract exists', async () => {
    // A CA of its own that calls itself Org1: its certificates chain to no channel root.
    const rogueCa = createRootCA({ org: 'Org1', notBefore: Date.now() - 60_000 })
    const k = generateKeyPair()
    const rogue = signingIdentity(
      issueCertificate(rogueCa, { subject: 'mallory', role: Role.CLIENT, publicKey: k.publicKey, notBefore: Date.now() - 60_000 }),
      k.privateKey,
    )
    const ask = async (contract: string) => {
      const p = createProposal(rogue, { channelId: net.manifest.channelId, contract, fcn: 'ReadAsset', args: ['x'], timestamp: Date.now() })
      const peer = org1.peersPreferring('Org1')[0]!
      return org1.request(
        peer,
        PROTOCOL.GATEWAY_ENDORSE,
        GatewayEndorseRequest.encode({ proposal: p.envelope, endorsingOrgs: [] }),
        GatewayEndorseResponse,
        10_000,
      )
    }
    const known = await ask('asset-transfer')
    const unknown = await ask('no-such-contract')
    expect([known.status, known.endorsements.length]).toEqual([Status.FORBIDDEN, 0])
    expect(unknown.status).toBe(Status.FORBIDDEN)
    expect(unknown.info).not.toContain('no-such-contract')
  })
})

describe('admission', () => {
  const peerId = (address: string) => address.slice(address.lastIndexOf('/p2p/') + 5)
  const outsider = (credential?: (server: string, client: string) => Promise<Uint8Array>) =>
    P2PNode.create({ privateKey: generateKeyPair().privateKey, listen: [], ...(credential ? { credential } : {}) }, { logger: silentLogger })

  it('refuses a credential that does not chain to a channel org, saying why', async () => {
    const rogueCa = createRootCA({ org: 'Org2', notBefore: Date.now() - 60_000 })
    const k = generateKeyPair()
    const rogue = signingIdentity(
      issueCertificate(rogueCa, { subject: 'mallory', role: Role.CLIENT, publicKey: k.publicKey, notBefore: Date.now() - 60_000 }),
      k.privateKey,
    )
    const node = await outsider((server, client) => createAdmission(rogue, server, client))
    try {
      await expect(node.dial(net.peers[0]!.address, PROTOCOL.COMMIT_STATUS)).rejects.toMatchObject({ code: P2PErrorCode.ADMISSION_REFUSED })
    } finally {
      await node.stop()
    }
  })

  it('refuses a member speaking another protocol version, naming both versions', async () => {
    const member = await net.identity(0, 'client')
    const signer = signingIdentity(member.certificate, member.privateKey)
    // A member's valid credential, from a build that speaks protocol 1.
    const older = async (server: string, client: string) =>
      Admission.encode({ ...Admission.decode(await createAdmission(signer, server, client)), protocolVersion: 1 })
    const node = await outsider(older)
    try {
      await expect(node.dial(net.peers[0]!.address, PROTOCOL.COMMIT_STATUS)).rejects.toMatchObject({
        code: P2PErrorCode.ADMISSION_REFUSED,
        message: expect.stringContaining(`speaks Consort protocol 1, this node speaks protocol ${PROTOCOL_VERSION}`),
      })
    } finally {
      await node.stop()
    }
  })

  it('drops connections that present nothing, while members are served', async () => {
    const target = net.peers[0]!
    const crowd = await Promise.all(Array.from({ length: 100 }, () => outsider()))
    try {
      // Each opens a connection and a stream, and says nothing more.
      await Promise.all(crowd.map((o) => o.dial(target.address, PROTOCOL.COMMIT_STATUS).catch(() => undefined)))
      const r = await org1.contract('asset-transfer').submit('CreateAsset', 'during-the-crowd', 'red', '1', 'Ann', '1')
      expect(r.validationCode).toBe(ValidationCode.VALID)
      // Within the admission deadline (5 s) every one of them is disconnected.
      let gone = false
      for (let i = 0; i < 300 && !gone; i++) {
        gone = crowd.every((o) => !o.connectedTo(peerId(target.address)))
        if (!gone) await new Promise((r) => setTimeout(r, 100))
      }
      expect(gone).toBe(true)
    } finally {
      await Promise.all(crowd.map((o) => o.stop()))
    }
  })
})

describe('node data on disk', () => {
  it("is its owner's alone, whatever the umask the node was started with: folders 0700, files 0600", async () => {
    const loose: string[] = []
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, e.name)
        if ((await stat(path)).mode & 0o077) loose.push(path)
        if (e.isDirectory()) await walk(path)
      }
    }
    const nodes = [net.orderers[0]!, net.peers[0]!]
    for (const n of nodes) {
      expect((await stat(n.dataDir)).mode & 0o777).toBe(0o700)
      await walk(n.dataDir)
    }
    expect(loose).toEqual([])
    // (The walk saw the LevelDB files of both nodes: an empty list means something.)
    expect((await readdir(join(net.peers[0]!.dataDir, 'ledger'))).length).toBeGreaterThan(0)
  })
})
