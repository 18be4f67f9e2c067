#!/usr/bin/env node
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { readPrivateKeyFile } from '@consort/crypto'
import { certificateFromPem } from '@consort/identity'
import { Orderer } from '@consort/orderer'
import { pino } from 'pino'
import { loadOrdererConfig } from './config.js'

const usage = 'usage: consort-orderer --config <orderer.json>'

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } } })
  if (values.help === true || values.config === undefined) {
    console.error(usage)
    process.exit(values.help === true ? 0 : 2)
  }
  const cfg = await loadOrdererConfig(values.config)
  const logger = pino({ level: cfg.logLevel ?? 'info', base: { node: cfg.name } })
  const orderer = await Orderer.create(
    {
      certificate: certificateFromPem(await readFile(cfg.certificate, 'utf8')),
      privateKey: await readPrivateKeyFile(cfg.privateKey),
      listen: cfg.listen,
      dataDir: cfg.dataDir,
      genesisBlock: new Uint8Array(await readFile(cfg.genesisBlock)),
      ...(cfg.operations !== undefined ? { operations: cfg.operations } : {}),
    },
    { logger },
  )
  let stopping = false
  const shutdown = (signal: string): void => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    orderer.stop().then(
      () => process.exit(0),
      (err: Error) => {
        logger.error({ err: err.message }, 'unclean shutdown')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
  orderer.chain.on('fatal', (err: Error) => {
    logger.fatal({ err: err.stack }, 'chain failed; exiting so a supervisor can restart the node')
    process.exit(1)
  })
  await orderer.start()
}

main().catch((err: Error & { code?: string }) => {
  console.error(`consort-orderer: ${err.code ? `${err.code}: ` : ''}${err.message}`)
  process.exit(1)
})
