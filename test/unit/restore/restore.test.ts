// restoreInto in process, against real folders: what comes back (times, modes, links), what happens to
// what the target already holds (restic's overwrite modes, --delete, --dry-run, --include/--exclude),
// and that a failed or cancelled restore leaves the target exactly as it was, staging removed, with a
// staging folder left by a killed run undone by the next restore.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, readlink, symlink, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import * as path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MemoryLog } from '../../helpers/memory-log.ts'
import { type RestoreOptions, checkTarget, restoreInto } from '../../../src/restore/extract.js'
import { PathFilter, STAGING_PREFIX, planArchive } from '../../../src/restore/plan.js'
import { Actions } from '../../../src/restore/target.js'
import { Staging } from '../../../src/restore/staging.js'
import { OpenArchive } from '../../../src/restore/zip-reader.js'
import { type CraftEntry, craftZip } from '../../helpers/zip-craft.ts'

const BACKUP_TIME = new Date('2026-03-04T05:06:08Z')
const OLDER = new Date('2025-01-01T00:00:00Z')
const NEWER = new Date('2026-12-01T00:00:00Z')

/** What a tree holds, for before/after comparisons: type, mode, time, content or link target. */
async function snapshot(root: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of (await readdir(root)).sort()) {
    const where = path.join(root, name)
    const stats = await lstat(where)
    const key = prefix + name
    const common = `${(stats.mode & 0o7777).toString(8)} ${Math.floor(stats.mtimeMs / 1000)}`
    if (stats.isSymbolicLink()) out[key] = `link ${await readlink(where)}`
    else if (stats.isDirectory()) {
      out[key] = `dir ${common}`
      Object.assign(out, await snapshot(where, `${key}/`))
    } else out[key] = `file ${common} ${await readFile(where, 'utf8')}`
  }
  return out
}

const dirs: string[] = []
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'restore-unit-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  vi.restoreAllMocks()
})

async function zipFile(entries: CraftEntry[]): Promise<string> {
  const file = path.join(await tempDir(), 'backup.zip')
  await writeFile(file, craftZip(entries))
  return file
}

function options(more: Partial<RestoreOptions> = {}): RestoreOptions {
  return {
    password: undefined,
    overwrite: null,
    delete: false,
    dryRun: false,
    include: [],
    exclude: [],
    keepSpecialBits: false,
    log: new MemoryLog(),
    ...more,
  }
}

async function restore(zip: string, to: string, more: Partial<RestoreOptions> = {}) {
  const archive = await OpenArchive.open(zip)
  try {
    return await restoreInto(archive, to, options(more))
  } finally {
    archive.close()
  }
}

const at = (mtime: Date) => ({ mtime })
/** The backup every target test restores: two files at the top, a folder it holds in part. */
const BACKUP: CraftEntry[] = [
  { name: 'same.txt', data: 'same', ...at(BACKUP_TIME) },
  { name: 'old.txt', data: 'from the backup', ...at(BACKUP_TIME) },
  { name: 'new.txt', data: 'from the backup', ...at(BACKUP_TIME) },
  { name: 'sub/', kind: 'dir', ...at(BACKUP_TIME) },
  { name: 'sub/in-backup.txt', data: 'backup', ...at(BACKUP_TIME) },
]

/** A target holding namesakes (older, newer, identical) and files the backup lacks. */
async function busyTarget(): Promise<string> {
  const to = path.join(await tempDir(), 'target')
  await mkdir(path.join(to, 'sub'), { recursive: true })
  const put = async (name: string, data: string, when: Date) => {
    await writeFile(path.join(to, name), data)
    await utimes(path.join(to, name), when, when)
  }
  await put('same.txt', 'same', BACKUP_TIME)
  await put('old.txt', 'older, in the target', OLDER)
  await put('new.txt', 'newer, in the target', NEWER)
  await put('keep.txt', 'only in the target', OLDER)
  await put('sub/extra.txt', 'only in the target', OLDER)
  await put('sub/in-backup.txt', 'target version', OLDER)
  return to
}

const contentOf = async (to: string, name: string) => readFile(path.join(to, name), 'utf8')

describe('what comes back', () => {
  it('a time at the epoch itself (0 s) is a time, set as stored', async () => {
    const to = path.join(await tempDir(), 'target')
    await restore(await zipFile([{ name: 'epoch.txt', data: 'old', mtime: new Date(0) }]), to)
    expect((await lstat(path.join(to, 'epoch.txt'))).mtimeMs).toBe(0)
  })

  it('modification times of files, folders and links, modes as stored, the target folder mode unchanged', async () => {
    const fileTime = new Date('2024-02-03T04:05:06Z')
    const dirTime = new Date('2023-01-02T03:04:05Z')
    const linkTime = new Date('2022-05-06T07:08:09Z')
    const zip = await zipFile([
      { name: 'docs/', kind: 'dir', mode: 0o750, mtime: dirTime },
      { name: 'docs/readme.md', data: '# hi', mode: 0o640, mtime: fileTime },
      { name: 'run.sh', data: '#!/bin/sh\n', mode: 0o755, mtime: fileTime },
      { name: 'ro/', kind: 'dir', mode: 0o555, mtime: dirTime },
      { name: 'ro/inside.txt', data: 'held by a read-only folder', mode: 0o444, mtime: fileTime },
      { name: 'latest', kind: 'link', data: 'docs/readme.md', mtime: linkTime },
      { name: 'folder-link', kind: 'link', data: 'docs', mtime: linkTime },
    ])
    const to = path.join(await tempDir(), 'target')
    await mkdir(to, { mode: 0o750 })
    await chmod(to, 0o750)
    const report = await restore(zip, to)
    expect(report).toMatchObject({ files: 3, directories: 2, links: 2, created: 7, replaced: 0 })
    const seconds = async (name: string) => Math.floor((await lstat(path.join(to, name))).mtimeMs / 1000)
    const modeOf = async (name: string) => (await lstat(path.join(to, name))).mode & 0o7777
    expect(await seconds('docs/readme.md')).toBe(fileTime.getTime() / 1000)
    expect(await seconds('docs')).toBe(dirTime.getTime() / 1000)
    expect(await seconds('ro')).toBe(dirTime.getTime() / 1000)
    expect(await seconds('latest')).toBe(linkTime.getTime() / 1000)
    expect(await modeOf('docs')).toBe(0o750)
    expect(await modeOf('docs/readme.md')).toBe(0o640)
    expect(await modeOf('run.sh')).toBe(0o755)
    expect(await modeOf('ro')).toBe(0o555)
    expect(await modeOf('ro/inside.txt')).toBe(0o444)
    expect(await readlink(path.join(to, 'latest'))).toBe('docs/readme.md')
    expect(await contentOf(to, 'folder-link/readme.md')).toBe('# hi')
    expect((await lstat(to)).mode & 0o777).toBe(0o750)
    expect((await readdir(to)).filter((n) => n.startsWith(STAGING_PREFIX))).toEqual([])
  })

  it('a new --to folder is made with the default mode, not 0700', async () => {
    const zip = await zipFile([{ name: 'a.txt', data: 'a' }])
    const to = path.join(await tempDir(), 'made', 'here')
    await restore(zip, to)
    const reference = path.join(await tempDir(), 'made-by-mkdir')
    await mkdir(reference)
    expect((await lstat(to)).mode & 0o777).toBe((await lstat(reference)).mode & 0o777)
  })
})

describe('what the target already holds', () => {
  it('no mode: a non-empty target is refused before anything is read', async () => {
    const to = await busyTarget()
    await expect(checkTarget(to, null)).rejects.toThrow(/is not empty: .*--overwrite always\|if-changed/)
    await expect(checkTarget(to, 'never')).resolves.toBeUndefined()
  })

  const cases = [
    ['always', { same: 'same', old: 'from the backup', new: 'from the backup' }, { replaced: 4, unchanged: 0 }],
    ['if-changed', { same: 'same', old: 'from the backup', new: 'from the backup' }, { replaced: 3, unchanged: 1 }],
    ['if-newer', { same: 'same', old: 'from the backup', new: 'newer, in the target' }, { replaced: 2, kept: 2 }],
    ['never', { same: 'same', old: 'older, in the target', new: 'newer, in the target' }, { replaced: 0, kept: 4 }],
  ] as const
  for (const [mode, expected, counts] of cases) {
    it(`--overwrite ${mode}: namesakes as restic does, files the backup lacks kept`, async () => {
      const to = await busyTarget()
      const sameBefore = (await lstat(path.join(to, 'same.txt'))).ino
      const report = await restore(await zipFile(BACKUP), to, { overwrite: mode })
      expect(report).toMatchObject({ ...counts, deleted: 0 })
      expect(await contentOf(to, 'same.txt')).toBe(expected.same)
      expect(await contentOf(to, 'old.txt')).toBe(expected.old)
      expect(await contentOf(to, 'new.txt')).toBe(expected.new)
      expect(await contentOf(to, 'keep.txt')).toBe('only in the target')
      expect(await contentOf(to, 'sub/extra.txt')).toBe('only in the target')
      if (mode === 'if-changed') expect((await lstat(path.join(to, 'same.txt'))).ino).toBe(sameBefore)
    })
  }

  it('--delete removes what the backup lacks, inside the restored paths only', async () => {
    const everything = await busyTarget()
    const report = await restore(await zipFile(BACKUP), everything, { overwrite: 'always', delete: true })
    expect(report.deleted).toBe(2)
    expect(existsSync(path.join(everything, 'keep.txt'))).toBe(false)
    expect(existsSync(path.join(everything, 'sub/extra.txt'))).toBe(false)

    const part = await busyTarget()
    await restore(await zipFile(BACKUP), part, { overwrite: 'always', delete: true, include: ['/sub'] })
    expect(existsSync(path.join(part, 'sub/extra.txt'))).toBe(false)
    expect(await contentOf(part, 'keep.txt')).toBe('only in the target')
    expect(await contentOf(part, 'old.txt')).toBe('older, in the target')
    expect(await contentOf(part, 'sub/in-backup.txt')).toBe('backup')
  })

  it('--dry-run lists what would be created, replaced and deleted, and writes nothing', async () => {
    const to = await busyTarget()
    const before = await snapshot(to)
    const report = await restore(await zipFile([...BACKUP, { name: 'fresh.txt', data: 'x' }]), to, {
      overwrite: 'if-newer',
      delete: true,
      dryRun: true,
    })
    expect(await snapshot(to)).toEqual(before)
    const byPath = Object.fromEntries(report.changes.map((c) => [c.path, c.action]))
    expect(byPath).toMatchObject({
      'fresh.txt': 'create',
      'old.txt': 'replace',
      'new.txt': 'keep',
      'keep.txt': 'delete',
      'sub/extra.txt': 'delete',
    })
  })

  it('--include and --exclude restore part of a backup (restic patterns)', async () => {
    const zip = await zipFile([
      { name: 'config/app.yml', data: 'app' },
      { name: 'config/secret.key', data: 'key' },
      { name: 'data/big.bin', data: 'big' },
      { name: 'notes.txt', data: 'notes' },
    ])
    const to = path.join(await tempDir(), 'part')
    await restore(zip, to, { include: ['config', 'notes.txt'], exclude: ['*.key'] })
    expect(Object.keys(await snapshot(to)).sort()).toEqual(['config', 'config/app.yml', 'notes.txt'])
  })

  it('a link in the target where the backup has a file is replaced, never written through', async () => {
    const root = await tempDir()
    const outside = path.join(root, 'outside.txt')
    await writeFile(outside, 'outside')
    const to = path.join(root, 'target')
    await mkdir(to)
    await symlink(outside, path.join(to, 'same.txt'))
    await restore(await zipFile(BACKUP), to, { overwrite: 'always' })
    expect((await lstat(path.join(to, 'same.txt'))).isFile()).toBe(true)
    expect(await readFile(outside, 'utf8')).toBe('outside')
  })

  it('a folder in the target where the backup has a file is refused unless --delete', async () => {
    const to = path.join(await tempDir(), 'target')
    await mkdir(path.join(to, 'same.txt'), { recursive: true })
    await writeFile(path.join(to, 'same.txt', 'precious'), 'p')
    const before = await snapshot(to)
    await expect(restore(await zipFile(BACKUP), to, { overwrite: 'always' })).rejects.toThrow(
      /'same.txt' is a folder in the target but a file in the backup/,
    )
    expect(await snapshot(to)).toEqual(before)
  })

  it('a target that is a link restores into the folder it points at; the link stays', async () => {
    const root = await tempDir()
    await mkdir(path.join(root, 'real'))
    await symlink(path.join(root, 'real'), path.join(root, 'via-link'))
    await restore(await zipFile(BACKUP), path.join(root, 'via-link'))
    expect((await lstat(path.join(root, 'via-link'))).isSymbolicLink()).toBe(true)
    expect(await contentOf(path.join(root, 'real'), 'sub/in-backup.txt')).toBe('backup')
  })
})

describe('a failed or cancelled restore leaves the target as it was', () => {
  it('large entries stream (stored, deflated) beside small ones read whole; all come back byte for byte', async () => {
    const to = path.join(await tempDir(), 'out')
    const stored = Buffer.alloc(2 * 1024 * 1024 + 7, 'stored ')
    const deflated = Buffer.from('deflated line\n'.repeat(300_000))
    await restore(
      await zipFile([
        { name: 'big-stored.bin', data: stored },
        { name: 'small.txt', data: 'small', method: 8 },
        { name: 'big-deflated.txt', data: deflated, method: 8 },
        { name: 'empty.txt', data: '' },
        // Deflated with no bytes at all (not even an empty deflate block): read as empty, as unzip does.
        { name: 'empty-deflated.txt', raw: Buffer.alloc(0), method: 8, uncompressedSize: 0 },
      ]),
      to,
    )
    expect((await readFile(path.join(to, 'big-stored.bin'))).equals(stored)).toBe(true)
    expect((await readFile(path.join(to, 'big-deflated.txt'))).equals(deflated)).toBe(true)
    expect(await contentOf(to, 'small.txt')).toBe('small')
    expect(await contentOf(to, 'empty.txt')).toBe('')
    expect(await contentOf(to, 'empty-deflated.txt')).toBe('')
  })

  it('a damaged large entry fails as it streams; the archive stays readable, the target as it was', async () => {
    const to = await busyTarget()
    const before = await snapshot(to)
    const big = Buffer.from('line of a large file\n'.repeat(200_000))
    const zip = await zipFile([...BACKUP, { name: 'zz-big.txt', data: big, method: 8, crc: 1 }])
    const archive = await OpenArchive.open(zip)
    try {
      await expect(restoreInto(archive, to, options({ overwrite: 'always' }))).rejects.toThrow(
        /'zz-big.txt' fails its CRC-32 check/,
      )
      // The failed stream did not close the archive's descriptor: its other entries still read.
      const small = archive.entries.find((e) => e.kind === 'file' && e.size > 0)!
      expect(archive.contentSync(small)?.length).toBe(small.size)
    } finally {
      archive.close()
    }
    expect(await snapshot(to)).toEqual(before)
  })

  it('an entry that inflates to another size than listed is refused, small or large', async () => {
    for (const data of [Buffer.from('twelve bytes'), Buffer.alloc(3 * 1024 * 1024, 'x')]) {
      const to = path.join(await tempDir(), 'out')
      const zip = await zipFile([{ name: 'a.txt', data, method: 8, uncompressedSize: data.length - 1 }])
      await expect(restore(zip, to)).rejects.toThrow(/'a.txt' (does not inflate to its listed size|cannot be read)/)
      expect(existsSync(to)).toBe(false)
    }
  })

  it('a damaged entry after others were written: every replaced file is back, the staging gone', async () => {
    const to = await busyTarget()
    const before = await snapshot(to)
    const zip = await zipFile([...BACKUP, { name: 'zz-damaged.txt', data: 'damaged', crc: 1 }])
    await expect(restore(zip, to, { overwrite: 'always', delete: true })).rejects.toThrow(/fails its CRC-32 check/)
    expect(await snapshot(to)).toEqual(before)
  })

  it('cancelled while files are written (SIGINT/SIGTERM abort the signal): the target is as it was', async () => {
    const to = await busyTarget()
    const before = await snapshot(to)
    const controller = new AbortController()
    const archive = await OpenArchive.open(await zipFile(BACKUP))
    const contentSync = archive.contentSync.bind(archive)
    let reads = 0
    vi.spyOn(archive, 'contentSync').mockImplementation((entry) => {
      if (++reads === 3) controller.abort(new Error('cancelled by SIGTERM'))
      return contentSync(entry)
    })
    await expect(restoreInto(archive, to, options({ overwrite: 'always', signal: controller.signal }))).rejects.toThrow(
      /cancelled by SIGTERM/,
    )
    archive.close()
    expect(reads).toBe(3)
    expect(await snapshot(to)).toEqual(before)
  })

  it('cancelled while entries are moved into place: what was moved goes back', async () => {
    const to = await busyTarget()
    const before = await snapshot(to)
    const controller = new AbortController()
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the staging as its this
    const place = Staging.prototype.place
    let placed = 0
    vi.spyOn(Staging.prototype, 'place').mockImplementation(async function (this: Staging, relative: string) {
      await place.call(this, relative)
      if (++placed === 2) controller.abort(new Error('cancelled by SIGINT'))
    })
    await expect(
      restore(await zipFile(BACKUP), to, { overwrite: 'always', delete: true, signal: controller.signal }),
    ).rejects.toThrow(/cancelled by SIGINT/)
    expect(placed).toBe(2)
    expect(await snapshot(to)).toEqual(before)
  })

  it('a staging folder left by a killed restore is undone by the next restore into that target', async () => {
    const to = await busyTarget()
    const before = await snapshot(to)
    // A restore that moved old.txt aside and put its own in place, then was killed (its process is gone).
    const staging = await Staging.create(to)
    await writeFile(path.join(staging.root, 'new', 'old.txt'), 'half-restored')
    await staging.moveAside('old.txt')
    await staging.place('old.txt')
    const dead = spawnSync(process.execPath, ['-e', '']).pid
    await writeFile(path.join(staging.root, 'owner.json'), JSON.stringify({ pid: dead, host: 'x', started: 'then' }))
    expect(await contentOf(to, 'old.txt')).toBe('half-restored')

    const log = new MemoryLog()
    await restore(await zipFile([{ name: 'other.txt', data: 'o' }]), to, { overwrite: 'never', log })
    expect(log.lines.join('\n')).toMatch(/was stopped before it ended .*its changes were undone/)
    const after = await snapshot(to)
    delete after['other.txt']
    expect(after).toEqual(before)
  })

  it('a staging folder whose restore still runs is not touched: the second restore is refused', async () => {
    const to = await busyTarget()
    const staging = await Staging.create(to)
    await writeFile(
      path.join(staging.root, 'owner.json'),
      JSON.stringify({ pid: process.ppid, host: hostname(), started: 'now' }),
    )
    await expect(restore(await zipFile(BACKUP), to, { overwrite: 'always' })).rejects.toThrow(
      /Another restore into .* is running/,
    )
    expect(existsSync(staging.root)).toBe(true)
    await staging.remove()
  })
})

describe('the plan', () => {
  const rules = { platform: 'linux' as const, foldCase: false, foldUnicode: false, filter: null }
  const when = new Date('2024-05-06T07:08:09Z')
  const ENTRIES: CraftEntry[] = [
    { name: 'a/b.txt', data: 'b', mtime: when },
    { name: './c.txt', data: 'c', mtime: when },
    { name: 'tool', data: '#!', mode: 0o4755, mtime: when },
  ]

  it('keeps an entry it does not change as its own node, and makes one only where it changes something', async () => {
    const archive = await OpenArchive.open(await zipFile(ENTRIES))
    try {
      const [b, c, tool] = archive.entries
      const plan = planArchive(archive.entries, { ...rules, keepSpecialBits: false })
      // Folders first (the implied 'a'), then the zip's order; each node knows its place.
      expect(plan.nodes.map((n) => [n.path, n.kind, n.mode])).toEqual([
        ['a', 'directory', null],
        ['a/b.txt', 'file', 0o644],
        ['c.txt', 'file', 0o644],
        ['tool', 'file', 0o755],
      ])
      expect(plan.nodes.map((n) => n.index)).toEqual([0, 1, 2, 3])
      // 'a/b.txt' is planned as it is: no second object for it (100,000 files, 100,000 fewer).
      expect(plan.nodes[1]).toBe(b)
      // './c.txt' was normalised and the setuid bit dropped: nodes of their own, read through to the entry.
      for (const [node, entry] of [
        [plan.nodes[2], c],
        [plan.nodes[3], tool],
      ] as const) {
        expect(node).not.toBe(entry)
        expect(node.entry).toBe(entry)
        expect([node.size, node.mtime]).toEqual([entry.size, when.getTime() / 1000])
      }
      expect(plan.nodes[2].display).toBe('c.txt')
      expect([plan.nodes[0].entry, plan.nodes[0].mtime, plan.nodes[0].size]).toEqual([null, null, 0])
      // Kept special bits change nothing: the entry is its own node again.
      const kept = planArchive(archive.entries, { ...rules, keepSpecialBits: true })
      expect(kept.nodes[3]).toBe(tool)
      expect(tool.mode).toBe(0o4755)
      // An entry is a node of every plan made of it: a plan's actions refuse a node the latest plan numbered.
      const first = new Actions(plan)
      expect(() => first.get(b)).not.toThrow()
      const filtered = planArchive(archive.entries, {
        ...rules,
        keepSpecialBits: false,
        filter: new PathFilter(['c.txt'], []),
      })
      expect(filtered.nodes.map((n) => n.path)).toEqual(['c.txt'])
      const planned = planArchive(archive.entries, { ...rules, keepSpecialBits: true })
      expect(planned.nodes[3]).toBe(tool)
      expect(() => new Actions(filtered).get(tool)).toThrow(/not in this plan/)
      expect(new Actions(planned).writes(tool)).toBe(false)
    } finally {
      archive.close()
    }
  })
})
