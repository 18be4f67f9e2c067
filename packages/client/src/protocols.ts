/**
 * The ids of the protocols clients speak to orderers and peers: /consort/<name>/<semver>.
 * Version 2 of the request/answer ones carries many requests per stream. The services that
 * answer them (orderer, peer, node) import these ids from here; the Raft protocol is the
 * orderer's own, and admission belongs to p2p.
 */
export const PROTOCOL = {
  BROADCAST: '/consort/broadcast/2.0.0',
  DELIVER: '/consort/deliver/1.0.0',
  ENDORSE: '/consort/endorse/2.0.0',
  INSTALL: '/consort/install/2.0.0',
  COMMIT_STATUS: '/consort/commit-status/2.0.0',
  GATEWAY_ENDORSE: '/consort/gateway-endorse/2.0.0',
  GATEWAY_SUBMIT: '/consort/gateway-submit/3.0.0',
  ORDERER_ADMIN: '/consort/orderer-admin/1.0.0',
  PEER_SNAPSHOT: '/consort/peer-snapshot/1.0.0',
} as const
