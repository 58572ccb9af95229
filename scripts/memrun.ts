import { spawn } from 'node:child_process'
import * as path from 'node:path'
import { randomBytes } from 'node:crypto'
import { StandIn } from '../test/stand-in/server.ts'
import { actionEnvironment, DIST_ENTRY, REPO_ROOT } from '../test/helpers/action-process.ts'
const name = process.argv[2] ?? 'mixed'
const extra = JSON.parse(process.argv[3] ?? '{}') as Record<string, string>
const standIn = await new StandIn({ listIntervalMs: 0, discardUploads: true }).start()
const key = randomBytes(16).toString('hex')
standIn.addAccount(key)
const tree = path.join(REPO_ROOT, '.bench', name)
const { env } = await actionEnvironment({ workspace: tree, inputs: { 'api-key': key, path: 'data/', folder: `m/${name}`, 'api-url': standIn.apiUrl, ...extra }, env: { ONEFICHIER_BACKUP_TEST_TIME_SCALE: '1', NODE_OPTIONS: '--require /tmp/prof/memwatch.cjs' } })
const t0 = Date.now()
const child = spawn(process.execPath, [DIST_ENTRY], { cwd: tree, env, stdio: ['ignore', 'pipe', 'pipe'] })
child.stdout.on('data', (d: Buffer) => { for (const l of d.toString().split('\n')) if (l && !l.startsWith('::debug') && !l.startsWith('  ')) console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s ${l}`) })
child.stderr.on('data', (d: Buffer) => process.stdout.write(d))
await new Promise((r) => child.on('close', r))
await standIn.stop()
