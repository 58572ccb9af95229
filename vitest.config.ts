import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slow lane has its own config (vitest.slow.config.ts).
    exclude: ['test/slow/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Black-box tests spawn processes and servers: keep the two cores for them.
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default'],
  },
})
