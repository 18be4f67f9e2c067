#!/usr/bin/env node
// The peer process: `node --no-node-snapshot main.js --config peer.json` (the orderer's
// config format). What `consort-peer` (apps/peer) runs and what devnet spawns.
import { runNode, skewedClock } from '@consort/node'
import { Peer } from './peer.js'

await runNode('consort-peer', (input, modules) => Peer.create(input, modules), {
  // CONSORT_CLOCK_SKEW_MS runs the node with its clock this far off (a chaos fault).
  clock: skewedClock(Number(process.env.CONSORT_CLOCK_SKEW_MS ?? 0)),
})
