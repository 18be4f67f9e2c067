import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { sha256, toHex } from '@consort/crypto'
import { ConsortError } from '@consort/types'

/** A bundled contract: one ES module, identified by the hash of its code. */
export interface ContractPackage {
  name: string
  version: string
  /** hex sha256 of `code`. */
  hash: string
  code: string
}

export const BundleErrorCode = {
  /** The contract folder has no package.json, or its code does not build (a syntax error, an import that cannot run in the sandbox). */
  BUILD_FAILED: 'ERR_RUNTIME_BUILD_FAILED',
} as const
export type BundleErrorCode = (typeof BundleErrorCode)[keyof typeof BundleErrorCode]
export class BundleError extends ConsortError<BundleErrorCode> {}

/**
 * Bundles a contract folder (with a package.json) into one ES module with esbuild. Its
 * `@consort/contract-api` import resolves to this installation's copy; Node built-ins and
 * anything else that cannot run in the sandbox fail the build with a clear message.
 */
export async function bundleContract(dir: string, opts: { name?: string; version?: string } = {}): Promise<ContractPackage> {
  const root = resolve(dir)
  let pkg: { name?: string; version?: string; main?: string; module?: string }
  try {
    pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as typeof pkg
  } catch (err) {
    throw new BundleError(BundleErrorCode.BUILD_FAILED, `${root} has no readable package.json`, { dir: root }, { cause: err })
  }
  const entry = join(root, pkg.module ?? pkg.main ?? 'src/index.ts')
  const api = fileURLToPath(import.meta.resolve('@consort/contract-api'))
  let code: string
  try {
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      alias: { '@consort/contract-api': api },
      mainFields: ['module', 'main'],
      logLevel: 'silent',
      legalComments: 'none',
    })
    code = out.outputFiles[0]?.text ?? ''
  } catch (err) {
    const errors = (err as { errors?: { text: string; location?: { file: string; line: number } }[] }).errors ?? []
    const detail = errors.map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`).join('; ')
    throw new BundleError(BundleErrorCode.BUILD_FAILED, `contract in ${root} does not build: ${detail || (err as Error).message}`, { dir: root })
  }
  const name = opts.name ?? (pkg.name ?? 'contract').replace(/^@[^/]+\//, '')
  return { name, version: opts.version ?? pkg.version ?? '0.0.0', hash: toHex(sha256(new TextEncoder().encode(code))), code }
}
