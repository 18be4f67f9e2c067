import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // isolated-vm needs a process started with --no-node-snapshot.
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
    testTimeout: 30_000,
  },
})
