import { sha256, verify } from '@consort/crypto'
import { IdentityError } from '@consort/identity'
import type { MembershipService } from '@consort/identity'
import { Admission, decode, DecodeError } from '@consort/types'

/** Who signs an admission: a certificate and its key, wherever the key lives. */
export interface AdmissionSigner {
  certificate: { bytes: Uint8Array }
  sign(message: Uint8Array): Uint8Array | Promise<Uint8Array>
}

/**
 * The Consort wire protocol this build speaks. Bumped on a change older nodes cannot read
 * (2: typed refusal codes on every answer, BroadcastResponse.code at field 7). Nodes and
 * clients present it at admission; a node refuses another version, naming both.
 */
export const PROTOCOL_VERSION = 2

/** What an admission signs: both ends of the connection, so it cannot be replayed on another. */
export function admissionMessage(server: string, client: string): Uint8Array {
  return sha256(new TextEncoder().encode(`consort/admission/1\u0000${server}\u0000${client}`))
}

/** The credential a node or client presents when it opens a connection to `server`. */
export async function createAdmission(signer: AdmissionSigner, server: string, client: string): Promise<Uint8Array> {
  const certificate = new Uint8Array(signer.certificate.bytes)
  return Admission.encode({
    certificate,
    signature: new Uint8Array(await signer.sign(admissionMessage(server, client))),
    protocolVersion: PROTOCOL_VERSION,
  })
}

/**
 * Why a presented credential is refused, or undefined if it is admitted: its certificate
 * must chain to an org of the channel (any role), be valid now, and its key must have signed
 * this connection's admission message.
 */
export function checkAdmission(bytes: Uint8Array, msp: MembershipService, server: string, client: string): string | undefined {
  try {
    const a = decode(Admission, bytes, 'Admission')
    if (a.protocolVersion !== PROTOCOL_VERSION) {
      const theirs = a.protocolVersion === 0 ? '1 (or older)' : String(a.protocolVersion)
      return `incompatible protocol version: the connecting side speaks Consort protocol ${theirs}, this node speaks protocol ${PROTOCOL_VERSION}; upgrade the older side`
    }
    const id = msp.validate(a.certificate)
    if (!verify(id.publicKey, admissionMessage(server, client), a.signature)) return 'the admission signature does not verify'
    return undefined
  } catch (err) {
    if (err instanceof DecodeError || err instanceof IdentityError) return err.message
    throw err
  }
}
