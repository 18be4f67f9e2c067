#!/usr/bin/env node
// The peer process: `node --no-node-snapshot main.js --config peer.json` (the orderer's
// config format). What `consort-peer` (apps/peer) runs and what devnet spawns.
import { nodeEnvironment, runNode } from '@consort/node'
import { Peer } from './peer.js'

await runNode('consort-peer', (input, modules) => Peer.create(input, modules), nodeEnvironment(process.env))
