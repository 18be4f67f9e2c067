import { createRequire } from 'node:module'
import type IsolatedVM from 'isolated-vm'
import { RuntimeError, RuntimeErrorCode } from './errors.js'

/**
 * isolated-vm ships prebuilt binaries per Node ABI: 6.2.0 covers Node 22 and 24, 7.0.1 covers
 * 24 and 26. Both are optional dependencies (each installs only where its engines allow), so
 * the line for the running Node is picked here; their type declarations are identical.
 */
function load(): typeof IsolatedVM {
  const require = createRequire(import.meta.url)
  const major = Number(process.versions.node.split('.')[0])
  const candidates = major >= 24 ? ['isolated-vm-v7', 'isolated-vm-v6'] : ['isolated-vm-v6']
  const errors: string[] = []
  for (const name of candidates) {
    try {
      return require(name) as typeof IsolatedVM
    } catch (err) {
      errors.push(`${name}: ${(err as Error).message.split('\n')[0]}`)
    }
  }
  throw new RuntimeError(RuntimeErrorCode.NO_SANDBOX, `no isolated-vm build loads on Node ${process.versions.node} (supported: 22, 24, 26)`, {
    errors,
  })
}

export const ivm = load()
export type { IsolatedVM }
