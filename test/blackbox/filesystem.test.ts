// The file system never gives "Unexpected failure": a full disk, a missing or read-only temporary
// folder get one error line naming the folder and what to do; a path the walk cannot read is a
// warning, the backup goes on, and the outputs and summary say what is missing; the run's own work
// folder is never zipped, even when RUNNER_TEMP reaches the tree through a symbolic link.
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CA_CERT_PATH, StandIn, type Account } from '../stand-in/server.ts'
import { REPO_ROOT, type ActionRun, runAction, visibleLog } from '../helpers/action-process.ts'
import { inspectZip, makeWorkspace, randomKey } from '../helpers/workspace.ts'

const isRoot = process.getuid?.() === 0
let standIn: StandIn
let apiKey: string
let account: Account
const mounts: string[] = []

beforeAll(async () => {
  standIn = await new StandIn({ listIntervalMs: 0 }).start()
  apiKey = randomKey()
  account = standIn.addAccount(apiKey)
})
afterAll(async () => {
  for (const dir of mounts) execFileSync('umount', [dir])
  await standIn.stop()
})

/** A small tmpfs (you are root in CI): a disk that fills up, or one mounted read-only. */
function tmpfs(options: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tmpfs-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir])
  mounts.push(dir)
  return dir
}

const errorLines = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'))

async function backup(
  workspace: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction({
    workspace,
    inputs: { 'api-key': apiKey, path: 'data/', folder: 'fs', 'api-url': standIn.apiUrl, ...inputs },
    env,
  })
}

describe('the temporary folder', () => {
  it.skipIf(!isRoot)('a full disk: one error line naming the folder and what to do, nothing uploaded', async () => {
    const full = tmpfs('size=1m')
    const workspace = await makeWorkspace({ 'data/random.bin': { kind: 'file', content: randomBytes(4 << 20) } })
    standIn.requests.length = 0
    const run = await backup(workspace, {}, { RUNNER_TEMP: full })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringContaining(`Writing the zip in '${full}' failed: the disk is full (ENOSPC)`),
    ])
    expect(errorLines(run)[0]).toContain('set RUNNER_TEMP to a folder on a disk with room')
    expect(run.stdout).not.toContain('Unexpected failure')
    expect(standIn.requests.filter((r) => r.endpoint === 'upload.cgi')).toHaveLength(0)
    // The partial zip is removed.
    expect(readdirSync(full).filter((name) => name !== '1fichier-backup-state')).toEqual([])
  })

  it.skipIf(!isRoot)('a read-only folder: one error line naming it', async () => {
    const readOnly = tmpfs('size=1m,ro')
    const workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'a' } })
    const run = await backup(workspace, {}, { RUNNER_TEMP: readOnly })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringMatching(new RegExp(`in '${readOnly}' failed: the folder is not writable \\(EROFS\\)`)),
    ])
  })

  it('a missing folder: one error line naming it', async () => {
    const workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'a' } })
    const missing = path.join(tmpdir(), `no-such-folder-${Date.now()}`)
    const run = await backup(workspace, {}, { RUNNER_TEMP: missing })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringContaining(`in '${missing}' failed: the folder does not exist (ENOENT)`),
    ])
  })

  it.skipIf(!isRoot)('the CLI names TMPDIR', async () => {
    const full = tmpfs('size=1m')
    const workspace = await makeWorkspace({ 'data/random.bin': { kind: 'file', content: randomBytes(4 << 20) } })
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'dist/cli/index.js'), '--path', 'data', '--api-url', standIn.apiUrl],
      {
        cwd: workspace,
        env: {
          PATH: process.env.PATH ?? '',
          TMPDIR: full,
          ONEFICHIER_API_KEY: apiKey,
          NODE_EXTRA_CA_CERTS: CA_CERT_PATH,
          ONEFICHIER_BACKUP_TEST_TIME_SCALE: '0.01',
        },
      },
    )
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(code).toBe(1)
    expect(stderr).toContain('the disk is full (ENOSPC)')
    expect(stderr).toContain('set TMPDIR to a folder')
  })

  it(
    'RUNNER_TEMP reached through a symbolic link into the ' + 'backed-up tree: the work folder is never zipped',
    async () => {
      const workspace = await makeWorkspace({
        'data/a.txt': { kind: 'file', content: 'a' },
        'data/tmp/.keep': { kind: 'file', content: '' },
      })
      const link = path.join(mkdtempSync(path.join(tmpdir(), 'link-')), 'runner-temp')
      symlinkSync(path.join(workspace, 'data/tmp'), link)
      const run = await backup(workspace, { 'include-hidden-files': 'true' }, { RUNNER_TEMP: link })
      expect(run.code, visibleLog(run)).toBe(0)
      const stored = standIn.storedPath(account, run.outputs.url)
      const names = inspectZip(stored).map((e) => e.name)
      expect(names.filter((n) => n.includes('1fichier-backup-'))).toEqual([])
      expect(names).toEqual(['a.txt', 'tmp', 'tmp/.keep'])
    },
  )
})

describe('paths the walk cannot read', () => {
  it(
    'a symbolic link loop (follow-symlinks) and a path too long: ' +
      'warnings, the backup goes on, the outputs say what is missing',
    async () => {
      const workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'kept' } })
      symlinkSync('loop-b', path.join(workspace, 'data/loop-a'))
      symlinkSync('loop-a', path.join(workspace, 'data/loop-b'))
      const followed = await backup(workspace, { 'follow-symlinks': 'true' })
      expect(followed.code, visibleLog(followed)).toBe(0)
      expect(followed.stdout).toMatch(/::warning::'data\/loop-a' is missing from the backup: its symbolic links loop/)
      expect(JSON.parse(followed.outputs['missing-files'])).toEqual(['data/loop-a', 'data/loop-b'])
      expect(followed.summary).toContain('### Missing files (2)')
      expect(inspectZip(standIn.storedPath(account, followed.outputs.url)).map((e) => e.name)).toEqual(['a.txt'])

      // A tree deeper than the system's longest path (4,096 bytes), made one relative step at a time.
      const deep = path.join(workspace, 'data/deep')
      mkdirSync(deep)
      const segment = 'd'.repeat(200)
      execFileSync('bash', [
        '-c',
        `cd "$1" && for i in $(seq 25); do mkdir ${segment} && cd ${segment}; done && echo x > too-deep.txt`,
        'bash',
        deep,
      ])
      const walked = await backup(workspace)
      expect(walked.code, visibleLog(walked)).toBe(0)
      expect(walked.stdout).toMatch(
        /::warning::'data\/deep\/d+.*' is missing from the backup: its path is too long for the system/,
      )
      expect(JSON.parse(walked.outputs['missing-files'])).toHaveLength(1)
      expect(errorLines(walked)).toEqual([])
    },
  )
})
