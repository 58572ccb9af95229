// The zip's bytes on their way to the sink: small pieces gathered into larger writes, large ones
// (a deflated chunk's 64 KiB pieces) handed over as the same buffer, never copied.
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { ZipOutput } from '../../../src/zip/output.js'

function collectingSink(): { sink: Writable; writes: Buffer[] } {
  const writes: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(chunk)
      callback()
    },
  })
  return { sink, writes }
}

describe('ZipOutput', () => {
  it('hands a large piece over as it is and gathers small ones, in order', async () => {
    const { sink, writes } = collectingSink()
    const output = new ZipOutput(sink, undefined)
    const header = Buffer.from('header')
    const large = Buffer.alloc(64 * 1024, 7)
    const tail = Buffer.from('tail')
    await output.write(header, large, tail)
    await output.flush()
    expect(writes).toHaveLength(3)
    expect(writes[1]).toBe(large)
    expect(Buffer.concat(writes)).toEqual(Buffer.concat([header, large, tail]))
    expect(output.offset).toBe(header.length + large.length + tail.length)
  })

  it('gathers many small pieces into one write', async () => {
    const { sink, writes } = collectingSink()
    const output = new ZipOutput(sink, undefined)
    const pieces = Array.from({ length: 100 }, (_, i) => Buffer.from(`piece ${i};`))
    await output.write(...pieces)
    await output.flush()
    expect(writes).toHaveLength(1)
    expect(writes[0]).toEqual(Buffer.concat(pieces))
  })
})
