import { randomBytes } from 'node:crypto'
import { generateKeyPair, sign, toHex, verify } from '@consort/crypto'
import type { KeyPair } from '@consort/crypto'
import { Certificate, CertificateBody, decode, DecodeError, Role } from '@consort/types'
import { IdentityError, IdentityErrorCode } from './errors.js'

/** A certificate decoded once, with the bytes it came from. */
export interface ParsedCertificate {
  /** The encoded Certificate, exactly as received. */
  readonly bytes: Uint8Array
  readonly body: CertificateBody
  readonly signature: Uint8Array
  /** The signed bytes (encoded CertificateBody). */
  readonly signedBytes: Uint8Array
  readonly serial: string
  readonly org: string
  readonly role: Role
  readonly subject: string
  readonly publicKey: Uint8Array
}

export const DAY_MS = 24 * 60 * 60 * 1000
const DEFAULT_VALIDITY_MS = 365 * DAY_MS

export function parseCertificate(bytes: Uint8Array): ParsedCertificate {
  try {
    const cert = decode(Certificate, bytes, 'Certificate')
    const body = decode(CertificateBody, cert.body, 'CertificateBody')
    if (body.publicKey.byteLength !== 32 || body.org === '' || body.subject === '') {
      throw new IdentityError(IdentityErrorCode.MALFORMED, 'certificate lacks a subject, org or 32-byte key', {
        subject: body.subject,
        org: body.org,
      })
    }
    return {
      bytes,
      body,
      signature: cert.signature,
      signedBytes: cert.body,
      serial: toHex(body.serial),
      org: body.org,
      role: body.role,
      subject: body.subject,
      publicKey: body.publicKey,
    }
  } catch (err) {
    if (err instanceof DecodeError) {
      throw new IdentityError(IdentityErrorCode.MALFORMED, 'certificate does not decode', {}, { cause: err })
    }
    throw err
  }
}

/** A CA: its certificate and the key that signs what it issues. */
export interface CertificateAuthority {
  readonly certificate: Uint8Array
  readonly privateKey: Uint8Array
}

export interface RootCAOptions {
  org: string
  /** Defaults to `ca.<org>`. */
  subject?: string
  notBefore: number
  notAfter?: number
  keyPair?: KeyPair
}

/** A self-signed root CA for one organization. */
export function createRootCA(opts: RootCAOptions): CertificateAuthority {
  const keyPair = opts.keyPair ?? generateKeyPair()
  const subject = opts.subject ?? `ca.${opts.org.toLowerCase()}`
  const certificate = signBody(
    {
      subject,
      org: opts.org,
      role: Role.ROLE_UNSPECIFIED,
      publicKey: keyPair.publicKey,
      notBefore: opts.notBefore,
      notAfter: opts.notAfter ?? opts.notBefore + 10 * DEFAULT_VALIDITY_MS,
      issuer: subject,
      isCa: true,
      attributes: new Map(),
    },
    keyPair.privateKey,
  )
  return { certificate, privateKey: keyPair.privateKey }
}

export interface IssueOptions {
  subject: string
  role: Role
  publicKey: Uint8Array
  notBefore: number
  notAfter?: number
  attributes?: Record<string, string>
}

/** Issues a leaf certificate in the CA's organization. */
export function issueCertificate(ca: CertificateAuthority, opts: IssueOptions): Uint8Array {
  const issuer = parseCertificate(ca.certificate)
  if (!issuer.body.isCa) {
    throw new IdentityError(IdentityErrorCode.NOT_A_CA, `${issuer.subject} is not a CA`, { subject: issuer.subject })
  }
  return signBody(
    {
      subject: opts.subject,
      org: issuer.org,
      role: opts.role,
      publicKey: new Uint8Array(opts.publicKey),
      notBefore: opts.notBefore,
      notAfter: opts.notAfter ?? opts.notBefore + DEFAULT_VALIDITY_MS,
      issuer: issuer.subject,
      isCa: false,
      attributes: new Map(Object.entries(opts.attributes ?? {})),
    },
    ca.privateKey,
  )
}

function signBody(fields: Omit<CertificateBody, 'version' | 'serial'>, signerKey: Uint8Array): Uint8Array {
  const body = CertificateBody.encode({ version: 1, serial: new Uint8Array(randomBytes(16)), ...fields })
  return Certificate.encode({ body, signature: sign(signerKey, body) })
}

/** True when `cert`'s signature verifies under `issuer`'s key. */
export function isSignedBy(cert: ParsedCertificate, issuer: ParsedCertificate): boolean {
  return verify(issuer.publicKey, cert.signedBytes, cert.signature)
}

const PEM_LABEL = 'CONSORT CERTIFICATE'

export function certificateToPem(bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes)
    .toString('base64')
    .replace(/.{1,64}/g, '$&\n')
  return `-----BEGIN ${PEM_LABEL}-----\n${b64}-----END ${PEM_LABEL}-----\n`
}

export function certificateFromPem(pem: string): Uint8Array {
  const match = new RegExp(`-----BEGIN ${PEM_LABEL}-----([A-Za-z0-9+/=\\s]+)-----END ${PEM_LABEL}-----`).exec(pem)
  if (match === null) {
    throw new IdentityError(IdentityErrorCode.MALFORMED, `not a PEM block labelled ${PEM_LABEL}`)
  }
  const bytes = new Uint8Array(Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64'))
  parseCertificate(bytes)
  return bytes
}
