// The zip's checksums and read-back, in both places the read runs: in this thread (a zip of few
// entries) and on the worker thread (many). Each gives the file's own SHA-256 and Whirlpool, and each
// refuses a zip that does not read back, with the same words.
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { whirlpool } from 'hash-wasm'
import { describe, expect, it } from 'vitest'
import { Checksums } from '../../../src/backup/checksums.js'
import { MemoryLog } from '../../helpers/memory-log.ts'
import { zipTree } from '../../helpers/zip.ts'

/** The count the writer reports decides the place: these reach either side of the line. */
const PLACES = [
  { place: 'in this thread', entryCount: 3 },
  { place: 'on the worker', entryCount: 15_000 },
] as const

async function sampleZip(): Promise<string> {
  const { out } = await zipTree({
    'data/text.txt': { kind: 'file', content: 'a line of text\n'.repeat(200_000) },
    'data/random.bin': { kind: 'file', content: randomBytes(3 << 20) },
    'data/small.txt': { kind: 'file', content: 'small' },
  })
  return out
}

function start(file: string, entryCount: number, log = new MemoryLog()): Promise<Checksums> {
  return Checksums.start({ path: file, size: readFileSync(file).length, entryCount }, '', log)
}

describe.each(PLACES)('checksums and read-back $place', ({ entryCount }) => {
  it("gives the file's own SHA-256 and Whirlpool, and logs that every entry reads back", async () => {
    const file = await sampleZip()
    const log = new MemoryLog()
    const checksums = await start(file, entryCount, log)
    const digests = await checksums.result()
    const bytes = readFileSync(file)
    expect(digests.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(digests.whirlpool).toBe(await whirlpool(bytes))
    expect(log.lines).toContain('Read back: all 3 entries check out (CRC-32 or AES code, and the central directory)')
    checksums.cancel()
  })

  it('refuses a zip whose entry data was changed after it was written', async () => {
    const file = await sampleZip()
    const bytes = Buffer.from(readFileSync(file))
    // Inside text.txt's deflated data, past its local header.
    bytes[200] ^= 0x01
    writeFileSync(file, bytes)
    const checksums = await start(file, entryCount)
    await expect(checksums.result()).rejects.toThrow(/does not read back as it was written/)
    checksums.cancel()
  })

  it('refuses a file that is no zip before anything is uploaded', async () => {
    const file = await sampleZip()
    writeFileSync(file, randomBytes(4096))
    await expect(start(file, entryCount)).rejects.toThrow(/does not read back .*nothing was uploaded or deleted/)
  })
})

describe('checksums in this thread', () => {
  it('a cancel stops the read: the result is refused, not awaited forever', async () => {
    const file = await sampleZip()
    const checksums = await start(file, 3)
    checksums.cancel()
    await expect(checksums.result()).rejects.toThrow()
  })
})
