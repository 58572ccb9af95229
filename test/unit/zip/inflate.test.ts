// The one-call inflater for small entries (restore and the backup's read-back): exact content for a
// sound stream, never more than one byte past the listed size, and a damaged stream refused.
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { WholeInflater } from '../../../src/zip/inflate.js'

describe('WholeInflater', () => {
  const text = Buffer.from('a line of a small file\n'.repeat(500))

  it('gives back the deflated bytes, call after call on one reused buffer', () => {
    const inflater = new WholeInflater()
    const other = Buffer.from('something else entirely')
    expect(inflater.inflate(deflateRawSync(text), text.length).equals(text)).toBe(true)
    expect(inflater.inflate(deflateRawSync(other), other.length).equals(other)).toBe(true)
    expect(inflater.inflate(deflateRawSync(Buffer.alloc(0)), 0).length).toBe(0)
  })

  it('a stream longer than listed comes out one byte longer, not whole (a bomb costs no memory)', () => {
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024))
    expect(bomb.length).toBeLessThan(100 * 1024)
    expect(new WholeInflater().inflate(bomb, 10).length).toBe(11)
  })

  it('a stream shorter than listed comes out at its own length', () => {
    expect(new WholeInflater().inflate(deflateRawSync(text), text.length + 100).length).toBe(text.length)
  })

  it('a damaged or cut stream is refused', () => {
    const deflated = deflateRawSync(text)
    const inflater = new WholeInflater()
    expect(() => inflater.inflate(deflated.subarray(0, deflated.length / 2), text.length)).toThrow()
    expect(() => inflater.inflate(Buffer.from([0xff, 0xff, 0xff, 0xff]), 10)).toThrow()
  })
})
