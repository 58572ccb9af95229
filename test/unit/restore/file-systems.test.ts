// Restores onto real file systems that fail: a tmpfs that runs out of room mid-extraction (ENOSPC),
// one mounted read-only (EROFS), a target that is itself a mount point, a backup larger than the free
// space. Each failure gives one line naming the file and the condition, and leaves the target as it
// was, staging removed. Mounting needs root (as on CI); elsewhere these tests are skipped, visibly.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import type { RepositoryConfig } from '../../../src/core/config.js'
import { restoreCommand } from '../../../src/restore/commands.js'
import { restoreArchive } from '../../../src/restore/archive-job.js'
import { FakeOneFichier } from '../../helpers/fake-client.ts'
import { MemoryLog } from '../../helpers/memory-log.ts'
import { restoreInto } from '../../../src/restore/extract.js'
import { OpenArchive } from '../../../src/restore/zip-reader.js'
import { type CraftEntry, craftZip } from '../../helpers/zip-craft.ts'

const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  const probe = path.join(tmpdir(), `mount-probe-${process.pid}`)
  spawnSync('mkdir', ['-p', probe])
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0
  if (mounted) spawnSync('umount', [probe])
  return mounted
})()
if (!canMount) console.warn('file-systems.test.ts: skipped, mounting a tmpfs needs root on Linux')

const repositoryConfig: RepositoryConfig = {
  apiKey: 'fake-key-never-sent-0123456789',
  folder: [],
  namePrefix: 'backup',
  retention: {},
  dryRun: false,
  linkPassword: '',
  archivePassword: '',
  backup: 'latest',
  cdn: false,
  retries: 3,
  stallTimeoutMs: 300_000,
  apiUrl: 'https://api.1fichier.com/v1',
}

const mounts: string[] = []
async function tmpfs(options: string): Promise<string> {
  const where = await mkdtemp(path.join(tmpdir(), 'restore-fs-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', where])
  mounts.push(where)
  return where
}
afterAll(() => {
  for (const where of mounts.reverse()) spawnSync('umount', ['-l', where])
})

async function restore(entries: CraftEntry[], to: string) {
  const zip = path.join(await mkdtemp(path.join(tmpdir(), 'restore-fs-zip-')), 'backup.zip')
  await writeFile(zip, craftZip(entries))
  const archive = await OpenArchive.open(zip)
  try {
    return await restoreInto(archive, to, {
      password: undefined,
      overwrite: 'always',
      delete: false,
      dryRun: false,
      include: [],
      exclude: [],
      keepSpecialBits: false,
      log: new MemoryLog(),
    })
  } finally {
    archive.close()
  }
}

async function tree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    const where = path.join(entry.parentPath, entry.name)
    out[path.relative(root, where)] = entry.isFile() ? await readFile(where, 'utf8') : entry.isDirectory() ? '/' : '@'
  }
  return out
}

const manyFiles = (count: number): CraftEntry[] =>
  Array.from({ length: count }, (_, i) => ({ name: `f${String(i).padStart(3, '0')}.txt`, data: `new ${i}` }))

describe.skipIf(!canMount)('restore onto file systems that fail (tmpfs mounts)', () => {
  it('a file system that runs out of room mid-extraction (ENOSPC): one line, the target as it was', async () => {
    // Room for the bytes, but not for the files: the free-space check passes and a create fails.
    const to = await tmpfs('size=4m,nr_inodes=40')
    await writeFile(path.join(to, 'f000.txt'), 'original')
    await mkdir(path.join(to, 'kept'))
    await writeFile(path.join(to, 'kept', 'a.txt'), 'kept')
    const before = await tree(to)
    const error = (await restore(manyFiles(60), to).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/no space left|full/i)
    expect(error.message).toMatch(/f0\d\d\.txt/)
    expect(error.message).toMatch(/as it was/)
    expect(error.message).not.toMatch(/Unexpected failure/)
    expect(await tree(to)).toEqual(before)
  })

  it('the same on the archive worker, where the main thread writes the small files', async () => {
    const to = await tmpfs('size=4m,nr_inodes=40')
    await writeFile(path.join(to, 'f000.txt'), 'original')
    const before = await tree(to)
    const zip = path.join(await mkdtemp(path.join(tmpdir(), 'restore-fs-zip-')), 'backup.zip')
    await writeFile(zip, craftZip(manyFiles(60)))
    const options = { password: undefined, overwrite: 'always' as const, delete: false, dryRun: false }
    const more = { include: [], exclude: [], keepSpecialBits: false, log: new MemoryLog() }
    const error = (await restoreArchive(zip, to, { ...options, ...more }, 'worker').catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/Restoring into '.*f0\d\d\.txt' failed \(ENOSPC\)/)
    expect(error.message).toMatch(/as it was/)
    expect(await tree(to)).toEqual(before)
  })

  it('a read-only file system (EROFS): one line, nothing changed', async () => {
    const to = await tmpfs('size=1m')
    await writeFile(path.join(to, 'f000.txt'), 'original')
    execFileSync('mount', ['-o', 'remount,ro', to])
    const error = (await restore(manyFiles(2), to).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/read-only/)
    expect(error.message).not.toMatch(/Unexpected failure/)
    expect(await tree(to)).toEqual({ 'f000.txt': 'original' })
  })

  it('a target that is a mount point, empty or not, is restored into (staging stays on its file system)', async () => {
    const empty = await tmpfs('size=1m')
    await restore(manyFiles(3), empty)
    expect(Object.keys(await tree(empty)).sort()).toEqual(['f000.txt', 'f001.txt', 'f002.txt'])

    const full = await tmpfs('size=1m')
    await writeFile(path.join(full, 'f000.txt'), 'original')
    await writeFile(path.join(full, 'mine.txt'), 'mine')
    await restore(manyFiles(2), full)
    expect(await tree(full)).toEqual({ 'f000.txt': 'new 0', 'f001.txt': 'new 1', 'mine.txt': 'mine' })
  })

  it('a backup larger than the free space is refused before anything is written', async () => {
    const to = await tmpfs('size=256k')
    await writeFile(path.join(to, 'mine.txt'), 'mine')
    const big = { name: 'big.bin', data: Buffer.alloc(1024 * 1024, 1), method: 8 }
    await expect(restore([big], to)).rejects.toThrow(/needs about .* free: free space there, or restore elsewhere/)
    expect(await tree(to)).toEqual({ 'mine.txt': 'mine' })
  })

  it('a download onto a full temporary disk: the disk and its setting named, no retry, no change', async () => {
    const temp = await tmpfs('size=64k')
    const fake = new FakeOneFichier()
    const folder = fake.addFolder('bk')
    await fake.addBackup(
      folder,
      'site-20261201T000000Z.zip',
      craftZip([{ name: 'big.bin', data: randomBytes(200_000) }]),
    )
    const to = await mkdtemp(path.join(tmpdir(), 'restore-fs-to-'))
    const ctx = {
      config: { ...repositoryConfig, folder: ['bk'], namePrefix: 'site' },
      log: new MemoryLog(),
      now: new Date('2026-12-04T00:00:00Z'),
      timeScale: 1,
      client: fake,
      tempDir: temp,
    }
    const request = {
      to,
      overwrite: null,
      delete: false,
      dryRun: false,
      include: [],
      exclude: [],
      keepSpecialBits: false,
    }
    const error = (await restoreCommand(ctx, request).catch((e: unknown) => e)) as Error
    expect(error.message).toBe(
      `Downloading site-20261201T000000Z.zip in '${temp}' failed: the disk is full (ENOSPC). Free space there, or ` +
        `set TMPDIR to a folder on a disk with room. The target was not touched.`,
    )
    expect(fake.calls.filter((c) => c === 'download')).toHaveLength(1)
    expect(await readdir(to)).toEqual([])
    expect(await readdir(temp)).toEqual([])
  })
})
