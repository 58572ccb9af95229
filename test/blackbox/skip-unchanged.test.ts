// skip-unchanged: the bundled action run again and again over one workspace. Identical files mean
// no upload and outputs that point at the newest backup; a one-byte change, a mode change, an added
// or removed file, a changed link target each mean a new backup. Retention still runs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { appendFile, chmod, rm, symlink, unlink, utimes, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { StandIn, type Account } from '../stand-in/server.ts'
import { runAction, visibleLog, type ActionRun } from '../helpers/action-process.ts'
import { makeWorkspace, randomKey, stampName, type TreeNode } from '../helpers/workspace.ts'

let standIn: StandIn
let apiKey: string
let account: Account
let workspace: string

beforeAll(async () => {
  standIn = await new StandIn({ listIntervalMs: 0 }).start()
})
afterAll(async () => {
  await standIn.stop()
})

const TREE: Record<string, TreeNode> = {
  'site/index.html': { kind: 'file', content: '<h1>hello</h1>\n'.repeat(500) },
  'site/run.sh': { kind: 'file', content: '#!/bin/sh\n', mode: 0o755 },
  'site/img/logo.png': { kind: 'file', content: Buffer.alloc(10_000, 3) },
  'site/empty': { kind: 'directory' },
  'site/current': { kind: 'symlink', target: 'index.html' },
}

beforeEach(async () => {
  apiKey = randomKey()
  account = standIn.addAccount(apiKey)
  standIn.requests.length = 0
  workspace = await makeWorkspace(TREE)
})

let lastRunStart = 0
async function backup(inputs: Record<string, string> = {}): Promise<ActionRun> {
  // Backup names have one-second resolution: two runs never share a second.
  const wait = lastRunStart + 1_100 - Date.now()
  if (wait > 0) await sleep(wait)
  lastRunStart = Date.now()
  standIn.requests.length = 0
  const run = await runAction({
    workspace,
    inputs: {
      'api-key': apiKey,
      path: 'site',
      folder: 'nightly',
      'skip-unchanged': 'true',
      'api-url': standIn.apiUrl,
      ...inputs,
    },
  })
  expect(run.code, visibleLog(run)).toBe(0)
  expect([visibleLog(run), run.summary, JSON.stringify(run.outputs)].join('\n')).not.toContain(apiKey)
  return run
}

const uploads = () => standIn.requests.filter((r) => r.path.includes('/upload.cgi')).length
const stored = () =>
  standIn
    .filesIn(account, 'nightly')
    .map((f) => f.filename)
    .sort()

function expectUploaded(run: ActionRun, countBefore: number): void {
  expect(run.outputs.unchanged).toBe('false')
  expect(uploads()).toBe(1)
  expect(stored()).toHaveLength(countBefore + 1)
  expect(stored()).toContain(run.outputs['file-name'])
}

function expectSkipped(run: ActionRun, newest: ActionRun): void {
  expect(run.outputs.unchanged).toBe('true')
  expect(uploads()).toBe(0)
  for (const output of ['url', 'file-name', 'size', 'sha256', 'whirlpool', 'folder-id', 'file-count']) {
    expect(run.outputs[output], output).toBe(newest.outputs[output])
  }
  expect(run.summary).toContain(`**Unchanged**: the files are the same as in [${newest.outputs['file-name']}]`)
  expect(visibleLog(run)).toContain(`Unchanged: the files are the same as in ${newest.outputs['file-name']}`)
}

describe('skip-unchanged', () => {
  it('uploads once, then skips while nothing changes, and uploads after each kind of change', async () => {
    const first = await backup()
    expectUploaded(first, 0)
    // The fingerprint is in the description, next to the zip's SHA-256; nothing about the files is readable.
    const [file] = standIn.filesIn(account, 'nightly')
    expect(file.description).toMatch(/^1fichier-backup fingerprint=v1:[A-Za-z0-9_-]{43} sha256=[0-9a-f]{64}$/)
    expect(file.description).toContain(`sha256=${first.outputs.sha256}`)

    const same = await backup()
    expectSkipped(same, first)
    expect(stored()).toHaveLength(1)

    // New modification times alone are not a change.
    const later = new Date(Date.now() + 3_600_000)
    await utimes(path.join(workspace, 'site/index.html'), later, later)
    expectSkipped(await backup(), first)

    const changes: Array<[string, () => Promise<void>]> = [
      ['one byte appended', () => appendFile(path.join(workspace, 'site/index.html'), 'x')],
      ['a mode change', () => chmod(path.join(workspace, 'site/index.html'), 0o600)],
      ['an added file', () => writeFile(path.join(workspace, 'site/new.txt'), 'new')],
      ['an added empty file', () => writeFile(path.join(workspace, 'site/img/zero'), '')],
      ['a removed file', () => unlink(path.join(workspace, 'site/run.sh'))],
      ['a removed empty directory', () => rm(path.join(workspace, 'site/empty'), { recursive: true })],
      [
        'a changed link target',
        async () => {
          await unlink(path.join(workspace, 'site/current'))
          await symlink('img/logo.png', path.join(workspace, 'site/current'))
        },
      ],
    ]
    let newest = first
    for (const [change, apply] of changes) {
      await apply()
      const before = stored().length
      const changed = await backup()
      expect(changed.outputs.unchanged, change).toBe('false')
      expectUploaded(changed, before)
      expect(visibleLog(changed), change).toContain(`the files differ from those in ${newest.outputs['file-name']}`)
      newest = changed
      // And the next run, with nothing changed, points at the new backup.
      expectSkipped(await backup(), newest)
    }
  })

  it('a one-byte change of equal size is a change too', async () => {
    const first = await backup()
    await writeFile(path.join(workspace, 'site/index.html'), '<h1>hellO</h1>\n' + '<h1>hello</h1>\n'.repeat(499))
    const changed = await backup()
    expectUploaded(changed, 1)
    expect(changed.outputs.sha256).not.toBe(first.outputs.sha256)
  })

  it('uploads when the archive or link password changes, though the files did not', async () => {
    const plain = await backup()
    const encrypted = await backup({ 'archive-password': 'a long archive secret' })
    expectUploaded(encrypted, 1)
    expectSkipped(await backup({ 'archive-password': 'a long archive secret' }), encrypted)
    const otherPassword = await backup({ 'archive-password': 'another long secret!' })
    expectUploaded(otherPassword, 2)
    const withLinkPassword = await backup({ 'archive-password': 'another long secret!', 'link-password': 'dl-secret' })
    expectUploaded(withLinkPassword, 3)
    expect(plain.outputs.url).not.toBe(withLinkPassword.outputs.url)
  })

  it('uploads when the newest backup has no fingerprint (made without skip-unchanged, or by hand)', async () => {
    await backup({ 'skip-unchanged': 'false' })
    const run = await backup()
    expectUploaded(run, 1)
    expect(visibleLog(run)).toMatch(/has no fingerprint in its description/)
    expectSkipped(await backup(), run)
  })

  it('compares with the newest backup only, and still runs retention when it skips', async () => {
    const first = await backup()
    // Older backups of the series, made long ago.
    for (const day of ['2026-01-01T03:00:00Z', '2026-02-01T03:00:00Z', '2026-03-01T03:00:00Z']) {
      await standIn.seedFile(account, 'nightly', stampName('my-repo', day), 'old')
    }
    const run = await backup({ 'keep-last': '2' })
    expectSkipped(run, first)
    // Kept: the newest (the unchanged one) and the next; the two oldest are deleted.
    expect(stored()).toEqual([first.outputs['file-name'], stampName('my-repo', '2026-03-01T03:00:00Z')].sort())
    expect(run.outputs['pruned-count']).toBe('2')
    expect(run.outputs['kept-count']).toBe('2')
    // One listing of the folder served both the comparison and retention (the API allows 1 per 30 s).
    expect(standIn.requests.filter((r) => r.path.endsWith('/file/ls.cgi'))).toHaveLength(1)
  })

  it('a failed description read means upload, never a skipped backup', async () => {
    await backup()
    standIn.injectFault('file/info.cgi', 'http-500', 100)
    try {
      const run = await backup({ retries: '2' })
      expect(run.outputs.unchanged).toBe('false')
      expect(uploads()).toBe(1)
      expect(visibleLog(run)).toMatch(/description failed/)
    } finally {
      standIn.faults.length = 0
    }
  })

  it('a dry run says whether a real run would upload', async () => {
    const first = await backup()
    const dry = await backup({ 'dry-run': 'true' })
    expect(uploads()).toBe(0)
    expect(visibleLog(dry)).toContain(`Dry run: Unchanged: the files are the same as in ${first.outputs['file-name']}`)
    await appendFile(path.join(workspace, 'site/index.html'), 'x')
    const dryChanged = await backup({ 'dry-run': 'true' })
    expect(visibleLog(dryChanged)).toContain('Dry run: Changed or unknown, so a new backup is uploaded')
    expect(stored()).toHaveLength(1)
  })
})
