#!/usr/bin/env node
import { Orderer } from '@consort/orderer'
import { runNode } from './runNode.js'

await runNode('consort-orderer', async (input, modules) => {
  const { logger } = modules
  const orderer = await Orderer.create(input, modules)
  orderer.chain.on('fatal', (err: Error) => {
    logger.error({ err: err.stack }, 'chain failed; exiting so a supervisor can restart the node')
    process.exit(1)
  })
  return orderer
})
