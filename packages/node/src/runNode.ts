import { chmod, mkdir, readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { bytesEqual, publicKeyFromPrivate, readPrivateKeyFile } from '@consort/crypto'
import { certificateFromPem, parseCertificate } from '@consort/identity'
import type { Clock, Logger } from '@consort/types'
import { pino } from 'pino'
import { ConfigError, ConfigErrorCode, loadNodeConfig } from './config.js'
import type { NodeFileConfig } from './config.js'
import { startIdleGc } from './idleGc.js'

/** What an orderer or a peer is started with. */
export interface NodeOptions {
  /** Encoded certificate of this node, issued by its org's CA (an orderer's: one of the channel's consenters). */
  certificate: Uint8Array
  privateKey: Uint8Array
  /** libp2p listen multiaddr, e.g. /ip4/127.0.0.1/tcp/7050. */
  listen: string
  dataDir: string
  /** The channel's genesis block (or, for a consenter joining later, the config block that added it). */
  genesisBlock: Uint8Array
  operations?: { host: string; port: number }
  /** A peer's first start: begin from this ledger snapshot folder (`consort node run --from-snapshot`). */
  fromSnapshot?: string
  /** The site the node runs in (node.json `site`). */
  site?: string
}

/** What a node binary needs from its config file, with the files read. */
export interface NodeStartInput extends NodeOptions {
  name: string
}

/** What a node process takes from its environment rather than its config file. */
export interface NodeEnvironment {
  /** CONSORT_CLOCK_SKEW_MS: the node's clock this far off the system clock (a fault the chaos nemesis injects). */
  clock?: Clock
  /** CONSORT_VERIFY_WORKERS: threads checking signatures (default: one fewer than the cores; 0: none). */
  verifyWorkers?: number
}

/** Reads a node's environment variables (the mains pass process.env; nothing below them reads it). */
export function nodeEnvironment(env: Record<string, string | undefined>): NodeEnvironment {
  const skew = Number(env.CONSORT_CLOCK_SKEW_MS ?? 0)
  const workers = Number.parseInt(env.CONSORT_VERIFY_WORKERS ?? '', 10)
  return {
    ...(Number.isFinite(skew) && skew !== 0 ? { clock: { now: () => Date.now() + skew } } : {}),
    ...(Number.isInteger(workers) && workers >= 0 ? { verifyWorkers: workers } : {}),
  }
}

export interface RunningNode {
  start(): Promise<void>
  stop(): Promise<void>
  /** The process went quiet after a load round: give back memory that is cheap to make again. */
  quiet?(): void
}

export type CreateNode = (input: NodeStartInput, modules: { logger: Logger } & NodeEnvironment) => Promise<RunningNode>

/**
 * The shared main of `consort-orderer` and `consort-peer`: parse `--config`, then runNodeFromConfig.
 */
export async function runNode(binary: string, create: CreateNode, environment: NodeEnvironment = {}): Promise<void> {
  const usage = `usage: ${binary} --config <${binary.replace('consort-', '')}.json>   (run with node --no-node-snapshot)`
  const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } } })
  if (values.help === true || values.config === undefined) {
    console.error(usage)
    process.exit(values.help === true ? 0 : 2)
  }
  await runNodeFromConfig(binary, values.config, () => create, environment)
}

/**
 * Runs one node in this process, in the foreground, from its config file: read the identity
 * (refused if the key is not the certificate's) and the genesis block, log JSON lines to
 * stdout, stop cleanly on SIGTERM/SIGINT, log why before exiting on a crash. `create` picks the
 * node's constructor from its config (`consort node run` reads its `kind`).
 */
export async function runNodeFromConfig(
  binary: string,
  configPath: string,
  create: (config: NodeFileConfig) => CreateNode | Promise<CreateNode>,
  environment: NodeEnvironment = {},
  extra: { fromSnapshot?: string } = {},
): Promise<void> {
  try {
    // Whatever the umask it was started with, what the node writes (LevelDB files, contract
    // packages, snapshots) is its owner's alone: folders 0700, files 0600.
    process.umask(0o077)
    const cfg = await loadNodeConfig(configPath)
    const certificate = certificateFromPem(await readFile(cfg.certificate, 'utf8'))
    const privateKey = await readPrivateKeyFile(cfg.privateKey)
    if (!bytesEqual(publicKeyFromPrivate(privateKey), parseCertificate(certificate).publicKey)) {
      throw new ConfigError(ConfigErrorCode.KEY_MISMATCH, `config ${configPath}: ${cfg.privateKey} is not the key of ${cfg.certificate}`, { path: configPath })
    }
    const make = await create(cfg)
    await mkdir(cfg.dataDir, { recursive: true })
    await chmod(cfg.dataDir, 0o700)
    const logger = pino({ level: cfg.logLevel ?? 'info', base: { node: cfg.name } })
    process.on('uncaughtException', (err) => {
      logger.fatal({ err: err.stack }, 'uncaught exception; exiting')
      process.exit(1)
    })
    process.on('unhandledRejection', (err) => {
      logger.fatal({ err: (err as Error)?.stack ?? String(err) }, 'unhandled rejection; exiting')
      process.exit(1)
    })
    const node = await make(
      {
        name: cfg.name,
        certificate,
        privateKey,
        listen: cfg.listen,
        dataDir: cfg.dataDir,
        genesisBlock: new Uint8Array(await readFile(cfg.genesisBlock)),
        ...(cfg.operations !== undefined ? { operations: cfg.operations } : {}),
        ...(cfg.site !== undefined ? { site: cfg.site } : {}),
        ...(extra.fromSnapshot !== undefined ? { fromSnapshot: extra.fromSnapshot } : {}),
      },
      { logger, ...environment },
    )
    // Gives back what a load round left on the heap once the node is quiet (see idleGc.ts).
    const mb = (b: number) => Math.round(b / 1024 / 1024)
    startIdleGc((before, after) => {
      node.quiet?.()
      logger.debug({ heapMb: mb(before), afterMb: mb(after) }, 'quiet after load: collected garbage')
    })
    let stopping = false
    const shutdown = (signal: string): void => {
      if (stopping) return
      stopping = true
      logger.info({ signal }, 'shutting down')
      node.stop().then(
        () => process.exit(0),
        (err: Error) => {
          logger.error({ err: err.message }, 'unclean shutdown')
          process.exit(1)
        },
      )
    }
    process.on('SIGTERM', () => shutdown('SIGTERM'))
    process.on('SIGINT', () => shutdown('SIGINT'))
    await node.start()
  } catch (err) {
    const e = err as Error & { code?: string }
    console.error(`${binary}: ${e.code ? `${e.code}: ` : ''}${e.message}`)
    process.exit(1)
  }
}
