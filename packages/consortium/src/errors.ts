import { ConsortError } from '@consort/types'

export const ConsortiumErrorCode = {
  /** An org.json that is unreadable, malformed, or whose certificates do not chain to its CA. */
  BAD_ORG: 'ERR_CONSORTIUM_BAD_ORG',
  /** A folder that is not an org's (no CA key), or one already holding an org or node. */
  BAD_FOLDER: 'ERR_CONSORTIUM_BAD_FOLDER',
  /** A HOST:PORT that is not one. */
  BAD_ADDRESS: 'ERR_CONSORTIUM_BAD_ADDRESS',
  /** Inputs that cannot make a channel: no orderer, two orgs of one name, a name used twice. */
  BAD_CHANNEL: 'ERR_CONSORTIUM_BAD_CHANNEL',
  /** A file that is not a block, or a block without a channel config. */
  BAD_BLOCK: 'ERR_CONSORTIUM_BAD_BLOCK',
  /** An upd.json that is unreadable or not an update. */
  BAD_UPDATE: 'ERR_CONSORTIUM_BAD_UPDATE',
  /** A signer that may not sign a config update (not an admin), or one that signed already. */
  BAD_SIGNER: 'ERR_CONSORTIUM_BAD_SIGNER',
} as const
export type ConsortiumErrorCode = (typeof ConsortiumErrorCode)[keyof typeof ConsortiumErrorCode]

export class ConsortiumError extends ConsortError<ConsortiumErrorCode> {}
