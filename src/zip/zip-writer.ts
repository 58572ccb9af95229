// A streaming zip writer whose entries deflate in parallel. Every file is cut into 1 MiB chunks;
// each chunk is deflated on its own in libuv's thread pool (both cores busy), primed with the last
// 32 KiB of the chunk before it as dictionary and ended with a sync flush, so the chunks join into
// one valid deflate stream, as pigz does. Output goes out strictly in order, hashed as it passes;
// memory is bounded by the chunks in flight. Unix modes, symlinks, empty directories and zip64
// (over 4 GiB, over 65,535 entries) are written as Info-ZIP does.
import { constants as zc, crc32, deflateRaw } from 'node:zlib'
import { close, closeSync, fstat, open, openSync, read, readSync, rmSync, writeSync } from 'node:fs'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { promisify } from 'node:util'
import type { ContentObserver, Entry } from '../core/entry.js'
import { AES_EXTRA_LENGTH, AES_METHOD, AES_OVERHEAD, EntryCipher, aesExtraField } from './aes.js'
import { type BatchResults, type SmallFile, SmallFilePool } from './small-files.js'

const deflateRawAsync = promisify(deflateRaw) as (buf: Buffer, options: object) => Promise<Buffer>
const openAsync = promisify(open)
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
/** Chunks (1 MiB) or small-file batches read or deflating at once: bounds memory. */
const MAX_IN_FLIGHT = 12
/**
 * Small-file batches in flight at most: enough to keep the workers busy, and few enough that a
 * file's objects die young (a deep queue got them promoted, and V8's heap grew to 160 MB).
 */
const MAX_BATCHES_IN_FLIGHT = 2
/** A small-file batch closes at this many files or bytes. */
const BATCH_FILES = 128
const BATCH_BYTES = 2 << 20
/** Pieces (headers, chunks, ends, small files) queued at most. */
const MAX_QUEUE = MAX_IN_FLIGHT * BATCH_FILES
const ZIP64_LIMIT = 0xffffffff
/** The central directory goes to a temporary file past this size (CentralDirectory). */
const SPILL_AT = 4 << 20
/** Output is handed to the sink in pieces of about this size. */
const WRITE_BATCH = 256 * 1024
/** Files up to this size go in batches to worker threads (small-files.ts), not chunk by chunk. */
const SMALL_FILE = 64 * 1024
/** A file this close to 4 GiB may compress to more than 4 GiB (stored blocks, flush markers). */
const ZIP64_MARGIN = 4 << 20

const S_IFREG = 0o100000
const S_IFDIR = 0o040000
const S_IFLNK = 0o120000
const VERSION_MADE_BY = (3 << 8) | 63 // Unix, spec 6.3
const FLAG_ENCRYPTED = 0x0001
const FLAG_DATA_DESCRIPTOR = 0x0008
const FLAG_UTF8 = 0x0800

export interface ZipOptions {
  compressionLevel: number
  /** Entries whose content is stored as it is (already compressed formats). */
  store?: (entry: Entry) => boolean
  signal?: AbortSignal | undefined
  /** Encrypts file contents with AES-256 (WinZip AE-2); names and metadata stay readable. */
  password?: string | undefined
  /** Shown each entry and its bytes exactly as they go into the zip, in order. */
  observer?: ContentObserver | undefined
  /** A file for the central directory past 4 MiB (removed at the end); without it, it stays in memory. */
  spillPath?: string | undefined
  /** A file that cannot be opened when its turn comes (gone, no permission) is left out, and told here. */
  onUnreadable?: ((entry: Entry, error: NodeJS.ErrnoException) => void) | undefined
  /** A file whose size changed while it was read: its entry holds the `size` bytes read. */
  onSizeChanged?: ((entry: Entry, size: number) => void) | undefined
}

/** An entry's name in the zip: its bytes as found when they are not valid UTF-8; a directory ends in `/`. */
function entryName(item: Entry): Buffer {
  const name = item.raw?.name ?? Buffer.from(item.name)
  return item.kind === 'directory' ? Buffer.concat([name, Buffer.from('/')]) : name
}

/** An error of the file itself (it vanished, no permission), as opposed to a failure of the zip. */
function isFileError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return (
    code === 'ENOENT' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'ELOOP' ||
    code === 'ENAMETOOLONG' ||
    code === 'EISDIR' ||
    code === 'ENXIO'
  )
}

interface CentralRecord {
  name: Buffer
  method: number
  flags: number
  dosTime: number
  dosDate: number
  mtime: number
  crc: number
  compressedSize: number
  uncompressedSize: number
  offset: number
  externalAttributes: number
  zip64: boolean
  /** For AES entries: the compression method inside the encryption (the header says 99). */
  aesMethod: number | null
}

/** One unit of output, in order: bytes now, or a chunk that is still being read and deflated. */
type Piece =
  | {
      kind: 'header'
      record: CentralRecord
      source: Entry
      /** A directory's or link's whole content; files have `entry` instead, filled by later pieces. */
      content?: Buffer
      entry?: OpenEntry
      sizeHint: number
      cipher?: Promise<EntryCipher>
    }
  | { kind: 'chunk'; entry: OpenEntry; result: Promise<ChunkResult> }
  | { kind: 'end'; entry: OpenEntry }
  /** A whole small file, done in a batch (small-files.ts): header, data and descriptor in one go. */
  | { kind: 'small'; record: CentralRecord; source: Entry; batch: Batch; index: number; cipher?: Promise<EntryCipher> }

/** One chunk's bytes as read (`raw`, when needed), its CRC when already computed, and its output. */
interface ChunkResult {
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
class ChunkBuffers {
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

/** Small files on their way to a worker thread; dispatched when full or when the writer needs them. */
interface Batch {
  files: SmallFile[]
  bytes: number
  dispatched: boolean
  /** Pieces of this batch not yet written: the batch counts as in flight until 0. */
  remaining: number
  results: Promise<BatchResults>
  start: () => void
}

interface OpenEntry {
  record: CentralRecord
  crc: number
  cipher?: EntryCipher
  source: Entry
}

function dosDateTime(date: Date): { dosTime: number; dosDate: number } {
  const year = date.getFullYear()
  if (year < 1980) return { dosTime: 0, dosDate: (1 << 5) | 1 }
  return {
    dosTime: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    dosDate: ((Math.min(year, 2107) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  }
}

/**
 * The extra fields, in the order Info-ZIP writes them: zip64 (with `zip64Values`, when given), the
 * extended timestamp (0x5455: the modification time in UTC seconds, which DOS time cannot hold)
 * and WinZip's AES field. Written at `at` in `b`; returns where they end.
 */
function writeExtras(b: Buffer, at: number, r: CentralRecord, zip64Values: number[] | null): number {
  if (zip64Values) {
    b.writeUInt16LE(0x0001, at)
    b.writeUInt16LE(8 * zip64Values.length, at + 2)
    at += 4
    for (const value of zip64Values) at = b.writeBigUInt64LE(BigInt(value), at)
  }
  b.writeUInt16LE(0x5455, at)
  b.writeUInt16LE(5, at + 2)
  b.writeUInt8(1, at + 4)
  at = b.writeUInt32LE(Math.max(0, Math.min(r.mtime, ZIP64_LIMIT)), at + 5)
  if (r.aesMethod !== null) at += aesExtraField(r.aesMethod).copy(b, at)
  return at
}

function extrasLength(r: CentralRecord, zip64Values: number[] | null): number {
  return (zip64Values ? 4 + 8 * zip64Values.length : 0) + 9 + (r.aesMethod !== null ? AES_EXTRA_LENGTH : 0)
}

/** 2.0 (deflate), 4.5 (zip64), 5.1 (AES), as Info-ZIP and WinZip write them. */
function versionNeeded(r: CentralRecord, zip64: boolean): number {
  return r.aesMethod !== null ? 51 : zip64 ? 45 : 20
}

// Headers are written whole into one buffer each (a slice of Node's pool): with 100,000 small
// files, a buffer per field and a concat per header were a good part of the garbage.

function localHeader(r: CentralRecord): Buffer {
  // A zip64 entry's sizes follow in the data descriptor: its local zip64 field holds zeros.
  const zip64Values = r.zip64 ? [0, 0] : null
  const extraLength = extrasLength(r, zip64Values)
  const header = Buffer.allocUnsafe(30 + r.name.length + extraLength)
  header.writeUInt32LE(0x04034b50, 0)
  header.writeUInt16LE(versionNeeded(r, r.zip64), 4)
  header.writeUInt16LE(r.flags, 6)
  header.writeUInt16LE(r.method, 8)
  header.writeUInt16LE(r.dosTime, 10)
  header.writeUInt16LE(r.dosDate, 12)
  const known = !(r.flags & FLAG_DATA_DESCRIPTOR)
  header.writeUInt32LE(known ? r.crc : 0, 14)
  header.writeUInt32LE(r.zip64 ? ZIP64_LIMIT : known ? r.compressedSize : 0, 18)
  header.writeUInt32LE(r.zip64 ? ZIP64_LIMIT : known ? r.uncompressedSize : 0, 22)
  header.writeUInt16LE(r.name.length, 26)
  header.writeUInt16LE(extraLength, 28)
  r.name.copy(header, 30)
  writeExtras(header, 30 + r.name.length, r, zip64Values)
  return header
}

function dataDescriptor(r: CentralRecord): Buffer {
  const d = Buffer.allocUnsafe(r.zip64 ? 24 : 16)
  d.writeUInt32LE(0x08074b50, 0)
  d.writeUInt32LE(r.crc, 4)
  if (r.zip64) {
    d.writeBigUInt64LE(BigInt(r.compressedSize), 8)
    d.writeBigUInt64LE(BigInt(r.uncompressedSize), 16)
  } else {
    d.writeUInt32LE(r.compressedSize, 8)
    d.writeUInt32LE(r.uncompressedSize, 12)
  }
  return d
}

/** The values that do not fit in 32 bits (or all three, for an entry written as zip64), in the spec's order. */
function centralZip64Values(r: CentralRecord): number[] | null {
  if (!r.zip64 && r.uncompressedSize < ZIP64_LIMIT && r.compressedSize < ZIP64_LIMIT && r.offset < ZIP64_LIMIT)
    return null
  return [r.uncompressedSize, r.compressedSize, r.offset].filter((n) => n >= ZIP64_LIMIT || r.zip64)
}

function centralHeaderLength(r: CentralRecord): number {
  return 46 + r.name.length + extrasLength(r, centralZip64Values(r))
}

/** Writes the central directory header of `r` at `at` in `h` (which has centralHeaderLength(r) bytes there). */
function writeCentralHeader(r: CentralRecord, h: Buffer, at: number): void {
  const zip64Values = centralZip64Values(r)
  const big = (n: number) => n >= ZIP64_LIMIT || r.zip64
  h.writeUInt32LE(0x02014b50, at)
  h.writeUInt16LE(VERSION_MADE_BY, at + 4)
  h.writeUInt16LE(versionNeeded(r, zip64Values !== null), at + 6)
  h.writeUInt16LE(r.flags, at + 8)
  h.writeUInt16LE(r.method, at + 10)
  h.writeUInt16LE(r.dosTime, at + 12)
  h.writeUInt16LE(r.dosDate, at + 14)
  h.writeUInt32LE(r.crc, at + 16)
  h.writeUInt32LE(big(r.compressedSize) ? ZIP64_LIMIT : r.compressedSize, at + 20)
  h.writeUInt32LE(big(r.uncompressedSize) ? ZIP64_LIMIT : r.uncompressedSize, at + 24)
  h.writeUInt16LE(r.name.length, at + 28)
  h.writeUInt16LE(extrasLength(r, zip64Values), at + 30)
  h.writeUInt16LE(0, at + 32) // comment
  h.writeUInt16LE(0, at + 34) // disk
  h.writeUInt16LE(0, at + 36) // internal attributes
  h.writeUInt32LE(r.externalAttributes >>> 0, at + 38)
  h.writeUInt32LE(big(r.offset) ? ZIP64_LIMIT : r.offset, at + 42)
  r.name.copy(h, at + 46)
  writeExtras(h, at + 46 + r.name.length, r, zip64Values)
}

function endOfCentralDirectory(count: number, cdOffset: number, cdSize: number): Buffer {
  const needZip64 = count >= 0xffff || cdOffset >= ZIP64_LIMIT || cdSize >= ZIP64_LIMIT
  const parts: Buffer[] = []
  if (needZip64) {
    const record = Buffer.alloc(56)
    record.writeUInt32LE(0x06064b50, 0)
    record.writeBigUInt64LE(44n, 4)
    record.writeUInt16LE(VERSION_MADE_BY, 12)
    record.writeUInt16LE(45, 14)
    record.writeUInt32LE(0, 16)
    record.writeUInt32LE(0, 20)
    record.writeBigUInt64LE(BigInt(count), 24)
    record.writeBigUInt64LE(BigInt(count), 32)
    record.writeBigUInt64LE(BigInt(cdSize), 40)
    record.writeBigUInt64LE(BigInt(cdOffset), 48)
    const locator = Buffer.alloc(20)
    locator.writeUInt32LE(0x07064b50, 0)
    locator.writeUInt32LE(0, 4)
    locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8)
    locator.writeUInt32LE(1, 16)
    parts.push(record, locator)
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Math.min(count, 0xffff), 8)
  end.writeUInt16LE(Math.min(count, 0xffff), 10)
  end.writeUInt32LE(Math.min(cdSize, ZIP64_LIMIT), 12)
  end.writeUInt32LE(Math.min(cdOffset, ZIP64_LIMIT), 16)
  parts.push(end)
  return Buffer.concat(parts)
}

const PROBE_SIZE = 16 * 1024

/** A fast level-1 deflate of a sample: if it saves under 3%, deflating the chunk is not worth it. */
async function looksIncompressible(raw: Buffer): Promise<boolean> {
  if (raw.length < 4 * PROBE_SIZE) return false
  const sample = raw.subarray(0, PROBE_SIZE)
  const probe = await deflateRawAsync(sample, { level: 1 })
  return probe.length > sample.length * 0.97
}

/**
 * The central directory, kept as the bytes it will be written as, packed into 64 KiB blocks: with
 * 100,000 entries, a record object and a name buffer for each would cost several times more. Past
 * SPILL_AT, the blocks go to a temporary file (when the writer has a place for one), so that memory
 * does not grow with the number of entries either: a million files would hold ~80 MB here.
 */
class CentralDirectory {
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
      const piece = Buffer.allocUnsafeSlow(Math.min(CHUNK_SIZE, this.spilled - at))
      let filled = 0
      while (filled < piece.length) {
        const n = readSync(this.spillFd!, piece, filled, piece.length - filled, at + filled)
        if (n === 0) throw new Error('the central directory spilled to disk came back short')
        filled += n
      }
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

/** First in, first out, in O(1): Array.shift() is linear, and the queue holds thousands of pieces. */
class PieceQueue {
  private items: Piece[] = []
  private head = 0
  get size(): number {
    return this.items.length - this.head
  }
  push(piece: Piece): void {
    this.items.push(piece)
  }
  shift(): Piece {
    const piece = this.items[this.head]!
    this.items[this.head++] = undefined as unknown as Piece
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return piece
  }
  rest(): Piece[] {
    return this.items.slice(this.head)
  }
}

/** A whole small content encrypted: preamble, data, MAC. */
function sealed(cipher: EntryCipher, content: Buffer): Buffer {
  return Buffer.concat([cipher.preamble, cipher.update(content), cipher.final()])
}

/**
 * Deflate "stored" blocks (BTYPE 00) around slices of `raw`, without copying it. The stream is
 * byte-aligned here (the chunk before ended with a sync flush), so each block is one header byte
 * (BFINAL, BTYPE 00, padding), LEN and NLEN, then up to 65,535 bytes as they are.
 */
export function storedBlocks(raw: Buffer, final: boolean): Buffer[] {
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

/** Writes the entries as a zip into `sink` (which is not ended). Returns the number of bytes written. */
export async function writeZip(
  entries: Iterable<Entry> | AsyncIterable<Entry>,
  sink: Writable,
  options: ZipOptions,
): Promise<number> {
  const level = options.compressionLevel
  let offset = 0
  const central = new CentralDirectory(options.spillPath)
  const queue = new PieceQueue()
  // Key derivation (PBKDF2) runs in the thread pool, started as soon as the entry is queued.
  const password = options.password
  const newCipher = password
    ? () => {
        const c = EntryCipher.create(password)
        c.catch(() => undefined)
        return c
      }
    : undefined

  // Small pieces (headers, tiny files) are gathered into larger writes: one write per piece
  // would cost a thread-pool round trip each, which dominates with many small files.
  let pending: Buffer[] = []
  let pendingBytes = 0
  // Read buffers to reuse once the sink has written everything handed to it so far.
  let afterWrite: Array<() => void> = []
  const sinkWrite = async (data: Buffer) => {
    const release = afterWrite
    afterWrite = []
    const done = (error?: Error | null) => {
      // After a failed write the buffers are left to the collector: the sink may still hold them.
      if (error) return
      for (const r of release) r()
    }
    if (!sink.write(data, done)) await once(sink, 'drain', { signal: options.signal })
  }
  const flushPending = async () => {
    if (pendingBytes === 0) return
    const data = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes)
    pending = []
    pendingBytes = 0
    await sinkWrite(data)
  }
  const write = async (data: Buffer) => {
    offset += data.length
    if (data.length >= WRITE_BATCH) {
      // Large output (a deflated chunk) goes out as it is, not copied into a batch.
      await flushPending()
      await sinkWrite(data)
      return
    }
    pending.push(data)
    pendingBytes += data.length
    if (pendingBytes >= WRITE_BATCH) await flushPending()
  }
  const whenWritten = (release: () => void) => afterWrite.push(release)

  const observer = options.observer
  // Takes the oldest piece off the queue and writes it: output order is entry order.
  const flushOne = async () => {
    const piece = queue.shift()
    if (piece.kind === 'header') {
      // The offset is known only now, when everything before this entry is written.
      const { record, content } = piece
      record.offset = offset
      observer?.entry(piece.source)
      if (content) {
        // A directory or a link: everything is known, no data descriptor.
        if (content.length > 0) observer?.data(content)
        observer?.end()
        const data = piece.cipher ? sealed(await piece.cipher, content) : content
        record.compressedSize = data.length
        await write(Buffer.concat([localHeader(record), data]))
        central.add(record)
        return
      }
      record.zip64 = piece.sizeHint >= ZIP64_LIMIT - ZIP64_MARGIN || offset >= ZIP64_LIMIT
      await write(localHeader(record))
      if (piece.cipher) {
        const cipher = await piece.cipher
        piece.entry!.cipher = cipher
        record.compressedSize += cipher.preamble.length
        await write(cipher.preamble)
      }
      return
    }
    if (piece.kind === 'small') return flushSmall(piece)
    const { entry } = piece
    if (piece.kind === 'chunk') {
      inFlight--
      const { raw, size, crc, out, written } = await piece.result
      entry.crc = crc ?? crc32(raw!, entry.crc)
      entry.record.uncompressedSize += size
      if (observer) observer.data(raw!)
      for (const part of out) {
        if (entry.cipher) {
          const sealedPart = entry.cipher.update(part)
          entry.record.compressedSize += sealedPart.length
          await write(sealedPart)
        } else {
          entry.record.compressedSize += part.length
          await write(part)
        }
      }
      if (written) whenWritten(written)
      return
    }
    observer?.end()
    if (entry.cipher) {
      const mac = entry.cipher.final()
      entry.record.compressedSize += mac.length
      await write(mac)
    }
    // AE-2 leaves the CRC out: the MAC authenticates the data instead.
    entry.record.crc = entry.cipher ? 0 : entry.crc >>> 0
    if (
      !entry.record.zip64 &&
      (entry.record.compressedSize >= ZIP64_LIMIT || entry.record.uncompressedSize >= ZIP64_LIMIT)
    ) {
      throw new Error(`'${entry.record.name.toString()}' grew past 4 GiB while it was being zipped`)
    }
    await write(dataDescriptor(entry.record))
    central.add(entry.record)
  }
  // A small file, once its batch is done: left out whole if it could not be read.
  const flushSmall = async (piece: Extract<Piece, { kind: 'small' }>) => {
    const { record, source, batch, index } = piece
    // Its batch may still be filling: send it now, the writer waits for it.
    dispatch(batch)
    const results = await batch.results
    if (--batch.remaining === 0) {
      inFlight--
      batchesInFlight--
    }
    const error = results.error(index)
    if (error) {
      if (!isFileError(error)) throw error
      options.onUnreadable?.(source, error)
      return
    }
    const size = results.size(index)
    if (results.changed(index)) options.onSizeChanged?.(source, size)
    if (observer) {
      observer.entry(source)
      observer.data(results.raw(index)!)
      observer.end()
    }
    record.offset = offset
    record.zip64 = offset >= ZIP64_LIMIT
    record.uncompressedSize = size
    const data = piece.cipher ? sealed(await piece.cipher, results.out(index)) : results.out(index)
    // AE-2 leaves the CRC out: the MAC authenticates the data instead.
    record.crc = piece.cipher ? 0 : results.crc(index) >>> 0
    record.compressedSize = data.length
    await write(localHeader(record))
    await write(data)
    await write(dataDescriptor(record))
    central.add(record)
  }
  const push = async (piece: Piece) => {
    queue.push(piece)
    if (piece.kind === 'chunk') inFlight++
    while (inFlight > MAX_IN_FLIGHT || queue.size > MAX_QUEUE || batchesInFlight > MAX_BATCHES_IN_FLIGHT)
      await flushOne()
  }

  let inFlight = 0
  let batchesInFlight = 0
  // In flight, plus the chunk before each (a dictionary) and those the sink is still writing.
  const chunkBuffers = new ChunkBuffers(MAX_IN_FLIGHT + 4)
  let pool: SmallFilePool | undefined
  let batch: Batch | null = null
  const dispatch = (b: Batch) => {
    if (b.dispatched) return
    b.dispatched = true
    if (batch === b) batch = null
    b.start()
  }
  /** A small file's place in the current batch (a new one when it is full). */
  const smallFile = (file: SmallFile): { batch: Batch; index: number } => {
    if (!batch) {
      let start!: () => void
      const results = new Promise<BatchResults>((resolve, reject) => {
        start = () => {
          pool ??= new SmallFilePool(level, observer !== undefined)
          pool.run(current.files).then(resolve, reject)
        }
      })
      results.catch(() => undefined)
      const current: Batch = { files: [], bytes: 0, dispatched: false, remaining: 0, results, start }
      batch = current
      inFlight++
      batchesInFlight++
    }
    const b = batch
    const index = b.files.push(file) - 1
    b.bytes += file.size
    b.remaining++
    if (b.files.length >= BATCH_FILES || b.bytes >= BATCH_BYTES) dispatch(b)
    return { batch: b, index }
  }

  try {
    for await (const item of entries) {
      options.signal?.throwIfAborted()
      const { dosTime, dosDate } = dosDateTime(item.mtime)
      const base = {
        dosTime,
        dosDate,
        mtime: Math.floor(item.mtime.getTime() / 1000),
        crc: 0,
        compressedSize: 0,
        uncompressedSize: 0,
        offset: 0,
        zip64: false,
        aesMethod: null as number | null,
      }
      if (item.kind !== 'file') {
        // Directories and links: everything is known up front, no data descriptor.
        // A link's target is its content, encrypted like a file's; a directory has none.
        const content = item.kind === 'symlink' ? Buffer.from(item.target) : Buffer.alloc(0)
        const encrypt = newCipher !== undefined && item.kind === 'symlink'
        const record: CentralRecord = {
          ...base,
          name: entryName(item),
          method: encrypt ? AES_METHOD : 0,
          flags: (item.raw ? 0 : FLAG_UTF8) | (encrypt ? FLAG_ENCRYPTED : 0),
          crc: encrypt ? 0 : crc32(content) >>> 0,
          compressedSize: content.length + (encrypt ? AES_OVERHEAD : 0),
          uncompressedSize: content.length,
          externalAttributes:
            item.kind === 'directory'
              ? (((S_IFDIR | item.mode) << 16) | 0x10) >>> 0
              : ((S_IFLNK | item.mode) << 16) >>> 0,
          aesMethod: encrypt ? 0 : null,
        }
        const cipher = encrypt ? newCipher() : undefined
        await push({
          kind: 'header',
          record,
          source: item,
          content,
          sizeHint: content.length,
          ...(cipher ? { cipher } : {}),
        })
        continue
      }

      const store = level === 0 || (options.store?.(item) ?? false)
      const method = store ? 0 : 8
      const record: CentralRecord = {
        ...base,
        name: entryName(item),
        method: newCipher ? AES_METHOD : method,
        // A name that is not valid UTF-8 is stored as its bytes, without the UTF-8 flag (as Info-ZIP does).
        flags: (item.raw ? 0 : FLAG_UTF8) | FLAG_DATA_DESCRIPTOR | (newCipher ? FLAG_ENCRYPTED : 0),
        externalAttributes: ((S_IFREG | item.mode) << 16) >>> 0,
        aesMethod: newCipher ? method : null,
      }
      const filePath = item.raw?.source ?? item.source

      if (item.size <= SMALL_FILE) {
        // A small file goes to a worker thread with others (small-files.ts): a trip through
        // libuv's pool per file costs more than the work.
        const cipher = newCipher?.()
        const place = smallFile({ path: filePath, size: item.size, store })
        await push({ kind: 'small', record, source: item, ...place, ...(cipher ? { cipher } : {}) })
        continue
      }
      // Opened before anything of it is written: a file that is gone by now is left out whole.
      // Once open, it stays readable even if it is deleted meanwhile.
      let fd: number
      try {
        fd = await openAsync(filePath, 'r')
      } catch (error) {
        if (!isFileError(error)) throw error
        options.onUnreadable?.(item, error)
        continue
      }
      const entry: OpenEntry = { record, crc: 0, source: item }
      const cipher = newCipher?.()
      await push({ kind: 'header', record, source: item, entry, sizeHint: item.size, ...(cipher ? { cipher } : {}) })
      const chunks = Math.max(1, Math.ceil(item.size / CHUNK_SIZE))
      const handle = Promise.resolve(fd)
      let readSoFar = 0
      let previousRead: Promise<Held> | undefined
      for (let index = 0; index < chunks; index++) {
        const length = Math.min(CHUNK_SIZE, item.size - index * CHUNK_SIZE)
        const position = index * CHUNK_SIZE
        const last = index === chunks - 1
        const before = previousRead
        // Reads run in file order (each after the one before); deflates run side by side.
        // The bytes are held by this chunk's write and, as its dictionary, by the next chunk's deflate.
        const readChunk: Promise<Held> = (async () => {
          await before
          const fd = await handle
          const buffer = chunkBuffers.take()
          let bytesRead: number
          try {
            ;({ bytesRead } = await readAsync(fd, buffer, 0, length, position))
          } catch (error) {
            chunkBuffers.give(buffer)
            throw error
          }
          readSoFar += bytesRead
          if (last) {
            // A file that grew or shrank while it was read: the entry holds what was read.
            const now = await fstatAsync(fd).catch(() => undefined)
            await closeAsync(fd)
            if (readSoFar !== item.size || (now && now.size !== item.size)) options.onSizeChanged?.(item, readSoFar)
          }
          return new Held(buffer, buffer.subarray(0, bytesRead), last || store ? 1 : 2, chunkBuffers)
        })()
        const result = (async (): Promise<ChunkResult> => {
          const held = await readChunk
          const raw = held.buffer
          // The chunk before, for its last 32 KiB; let go of once the deflate is set up (or not needed).
          let previous = index > 0 && !store ? await before! : undefined
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
            const deflating = deflateRawAsync(raw, {
              level,
              // One output buffer (not a list of 16 KiB ones), sized to the input: deflate's bound.
              chunkSize: Math.max(16 * 1024, raw.length + (raw.length >> 8) + 256),
              finishFlush: last ? zc.Z_FINISH : zc.Z_SYNC_FLUSH,
              ...(dictionary && dictionary.length > 0 ? { dictionary } : {}),
            })
            letGoOfPrevious()
            const out = await deflating
            return { raw, size: raw.length, out: [out], written: held.release }
          } finally {
            letGoOfPrevious()
          }
        })()
        // A failure surfaces when the chunk's turn comes; until then it must not be unhandled.
        result.catch(() => undefined)
        previousRead = readChunk
        await push({ kind: 'chunk', entry, result })
      }
      await push({ kind: 'end', entry })
    }
    while (queue.size > 0) await flushOne()

    const cdOffset = offset
    for (const part of central.parts()) await write(part)
    await write(endOfCentralDirectory(central.count, cdOffset, offset - cdOffset))
    await flushPending()
    return offset
  } finally {
    // On failure, let every started chunk settle so no file handle is left open.
    // Set by smallFile(), which TypeScript's narrowing does not see from here.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (batch) dispatch(batch)
    await Promise.allSettled(queue.rest().flatMap((p) => (p.kind === 'chunk' ? [p.result] : [])))
    await pool?.close()
    chunkBuffers.clear()
    central.dispose()
  }
}
