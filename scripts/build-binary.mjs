// `npm run build:binary`: the CLI as one executable that needs no Node on the machine (Node's single
// executable applications: https://nodejs.org/api/single-executable-applications.html), written to
// build/1fichier-backup-<os>-<arch> (linux-x64 on the machines we build on). It carries the Node that
// runs this script (Node 24; `bash scripts/dev.sh build:binary` brings one).
// Node 24 runs the embedded main script as CommonJS from one file, so esbuild bundles the CLI and each
// worker thread as CommonJS; the workers travel as assets (src/platform/worker-script.ts starts them).
import { execFileSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as path from 'node:path'
import process from 'node:process'
import { build } from 'esbuild'

const require = createRequire(import.meta.url)
/**
 * @typedef {{
 *   inject: (file: string, name: string, data: Buffer, options: { sentinelFuse: string }) => Promise<void>
 * }} Postject
 */
// postject ships no types; Postject above is the call used here.
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
const postject = /** @type {Postject} */ (require('postject'))

const OUT_DIR = 'build/sea'
const SUFFIX = process.platform === 'win32' ? '.exe' : ''
const EXECUTABLE = `build/1fichier-backup-${process.platform}-${process.arch}${SUFFIX}`
// The fuse Node's binary carries, as the single executable applications page gives it.
const SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'

const major = Number(process.versions.node.split('.')[0])
if (major < 24)
  throw new Error(`build:binary embeds the Node that runs it, and this is ${process.version}: use Node 24`)

// lib/ is what `npm run build` compiles: the same code as the bundles in dist/.
// npx is npx.cmd on Windows, which Node runs only through a shell.
execFileSync('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
})
rmSync(OUT_DIR, { recursive: true, force: true })
mkdirSync(OUT_DIR, { recursive: true })
const bundles = {
  'main.cjs': 'lib/cli/standalone.js',
  'checksum-worker.js': 'lib/backup/checksum-worker.js',
  'small-file-worker.js': 'lib/zip/small-file-worker.js',
  'archive-worker.js': 'lib/restore/archive-worker.js',
}
for (const [out, entry] of Object.entries(bundles)) {
  await build({
    entryPoints: [entry],
    outfile: path.join(OUT_DIR, out),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    legalComments: 'none',
    logLevel: 'warning',
    // import.meta.url is only read outside the executable (worker-script.ts); it is empty inside.
    logOverride: { 'empty-import-meta': 'silent' },
  })
}

const blob = path.join(OUT_DIR, 'sea.blob')
const config = {
  main: path.join(OUT_DIR, 'main.cjs'),
  output: blob,
  disableExperimentalSEAWarning: true,
  useCodeCache: false,
  assets: {
    'checksum-worker.js': path.join(OUT_DIR, 'checksum-worker.js'),
    'small-file-worker.js': path.join(OUT_DIR, 'small-file-worker.js'),
    'archive-worker.js': path.join(OUT_DIR, 'archive-worker.js'),
  },
}
writeFileSync(path.join(OUT_DIR, 'sea-config.json'), JSON.stringify(config, null, 2))
execFileSync(process.execPath, ['--experimental-sea-config', path.join(OUT_DIR, 'sea-config.json')], {
  stdio: 'inherit',
})
rmSync(EXECUTABLE, { force: true })
copyFileSync(process.execPath, EXECUTABLE)
chmodSync(EXECUTABLE, 0o755)
// macOS runs only signed executables: Node's signature is removed before the blob goes in (into
// its own NODE_SEA segment), and an ad-hoc one made after, as Node's single-executable docs say.
const macos = process.platform === 'darwin'
if (macos) execFileSync('codesign', ['--remove-signature', EXECUTABLE], { stdio: 'inherit' })
await postject.inject(EXECUTABLE, 'NODE_SEA_BLOB', readFileSync(blob), {
  sentinelFuse: SENTINEL_FUSE,
  ...(macos ? { machoSegmentName: 'NODE_SEA' } : {}),
})
if (macos) execFileSync('codesign', ['--sign', '-', EXECUTABLE], { stdio: 'inherit' })
process.stdout.write(`${EXECUTABLE}: the CLI with Node ${process.version} inside\n`)
