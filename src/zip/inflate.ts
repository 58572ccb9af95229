// Entries small enough to take whole are inflated in one synchronous call by fflate (a well-kept
// pure-JS inflater) into one reused buffer. Node's inflateRawSync makes a zlib engine per call whose
// native memory waits for a garbage collection: over 100,000 small files, 200 MB of it. Larger entries
// stream through Node's zlib.
import { inflateSync } from 'fflate'

export class WholeInflater {
  private scratch = Buffer.alloc(0)

  /**
   * `deflated` inflated, as a view of a buffer that the next call reuses. At most `expectedSize + 1`
   * bytes come out, so a longer result shows as a wrong size without being held whole (a zip bomb
   * costs time, bounded by the entry's stored size, not memory). Throws on a damaged stream.
   */
  inflate(deflated: Uint8Array, expectedSize: number): Buffer {
    const room = expectedSize + 1
    if (this.scratch.length < room) this.scratch = Buffer.allocUnsafe(Math.max(room, 64 * 1024))
    const out = inflateSync(deflated, { out: this.scratch.subarray(0, room) })
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength)
  }
}
