// Proof before prune: the zip read back, entry by entry, in the hashing pass. A sound zip of every
// kind of entry passes; a flipped byte anywhere in the data, the directory or an AES entry fails.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeArchive } from '../../../src/backup/archive.js'
import { digestFile } from '../../../src/platform/digest.js'
import { selectFiles } from '../../helpers/select.ts'
import { ZipReadBack } from '../../../src/zip/read-back.js'
import { CHUNK_SIZE } from '../../../src/zip/zip-writer.js'
import { makeWorkspace, type TreeNode } from '../../helpers/workspace.ts'

const PASSWORD = 'read back archive secret'

async function zip(password?: string): Promise<string> {
  const workspace = await makeWorkspace({
    'data/text.txt': { kind: 'file', content: 'a line of text\n'.repeat(20_000) },
    'data/random.bin': { kind: 'file', content: randomBytes(5 * CHUNK_SIZE + 17) },
    'data/big-text.txt': { kind: 'file', content: 'compressible '.repeat(600_000) },
    'data/photo.jpg': { kind: 'file', content: randomBytes(70_000) },
    'data/empty.txt': { kind: 'file', content: '' },
    'data/dir/': { kind: 'directory' },
    'data/link': { kind: 'symlink', target: 'text.txt' },
  })
  const selection = await selectFiles(path.join(workspace, 'data'), {
    includeHiddenFiles: false,
    followSymlinks: false,
    workspace,
  })
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'rb-')), 'out.zip')
  await writeArchive(selection.entries, out, { compressionLevel: 6, password })
  return out
}

async function readBack(file: string, password?: string): Promise<ZipReadBack> {
  const checker = await ZipReadBack.open(file, readFileSync(file).length, password)
  await digestFile(file, { reader: checker }).result
  return checker
}

function flipped(file: string, at: (bytes: Buffer) => number): string {
  const bytes = Buffer.from(readFileSync(file))
  bytes[at(bytes)] ^= 0x01
  const out = `${file}.flipped.zip`
  writeFileSync(out, bytes)
  return out
}

describe('zip read-back', () => {
  it('a sound zip of every kind of entry reads back, in the hashing pass', async () => {
    const file = await zip()
    const checker = await readBack(file)
    await expect(checker.finish()).resolves.toBeUndefined()
    expect(checker.checked).toBe(7)
  })

  it('fed in pieces of any size (headers and descriptors split across reads), it reads back the same', async () => {
    const tree: Record<string, TreeNode> = {
      'data/medium.txt': { kind: 'file', content: 'medium '.repeat(50_000) },
      // About 600 KB deflated: inflated in one call from its pieces, gathered as they come.
      'data/base64.txt': { kind: 'file', content: randomBytes(600_000).toString('base64') },
      'data/l': { kind: 'symlink', target: 'medium.txt' },
    }
    for (let i = 0; i < 20; i++)
      tree[`data/d/f${i}.txt`] = { kind: 'file', content: `small file ${i}\n`.repeat(i * 10) }
    const workspace = await makeWorkspace(tree)
    const selection = await selectFiles(path.join(workspace, 'data'), {
      includeHiddenFiles: false,
      followSymlinks: false,
      workspace,
    })
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'rb-')), 'pieces.zip')
    await writeArchive(selection.entries, file, { compressionLevel: 6 })
    const bytes = readFileSync(file)
    // As digest.ts feeds it: each piece in a buffer that is written over once feed() resolves.
    const reused = Buffer.alloc(64 * 1024)
    for (const max of [1, 13, 4096, 60_000]) {
      const checker = await ZipReadBack.open(file, bytes.length)
      let seed = max
      for (let at = 0; at < bytes.length;) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        const size = Math.min(max === 1 ? 1 + (seed % 40) : 1 + (seed % max), bytes.length - at)
        bytes.copy(reused, 0, at, at + size)
        await checker.feed(reused.subarray(0, size))
        reused.fill(0xa5)
        at += size
      }
      await expect(checker.finish()).resolves.toBeUndefined()
      expect(checker.checked).toBe(24)
    }
  })

  it('a flipped byte in the data fails it (CRC-32 or deflate)', async () => {
    const file = await zip()
    for (const fraction of [0.1, 0.5, 0.9]) {
      const bad = flipped(file, (b) => Math.floor(b.length * fraction))
      await expect((await readBack(bad)).finish()).rejects.toThrow(
        /does not read back|CRC-32|data descriptor|local header|starts at byte/,
      )
    }
  })

  it('a central directory that disagrees with the entries fails it', async () => {
    const file = await zip()
    // The CRC field of the last central record: 16 bytes into it.
    const bad = flipped(file, (b) => b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16)
    await expect((await readBack(bad)).finish()).rejects.toThrow(/CRC-32|data descriptor/)
  })

  it('AES entries: the authentication code is checked; a flipped byte or a wrong password fails', async () => {
    const file = await zip(PASSWORD)
    await expect((await readBack(file, PASSWORD)).finish()).resolves.toBeUndefined()
    await expect((await readBack(file, 'another password here')).finish()).rejects.toThrow(/password check/)
    const bad = flipped(file, (b) => Math.floor(b.length * 0.5))
    await expect((await readBack(bad, PASSWORD)).finish()).rejects.toThrow(
      /authentication code|does not read back|starts at byte|descriptor/,
    )
  })

  it('reads a zip written by another tool (Info-ZIP) just as well', async () => {
    const workspace = await makeWorkspace({
      'a.txt': { kind: 'file', content: 'info-zip\n'.repeat(1000) },
      'b/c.bin': { kind: 'file', content: randomBytes(10_000) },
    })
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'rb-')), 'info.zip')
    execFileSync('zip', ['-q', '-r', out, 'a.txt', 'b'], { cwd: workspace })
    const checker = await readBack(out)
    await expect(checker.finish()).resolves.toBeUndefined()
    expect(checker.checked).toBe(3)
  })

  it(
    'a directory of several windows (30,000 entries, 2 MB of records) ' +
      'is read in pieces; a bad record in a later one fails it',
    async () => {
      const tree: Record<string, TreeNode> = {}
      for (let i = 0; i < 30_000; i++)
        tree[`data/d${i % 30}/a-rather-long-file-name-for-the-directory-${i}.txt`] = { kind: 'file', content: `${i}` }
      const workspace = await makeWorkspace(tree)
      const selection = await selectFiles(path.join(workspace, 'data'), {
        includeHiddenFiles: false,
        followSymlinks: false,
        workspace,
      })
      const out = path.join(await mkdtemp(path.join(tmpdir(), 'rb-')), 'many.zip')
      await writeArchive(selection.entries, out, { compressionLevel: 6 })
      const checker = await readBack(out)
      await expect(checker.finish()).resolves.toBeUndefined()
      expect(checker.checked).toBe(30_030)
      // The signature of the last record but one, past the first 1 MiB window of the directory.
      const bytes = readFileSync(out)
      const last = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
      const bad = flipped(out, (b) => b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), last - 1))
      await expect(ZipReadBack.open(bad, bytes.length)).rejects.toThrow(/central record 30029 is damaged/)
    },
    120_000,
  )

  it("a directory whose records are not in the entries' order (another writer's) reads back all the same", async () => {
    const workspace = await makeWorkspace({
      'a.txt': { kind: 'file', content: 'first\n'.repeat(100) },
      'b.txt': { kind: 'file', content: 'second\n'.repeat(100) },
    })
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'rb-')), 'order.zip')
    execFileSync('zip', ['-q', out, 'a.txt', 'b.txt'], { cwd: workspace })
    // Swap the two central records (same total size: the end record stays right).
    const bytes = readFileSync(out)
    const first = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    const second = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), first + 4)
    const end = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    const swapped = Buffer.concat([
      bytes.subarray(0, first),
      bytes.subarray(second, end),
      bytes.subarray(first, second),
      bytes.subarray(end),
    ])
    writeFileSync(out, swapped)
    const checker = await readBack(out)
    await expect(checker.finish()).resolves.toBeUndefined()
    expect(checker.checked).toBe(2)
  })
})
