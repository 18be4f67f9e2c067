/** Protocol ids: /consort/<name>/<semver>. Version 2 of the request/answer ones (broadcast too) carries many requests per stream. */
export const PROTOCOL = {
  /** The first stream on a connection to an orderer or peer: the client's credential. */
  ADMISSION: '/consort/admission/1.0.0',
  RAFT: '/consort/raft/1.0.0',
  BROADCAST: '/consort/broadcast/2.0.0',
  DELIVER: '/consort/deliver/1.0.0',
  ENDORSE: '/consort/endorse/2.0.0',
  INSTALL: '/consort/install/2.0.0',
  COMMIT_STATUS: '/consort/commit-status/2.0.0',
  GATEWAY_ENDORSE: '/consort/gateway-endorse/2.0.0',
  GATEWAY_SUBMIT: '/consort/gateway-submit/2.0.0',
} as const

/** Default per-frame cap: a block or an envelope larger than this is refused. */
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024
/** Default time to wait for one frame or one write. */
export const DEFAULT_IO_TIMEOUT_MS = 10_000
