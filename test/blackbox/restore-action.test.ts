// The restore sub-action (restore/action.yml) as the runner runs it, from its own bundle: a backup
// made by the main action comes back into the workspace, file by file; the key appears nowhere.
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StandIn } from '../stand-in/server.ts'
import { runAction, visibleLog } from '../helpers/action-process.ts'
import { makeWorkspace, randomKey, readTree } from '../helpers/workspace.ts'

const RESTORE = { yaml: 'restore/action.yml', entry: 'restore/dist/index.js' }
let standIn: StandIn
let key: string

beforeAll(async () => {
  standIn = await new StandIn({ listIntervalMs: 0 }).start()
  key = randomKey()
  standIn.addAccount(key)
})
afterAll(async () => {
  await standIn.stop()
})

const errorLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error::'))

describe('restore sub-action', () => {
  it('restores the latest backup into a workspace path, with outputs and a summary', async () => {
    const source = await makeWorkspace({
      'site/index.html': { kind: 'file', content: '<p>back</p>\n'.repeat(100) },
      'site/run.sh': { kind: 'file', content: '#!/bin/sh\n', mode: 0o755 },
      'site/link': { kind: 'symlink', target: 'index.html' },
    })
    const backup = await runAction({
      workspace: source,
      inputs: {
        'api-key': key,
        path: 'site/',
        folder: 'ra',
        'archive-password': 'restore action secret',
        'api-url': standIn.apiUrl,
      },
    })
    expect(backup.code, visibleLog(backup)).toBe(0)

    const fresh = mkdtempSync(path.join(tmpdir(), 'fresh-ws-'))
    const run = await runAction({
      workspace: fresh,
      action: RESTORE,
      inputs: {
        'api-key': key,
        folder: 'ra',
        path: 'restored',
        'archive-password': 'restore action secret',
        'api-url': standIn.apiUrl,
      },
    })
    expect(run.code, visibleLog(run)).toBe(0)
    expect(readTree(path.join(fresh, 'restored'))).toEqual(readTree(path.join(source, 'site')))
    expect(run.outputs).toMatchObject({
      'file-name': backup.outputs['file-name'],
      url: backup.outputs.url,
      size: backup.outputs.size,
      'file-count': '3',
      restored: 'true',
      'backup-time': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/),
    })
    expect(run.summary).toMatch(/size and Whirlpool, then every entry's CRC-32 or AES authentication code/)
    expect(run.summary).toContain(`**Restored** [${backup.outputs['file-name']}](${backup.outputs.url})`)
    const seen = run.allText
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    expect(seen).not.toContain(key)
    expect(seen).not.toContain('restore action secret')
  })

  it(
    'if-no-backup-found: error fails, warn and ignore succeed with ' +
      'empty outputs; a path outside the workspace is refused',
    async () => {
      const fresh = mkdtempSync(path.join(tmpdir(), 'fresh-ws-'))
      const inputs = { 'api-key': key, folder: 'nothing-here', 'api-url': standIn.apiUrl }
      const error = await runAction({ workspace: fresh, action: RESTORE, inputs })
      expect(error.code).toBe(1)
      expect(errorLines(error.stdout)).toEqual([expect.stringMatching(/No backup of series my-repo in 'nothing-here'/)])
      const warn = await runAction({
        workspace: fresh,
        action: RESTORE,
        inputs: { ...inputs, 'if-no-backup-found': 'warn' },
      })
      expect(warn.code).toBe(0)
      expect(warn.stdout).toMatch(/::warning::No backup of series my-repo/)
      expect(warn.outputs['file-name'] ?? '').toBe('')
      const ignore = await runAction({
        workspace: fresh,
        action: RESTORE,
        inputs: { ...inputs, 'if-no-backup-found': 'ignore' },
      })
      expect(ignore.code).toBe(0)
      expect(ignore.stdout).not.toMatch(/::warning::/)
      expect(ignore.outputs.restored).toBe('false')
      const outside = await runAction({
        workspace: fresh,
        action: RESTORE,
        inputs: { ...inputs, path: '../elsewhere' },
      })
      expect(outside.code).toBe(1)
      expect(errorLines(outside.stdout)).toEqual([
        expect.stringMatching(/Input 'path': '\.\.\/elsewhere' is outside the workspace/),
      ])
      // A link inside the workspace that leads out of it is followed, and refused.
      symlinkSync(tmpdir(), path.join(fresh, 'way-out'))
      const viaLink = await runAction({ workspace: fresh, action: RESTORE, inputs: { ...inputs, path: 'way-out/x' } })
      expect(viaLink.code).toBe(1)
      expect(errorLines(viaLink.stdout)).toEqual([expect.stringMatching(/Input 'path': .* is outside the workspace/)])
    },
  )

  it('into the workspace by default: what the backup lacks (.git) is kept; ..restored is a fine name', async () => {
    const source = await makeWorkspace({ 'app/config.yml': { kind: 'file', content: 'from the backup\n' } })
    const backup = await runAction({
      workspace: source,
      inputs: { 'api-key': key, path: 'app/', folder: 'ws', 'api-url': standIn.apiUrl },
    })
    expect(backup.code, visibleLog(backup)).toBe(0)
    const checkout = await makeWorkspace({
      '.git/HEAD': { kind: 'file', content: 'ref: refs/heads/main\n' },
      'app/config.yml': { kind: 'file', content: 'local edit\n' },
      'app/newer.txt': { kind: 'file', content: 'not in the backup\n' },
    })
    const inputs = { 'api-key': key, folder: 'ws', 'api-url': standIn.apiUrl }
    const run = await runAction({ workspace: checkout, action: RESTORE, inputs: { ...inputs, path: 'app' } })
    expect(run.code, visibleLog(run)).toBe(0)
    expect(readFileSync(path.join(checkout, 'app/config.yml'), 'utf8')).toBe('from the backup\n')
    expect(readFileSync(path.join(checkout, 'app/newer.txt'), 'utf8')).toBe('not in the backup\n')
    expect(readFileSync(path.join(checkout, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main\n')
    const dots = await runAction({ workspace: checkout, action: RESTORE, inputs: { ...inputs, path: '..restored' } })
    expect(dots.code, visibleLog(dots)).toBe(0)
    expect(readFileSync(path.join(checkout, '..restored/config.yml'), 'utf8')).toBe('from the backup\n')
  })
})
