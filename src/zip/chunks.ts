// A large file cut into 1 MiB chunks. Reads run in file order (each after the one before); each
// chunk is deflated on its own in libuv's thread pool, primed with the last 32 KiB of the chunk
// before it as dictionary and ended with a sync flush, so the chunks join into one valid deflate
// stream, as pigz does (https://github.com/madler/pigz). Read buffers come from a pool and go back
// to it once the chunk is written and the next chunk's deflate has taken its dictionary.
import { close, fstat, read } from 'node:fs'
import { promisify } from 'node:util'
import { finished } from 'node:stream/promises'
import { constants as zc, createDeflateRaw, deflateRaw } from 'node:zlib'
import type { Entry } from '../core/entry.js'

const deflateRawAsync = promisify(deflateRaw) as (buf: Buffer, options: object) => Promise<Buffer>
const closeAsync = promisify(close)
const fstatAsync = promisify(fstat)
// fs.read's promisified form resolves to { bytesRead, buffer }.
const readAsync = promisify(read) as unknown as (
  fd: number,
  buffer: Buffer,
  offset: number,
  length: number,
  position: number,
) => Promise<{ bytesRead: number }>

export const CHUNK_SIZE = 1 << 20
const DICTIONARY_SIZE = 32 * 1024
const PROBE_SIZE = 16 * 1024

export type FileEntry = Extract<Entry, { kind: 'file' }>

/** One chunk's bytes as read (`raw`, when needed), its CRC when already computed, and its output. */
export interface ChunkResult {
  raw: Buffer | undefined
  size: number
  crc?: number
  out: Buffer[]
  /** Called once the chunk's output is written: the memory behind it can go. */
  written?: () => void
}

/**
 * Read buffers (CHUNK_SIZE each), used again and again: a fresh 1 MiB buffer per chunk is garbage
 * that V8 collects late (it lets tens of MB of such external memory pile up). Never waits: when
 * none is free, a new one is made, and one returned beyond the pool's size is left to the collector.
 */
export class ChunkBuffers {
  private readonly free: Buffer[] = []
  constructor(private readonly keep: number) {}
  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(CHUNK_SIZE)
  }
  give(buffer: Buffer): void {
    if (this.free.length < this.keep) this.free.push(buffer)
  }
  clear(): void {
    this.free.length = 0
  }
}

/**
 * A chunk's bytes, returned to the pool when the last holder lets go: its write, and the next
 * chunk's deflate (dictionary).
 */
class Held {
  constructor(
    private readonly whole: Buffer,
    readonly buffer: Buffer,
    private holders: number,
    private readonly pool: ChunkBuffers,
  ) {}
  release = (): void => {
    if (--this.holders === 0) this.pool.give(this.whole)
  }
}

interface ChunkedFileOptions {
  level: number
  /** Stored as it is (no deflate). */
  store: boolean
  buffers: ChunkBuffers
  /** The file grew or shrank while it was read: its entry holds the `size` bytes read. */
  onSizeChanged?: ((entry: FileEntry, size: number) => void) | undefined
}

/** An open file (its descriptor is closed after the last chunk's read), read and deflated chunk by chunk. */
export class ChunkedFile {
  readonly chunkCount: number
  private readSoFar = 0
  private previousRead: Promise<Held> | undefined

  constructor(
    private readonly fd: number,
    private readonly item: FileEntry,
    private readonly options: ChunkedFileOptions,
  ) {
    this.chunkCount = Math.max(1, Math.ceil(item.size / CHUNK_SIZE))
  }

  /**
   * Starts chunk `index` (call them in order): its read after the one before, then its deflate.
   * A failure surfaces when the result is awaited (it is never left unhandled meanwhile).
   */
  start(index: number): Promise<ChunkResult> {
    const before = this.previousRead
    const held = this.read(index, before)
    this.previousRead = held
    const result = this.compress(index, held, before)
    result.catch(() => undefined)
    return result
  }

  private async read(index: number, before: Promise<Held> | undefined): Promise<Held> {
    await before
    const { item, options } = this
    const last = index === this.chunkCount - 1
    const length = Math.min(CHUNK_SIZE, item.size - index * CHUNK_SIZE)
    const buffer = options.buffers.take()
    let bytesRead: number
    try {
      ;({ bytesRead } = await readAsync(this.fd, buffer, 0, length, index * CHUNK_SIZE))
    } catch (error) {
      options.buffers.give(buffer)
      throw error
    }
    this.readSoFar += bytesRead
    if (last) {
      // A file that grew or shrank while it was read: the entry holds what was read.
      const now = await fstatAsync(this.fd).catch(() => undefined)
      await closeAsync(this.fd)
      if (this.readSoFar !== item.size || (now && now.size !== item.size)) options.onSizeChanged?.(item, this.readSoFar)
    }
    // Held by this chunk's write and, as its dictionary, by the next chunk's deflate.
    return new Held(buffer, buffer.subarray(0, bytesRead), last || options.store ? 1 : 2, options.buffers)
  }

  private async compress(index: number, reading: Promise<Held>, before: Promise<Held> | undefined) {
    const { level, store } = this.options
    const last = index === this.chunkCount - 1
    const held = await reading
    const raw = held.buffer
    // The chunk before, for its last 32 KiB; let go of once the deflate is set up (or not needed).
    let previous = index > 0 && !store ? await before : undefined
    const letGoOfPrevious = () => {
      previous?.release()
      previous = undefined
    }
    try {
      if (store) return { raw, size: raw.length, out: [raw], written: held.release }
      // Random-looking data costs deflate time for nothing: such a chunk goes out as stored
      // blocks inside the same deflate stream (valid whatever its neighbours do).
      if (await looksIncompressible(raw))
        return { raw, size: raw.length, out: storedBlocks(raw, last), written: held.release }
      const dictionary = previous?.buffer.subarray(-DICTIONARY_SIZE)
      // The dictionary is copied when the deflate is set up, before this call returns.
      const deflating = deflatePieces(raw, level, last, dictionary)
      letGoOfPrevious()
      const out = await deflating
      return { raw, size: raw.length, out, written: held.release }
    } finally {
      letGoOfPrevious()
    }
  }
}

/** Deflate's output comes in pieces of this size (see deflatePieces). */
const OUT_PIECE = 64 * 1024

/**
 * `raw` deflated, as the pieces zlib wrote it into. Not zlib's one-call deflateRaw: it gathers its
 * output into one buffer as large as the chunk, and buffers that large, freed chunk after chunk,
 * are what glibc's malloc keeps (past its mmap threshold, which the first such free raises): 3 GiB
 * of chunks grew the process by ~90 MB. Pieces of 64 KiB are reused as they are freed.
 */
function deflatePieces(raw: Buffer, level: number, last: boolean, dictionary: Buffer | undefined): Promise<Buffer[]> {
  const deflate = createDeflateRaw({
    level,
    chunkSize: OUT_PIECE,
    finishFlush: last ? zc.Z_FINISH : zc.Z_SYNC_FLUSH,
    ...(dictionary && dictionary.length > 0 ? { dictionary } : {}),
  })
  const pieces: Buffer[] = []
  deflate.on('data', (piece: Buffer) => pieces.push(piece))
  const done = finished(deflate).then(() => pieces)
  deflate.end(raw)
  return done
}

/** A fast level-1 deflate of a sample: if it saves under 3%, deflating the chunk is not worth it. */
async function looksIncompressible(raw: Buffer): Promise<boolean> {
  if (raw.length < 4 * PROBE_SIZE) return false
  const sample = raw.subarray(0, PROBE_SIZE)
  const probe = await deflateRawAsync(sample, { level: 1 })
  return probe.length > sample.length * 0.97
}

/**
 * Deflate "stored" blocks (BTYPE 00) around slices of `raw`, without copying it. The stream is
 * byte-aligned here (the chunk before ended with a sync flush), so each block is one header byte
 * (BFINAL, BTYPE 00, padding), LEN and NLEN, then up to 65,535 bytes as they are.
 */
function storedBlocks(raw: Buffer, final: boolean): Buffer[] {
  const parts: Buffer[] = []
  for (let start = 0; start < raw.length || parts.length === 0; start += 0xffff) {
    const length = Math.min(0xffff, raw.length - start)
    const isLast = start + length >= raw.length
    const header = Buffer.alloc(5)
    header[0] = final && isLast ? 1 : 0
    header.writeUInt16LE(length, 1)
    header.writeUInt16LE(~length & 0xffff, 3)
    parts.push(header, raw.subarray(start, start + length))
  }
  return parts
}
