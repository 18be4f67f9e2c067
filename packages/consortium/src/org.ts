import { access, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { generateKeyPair, readPrivateKeyFile, writePrivateKeyFile } from '@consort/crypto'
import { certificateFromPem, certificateToPem, createRootCA, isSignedBy, issueCertificate, parseCertificate } from '@consort/identity'
import type { CertificateAuthority, ParsedCertificate } from '@consort/identity'
import { Role } from '@consort/types'
import { ConsortiumError, ConsortiumErrorCode } from './errors.js'

/** Ten years: how long the certificates `org init` and `node init` issue are valid. */
export const VALIDITY_MS = 10 * 365 * 86_400_000
/** Certificates start a minute early, so a peer whose clock is a little behind accepts them. */
const EARLY_MS = 60_000

/** An orderer an org contributes: what a channel's consenter entry is made of. */
export interface OrgOrderer {
  name: string
  /** Advertised libp2p address without /p2p/… (the certificate's key gives the peer id). */
  address: string
  /** PEM certificate. */
  certificate: string
  /** The site (data centre) it runs in, for active/passive DR. */
  site?: string
}

/** A peer an org offers as an anchor peer: other orgs' gateways ask it to endorse. */
export interface OrgPeer {
  name: string
  /** Advertised libp2p address, with /p2p/<peer id>. */
  address: string
  site?: string
}

/**
 * org.json: an organization's public definition, the only file of an org that travels to
 * other orgs. Certificates only; no private key.
 */
export interface OrgDefinition {
  mspId: string
  /** PEM certificate of the org's root CA. */
  caCertificate: string
  /** PEM certificates of the org's admins (who sign channel updates and contract approvals). */
  admins: string[]
  orderers: OrgOrderer[]
  peers: OrgPeer[]
}

/** An org's definition with its certificates checked: each issued by its CA, for its org and role. */
export interface CheckedOrg {
  definition: OrgDefinition
  ca: ParsedCertificate
  admins: ParsedCertificate[]
  orderers: (OrgOrderer & { parsed: ParsedCertificate })[]
}

/** The files of one identity in an org's folder. */
export interface IdentityFiles {
  certificate: string
  privateKey: string
}

export interface InitOrgResult {
  mspId: string
  dir: string
  orgFile: string
  ca: IdentityFiles
  admin: IdentityFiles
  client: IdentityFiles
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  )

/** Writes an identity folder: cert.pem, and key.pem (0600). */
export async function writeIdentity(dir: string, cert: Uint8Array, privateKey: Uint8Array): Promise<IdentityFiles> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const files = { certificate: join(dir, 'cert.pem'), privateKey: join(dir, 'key.pem') }
  await writeFile(files.certificate, certificateToPem(cert))
  await writePrivateKeyFile(files.privateKey, privateKey)
  return files
}

const MSP_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/

/**
 * `consort org init <Org> --out DIR`: the org's root CA, an admin and a client identity (private
 * keys 0600, folders 0700), and DIR/org.json, its public definition.
 */
export async function initOrg(mspId: string, out: string, opts: { now?: number } = {}): Promise<InitOrgResult> {
  if (!MSP_ID.test(mspId)) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_ORG, `"${mspId}" is not an org name: a letter, then letters, digits, _ or - (at most 64)`, { mspId })
  }
  const dir = resolve(out)
  const orgFile = join(dir, 'org.json')
  if (await exists(orgFile)) throw new ConsortiumError(ConsortiumErrorCode.BAD_FOLDER, `${dir} already holds an org (org.json)`, { dir })
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const notBefore = (opts.now ?? Date.now()) - EARLY_MS
  const ca = createRootCA({ org: mspId, notBefore, notAfter: notBefore + VALIDITY_MS })
  const caFiles = await writeIdentity(join(dir, 'ca'), ca.certificate, ca.privateKey)
  const issue = (role: Role, subject: string, where: string) => {
    const keys = generateKeyPair()
    return writeIdentity(
      where,
      issueCertificate(ca, { subject, role, publicKey: keys.publicKey, notBefore, notAfter: notBefore + VALIDITY_MS }),
      keys.privateKey,
    )
  }
  const lower = mspId.toLowerCase()
  const admin = await issue(Role.ADMIN, `admin.${lower}`, join(dir, 'users', 'admin'))
  const client = await issue(Role.CLIENT, `client.${lower}`, join(dir, 'users', 'client'))
  const definition: OrgDefinition = {
    mspId,
    caCertificate: certificateToPem(ca.certificate),
    admins: [await readFile(admin.certificate, 'utf8')],
    orderers: [],
    peers: [],
  }
  await writeOrg(orgFile, definition)
  return { mspId, dir, orgFile, ca: caFiles, admin, client }
}

export async function writeOrg(path: string, definition: OrgDefinition): Promise<void> {
  await writeFile(path, `${JSON.stringify(definition, null, 2)}\n`, { mode: 0o644 })
}

/** Reads an org.json and checks it: every certificate issued by the org's CA, for the org, in its role. */
export async function readOrg(path: string): Promise<CheckedOrg> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(path, 'utf8'))
  } catch (err) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_ORG, `cannot read org definition ${path}: ${(err as Error).message}`, { path })
  }
  return checkOrg(raw, path)
}

export function checkOrg(raw: unknown, where: string): CheckedOrg {
  const bad = (why: string): never => {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_ORG, `org definition ${where}: ${why}`, { path: where })
  }
  const d = raw as Partial<OrgDefinition>
  if (typeof d?.mspId !== 'string' || !MSP_ID.test(d.mspId)) bad('"mspId" must be an org name')
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string')
  if (typeof d.caCertificate !== 'string' || !strings(d.admins) || !Array.isArray(d.orderers) || !Array.isArray(d.peers)) {
    bad('needs "caCertificate", "admins", "orderers" and "peers"')
  }
  const parse = (pem: string, what: string): ParsedCertificate => {
    try {
      return parseCertificate(certificateFromPem(pem))
    } catch (err) {
      return bad(`${what} is not a certificate: ${(err as Error).message}`)
    }
  }
  const ca = parse(d.caCertificate as string, 'caCertificate')
  if (!ca.body.isCa || ca.org !== d.mspId || !isSignedBy(ca, ca)) bad(`caCertificate is not a self-signed CA of ${d.mspId}`)
  const issued = (c: ParsedCertificate, role: Role, what: string) => {
    if (c.org !== d.mspId || c.role !== role || !isSignedBy(c, ca)) bad(`${what} (${c.subject}) is not a ${role} certificate issued by ${d.mspId}'s CA`)
    return c
  }
  const admins = (d.admins as string[]).map((pem, i) => issued(parse(pem, `admins[${i}]`), Role.ADMIN, `admins[${i}]`))
  const orderers = (d.orderers as OrgOrderer[]).map((o, i) => {
    if (typeof o?.name !== 'string' || typeof o.address !== 'string' || typeof o.certificate !== 'string')
      bad(`orderers[${i}] needs name, address, certificate`)
    const parsed = issued(parse(o.certificate, `orderers[${i}].certificate`), Role.ORDERER, `orderers[${i}]`)
    if (parsed.subject !== o.name) bad(`orderers[${i}] is named ${o.name} but its certificate is ${parsed.subject}'s`)
    return { ...o, parsed }
  })
  for (const [i, p] of (d.peers as OrgPeer[]).entries()) {
    if (typeof p?.name !== 'string' || typeof p.address !== 'string' || !p.address.includes('/p2p/'))
      bad(`peers[${i}] needs a name and an address ending in /p2p/<id>`)
  }
  return { definition: d as OrgDefinition, ca, admins, orderers }
}

/** Reads an identity folder (cert.pem, key.pem): an org's CA, a user, a node. */
export async function readIdentity(dir: string): Promise<{ certificate: Uint8Array; privateKey: Uint8Array }> {
  return {
    certificate: certificateFromPem(await readFile(join(dir, 'cert.pem'), 'utf8')),
    privateKey: await readPrivateKeyFile(join(dir, 'key.pem')),
  }
}

/** The org's CA from its folder (the private key never leaves it). */
export async function readOrgCA(dir: string): Promise<{ ca: CertificateAuthority; org: CheckedOrg; orgFile: string }> {
  const orgFile = join(resolve(dir), 'org.json')
  const org = await readOrg(orgFile)
  let ca: CertificateAuthority
  try {
    ca = await readIdentity(join(dir, 'ca'))
  } catch (err) {
    throw new ConsortiumError(
      ConsortiumErrorCode.BAD_FOLDER,
      `${dir} is not an org folder with its CA key (ca/cert.pem, ca/key.pem): ${(err as Error).message}`,
      {
        dir,
      },
    )
  }
  if (parseCertificate(ca.certificate).serial !== org.ca.serial) {
    throw new ConsortiumError(ConsortiumErrorCode.BAD_FOLDER, `${dir}/ca is not the CA org.json names`, { dir })
  }
  return { ca, org, orgFile }
}
