// The zip writer against independent readers: Info-ZIP's `unzip -t` and Python's zipfile. Content
// across chunk boundaries (dictionary priming), empty files, modes, links, and zip64 past 65,535
// entries (the entry over 4 GiB is in the slow lane: test/slow/zip64.test.ts).
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { writeArchive } from '../../../src/backup/archive.js'
import { selectFiles } from '../../helpers/select.ts'
import { inspectZip, makeWorkspace, sha256, type TreeNode } from '../../helpers/workspace.ts'
import { unzipTest, zipTree } from '../../helpers/zip.ts'
import { CHUNK_SIZE } from '../../../src/zip/zip-writer.js'
import { ZipReadBack } from '../../../src/zip/read-back.js'
import { digestFile } from '../../../src/platform/digest.js'

describe('zip writer', () => {
  it('writes what unzip -t and Python accept, byte for byte, across chunk boundaries', async () => {
    const text = Buffer.from('the quick brown fox jumps over the lazy dog\n'.repeat(80_000)) // 3.4 MiB: 4 chunks
    const random = randomBytes(CHUNK_SIZE * 2 + 123)
    const { out, result } = await zipTree({
      'data/text.txt': { kind: 'file', content: text, mode: 0o644 },
      'data/random.bin': { kind: 'file', content: random, mode: 0o600 },
      'data/empty': { kind: 'file', content: '', mode: 0o755 },
      'data/exact.bin': { kind: 'file', content: Buffer.alloc(CHUNK_SIZE, 1) },
      'data/ünïcødé name.txt': { kind: 'file', content: 'utf-8 names' },
      'data/dir/link': { kind: 'symlink', target: '../text.txt' },
      'data/empty-dir': { kind: 'directory', mode: 0o700 },
    })
    expect(unzipTest(out)).toMatch(/No errors detected/)
    const entries = inspectZip(out)
    expect(entries.map((e) => [e.name, e.kind, e.mode.toString(8), e.sha256 ?? e.target ?? ''])).toEqual([
      ['dir', 'directory', '755', ''],
      ['dir/link', 'symlink', '777', '../text.txt'],
      ['empty', 'file', '755', sha256('')],
      ['empty-dir', 'directory', '700', ''],
      ['exact.bin', 'file', '644', sha256(Buffer.alloc(CHUNK_SIZE, 1))],
      ['random.bin', 'file', '600', sha256(random)],
      ['text.txt', 'file', '644', sha256(text)],
      ['ünïcødé name.txt', 'file', '644', sha256('utf-8 names')],
    ])
    // Chunked deflate still compresses text well (dictionary priming keeps the ratio).
    expect(result.size).toBeLessThan(random.length + 100_000)
    // The size is the file's as written.
    const bytes = readFileSync(out)
    expect(result.size).toBe(bytes.length)
  })

  it(
    'small files (worker threads, one reused deflate stream ' +
      'each) keep every byte, whatever their size and content',
    async () => {
      // 3,000 files: past the first 1,024 done in this thread, so batches go to workers too. Sizes
      // from empty to the small-file limit, text, random (deflate's worst case) and runs, some
      // stored by name: each batch reuses its thread's stream and output buffer.
      const tree: Record<string, TreeNode> = {}
      const expected: Array<[string, string]> = []
      for (let i = 0; i < 3000; i++) {
        const size = i % 7 === 0 ? 0 : (i * 7919) % (64 * 1024)
        const kind = i % 3
        const content =
          kind === 0
            ? randomBytes(size)
            : kind === 1
              ? Buffer.from(`line ${i} of text, `.repeat(size / 17 + 1)).subarray(0, size)
              : Buffer.alloc(size, i & 0xff)
        const name = `f${String(i).padStart(4, '0')}${i % 11 === 0 ? '.gz' : '.bin'}`
        tree[`data/${name}`] = { kind: 'file', content }
        expected.push([name, sha256(content)])
      }
      const { out } = await zipTree(tree)
      expect(unzipTest(out)).toMatch(/No errors detected/)
      const entries = inspectZip(out)
      expect(entries.map((e) => [e.name, e.sha256])).toEqual(expected)
      // Names that say "already compressed" are stored, the others deflated.
      expect(entries.filter((e) => e.name.endsWith('.gz')).every((e) => e.compress_type === 0)).toBe(true)
      expect(
        entries.filter((e) => e.name.endsWith('.bin') && (e.size ?? 0) > 0).every((e) => e.compress_type === 8),
      ).toBe(true)
    },
    120_000,
  )

  it('the sequential writer (the bench’s baseline) writes the very bytes the pipeline writes', async () => {
    // Past the 1,024 small files done in this thread, so the pipeline uses its workers; a file of
    // several chunks, a link and an empty folder.
    const tree: Record<string, TreeNode> = {
      'data/big/text.txt': { kind: 'file', content: Buffer.from('chunked text\n'.repeat(300_000)) },
      'data/big/random.bin': { kind: 'file', content: randomBytes(CHUNK_SIZE + 777) },
      'data/link': { kind: 'symlink', target: 'big/text.txt' },
      'data/empty-dir': { kind: 'directory' },
    }
    for (let i = 0; i < 1500; i++)
      tree[`data/s${i % 9}/f${i}.txt`] = { kind: 'file', content: `small file ${i}\n`.repeat(i % 200) }
    const workspace = await makeWorkspace(tree)
    const zipWith = async (sequential: boolean) => {
      const selection = await selectFiles(path.join(workspace, 'data'), {
        includeHiddenFiles: false,
        followSymlinks: false,
        workspace,
      })
      const out = path.join(await mkdtemp(path.join(tmpdir(), 'zip-')), 'out.zip')
      // How far the writer takes entries in ahead of the one it writes: the pipeline's depth.
      let taken = 0
      let written = 0
      let lead = 0
      const entries = (function* () {
        for (const entry of selection.entries) {
          taken++
          yield entry
        }
      })()
      const observer = { entry: () => (lead = Math.max(lead, taken - ++written)), data: () => {}, end: () => {} }
      await writeArchive(entries, out, { compressionLevel: 6, sequential, observer })
      return { out, lead }
    }
    const [pipelined, sequential] = [await zipWith(false), await zipWith(true)]
    expect(unzipTest(sequential.out)).toMatch(/No errors detected/)
    // 1,500 small files, 9 folders of them, big/ with its 2 files, the link and the empty folder.
    expect(inspectZip(sequential.out)).toHaveLength(1500 + 9 + 3 + 2)
    expect(sha256(readFileSync(sequential.out))).toBe(sha256(readFileSync(pipelined.out)))
    // Each entry written before the next is taken in; the pipeline runs well ahead.
    expect(sequential.lead).toBe(0)
    expect(pipelined.lead).toBeGreaterThan(64)
  })

  it('a file gone before its turn (small, in a worker batch, or large) is left out whole, and told', async () => {
    const tree: Record<string, TreeNode> = {}
    for (let i = 0; i < 2000; i++)
      tree[`data/f${String(i).padStart(4, '0')}.txt`] = { kind: 'file', content: `file ${i}\n`.repeat(i % 50) }
    tree['data/zz-large.bin'] = { kind: 'file', content: randomBytes(3 * CHUNK_SIZE) }
    tree['data/zz-stays.txt'] = { kind: 'file', content: 'still here' }
    const workspace = await makeWorkspace(tree)
    const selection = await selectFiles(path.join(workspace, 'data'), {
      includeHiddenFiles: false,
      followSymlinks: false,
      workspace,
    })
    const entries = [...selection.entries]
    // Listed, then gone before it is read: one in this thread's first files, one past the first
    // 1,024 (in a worker's batch), and a large one read chunk by chunk.
    const gone = [entries[10], entries[1500], entries.find((e) => e.name === 'zz-large.bin')!]
    const { unlink } = await import('node:fs/promises')
    for (const entry of gone) await unlink(entry.source)
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'zip-')), 'out.zip')
    const told: string[] = []
    await writeArchive(entries, out, {
      compressionLevel: 6,
      onUnreadable: (entry, error) => told.push(`${entry.name} ${error.code}`),
    })
    expect(told.sort()).toEqual(gone.map((e) => `${e.name} ENOENT`).sort())
    expect(unzipTest(out)).toMatch(/No errors detected/)
    const names = inspectZip(out).map((e) => e.name)
    expect(names).toHaveLength(entries.length - gone.length)
    for (const entry of gone) expect(names).not.toContain(entry.name)
    expect(names).toContain('zz-stays.txt')
  }, 60_000)

  it('reports its progress while it writes: entries in, bytes written, growing', async () => {
    const workspace = await makeWorkspace({
      'data/a.bin': { kind: 'file', content: randomBytes(CHUNK_SIZE * 3) },
      'data/b.bin': { kind: 'file', content: randomBytes(CHUNK_SIZE * 3) },
    })
    const selection = await selectFiles(path.join(workspace, 'data'), {
      includeHiddenFiles: false,
      followSymlinks: false,
      workspace,
    })
    // Entries that come slowly, as from a walk over a big tree: the ticker fires in between.
    const slow = (async function* () {
      for (const entry of selection.entries) {
        await new Promise((resolve) => setTimeout(resolve, 60))
        yield entry
      }
    })()
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'zip-')), 'out.zip')
    const reports: Array<{ entryCount: number; zipBytes: number }> = []
    const result = await writeArchive(slow, out, {
      compressionLevel: 1,
      progressEveryMs: 20,
      onProgress: (progress) => reports.push(progress),
    })
    expect(reports.length).toBeGreaterThan(1)
    const counts = reports.map((r) => r.entryCount)
    const bytes = reports.map((r) => r.zipBytes)
    expect(counts).toEqual([...counts].sort((x, y) => x - y))
    expect(bytes).toEqual([...bytes].sort((x, y) => x - y))
    expect(counts.at(-1)).toBeGreaterThanOrEqual(1)
    expect(result.entryCount).toBe(2)
    expect(bytes.at(-1)).toBeLessThanOrEqual(result.size)
    // None once the zip is done.
    const done = reports.length
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(reports).toHaveLength(done)
  })

  it('a file that grows or shrinks while read holds what was read, and is told', async () => {
    const workspace = await makeWorkspace({
      'data/small-grows.txt': { kind: 'file', content: 'a'.repeat(1000) },
      'data/small-shrinks.txt': { kind: 'file', content: 'b'.repeat(1000) },
      'data/large-grows.bin': { kind: 'file', content: Buffer.alloc(2 * CHUNK_SIZE + 5, 1) },
      'data/large-shrinks.bin': { kind: 'file', content: Buffer.alloc(2 * CHUNK_SIZE + 5, 2) },
      'data/same.txt': { kind: 'file', content: 'same' },
    })
    const selection = await selectFiles(path.join(workspace, 'data'), {
      includeHiddenFiles: false,
      followSymlinks: false,
      workspace,
    })
    const { appendFile, truncate } = await import('node:fs/promises')
    await appendFile(path.join(workspace, 'data/small-grows.txt'), 'more')
    await truncate(path.join(workspace, 'data/small-shrinks.txt'), 10)
    await appendFile(path.join(workspace, 'data/large-grows.bin'), 'more')
    await truncate(path.join(workspace, 'data/large-shrinks.bin'), CHUNK_SIZE + 3)
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'zip-')), 'out.zip')
    const told: string[] = []
    await writeArchive(selection.entries, out, {
      compressionLevel: 6,
      onSizeChanged: (entry, size) => told.push(`${entry.name} ${size}`),
    })
    expect(told.sort()).toEqual([
      `large-grows.bin ${2 * CHUNK_SIZE + 5}`,
      `large-shrinks.bin ${CHUNK_SIZE + 3}`,
      'small-grows.txt 1000',
      'small-shrinks.txt 10',
    ])
    const sizes = Object.fromEntries(inspectZip(out).map((e) => [e.name, e.size]))
    expect(sizes).toEqual({
      'large-grows.bin': 2 * CHUNK_SIZE + 5,
      'large-shrinks.bin': CHUNK_SIZE + 3,
      'small-grows.txt': 1000,
      'small-shrinks.txt': 10,
      'same.txt': 4,
    })
    expect(unzipTest(out)).toMatch(/No errors detected/)
  }, 60_000)

  it('stores a file name that is not valid UTF-8 as its raw bytes, as Info-ZIP does', async () => {
    const workspace = await makeWorkspace({ 'data/plain.txt': { kind: 'file', content: 'plain' } })
    const rawName = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]) // "café.txt" in Latin-1
    const rawDir = Buffer.from([0x64, 0xff, 0x72])
    const { mkdirSync, writeFileSync } = await import('node:fs')
    const dataDir = Buffer.from(path.join(workspace, 'data'))
    writeFileSync(Buffer.concat([dataDir, Buffer.from('/'), rawName]), 'latin-1 name')
    mkdirSync(Buffer.concat([dataDir, Buffer.from('/'), rawDir]))
    writeFileSync(Buffer.concat([dataDir, Buffer.from('/'), rawDir, Buffer.from('/inner.txt')]), 'inside')
    const { out, selection } = await zipTree(workspace)
    expect(selection.fileCount).toBe(3)
    const listed = execFileSync(
      'python3',
      [
        '-c',
        'import sys,zipfile,json; z=zipfile.ZipFile(sys.argv[1]); ' +
          'print(json.dumps([[i.orig_filename.encode("cp437").hex(), i.flag_bits & 0x800, ' +
          'z.read(i).decode()] for i in z.infolist()]))',
        out,
      ],
      { encoding: 'utf8' },
    )
    const entries = JSON.parse(listed) as Array<[string, number, string]>
    expect(entries).toContainEqual([rawName.toString('hex'), 0, 'latin-1 name'])
    expect(entries).toContainEqual([Buffer.concat([rawDir, Buffer.from('/inner.txt')]).toString('hex'), 0, 'inside'])
    expect(entries).toContainEqual([Buffer.from('plain.txt').toString('hex'), 0x800, 'plain'])
    expect(unzipTest(out)).toMatch(/No errors detected/)
  })

  it('level 0 stores everything', async () => {
    const { out } = await zipTree({ 'data/a.txt': { kind: 'file', content: 'aaaa'.repeat(1000) } }, 0)
    expect(inspectZip(out).map((e) => e.compress_type)).toEqual([0])
    expect(unzipTest(out)).toMatch(/No errors detected/)
  })

  it('zip64: more than 65,535 entries', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'many-'))
    const { mkdir } = await import('node:fs/promises')
    for (let d = 0; d < 70; d++) {
      await mkdir(path.join(workspace, 'data', `d${d}`), { recursive: true })
      await Promise.all(
        Array.from({ length: 1000 }, (_, f) => writeFile(path.join(workspace, 'data', `d${d}`, `f${f}`), `${d}/${f}`)),
      )
    }
    const { out, selection } = await zipTree(workspace, 1)
    expect(selection.fileCount).toBe(70_000)
    expect(unzipTest(out)).toMatch(/No errors detected/)
    const count = execFileSync(
      'python3',
      [
        '-c',
        'import os,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(len(z.infolist()), ' +
          'z.read("d69/f999").decode(), os.path.getsize(sys.argv[1]) - z.start_dir)',
        out,
      ],
      { encoding: 'utf8' },
    )
    const [entries, content, directoryBytes] = count.trim().split(' ')
    expect([entries, content]).toEqual(['70070', '69/999'])
    // Over 4 MiB of central directory: it went through the temporary file, which is gone.
    expect(Number(directoryBytes)).toBeGreaterThan(4 << 20)
    expect(existsSync(`${out}.central`)).toBe(false)
    // Our own read-back (proof before prune) takes the zip64 directory and all 70,070 entries.
    const checker = await ZipReadBack.open(out, statSync(out).size)
    await digestFile(out, { reader: checker }).result
    await checker.finish()
    expect(checker.checked).toBe(70_070)
  }, 120_000)
})
