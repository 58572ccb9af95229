// The archive's work (src/restore/archive-job.ts) as the commands run it, on its worker thread and in
// this one: the outcome comes back, a failure comes back as the class the failure policy knows (same
// words, same exit code either way), a cancel is passed on and leaves the target as it was.
import { mkdtemp, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeArchive } from '../../../src/backup/archive.js'
import { ArchivePasswordError } from '../../../src/core/errors.js'
import { EXIT, describeFailure } from '../../../src/core/failure.js'
import { checkArchive, restoreArchive } from '../../../src/restore/archive-job.js'
import type { RestoreOptions } from '../../../src/restore/extract.js'
import { STAGING_PREFIX } from '../../../src/restore/plan.js'
import { UnsafeArchiveError } from '../../../src/restore/zip-reader.js'
import { MemoryLog } from '../../helpers/memory-log.ts'
import { selectFiles } from '../../helpers/select.ts'
import { makeWorkspace } from '../../helpers/workspace.ts'
import { craftZip } from '../../helpers/zip-craft.ts'

const PASSWORD = 'archive password of twenty chars'

const temp = (prefix: string) => mkdtemp(path.join(tmpdir(), prefix))

function options(log: MemoryLog, more: Partial<RestoreOptions> = {}): RestoreOptions {
  return {
    password: undefined,
    overwrite: null,
    delete: false,
    dryRun: false,
    include: [],
    exclude: [],
    keepSpecialBits: false,
    log,
    ...more,
  }
}

/** A tree of `count` small files zipped by the writer, AES-encrypted when a password is given. */
async function zipOf(count: number, password?: string): Promise<string> {
  const tree = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`data/d${i % 10}/f${i}.txt`, { kind: 'file' as const, content: `${i}` }]),
  )
  const workspace = await makeWorkspace(tree)
  const selection = await selectFiles(path.join(workspace, 'data'), {
    includeHiddenFiles: false,
    followSymlinks: false,
    workspace,
  })
  const out = path.join(await temp('job-zip-'), 'backup.zip')
  await writeArchive(selection.entries, out, { compressionLevel: 6, password })
  return out
}

// Each case on the worker (as for 100,000 entries) and in this thread (as for a few thousand).
describe.each(['worker', 'by-size'] as const)('the archive job (%s)', (place) => {
  it('restores and reports; check counts and says whether entries are AES', async () => {
    const zip = await zipOf(50)
    const to = await temp('job-to-')
    const { report, aes } = await restoreArchive(zip, to, options(new MemoryLog()), place)
    expect(aes).toBe(false)
    expect(report).toMatchObject({ files: 50, directories: 10, created: 60 })
    expect(await readFile(path.join(to, 'd7/f17.txt'), 'utf8')).toBe('17')

    const encrypted = await zipOf(5, PASSWORD)
    expect(await checkArchive(encrypted, PASSWORD, new MemoryLog(), undefined, place)).toEqual({
      kind: 'check',
      aes: true,
      count: 5,
    })
  })

  it('many small files come back whole, with their modes and times, over several batches', async () => {
    const tree = Object.fromEntries(
      Array.from({ length: 1500 }, (_, i) => [
        `data/d${i % 7}/f${i}.txt`,
        { kind: 'file' as const, content: `file ${i} `.repeat(i % 300), mode: i % 2 ? 0o600 : 0o755 },
      ]),
    )
    const workspace = await makeWorkspace(tree)
    const selection = await selectFiles(path.join(workspace, 'data'), {
      includeHiddenFiles: false,
      followSymlinks: false,
      workspace,
    })
    const zip = path.join(await temp('job-zip-'), 'backup.zip')
    await writeArchive(selection.entries, zip, { compressionLevel: 6 })
    const to = await temp('job-to-')
    const { report } = await restoreArchive(zip, to, options(new MemoryLog()), place)
    expect(report).toMatchObject({ files: 1500, directories: 7 })
    for (let i = 0; i < 1500; i += 7) {
      const name = `d${i % 7}/f${i}.txt`
      const [source, restored] = [path.join(workspace, 'data', name), path.join(to, name)]
      expect(await readFile(restored, 'utf8')).toBe(`file ${i} `.repeat(i % 300))
      const [was, is] = [await stat(source), await stat(restored)]
      expect(is.mode & 0o777).toBe(i % 2 ? 0o600 : 0o755)
      expect(Math.floor(is.mtimeMs / 1000)).toBe(Math.floor(was.mtimeMs / 1000))
    }
  })

  it('a hostile zip fails with the class and words of the main thread, and writes nothing', async () => {
    const zip = path.join(await temp('job-zip-'), 'evil.zip')
    await writeFile(
      zip,
      craftZip([
        { name: 'ok.txt', data: 'fine' },
        { name: '../evil.txt', data: 'x' },
      ]),
    )
    const to = await temp('job-to-')
    const error = await restoreArchive(zip, to, options(new MemoryLog()), place).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnsafeArchiveError)
    expect((error as Error).message).toBe(
      "The backup's entry '../evil.txt' goes up with '..'. The zip is refused as a whole and nothing was written.",
    )
    expect(describeFailure(error)).toMatchObject({ exitCode: EXIT.failed, unexpected: false })
    expect(await readdir(to)).toEqual([])
  })

  it('an AES zip without its password: the password error and its exit code (12)', async () => {
    const zip = await zipOf(3, PASSWORD)
    const error = await restoreArchive(zip, await temp('job-to-'), options(new MemoryLog()), place).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ArchivePasswordError)
    expect(describeFailure(error).exitCode).toBe(EXIT.wrongPassword)
    expect((error as Error).message).toMatch(/is encrypted \(archive-password\): set ONEFICHIER_ARCHIVE_PASSWORD/)
  })

  it('a cancel reaches the worker: the restore stops with its reason and the target is as it was', async () => {
    const zip = await zipOf(3000)
    const to = await temp('job-to-')
    await writeFile(path.join(to, 'mine.txt'), 'the user file')
    const controller = new AbortController()
    const running = restoreArchive(
      zip,
      to,
      options(new MemoryLog(), { overwrite: 'always', signal: controller.signal }),
      place,
    )
    // Sent before the worker has read a byte: it is heard at the worker's first turn, before it writes.
    controller.abort(new Error('cancelled by SIGTERM'))
    await expect(running).rejects.toThrow('cancelled by SIGTERM')
    expect(await readdir(to)).toEqual(['mine.txt'])
    expect(await readFile(path.join(to, 'mine.txt'), 'utf8')).toBe('the user file')
  })

  it("nothing is moved into the target before the download's check passes; a failed check undoes it", async () => {
    const zip = await zipOf(200)
    const to = await temp('job-to-')
    await writeFile(path.join(to, 'mine.txt'), 'the user file')
    // Asked once everything is staged: the target then holds the user's file and the staging folder alone.
    const seen: string[][] = []
    const look = async () => {
      seen.push((await readdir(to)).map((n) => (n.startsWith(STAGING_PREFIX) ? 'staging' : n)).sort())
    }
    const corrupted = restoreArchive(
      zip,
      to,
      options(new MemoryLog(), {
        overwrite: 'always',
        verified: async () => {
          await look()
          throw new Error("The download is corrupted (its Whirlpool 0123 is not 1fichier's 4567).")
        },
      }),
      place,
    )
    await expect(corrupted).rejects.toThrow(/^The download is corrupted/)
    expect(seen).toEqual([['mine.txt', 'staging'].sort()])
    expect(await readdir(to)).toEqual(['mine.txt'])

    const { report } = await restoreArchive(
      zip,
      to,
      options(new MemoryLog(), { overwrite: 'always', verified: look }),
      place,
    )
    expect(report).toMatchObject({ files: 200, created: 210 })
    expect(seen).toHaveLength(2)
    expect((await readdir(to)).sort()).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9', 'mine.txt'])
  })
})

it('a time a hair before a whole second stays in that second, zipped and restored (Stats.mtime rounds)', async () => {
  const workspace = await makeWorkspace({ 'data/late.txt': { kind: 'file', content: 'x' } })
  // 2026-12-05T08:46:34.9996Z: Stats.mtime rounds it to :35.000, which the zip's whole seconds kept.
  await utimes(path.join(workspace, 'data/late.txt'), 1796460394.9996, 1796460394.9996)
  const selection = await selectFiles(path.join(workspace, 'data'), {
    includeHiddenFiles: false,
    followSymlinks: false,
    workspace,
  })
  const zip = path.join(await temp('job-zip-'), 'backup.zip')
  await writeArchive(selection.entries, zip, { compressionLevel: 6 })
  const to = await temp('job-to-')
  await restoreArchive(zip, to, options(new MemoryLog()))
  expect((await stat(path.join(to, 'late.txt'))).mtimeMs).toBe(1796460394_000)
})
