// `npm run demo`: a full backup of a sample folder against the embedded 1fichier stand-in (no
// account needed). Runs the bundled action exactly as a workflow would, then prints its outputs,
// its job summary, and what the stand-in's folder holds afterwards.
import { mkdir, mkdtemp, symlink, writeFile, chmod } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { randomBytes } from 'node:crypto'
import { StandIn } from '../test/stand-in/server.ts'
import { runAction, visibleLog } from '../test/helpers/action-process.ts'

const standIn = await new StandIn().start()
const apiKey = randomBytes(16).toString('hex')
const account = standIn.addAccount(apiKey)

// Earlier backups of the series, another series and a hand-made file: retention must touch only the first.
const day = 86_400_000
for (const daysAgo of [1, 2, 3, 10, 40]) {
  const time = new Date(Date.now() - daysAgo * day)
  const stamp = time
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')
  await standIn.seedFile(account, 'backups/demo', `demo-${stamp}.zip`, `old backup ${daysAgo}`, time)
}
await standIn.seedFile(account, 'backups/demo', 'other-app-20250101T000000Z.zip', 'another series')
await standIn.seedFile(account, 'backups/demo', 'notes.txt', 'a file somebody put there by hand')

const workspace = await mkdtemp(path.join(tmpdir(), 'demo-workspace-'))
await mkdir(path.join(workspace, 'sample/config'), { recursive: true })
await mkdir(path.join(workspace, 'sample/cache'), { recursive: true })
await writeFile(path.join(workspace, 'sample/README.txt'), 'Sample data for the 1fichier Backup demo.\n'.repeat(50))
await writeFile(path.join(workspace, 'sample/config/app.yml'), 'name: demo\nretries: 3\n')
await writeFile(path.join(workspace, 'sample/run.sh'), '#!/bin/sh\necho hello\n')
await chmod(path.join(workspace, 'sample/run.sh'), 0o755)
await writeFile(path.join(workspace, 'sample/cache/big.tmp'), randomBytes(4096))
await writeFile(path.join(workspace, 'sample/.env'), 'SECRET=not-backed-up (hidden file)\n')
await symlink('config/app.yml', path.join(workspace, 'sample/current.yml'))

console.log(`1fichier stand-in listening at ${standIn.apiUrl}\nworkspace: ${workspace}\n`)
const run = await runAction({
  workspace,
  inputs: {
    'api-key': apiKey,
    path: 'sample/\n!sample/cache/**',
    folder: 'backups/demo',
    'name-prefix': 'demo',
    'keep-daily': '3',
    'keep-monthly': '1',
    'api-url': standIn.apiUrl,
  },
  env: { ONEFICHIER_BACKUP_TEST_TIME_SCALE: '1' },
})
console.log('--- action log ---')
// The runner hides ::debug:: lines unless debug logging is on; so does the demo.
console.log(
  visibleLog(run)
    .split('\n')
    .filter((line) => !line.startsWith('::debug::'))
    .join('\n')
    .trim(),
)
console.log(`\n--- exit code: ${run.code} ---\n--- outputs ---`)
for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`)
console.log('\n--- job summary ---')
console.log(run.summary.trim())
console.log('\n--- stand-in folder backups/demo after the run ---')
for (const file of standIn.filesIn(account, 'backups/demo'))
  console.log(`${file.date}  ${String(file.size).padStart(8)}  ${file.filename}`)
await standIn.stop()
process.exit(run.code ?? 1)
