// The central directory, kept as the bytes it will be written as, packed into 64 KiB blocks: with
// 100,000 entries, a record object and a name buffer for each would cost several times more. Past
// SPILL_AT, the blocks go to a temporary file (when the writer has a place for one), so that memory
// does not grow with the number of entries either: a million files would hold ~80 MB here.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs'
import { readFully } from './read-fully.js'
import { type CentralRecord, centralHeaderLength, writeCentralHeader } from './records.js'

/** The directory goes to a temporary file past this size. */
const SPILL_AT = 4 << 20
/** Spilled bytes are read back in pieces of this size. */
const READ_BACK_PIECE = 1 << 20

export class CentralDirectory {
  private blocks: Buffer[] = []
  private blockBytes = 0
  private block = Buffer.allocUnsafeSlow(64 * 1024)
  private used = 0
  private spillFd: number | undefined
  private spilled = 0
  count = 0
  constructor(private readonly spillPath: string | undefined) {}

  add(record: CentralRecord): void {
    const length = centralHeaderLength(record)
    if (this.used + length > this.block.length) {
      this.blocks.push(this.block.subarray(0, this.used))
      this.blockBytes += this.used
      if (this.spillPath !== undefined && this.blockBytes >= SPILL_AT) this.spill(this.spillPath)
      this.block = Buffer.allocUnsafeSlow(Math.max(64 * 1024, length))
      this.used = 0
    }
    writeCentralHeader(record, this.block, this.used)
    this.used += length
    this.count++
  }

  private spill(spillPath: string): void {
    // Synchronous: a few MiB to the page cache, once per SPILL_AT of entries.
    this.spillFd ??= openSync(spillPath, 'w+', 0o600)
    for (const block of this.blocks) {
      let at = 0
      while (at < block.length) at += writeSync(this.spillFd, block, at, block.length - at, this.spilled + at)
      this.spilled += block.length
    }
    this.blocks = []
    this.blockBytes = 0
  }

  /** The directory in order: what was spilled (read back a piece at a time), then what is in memory. */
  *parts(): Generator<Buffer> {
    for (let at = 0; at < this.spilled;) {
      const piece = Buffer.allocUnsafeSlow(Math.min(READ_BACK_PIECE, this.spilled - at))
      if (!readFully(this.spillFd!, piece, at)) throw new Error('the central directory spilled to disk came back short')
      at += piece.length
      yield piece
    }
    yield* this.blocks
    yield this.block.subarray(0, this.used)
  }

  /** Closes and removes the spill file, if there is one. */
  dispose(): void {
    if (this.spillFd === undefined) return
    closeSync(this.spillFd)
    this.spillFd = undefined
    rmSync(this.spillPath!, { force: true })
  }
}
