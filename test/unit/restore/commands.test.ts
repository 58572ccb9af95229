// list, prune, check and restore in-process, on the fake client: the commands' own logic (which
// backup, what is reported, what a failed download leaves) without a process or a socket. The wire
// of the download is tested with msw (download.test.ts), the commands as processes in the blackbox.
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { RepositoryConfig } from '../../../src/core/config.js'
import { OneFichierError } from '../../../src/onefichier/errors.js'
import {
  type CommandContext,
  checkCommand,
  listCommand,
  pruneCommand,
  restoreCommand,
} from '../../../src/restore/commands.js'
import type { RestoreRequest } from '../../../src/restore/commands.js'
import { FakeOneFichier } from '../../helpers/fake-client.ts'
import { MemoryLog } from '../../helpers/memory-log.ts'
import { stampName } from '../../helpers/workspace.ts'
import { zipTree } from '../../helpers/zip.ts'

// Bytes that do not compress: the zip is as large as they are.
const ALPHA = randomBytes(30_000).toString('base64')
const NOW = new Date('2026-12-04T12:00:00Z')
const OLD = stampName('site', '2026-12-01T00:00:00Z')
const NEW = stampName('site', '2026-12-03T00:00:00Z')

function config(extra: Partial<RepositoryConfig> = {}): RepositoryConfig {
  return {
    apiKey: 'fake-key-never-sent-0123456789',
    folder: ['backups'],
    namePrefix: 'site',
    retention: {},
    dryRun: false,
    linkPassword: '',
    archivePassword: '',
    backup: 'latest',
    cdn: false,
    retries: 3,
    stallTimeoutMs: 300_000,
    apiUrl: 'https://api.1fichier.com/v1',
    ...extra,
  }
}

let fake: FakeOneFichier
let folder: number
let log: MemoryLog
let zipBytes: Buffer

function context(extra: Partial<RepositoryConfig> = {}): CommandContext {
  return { config: config(extra), log, now: NOW, timeScale: 1, client: fake }
}

function request(to: string, extra: Partial<RestoreRequest> = {}): RestoreRequest {
  return {
    to,
    overwrite: null,
    delete: false,
    dryRun: false,
    include: [],
    exclude: [],
    keepSpecialBits: false,
    ...extra,
  }
}

const emptyDir = () => mkdtemp(path.join(tmpdir(), 'restore-to-'))

beforeEach(async () => {
  fake = new FakeOneFichier()
  folder = fake.addFolder('backups')
  log = new MemoryLog()
  const { out } = await zipTree({
    'data/a.txt': { kind: 'file', content: ALPHA },
    'data/sub/b.txt': { kind: 'file', content: 'beta' },
  })
  zipBytes = await readFile(out)
  await fake.addBackup(folder, OLD, Buffer.from(zipBytes))
  await fake.addBackup(folder, NEW, Buffer.from(zipBytes))
  fake.addFile(folder, 'notes.txt')
})

describe('list', () => {
  it('gives the series newest first, and with keep-* rules which rule keeps each', async () => {
    const rows = await listCommand(context({ retention: { last: 1 } }))
    expect(rows.map((r) => r['file-name'])).toEqual([NEW, OLD])
    expect(rows[0]['kept-by']).toEqual(['last 1'])
    expect(rows[1]['kept-by']).toEqual([])
    expect(fake.calls.filter((c) => c === 'file/ls.cgi')).toHaveLength(1)
  })
})

describe('prune', () => {
  it('deletes what the rules do not keep, and nothing on a dry run', async () => {
    const dry = await pruneCommand(context({ retention: { last: 1 }, dryRun: true }))
    expect(dry.plan?.remove.map((d) => d.backup.fileName)).toEqual([OLD])
    expect(fake.files.map((f) => f.filename)).toContain(OLD)
    expect(fake.calls).not.toContain('file/rm.cgi')

    const real = await pruneCommand(context({ retention: { last: 1 } }))
    expect(real.pruned.map((b) => b.fileName)).toEqual([OLD])
    expect(fake.files.map((f) => f.filename).sort()).toEqual([NEW, 'notes.txt'].sort())
  })

  it('refuses to run with no keep-* rule, before any call', async () => {
    await expect(pruneCommand(context())).rejects.toThrow(/at least one keep-\* rule/)
    expect(fake.calls).toEqual([])
  })
})

describe('check', () => {
  it('checks every backup chosen and reports each, after a corrupted one too', async () => {
    fake.files.find((f) => f.filename === NEW)!.whirlpool = '00'.repeat(64)
    const results = await checkCommand(context({ backup: 'all' }))
    expect(results.map((r) => [r['file-name'], r.ok])).toEqual([
      [NEW, false],
      [OLD, true],
    ])
    expect(results[0].problem).toMatch(/corrupted .*Whirlpool.* after 2 tries/)
    expect(results[1]).toMatchObject({ 'file-count': 2, checked: "size and Whirlpool, then every entry's CRC-32" })
  })
})

describe('restore', () => {
  it('restores the newest backup into an empty folder', async () => {
    const to = await emptyDir()
    const restored = await restoreCommand(context(), request(to))
    expect(restored).toMatchObject({ 'file-name': NEW, 'file-count': 3, created: 3 })
    expect(await readFile(path.join(to, 'a.txt'), 'utf8')).toBe(ALPHA)
    expect(await readFile(path.join(to, 'sub/b.txt'), 'utf8')).toBe('beta')
  })

  it('resumes a dropped download where the file ends, with the same token', async () => {
    fake.faults.dropDownloadAt = 1000
    const to = await emptyDir()
    await restoreCommand(context(), request(to))
    expect(log.lines.join('\n')).toMatch(/ECONNRESET.*resuming from byte 1000 \(attempt 2 of 3\)/)
    expect(fake.calls.filter((c) => c === 'download/get_token.cgi')).toHaveLength(1)
    expect(await readFile(path.join(to, 'a.txt'), 'utf8')).toBe(ALPHA)
  })

  it('never writes past the listed size, and leaves the target as it was', async () => {
    fake.faults.downloadTrailer = Buffer.from('<html>more</html>')
    const to = await emptyDir()
    await expect(restoreCommand(context(), request(to))).rejects.toThrow(/more than the listed \d+ bytes/)
    expect(fake.calls.filter((c) => c === 'download')).toHaveLength(3)
    expect(await readdir(to)).toEqual([])
  })

  it('says at once that a link password is needed (#611), with no retry', async () => {
    fake.faults.downloadRefused = new OneFichierError(
      'fatal',
      'download',
      'the download node answered HTTP 403 with "Password required #611" instead of the file',
      403,
    )
    const to = await emptyDir()
    await expect(restoreCommand(context(), request(to))).rejects.toThrow(/ONEFICHIER_LINK_PASSWORD/)
    expect(fake.calls.filter((c) => c === 'download')).toHaveLength(1)
    expect(await readdir(to)).toEqual([])
  })

  it('names a backup that is not in the series', async () => {
    const missing = stampName('site', '2026-01-01T00:00:00Z')
    const to = await emptyDir()
    await expect(restoreCommand(context({ backup: missing }), request(to))).rejects.toThrow(
      `No backup named ${missing} in 'backups' (series site): run 'list' to see the series.`,
    )
    expect(fake.calls).not.toContain('download/get_token.cgi')
  })
})
