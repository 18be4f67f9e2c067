#!/usr/bin/env node
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { readPrivateKeyFile } from '@consort/crypto'
import { certificateFromPem } from '@consort/identity'
import { loadOrdererConfig } from '@consort/orderer-app'
import { Peer } from '@consort/peer'
import { pino } from 'pino'

const usage = 'usage: consort-peer --config <peer.json>   (run with node --no-node-snapshot)'

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } } })
  if (values.help === true || values.config === undefined) {
    console.error(usage)
    process.exit(values.help === true ? 0 : 2)
  }
  // Same file format as the orderer's: name, identity, listen, dataDir, genesisBlock, operations.
  const cfg = await loadOrdererConfig(values.config)
  const logger = pino({ level: cfg.logLevel ?? 'info', base: { node: cfg.name } })
  const peer = await Peer.create(
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
    peer.stop().then(
      () => process.exit(0),
      (err: Error) => {
        logger.error({ err: err.message }, 'unclean shutdown')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
  await peer.start()
}

main().catch((err: Error & { code?: string }) => {
  console.error(`consort-peer: ${err.code ? `${err.code}: ` : ''}${err.message}`)
  process.exit(1)
})
