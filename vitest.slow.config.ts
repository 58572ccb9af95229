// The slow lane: tests that take minutes (a 4 GiB zip64 entry, the standalone executable, which
// `npm run test:slow` builds first). .ci/run runs it.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    globalSetup: 'test/setup/processes.ts',
    testTimeout: 600_000,
    reporters: ['default'],
  },
})
