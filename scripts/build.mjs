// Plain JavaScript, so that `npm run build` works on any Node that runs tsc and ncc (the system one may be 20).
// `npm run build`: tsc to lib/, then ncc bundles: the action (dist/), the CLI (dist/cli/), the
// restore sub-action (restore/dist/). The two worker threads sit beside each bundle that starts
// them, both made the same way: each bundled on its own and copied there (src/platform/worker-script.ts
// finds them by name beside the module that starts them).
import { execFileSync } from 'node:child_process'
import { platform } from 'node:process'
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

/** @param {string} command @param {string[]} args */
// npx is npx.cmd on Windows, which Node runs only through a shell.
const run = (command, ...args) => execFileSync(command, args, { stdio: 'inherit', shell: platform === 'win32' })
/** @param {string} entry @param {string} out @param {string[]} extra */
const ncc = (entry, out, ...extra) => run('npx', '--no-install', 'ncc', 'build', entry, '-o', out, '--quiet', ...extra)

for (const dir of [
  'lib',
  'dist',
  'restore/dist',
  'build/checksum-worker.js',
  'build/small-file-worker.js',
  'build/archive-worker.js',
])
  rmSync(dir, { recursive: true, force: true })
// The version is package.json's: written into the source the bundles are built from.
const version = /"version":\s*"([^"]+)"/.exec(readFileSync('package.json', 'utf8'))?.[1]
if (!version) throw new Error('package.json has no version')
// The repository too: the one place it is named is package.json's repository field.
const repository = /github\.com[/:]([\w.-]+\/[\w.-]+?)(\.git)?"/.exec(readFileSync('package.json', 'utf8'))?.[1]
if (!repository) throw new Error("package.json's repository field names no GitHub repository")
writeFileSync(
  'src/core/version.ts',
  "// Written by `npm run build` from package.json's version and repository: the one place each is set.\n" +
    `export const VERSION = '${version}'\n` +
    `/** Where the action is published: \`uses: ${repository}@v1\`. */\n` +
    `export const REPOSITORY = '${repository}'\n`,
)
run('npx', '--no-install', 'tsc', '-p', 'tsconfig.json')
ncc('lib/action/main.js', 'dist', '--license', 'licenses.txt')
ncc('lib/cli/main.js', 'dist/cli')
ncc('lib/action/restore-main.js', 'restore/dist')
// Each worker, and the bundles that start it (the backup's two: the action and the CLI; the
// restore's: the CLI and the restore sub-action).
const WORKERS = {
  'checksum-worker.js': { entry: 'lib/backup/checksum-worker.js', beside: ['dist', 'dist/cli'] },
  'small-file-worker.js': { entry: 'lib/zip/small-file-worker.js', beside: ['dist', 'dist/cli'] },
  'archive-worker.js': { entry: 'lib/restore/archive-worker.js', beside: ['dist/cli', 'restore/dist'] },
}
for (const [name, { entry, beside }] of Object.entries(WORKERS)) {
  ncc(entry, `build/${name}`)
  for (const dir of beside) copyFileSync(`build/${name}/index.js`, `${dir}/${name}`)
}
