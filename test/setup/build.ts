// What the tests run besides the TypeScript sources, built before any test (vitest's global setup)
// and never by hand: lib/ for every test (the worker threads start from their compiled files, as in
// production: src/platform/worker-script.ts), and for the black-box tests, which run the bundles as
// processes, dist/ and restore/dist/ again whenever src/ changed since they were built.
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import * as path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')
const BUNDLES = ['dist/index.js', 'dist/cli/index.js', 'restore/dist/index.js']

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs)
  }
  return newest
}

function builtAt(file: string): number {
  try {
    return statSync(path.join(ROOT, file)).mtimeMs
  } catch {
    return 0
  }
}

const run = (...args: string[]) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' })

/** lib/, by tsc's own incremental check: a second or two when nothing changed. */
export function compileLib(): void {
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc')
  run(tsc, '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', 'lib/.tsbuildinfo')
}

/** The bundles (and lib/ with them) when src/ is newer than any of them; else lib/ alone. */
export function buildBundles(): void {
  const sources = Math.max(newestSource(path.join(ROOT, 'src')), builtAt('package.json'))
  if (BUNDLES.every((bundle) => builtAt(bundle) >= sources)) {
    compileLib()
  } else {
    console.log('src/ changed since dist/ was built: npm run build')
    run('scripts/build.mjs')
  }
}
