import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { ConsortError } from '@consort/types'

/** A node's config file (JSON), the same for orderers and peers. Relative paths are relative to the file. */
export interface NodeFileConfig {
  name: string
  /** What the node is (written by `consort node init`; `consort node run` needs it). */
  kind?: 'orderer' | 'peer'
  /** The node's org, for people reading the file. */
  org?: string
  /** PEM certificate of this node, issued by its org's CA. */
  certificate: string
  /** PKCS#8 PEM private key. */
  privateKey: string
  /** libp2p listen multiaddr, e.g. /ip4/127.0.0.1/tcp/7050. */
  listen: string
  /** The multiaddr others dial (without /p2p/…), when it is not `listen` (written by `consort node init`). */
  advertise?: string
  dataDir: string
  genesisBlock: string
  operations?: { host: string; port: number }
  /** The site (data centre) the node runs in, for active/passive DR (a peer's gateway refuses transactions while its site is passive). */
  site?: string
  logLevel?: 'debug' | 'info' | 'warn' | 'error'
}

export const ConfigErrorCode = {
  INVALID: 'ERR_CONFIG_INVALID',
  UNREADABLE: 'ERR_CONFIG_UNREADABLE',
  /** The private key file holds another key than the certificate's (another node's, another org's). */
  KEY_MISMATCH: 'ERR_CONFIG_KEY_MISMATCH',
} as const

export class ConfigError extends ConsortError<(typeof ConfigErrorCode)[keyof typeof ConfigErrorCode]> {}

/** Reads and checks a config file, resolving its paths; names the field that is wrong. */
export async function loadNodeConfig(path: string): Promise<NodeFileConfig> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(path, 'utf8'))
  } catch (err) {
    throw new ConfigError(ConfigErrorCode.UNREADABLE, `cannot read config ${path}: ${(err as Error).message}`, { path })
  }
  const c = raw as Record<string, unknown>
  const bad = (field: string, want: string): never => {
    throw new ConfigError(ConfigErrorCode.INVALID, `config ${path}: "${field}" must be ${want}`, { path, field })
  }
  for (const f of ['name', 'certificate', 'privateKey', 'listen', 'dataDir', 'genesisBlock']) {
    if (typeof c[f] !== 'string' || c[f] === '') bad(f, 'a non-empty string')
  }
  const ops = c.operations as Record<string, unknown> | undefined
  if (ops !== undefined && (typeof ops.host !== 'string' || typeof ops.port !== 'number')) bad('operations', '{ "host": string, "port": number }')
  if (c.site !== undefined && typeof c.site !== 'string') bad('site', 'a string')
  if (c.kind !== undefined && c.kind !== 'orderer' && c.kind !== 'peer') bad('kind', '"orderer" or "peer"')
  if (c.logLevel !== undefined && !['debug', 'info', 'warn', 'error'].includes(c.logLevel as string)) bad('logLevel', 'debug, info, warn or error')
  const base = dirname(resolve(path))
  const at = (p: unknown) => resolve(base, p as string)
  return {
    ...(c as unknown as NodeFileConfig),
    certificate: at(c.certificate),
    privateKey: at(c.privateKey),
    dataDir: at(c.dataDir),
    genesisBlock: at(c.genesisBlock),
  }
}
