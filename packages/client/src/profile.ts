import { parseCertificate } from '@consort/identity'
import { peerIdOf } from '@consort/p2p'
import type { ChannelConfig } from '@consort/types'

/** A node as clients know it: its name, its org and its libp2p address (with /p2p/<id>). */
export interface PeerEndpoint {
  name: string
  org: string
  address: string
}

/** What a client needs to reach a network: the channel, its orderers and its peers (connection-profile.json). */
export interface ConnectionProfile {
  channel: string
  orderers: PeerEndpoint[]
  peers: PeerEndpoint[]
}

/** The dialable address of a consenter in a channel config: its address and the peer id its certificate's key gives. */
export function consenterAddress(c: { address: string; certificate: Uint8Array }): string {
  return `${c.address}/p2p/${peerIdOf(parseCertificate(c.certificate).publicKey)}`
}

/** The endpoints a channel config names: its consenters, and each org's anchor peers (named `<org>-anchor<i>`). */
export function channelEndpoints(config: ChannelConfig): ConnectionProfile {
  return {
    channel: config.channelId,
    orderers: config.consenters.map((c) => ({ name: c.name, org: c.org, address: consenterAddress(c) })),
    peers: config.orgs.flatMap((o) => o.anchorPeers.map((address, i) => ({ name: `${o.mspId.toLowerCase()}-anchor${i}`, org: o.mspId, address }))),
  }
}
