#!/usr/bin/env node
import { Orderer } from '@consort/orderer'
import { runNode } from './runNode.js'

await runNode('consort-orderer', async (input, logger) => {
  const orderer = await Orderer.create(input, { logger })
  orderer.chain.on('fatal', (err: Error) => {
    logger.error({ err: err.stack }, 'chain failed; exiting so a supervisor can restart the node')
    process.exit(1)
  })
  return orderer
})
