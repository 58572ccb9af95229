// Both Whirlpool engines (OpenSSL in a child process, hash-wasm in process) agree with OpenSSL's CLI,
// and SHA-256 with Node's; a cancelled job stops, a missing file fails; a file is hashed as it grows.
import { randomBytes } from 'node:crypto'
import { mkdtemp, open, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { GrowingFileWhirlpool, digestFile } from '../../../src/platform/digest.js'
import { opensslWhirlpool, sha256 } from '../../helpers/workspace.ts'

describe('digestFile', () => {
  const data = randomBytes(3 * 1024 * 1024 + 17)
  it.each([true, false])('preferChild %s matches openssl dgst and node sha256', async (preferChild) => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'dg-')), 'data')
    await writeFile(file, data)
    const result = await digestFile(file, { preferChild }).result
    expect(result).toEqual({
      sha256: sha256(data),
      whirlpool: opensslWhirlpool(file),
      engine: preferChild ? 'openssl-child' : 'wasm',
    })
  })

  it('an empty file has the well-known digests', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'dg-')), 'empty')
    await writeFile(file, '')
    const { sha256: s, whirlpool } = await digestFile(file).result
    expect(s).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(whirlpool).toBe(opensslWhirlpool(file))
  })

  it('fails for a missing file, and rejects once cancelled', async () => {
    await expect(digestFile('/nonexistent/zip').result).rejects.toThrow()
    await expect(digestFile('/nonexistent/zip', { preferChild: false }).result).rejects.toThrow()
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'dg-')), 'data')
    await writeFile(file, data)
    const job = digestFile(file)
    job.cancel()
    await expect(job.result).rejects.toThrow()
  })
})

describe('GrowingFileWhirlpool', () => {
  it('hashes a file as it is written, piece by piece, or whole at the end, as OpenSSL does', async () => {
    const data = randomBytes(2 * 1024 * 1024 + 5)
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'dg-')), 'growing')
    const growing = new GrowingFileWhirlpool(file, new AbortController().signal)
    const out = await open(file, 'w')
    // Pieces of odd sizes, each told once it is written, as a download writes them.
    for (let at = 0; at < data.length;) {
      const end = Math.min(data.length, at + 300_001)
      await out.write(data, at, end - at, at)
      growing.grown(end)
      at = end
    }
    await out.close()
    const expected = opensslWhirlpool(file)
    expect(await growing.digest(data.length)).toBe(expected)
    // Told nothing until the end: the whole file, then.
    expect(await new GrowingFileWhirlpool(file, new AbortController().signal).digest(data.length)).toBe(expected)
  })

  it('fails for a file that is shorter than said, and stops when cancelled', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'dg-')), 'short')
    await writeFile(file, 'twelve bytes')
    await expect(new GrowingFileWhirlpool(file, new AbortController().signal).digest(13)).rejects.toThrow(
      /hashing the download failed/,
    )
    const controller = new AbortController()
    const cancelled = new GrowingFileWhirlpool(file, controller.signal)
    controller.abort(new Error('cancelled by SIGINT'))
    await expect(cancelled.digest(12)).rejects.toThrow('cancelled by SIGINT')
  })
})
