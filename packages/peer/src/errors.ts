import { ConsortError } from '@consort/types'

export const PeerErrorCode = {
  BAD_PROPOSAL: 'ERR_PEER_BAD_PROPOSAL',
  NOT_AUTHORIZED: 'ERR_PEER_NOT_AUTHORIZED',
  UNKNOWN_CONTRACT: 'ERR_PEER_UNKNOWN_CONTRACT',
  NOT_INSTALLED: 'ERR_PEER_NOT_INSTALLED',
  LIFECYCLE: 'ERR_PEER_LIFECYCLE',
  SIMULATION_FAILED: 'ERR_PEER_SIMULATION_FAILED',
} as const
export type PeerErrorCode = (typeof PeerErrorCode)[keyof typeof PeerErrorCode]

export class PeerError extends ConsortError<PeerErrorCode> {}
