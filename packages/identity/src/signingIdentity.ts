import { signer } from '@consort/crypto'
import { parseCertificate } from './certificate.js'
import type { ParsedCertificate } from './certificate.js'

/** Signs a message; may keep its key anywhere (a file, an HSM, a browser). */
export type Signer = (message: Uint8Array) => Promise<Uint8Array>

/** A certificate together with the means to sign as its subject. */
export interface SigningIdentity {
  readonly certificate: ParsedCertificate
  sign(message: Uint8Array): Uint8Array
}

export function signingIdentity(certificate: Uint8Array, privateKey: Uint8Array): SigningIdentity {
  return { certificate: parseCertificate(certificate), sign: signer(privateKey) }
}
