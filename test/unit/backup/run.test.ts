// The run and its stages, in-process, against an in-memory 1fichier (test/helpers/fake-client.ts):
// real files, a real zip, real checksums and read-back; only the wire is faked. The wire itself is
// tested against the loopback stand-in (test/blackbox/) and msw (test/unit/onefichier/transport-msw.test.ts).
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type RunContext, runBackup } from '../../../src/backup/run.js'
import {
  NOTHING_DONE,
  type RunEvent,
  type RunProgress,
  describeProgress,
  recordEvent,
} from '../../../src/backup/result.js'
import { startLookup } from '../../../src/backup/destination.js'
import { Session } from '../../../src/session/session.js'
import { pruneStage } from '../../../src/backup/prune.js'
import { compareStage } from '../../../src/backup/unchanged.js'
import { verifyStage } from '../../../src/backup/verify.js'
import { parseConfig } from '../../../src/core/config.js'
import { VerificationError } from '../../../src/core/errors.js'
import { formatDescription } from '../../../src/core/fingerprint.js'
import type { Log } from '../../../src/platform/log.js'
import { OneFichierError } from '../../../src/onefichier/errors.js'
import { FakeOneFichier } from '../../helpers/fake-client.ts'
import { makeWorkspace, stampName } from '../../helpers/workspace.ts'

const KEY = 'Zx9-secret-key-value-0123456789ab'
const NOW = new Date('2026-06-15T12:00:00Z')
const MUTATIONS = ['folder/mkdir.cgi', 'upload.cgi', 'file/rm.cgi', 'file/chattr.cgi']

class MemoryLog implements Log {
  readonly lines: string[] = []
  readonly warnings: string[] = []
  debugEnabled = false
  info(message: string): void {
    this.lines.push(message)
  }
  warning(message: string): void {
    this.warnings.push(message)
    this.lines.push(`warning: ${message}`)
  }
  error(message: string): void {
    this.lines.push(`error: ${message}`)
  }
  debug(): void {}
  async group<T>(name: string, body: () => Promise<T>): Promise<T> {
    this.lines.push(`[${name}]`)
    return body()
  }
}

const FILES = {
  'data/a.txt': { kind: 'file' as const, content: 'alpha\n'.repeat(100) },
  'data/sub/b.bin': { kind: 'file' as const, content: Buffer.alloc(200_000, 7) },
}

async function context(inputs: Record<string, string>, client: FakeOneFichier, tree: object = FILES) {
  const workspace = await makeWorkspace(tree as Parameters<typeof makeWorkspace>[0])
  const tempDir = await mkdtemp(path.join(tmpdir(), 'run-temp-'))
  const log = new MemoryLog()
  // Patterns are read relative to the process's working folder (the runner's is the workspace).
  const all: Record<string, string> = {
    'api-key': KEY,
    path: path.join(workspace, 'data/'),
    'name-prefix': 'site',
    folder: 'bk',
    ...inputs,
  }
  const config = parseConfig((name) => all[name] ?? '')
  const ctx: RunContext = { config, log, workspace, tempDir, startedAt: NOW, client }
  return { ctx, log, tempDir }
}

/** The fake's folder `bk` with older backups of the series, and files that are not ours. */
function seeded(): { fake: FakeOneFichier; folder: number } {
  const fake = new FakeOneFichier()
  const folder = fake.addFolder('bk')
  for (const day of ['2026-06-12', '2026-06-13', '2026-06-14'])
    fake.addFile(folder, stampName('site', `${day}T12:00:00Z`))
  fake.addFile(folder, 'notes.txt')
  fake.addFile(folder, stampName('other', '2026-06-01T00:00:00Z'))
  return { fake, folder }
}

const names = (fake: FakeOneFichier, folder: number) => fake.filesIn(folder).map((f) => f.filename)

describe('runBackup with a fake 1fichier', () => {
  it('uploads, verifies and prunes: only series members beyond the rules go, never a file not ours', async () => {
    const { fake, folder } = seeded()
    const { ctx, tempDir } = await context({ 'keep-last': '2' }, fake)
    const result = await runBackup(ctx)
    expect(result.status).toBe('uploaded')
    const uploaded = fake.filesIn(folder).find((f) => f.filename === stampName('site', NOW.toISOString()))!
    expect(result).toMatchObject({ url: fake.urlOf(uploaded), size: uploaded.size, fileCount: 2, folderId: folder })
    expect(result.status === 'uploaded' && result.whirlpool).toBe(uploaded.whirlpool)
    expect(names(fake, folder).sort()).toEqual(
      [
        'notes.txt',
        stampName('other', '2026-06-01T00:00:00Z'),
        stampName('site', '2026-06-14T12:00:00Z'),
        uploaded.filename,
      ].sort(),
    )
    expect(result.retention?.pruned.map((b) => b.fileName).sort()).toEqual([
      stampName('site', '2026-06-12T12:00:00Z'),
      stampName('site', '2026-06-13T12:00:00Z'),
    ])
    // Retention planned from the listing taken before the upload, handed on as a value: one listing in all.
    expect(fake.calls.filter((c) => c === 'file/ls.cgi')).toHaveLength(1)
    // One finally: the temporary zip is gone.
    expect(await readdir(tempDir)).toEqual([])
  })

  it('a folder the run creates is not listed at all: it is known to hold only the new backup', async () => {
    const fake = new FakeOneFichier()
    const { ctx } = await context({ 'keep-last': '1', folder: 'new/deeper' }, fake)
    const result = await runBackup(ctx)
    expect(result).toMatchObject({ status: 'uploaded', retention: { pruned: [], notPruned: [] } })
    expect(fake.calls.filter((c) => c === 'folder/mkdir.cgi')).toHaveLength(2)
    expect(fake.calls).not.toContain('file/ls.cgi')
  })

  it("tells its events in the run's order, and a shell's fold of them is what the result says", async () => {
    const { fake } = seeded()
    const { ctx } = await context({ 'keep-last': '2' }, fake)
    const events: RunEvent[] = []
    let progress: RunProgress = NOTHING_DONE
    const result = await runBackup({
      ...ctx,
      onEvent: (event) => {
        events.push(event)
        progress = recordEvent(progress, event)
      },
    })
    const stages = events.flatMap((e) => (e.kind === 'stage' ? [e.stage] : []))
    expect(stages).toEqual(['select', 'zip', 'upload', 'verify', 'prune'])
    const order = events.map((e) => e.kind).filter((k) => k !== 'stage' && k !== 'stage-timed')
    expect(order).toEqual(['zipped', 'verified', 'deleted', 'deleted', 'done'])
    expect(progress.stage).toBe('done')
    expect(progress.verifiedUrl).toBe(result.url)
    expect(progress.deleted).toEqual(result.retention?.pruned.map((b) => b.fileName))
    expect(Object.keys(result.stagesMs)).toEqual(['select', 'zip', 'upload', 'verify', 'prune'])
    expect(describeProgress(progress)).toContain(`The new backup was uploaded and verified: ${result.url}.`)
  })

  it('a failed verify leaves a fold that says no backup was verified and nothing deleted', async () => {
    const { fake } = seeded()
    fake.faults.corruptUpload = true
    const { ctx } = await context({ 'keep-last': '1' }, fake)
    let progress: RunProgress = NOTHING_DONE
    await expect(runBackup({ ...ctx, onEvent: (e) => (progress = recordEvent(progress, e)) })).rejects.toThrow()
    expect(progress).toMatchObject({ stage: 'verify', deleted: [] })
    expect(progress.verifiedUrl).toBeUndefined()
    expect(describeProgress(progress)).toBe(
      'Stopped during verify. The new backup was not verified; if the upload had finished, an unverified copy may ' +
        'be in the folder. Nothing was deleted. The temporary zip was removed.',
    )
  })

  it(
    'a refused key stops the run before the zip is finished: ' + 'the lookup is the first call, nothing is uploaded',
    async () => {
      const fake = new FakeOneFichier()
      fake.faults.refuseKey = true
      const tree = Object.fromEntries(
        Array.from({ length: 400 }, (_, i) => [`data/f${i}.bin`, { kind: 'file', content: Buffer.alloc(300_000, i) }]),
      )
      const { ctx, log, tempDir } = await context({}, fake, tree)
      const failure = await runBackup(ctx).catch((error: unknown) => error)
      expect(failure).toBeInstanceOf(OneFichierError)
      expect((failure as OneFichierError).kind).toBe('auth')
      // The account pre-flight is the first call: a refused key stops the run there.
      expect(fake.calls).toEqual(['user/info.cgi'])
      expect(fake.calls).not.toContain('upload.cgi')
      // The zip stage was cut short: it never said it zipped the 400 files.
      expect(log.lines.some((l) => l.startsWith('Zipped 400 files'))).toBe(false)
      expect(await readdir(tempDir)).toEqual([])
    },
  )

  it('a corrupted upload fails verification; its own bad copy is deleted and nothing else', async () => {
    const { fake, folder } = seeded()
    fake.faults.corruptUpload = true
    const before = names(fake, folder).sort()
    const { ctx } = await context({ 'keep-last': '1' }, fake)
    await expect(runBackup(ctx)).rejects.toThrow(VerificationError)
    await expect(runBackup({ ...ctx, startedAt: new Date(NOW.getTime() + 1000) })).rejects.toThrow(/Checksum mismatch/)
    expect(names(fake, folder).sort()).toEqual(before)
    expect(fake.calls.filter((c) => c === 'file/rm.cgi')).toHaveLength(2)
  })

  it('end.pl without a link: the file is found in the folder by name, size and Whirlpool', async () => {
    const { fake, folder } = seeded()
    fake.faults.noUploadResult = true
    const { ctx, log } = await context({}, fake)
    const result = await runBackup(ctx)
    expect(result.status).toBe('uploaded')
    expect(result.url).toBe(fake.urlOf(fake.filesIn(folder).find((f) => f.filename.includes('20260615'))!))
    expect(log.lines).toContain(
      `Found ${stampName('site', NOW.toISOString())} in the folder with the zip's size and Whirlpool`,
    )
  })

  it('file/info.cgi failing: the listing made after the upload confirms it', async () => {
    const { fake } = seeded()
    fake.faults.infoFails = true
    const { ctx, log } = await context({ 'keep-last': '1' }, fake)
    const result = await runBackup(ctx)
    expect(result.status).toBe('uploaded')
    expect(log.warnings.some((w) => w.includes('the folder listing confirmed the upload instead'))).toBe(true)
    // Retention planned from that listing (the newest): no third one.
    expect(fake.calls.filter((c) => c === 'file/ls.cgi')).toHaveLength(2)
    expect(result.retention?.pruned).toHaveLength(3)
  })

  it('skip-unchanged: the second run uploads nothing and reports the newest backup', async () => {
    const { fake } = seeded()
    const first = await context({ 'skip-unchanged': 'true' }, fake)
    const uploaded = await runBackup(first.ctx)
    expect(uploaded.status).toBe('uploaded')
    const again = await runBackup({ ...first.ctx, startedAt: new Date(NOW.getTime() + 3600_000) })
    expect(again).toMatchObject({ status: 'unchanged', url: uploaded.url, fileName: uploaded.fileName })
    expect(fake.calls.filter((c) => c === 'upload.cgi')).toHaveLength(1)
  })

  it('a dry run only reads, and plans the deletions a real run would make', async () => {
    const { fake, folder } = seeded()
    const before = names(fake, folder).sort()
    const { ctx } = await context({ 'keep-last': '1', 'dry-run': 'true' }, fake)
    const result = await runBackup(ctx)
    expect(result.status).toBe('dry-run')
    expect(fake.calls.filter((c) => MUTATIONS.includes(c))).toEqual([])
    expect(result.retention?.plan?.remove.map((d) => d.backup.fileName)).toHaveLength(3)
    expect(names(fake, folder).sort()).toEqual(before)
  })

  it('no files: nothing at all is asked of 1fichier', async () => {
    const fake = new FakeOneFichier()
    const { ctx } = await context({ 'if-no-files-found': 'ignore' }, fake, { 'data/empty': { kind: 'directory' } })
    const result = await runBackup(ctx)
    expect(result.status).toBe('no-files')
    expect(fake.calls).toEqual([])
  })
})

describe('the stages, one at a time', () => {
  /** The session a stage is handed: the series `site` in `bk`, over the fake. */
  const stageSession = (fake: FakeOneFichier, log: MemoryLog, inputs: Record<string, string> = {}) => {
    const all: Record<string, string> = { 'api-key': KEY, path: 'x', folder: 'bk', 'name-prefix': 'site', ...inputs }
    return Session.open({ config: parseConfig((name) => all[name] ?? ''), log, client: fake })
  }

  it(
    'prune stage: deletes only what the plan does not ' + 'keep, and reports each deletion as it is confirmed',
    async () => {
      const { fake, folder } = seeded()
      const log = new MemoryLog()
      const deleted: string[] = []
      const newest = fake.filesIn(folder).find((f) => f.filename.includes('20260614'))!
      const outcome = await pruneStage(stageSession(fake, log, { 'keep-last': '1' }), {
        folderId: folder,
        listing: undefined,
        now: NOW,
        newBackup: { fileName: newest.filename, url: fake.urlOf(newest), time: new Date('2026-06-14T12:00:00Z') },
        onDeleted: (b) => deleted.push(b.fileName),
      })
      expect(outcome.pruned.map((b) => b.fileName)).toEqual(deleted)
      expect(deleted).toHaveLength(2)
      expect(names(fake, folder)).toContain('notes.txt')
      expect(names(fake, folder)).toContain(newest.filename)
    },
  )

  it(
    'compare stage: unchanged only when the newest backup ' + 'carries this fingerprint and its size checks out',
    async () => {
      const { fake, folder } = seeded()
      const newest = fake.filesIn(folder).find((f) => f.filename.includes('20260614'))!
      const fingerprint = 'F'.repeat(43)
      newest.description = formatDescription({ fingerprint, sha256: 'a'.repeat(64) })
      const session = stageSession(fake, new MemoryLog(), { 'skip-unchanged': 'true' })
      const lookup = () => startLookup(session)
      expect(await compareStage(session, { lookup: lookup(), now: NOW, fingerprint })).toMatchObject({
        unchanged: true,
        folderId: folder,
      })
      const other = await compareStage(session, { lookup: lookup(), now: NOW, fingerprint: 'E'.repeat(43) })
      expect(other).toMatchObject({ unchanged: false, reason: `the files differ from those in ${newest.filename}` })
    },
  )

  it(
    'verify stage: a copy whose Whirlpool differs is no ' + 'backup, and is removed only when provably this run’s',
    async () => {
      const { fake, folder } = seeded()
      const stranger = fake.addFile(folder, stampName('site', NOW.toISOString()), { whirlpool: 'cd'.repeat(64) })
      const link = {
        download: fake.urlOf(stranger),
        filename: stranger.filename,
        size: stranger.size,
        whirlpool: stranger.whirlpool,
      }
      const local = {
        path: '/nowhere',
        size: stranger.size,
        entryCount: 1,
        sha256: 'a'.repeat(64),
        whirlpool: 'ab'.repeat(64),
      }
      const expected = { fileName: stranger.filename, folderPath: 'bk', passwordSet: false }
      // The file was already there before this run's upload (it is in the listing taken before): not ours to delete.
      const before = await fake.listFiles(folder)
      const uploaded = { folderId: folder, link, before, listing: before, local }
      const error = await verifyStage(stageSession(fake, new MemoryLog()), { uploaded, expected }).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(VerificationError)
      expect(String(error)).toMatch(/was not deleted/)
      // Not even asked for: the copy was in the listing taken before the upload.
      expect(fake.calls).not.toContain('file/rm.cgi')
      expect(names(fake, folder)).toContain(stranger.filename)
    },
  )
})
