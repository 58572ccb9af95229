// The standalone executable (npm run build:binary, which `npm run test:slow` runs first) as a server's
// crontab runs it: no `node` on the PATH, the key from a file, a tree big enough to start the
// small-file worker threads, then the way back with the same executable.
import { existsSync, mkdtempSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/action-process.ts'
import { runToEnd } from '../helpers/process.ts'
import { makeWorkspace, randomKey, readTree, type TreeNode } from '../helpers/workspace.ts'
import { CA_CERT_PATH, StandIn } from '../stand-in/server.ts'

const EXECUTABLE = path.join(REPO_ROOT, `build/1fichier-backup-${process.platform}-${process.arch}`)
// A PATH with nothing on it: the executable must not need a `node`, nor any other tool.
const EMPTY_PATH = mkdtempSync(path.join(tmpdir(), 'no-node-'))
let standIn: StandIn
let key: string
let workspace: string
let keyFile: string

async function binary(args: string[], cwd = workspace) {
  const { code, stdout, stderr } = await runToEnd(EXECUTABLE, args, {
    cwd: cwd,
    env: {
      PATH: EMPTY_PATH,
      HOME: cwd,
      NODE_EXTRA_CA_CERTS: CA_CERT_PATH,
      ONEFICHIER_BACKUP_TEST_TIME_SCALE: '0.01',
      ONEFICHIER_API_KEY_FILE: keyFile,
    },
  })
  expect(`${stdout}${stderr}`).not.toContain(key)
  return { code, stdout, stderr }
}

beforeAll(async () => {
  standIn = await new StandIn({ listIntervalMs: 0 }).start()
  key = randomKey()
  standIn.addAccount(key)
  // 3,000 small files: past the 1,024 done in the main thread, so the worker threads run.
  const tree: Record<string, TreeNode> = {
    'data/bin/run.sh': { kind: 'file', content: '#!/bin/sh\necho hi\n', mode: 0o755 },
    'data/big.bin': { kind: 'file', content: Buffer.from(Array.from({ length: 2 << 20 }, (_, i) => (i * 31) % 253)) },
  }
  for (let i = 0; i < 3000; i++) tree[`data/small/${i % 10}/f${i}.txt`] = { kind: 'file', content: `file ${i}\n` }
  workspace = await makeWorkspace(tree)
  keyFile = path.join(workspace, 'key')
  await writeFile(keyFile, `${key}\n`, { mode: 0o600 })
})
afterAll(async () => {
  await standIn.stop()
})

describe('the standalone executable', () => {
  it('was built by npm run build:binary', () => {
    expect(existsSync(EXECUTABLE), `${EXECUTABLE} is missing: run npm run build:binary`).toBe(true)
  })

  it('prints its version and help with no node on the PATH', async () => {
    const version = await binary(['--version'])
    expect(version.code).toBe(0)
    expect(version.stdout).toMatch(/^1fichier-backup \d+\.\d+\.\d+\n$/)
    const help = await binary(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Exit codes:')
  })

  it('backs up, lists and restores a tree that starts the worker threads', async () => {
    const repo = ['--folder', 'host/etc', '--name-prefix', 'etc', '--api-url', standIn.apiUrl]
    const backup = await binary(['--path', 'data', ...repo, '--keep-last', '3', '--json'])
    expect(backup.code, backup.stderr).toBe(0)
    const outputs = JSON.parse(backup.stdout) as Record<string, unknown>
    expect(outputs).toMatchObject({ status: 'uploaded', 'file-count': 3002 })
    expect(typeof outputs.size).toBe('number')
    // Both worker threads ran: the read-back checked every entry, the small files were zipped.
    expect(backup.stderr).toMatch(/Read back: all \d+ entries check out/)

    const list = await binary(['list', ...repo, '--json'])
    expect(list.code, list.stderr).toBe(0)
    expect(list.stdout).toContain(String(outputs['file-name']))

    const to = path.join(mkdtempSync(path.join(tmpdir(), 'restored-')), 'to')
    const restore = await binary(['restore', ...repo, '--to', to])
    expect(restore.code, restore.stderr).toBe(0)
    expect(readTree(to)).toEqual(readTree(path.join(workspace, 'data')))
  })
})
