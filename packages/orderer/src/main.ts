#!/usr/bin/env node
// The orderer process: `node --no-node-snapshot main.js --config orderer.json`. What
// `consort-orderer` (apps/orderer) runs and what devnet spawns.
import { nodeEnvironment, runNode } from '@consort/node'
import { Orderer } from './orderer.js'

await runNode(
  'consort-orderer',
  async (input, modules) => {
    const { logger } = modules
    const orderer = await Orderer.create(input, modules)
    orderer.chain.on('fatal', (err: Error) => {
      logger.error({ err: err.stack }, 'chain failed; exiting so a supervisor can restart the node')
      process.exit(1)
    })
    return orderer
  },
  nodeEnvironment(process.env),
)
