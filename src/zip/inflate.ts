// Entries small enough to take whole are inflated in one synchronous call by fflate (a well-kept
// pure-JS inflater) into one reused buffer. Node's inflateRawSync makes a zlib engine per call whose
// native memory waits for a garbage collection: over 100,000 small files, 200 MB of it. Its streams
// give each piece of output a new buffer too: the backup's read-back of a 1 GiB tree's entries of a
// few hundred KB through them peaked ~12 MB higher (190-199 MB against 176-189, four runs each).
// Larger entries stream through Node's zlib.
import { inflateSync } from 'fflate'

/** Entries up to this size, stored and inflated, are read and inflated in one piece; larger ones stream. */
const WHOLE_ENTRY_LIMIT = 1024 * 1024

/** Whether an entry of these sizes is inflated whole (WholeInflater) rather than streamed. */
export const inflatesWhole = (compressedSize: number, size: number): boolean =>
  compressedSize <= WHOLE_ENTRY_LIMIT && size <= WHOLE_ENTRY_LIMIT

export class WholeInflater {
  private scratch = Buffer.alloc(0)
  private gathered = Buffer.alloc(0)

  /**
   * A reused buffer of at least `length` bytes, for an entry's stored bytes that arrive in pieces:
   * valid until the next call.
   */
  input(length: number): Buffer {
    if (this.gathered.length < length) this.gathered = Buffer.allocUnsafe(Math.max(length, 64 * 1024))
    return this.gathered
  }

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
