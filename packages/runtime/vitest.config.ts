import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // isolated-vm needs a process started with --no-node-snapshot; --expose-gc so that the
    // hostile-contract tests see that contracts get no gc() even from such a node.
    pool: 'forks',
    execArgv: ['--no-node-snapshot', '--expose-gc'],
    testTimeout: 30_000,
  },
})
