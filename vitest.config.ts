import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Black-box tests spawn processes and servers: keep the two cores for them.
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default'],
  },
})
