// The README's local-debugging line, run as written: @github/local-action runs the action's logic
// (src/action/action.ts, which exports run()) from its TypeScript source, with the inputs from a
// .env file, here against the stand-in.
import { writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/action-process.ts'
import { runToEnd } from '../helpers/process.ts'
import { makeWorkspace, randomKey } from '../helpers/workspace.ts'
import { CA_CERT_PATH, StandIn } from '../stand-in/server.ts'

let standIn: StandIn
beforeAll(async () => {
  standIn = await new StandIn({ listIntervalMs: 0 }).start()
})
afterAll(async () => {
  await standIn.stop()
})

describe('@github/local-action', () => {
  it('runs src/action/action.ts with inputs from a .env file: the backup is uploaded and verified', async () => {
    const key = randomKey()
    const account = standIn.addAccount(key)
    const workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'debugged locally' } })
    const envFile = path.join(workspace, '.env')
    await writeFile(
      envFile,
      [
        `INPUT_API-KEY=${key}`,
        'INPUT_PATH=data/',
        'INPUT_FOLDER=local/debug',
        `INPUT_API-URL=${standIn.apiUrl}`,
        'INPUT_KEEP-LAST=3',
        `GITHUB_WORKSPACE=${workspace}`,
        '',
      ].join('\n'),
    )
    // As the README says it: from the repository, `npx @github/local-action run . src/action/action.ts .env`.
    const bin = path.join(REPO_ROOT, 'node_modules/@github/local-action/bin/local-action.js')
    const run = await runToEnd(process.execPath, [bin, 'run', '.', 'src/action/action.ts', envFile], {
      cwd: REPO_ROOT,
      env: {
        PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`,
        HOME: process.env.HOME ?? workspace,
        NODE_EXTRA_CA_CERTS: CA_CERT_PATH,
        ONEFICHIER_BACKUP_TEST_TIME_SCALE: '0.01',
      },
    })
    const output = `${run.stdout}${run.stderr}`
    expect(run.code, output).toBe(0)
    expect(output).toContain('Backup uploaded and verified: https://1fichier.com/?')
    // The path line was read against GITHUB_WORKSPACE, not the folder local-action started in.
    expect(output).toContain(`Selected 1 file (16 B) under ${path.join(workspace, 'data')}`)
    expect(output).not.toContain(key)
    expect(account.files.map((f) => f.filename)).toEqual([expect.stringMatching(/\.zip$/)])
  }, 120_000)
})
