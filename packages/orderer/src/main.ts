#!/usr/bin/env node
// The orderer process: `node --no-node-snapshot main.js --config orderer.json`. What
// `consort-orderer` (apps/orderer) runs and what devnet spawns.
import { nodeEnvironment, runNode } from '@consort/node'
import { runOrderer } from './orderer.js'

await runNode('consort-orderer', runOrderer, nodeEnvironment(process.env))
