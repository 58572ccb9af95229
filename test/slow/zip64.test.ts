// The slow lane (npm run test:slow, which .ci/run runs after npm test): an entry over 4 GiB, as
// zip64 writes it, read by Info-ZIP, Python's zipfile and our own read-back. It takes minutes.
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { mkdtemp, open, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { digestFile } from '../../src/platform/digest.js'
import { ZipReadBack } from '../../src/zip/read-back.js'
import { unzipTest, zipTree } from '../helpers/zip.ts'

describe('zip64, slow', () => {
  it('zip64: an entry over 4 GiB', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'big-'))
    const { mkdir } = await import('node:fs/promises')
    await mkdir(path.join(workspace, 'data'))
    const big = path.join(workspace, 'data', 'big.img')
    const size = 4 * 1024 ** 3 + 12_345
    const handle = await open(big, 'w')
    await handle.truncate(size) // sparse: zeros, cheap to write and to deflate
    await handle.write(Buffer.from('tail marker'), 0, 11, size - 11)
    await handle.close()
    await writeFile(path.join(workspace, 'data', 'after.txt'), 'after the big one')
    const { out } = await zipTree(workspace, 1)
    expect(unzipTest(out)).toMatch(/No errors detected/)
    const check = execFileSync(
      'python3',
      [
        '-c',
        'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); i=z.getinfo("big.img"); ' +
          'print(i.file_size, z.read("after.txt").decode()); f=z.open(i); f.seek(i.file_size-11); ' +
          'print(f.read().decode())',
        out,
      ],
      { encoding: 'utf8' },
    )
    expect(check.trim().split('\n')).toEqual([`${size} after the big one`, 'tail marker'])
    const checker = await ZipReadBack.open(out, statSync(out).size)
    await digestFile(out, { reader: checker }).result
    await checker.finish()
    expect(checker.checked).toBe(2)
  }, 300_000)
})
