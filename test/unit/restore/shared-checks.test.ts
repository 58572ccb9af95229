// A check on the archive worker shares its small entries with the parent thread
// (src/restore/shared-checks.ts): the worker batches where entries are, the parent reads and checks
// them through its own descriptor, and a failure it finds comes back named by the worker. Here both
// sides run in this thread on real zips; the archive job's own tests run them across the threads.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkArchive } from '../../../src/restore/archive-job.js'
import { BatchedChecks, type CheckBatch, checkBatch } from '../../../src/restore/shared-checks.js'
import { CorruptArchiveError, OpenArchive, WholeEntryChecker } from '../../../src/restore/zip-reader.js'
import { MemoryLog } from '../../helpers/memory-log.ts'
import { type CraftEntry, craftZip } from '../../helpers/zip-craft.ts'

const content = (i: number) => `entry ${i} `.repeat(20 + (i % 7))

/** A zip of `count` deflated small files f<i>.txt; `damage` rewrites some of them. */
async function zipOf(count: number, damage: (i: number, entry: CraftEntry) => CraftEntry = (_, e) => e) {
  const entries = Array.from({ length: count }, (_, i) => damage(i, { name: `f${i}.txt`, data: content(i), method: 8 }))
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'shared-checks-')), 'backup.zip')
  await writeFile(file, craftZip(entries))
  return file
}

/** Both sides in this thread: batches answered as they are sent. */
async function checkShared(file: string): Promise<{ batches: CheckBatch[]; failure: unknown }> {
  const archive = await OpenArchive.open(file)
  const checker = new WholeEntryChecker(file)
  const batches: CheckBatch[] = []
  const checks: BatchedChecks = new BatchedChecks((batch) => {
    batches.push(batch)
    queueMicrotask(() => checks.acknowledge(checkBatch(checker, batch)))
  })
  try {
    for (const entry of archive.entries) if (!checks.take(entry)) archive.contentSync(entry)
    await checks.drain()
    return { batches, failure: null }
  } catch (error) {
    return { batches, failure: error }
  } finally {
    checker.close()
    archive.close()
  }
}

describe('checks shared with the parent thread', () => {
  it('sends where each entry is, in batches, and a sound zip passes', async () => {
    const file = await zipOf(300)
    const { batches, failure } = await checkShared(file)
    expect(failure).toBeNull()
    // A batch closes at 256 entries; the rest goes at the drain.
    expect(batches.map((b) => b.fields.length / 5)).toEqual([256, 44])
    const archive = await OpenArchive.open(file)
    const [first] = archive.entries
    expect([...batches[0].fields.subarray(0, 5)]).toEqual([
      first.dataStart,
      first.compressedSize,
      first.size,
      first.crc32,
      8,
    ])
    archive.close()
  })

  it('checks locally what does not fit: with six batches unanswered, take() says no', async () => {
    const file = await zipOf(2000)
    const archive = await OpenArchive.open(file)
    const checks = new BatchedChecks(() => undefined)
    const taken = archive.entries.map((entry) => checks.take(entry))
    archive.close()
    // Six batches sent, and a seventh full one waiting for room.
    expect(taken.filter(Boolean)).toHaveLength(256 * 7)
    expect(taken.slice(256 * 7).some(Boolean)).toBe(false)
  })

  it.each([
    [
      'a wrong CRC-32',
      (e: CraftEntry): CraftEntry => ({ ...e, crc: 0x12345678 }),
      /'f130\.txt' fails its CRC-32 check/,
    ],
    [
      'a wrong size',
      (e: CraftEntry): CraftEntry => ({ ...e, uncompressedSize: 3 }),
      /'f130\.txt' does not inflate to its listed size/,
    ],
    [
      'a broken deflate stream',
      (e: CraftEntry): CraftEntry => ({ ...e, raw: Buffer.from([0xff, 0xff, 0xff, 0xff]) }),
      /'f130\.txt' cannot be read back \(.+\): the backup is damaged/,
    ],
  ])('%s in an entry the parent checks is named by the worker', async (_, damage, words) => {
    const file = await zipOf(300, (i, e) => (i === 130 ? damage(e) : e))
    const { batches, failure } = await checkShared(file)
    // f130 is in the first batch: the parent's side found it.
    expect(batches[0].fields.length / 5).toBe(256)
    expect(failure).toBeInstanceOf(CorruptArchiveError)
    expect((failure as Error).message).toMatch(words)
  })

  it('a read past the end of the file is a damaged entry, not a crash of the parent', async () => {
    const file = await zipOf(3)
    const checker = new WholeEntryChecker(file)
    const fields = Float64Array.from([1e9, 100, 100, 0, 8])
    const ack = checkBatch(checker, { kind: 'check', id: 7, fields })
    checker.close()
    expect(ack).toMatchObject({ kind: 'checked', id: 7, failure: { at: 0, problem: { kind: 'damaged' } } })
  })
})

describe('a check on the archive worker', () => {
  it.each([5, 1999])('names a damaged entry (f%i) whichever thread checked it', async (damaged) => {
    const file = await zipOf(2000, (i, e) => (i === damaged ? { ...e, crc: 1 } : e))
    const error = await checkArchive(file, undefined, new MemoryLog(), undefined, 'worker').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CorruptArchiveError)
    expect((error as Error).message).toBe(`'f${damaged}.txt' fails its CRC-32 check: the backup is damaged.`)
  })

  it('counts every entry of a sound zip', async () => {
    const file = await zipOf(2000)
    expect(await checkArchive(file, undefined, new MemoryLog(), undefined, 'worker')).toEqual({
      kind: 'check',
      aes: false,
      count: 2000,
    })
  })
})
