import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Each project names its files (a shared include would be merged into both); the slow lane has its
    // own config (vitest.slow.config.ts).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Black-box tests spawn processes and servers: keep the two cores for them.
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default'],
    // GitHub's workflow parser imports its JSON schema without `with { type: 'json' }`, which Node
    // refuses; transformed by Vite, it loads (test/unit/docs/languageservice.test.ts).
    server: { deps: { inline: ['@actions/languageservice', '@actions/workflow-parser', '@actions/expressions'] } },
    // What each kind of test runs is built by its global setup, never by hand (test/setup/build.ts).
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], globalSetup: 'test/setup/unit.ts' } },
      {
        extends: true,
        test: { name: 'blackbox', include: ['test/blackbox/**/*.test.ts'], globalSetup: 'test/setup/processes.ts' },
      },
    ],
  },
})
