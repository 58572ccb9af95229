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
    // GitHub's workflow parser imports its JSON schema without `with { type: 'json' }`, which Node
    // refuses; transformed by Vite, it loads (test/unit/docs/languageservice.test.ts).
    server: { deps: { inline: ['@actions/languageservice', '@actions/workflow-parser', '@actions/expressions'] } },
  },
})
