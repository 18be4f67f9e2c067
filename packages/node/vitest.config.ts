import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: { pool: 'forks', execArgv: ['--no-node-snapshot'], testTimeout: 30_000 },
})
