// A streaming zip writer whose entries deflate in parallel: the pipeline. Entries become pieces in
// a queue (a header, a large file's chunks (chunks.ts) and its end, or a small file done with others
// on a worker thread (small-files.ts)); the oldest piece is written once it is ready, so output
// goes out strictly in entry order, and memory is bounded by the pieces in flight. The bytes of
// each record are records.ts's; the central directory waits in central-directory.ts. Unix modes,
// symlinks, empty directories and zip64 (over 4 GiB, over 65,535 entries) are written as Info-ZIP does.
import { crc32 } from 'node:zlib'
import { open } from 'node:fs'
import type { Writable } from 'node:stream'
import { promisify } from 'node:util'
import type { ContentObserver, Entry } from '../core/entry.js'
import { AES_METHOD, AES_OVERHEAD, EntryCipher } from './aes.js'
import { CentralDirectory } from './central-directory.js'
import { ChunkBuffers, type ChunkResult, ChunkedFile, type FileEntry } from './chunks.js'
import { ZipOutput } from './output.js'
import { FLAG_DATA_DESCRIPTOR, FLAG_ENCRYPTED, FLAG_UTF8, S_IFDIR, S_IFLNK, S_IFREG, ZIP64_LIMIT } from './format.js'
import {
  type CentralRecord,
  dataDescriptor,
  dosDate,
  dosTime,
  endOfCentralDirectory,
  entryName,
  localHeader,
  unixTime,
} from './records.js'
import { BATCH_FILES, type Batch, SmallFileBatches } from './small-files.js'

export { CHUNK_SIZE } from './chunks.js'

const openAsync = promisify(open)

/** Chunks (1 MiB) or small-file batches read or deflating at once: bounds memory. */
const MAX_IN_FLIGHT = 12
/**
 * Small-file batches in flight at most: enough to keep the workers busy, and few enough that a
 * file's objects die young (a deep queue got them promoted, and V8's heap grew to 160 MB).
 */
const MAX_BATCHES_IN_FLIGHT = 2
/** Pieces (headers, chunks, ends, small files) queued at most. */
const MAX_QUEUE = MAX_IN_FLIGHT * BATCH_FILES

/** What the pipeline holds at most before the writer must write. */
interface PipelineLimits {
  inFlight: number
  batchesInFlight: number
  queue: number
}
const PIPELINE: PipelineLimits = { inFlight: MAX_IN_FLIGHT, batchesInFlight: MAX_BATCHES_IN_FLIGHT, queue: MAX_QUEUE }
/** Nothing held: each piece is written as it is queued. */
const SEQUENTIAL: PipelineLimits = { inFlight: 0, batchesInFlight: 0, queue: 0 }
/** Files up to this size go in batches to worker threads (small-files.ts), not chunk by chunk. */
const SMALL_FILE = 64 * 1024
/** A file this close to 4 GiB may compress to more than 4 GiB (stored blocks, flush markers). */
const ZIP64_MARGIN = 4 << 20

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
  /** Called for each entry as it is taken in (the progress counts them). */
  onEntry?: ((entry: Entry) => void) | undefined
  /**
   * No pipeline: each piece is written as soon as it is queued, and small files are done on this
   * thread. The bench's baseline for what the pipeline gains (scripts/bench-zip.ts); not for runs.
   */
  sequential?: boolean | undefined
}

/** Writes the entries as a zip into `sink` (which is not ended). Returns the number of bytes written. */
export async function writeZip(
  entries: Iterable<Entry> | AsyncIterable<Entry>,
  sink: Writable,
  options: ZipOptions,
): Promise<number> {
  const writer = new ZipWriter(sink, options)
  try {
    for await (const entry of entries) {
      options.signal?.throwIfAborted()
      options.onEntry?.(entry)
      await writer.add(entry)
    }
    return await writer.finish()
  } finally {
    await writer.close()
  }
}

/** A large file's entry while its chunks are written. */
interface OpenEntry {
  record: CentralRecord
  crc: number
  cipher?: EntryCipher
  source: Entry
}

/** One unit of output, in order: bytes now, or a chunk or small file that is still being read and deflated. */
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
  | {
      kind: 'small'
      /** The record is made when the file is written: hundreds of small files wait in the queue. */
      source: FileEntry
      store: boolean
      batch: Batch
      index: number
      cipher?: Promise<EntryCipher>
    }

class ZipWriter {
  private readonly output: ZipOutput
  private readonly central: CentralDirectory
  private readonly queue: Pipeline
  private readonly batches: SmallFileBatches
  // In flight, plus the chunk before each (a dictionary) and those the sink is still writing.
  private readonly chunkBuffers = new ChunkBuffers(MAX_IN_FLIGHT + 4)

  constructor(
    sink: Writable,
    private readonly options: ZipOptions,
  ) {
    this.output = new ZipOutput(sink, options.signal)
    this.central = new CentralDirectory(options.spillPath)
    this.queue = new Pipeline(options.sequential ? SEQUENTIAL : PIPELINE)
    this.batches = new SmallFileBatches(options.compressionLevel, options.observer !== undefined, {
      workers: !options.sequential,
    })
  }

  /** Queues the entry's pieces, writing the oldest ones while too many are in flight. */
  async add(item: Entry): Promise<void> {
    if (item.kind === 'file' && item.size > SMALL_FILE) return this.addLargeFile(item)
    // A directory, a link or a small file is one piece, queued without a step of its own: with
    // 100,000 small files, every async call per file is garbage that V8's young generation grows on.
    this.queue.push(item.kind === 'file' ? this.smallFilePiece(item) : this.wholePiece(item))
    while (this.queue.full) await this.flushOne()
  }

  /** Writes what is queued, the central directory and the end records; returns the zip's size. */
  async finish(): Promise<number> {
    while (this.queue.size > 0) await this.flushOne()
    const cdOffset = this.output.offset
    for (const part of this.central.parts()) await this.output.write(part)
    await this.output.write(endOfCentralDirectory(this.central.count, cdOffset, this.output.offset - cdOffset))
    await this.output.flush()
    return this.output.offset
  }

  /** Releases everything, after success or failure: no file handle or worker is left behind. */
  async close(): Promise<void> {
    // On failure, let every started chunk settle so that its file is closed.
    await Promise.allSettled(this.queue.rest().flatMap((p) => (p.kind === 'chunk' ? [p.result] : [])))
    await this.batches.close()
    this.chunkBuffers.clear()
    this.central.dispose()
  }

  /**
   * A directory or a link: everything is known up front, no data descriptor. A link's target is
   * its content, encrypted like a file's; a directory has none.
   */
  private wholePiece(item: Exclude<Entry, FileEntry>): Piece {
    const content = item.kind === 'symlink' ? Buffer.from(item.target) : Buffer.alloc(0)
    const encrypt = Boolean(this.options.password) && item.kind === 'symlink'
    const mode = item.kind === 'directory' ? ((S_IFDIR | item.mode) << 16) | 0x10 : (S_IFLNK | item.mode) << 16
    const record: CentralRecord = {
      dosTime: dosTime(item.mtime),
      dosDate: dosDate(item.mtime),
      mtime: unixTime(item.mtime),
      name: entryName(item),
      method: encrypt ? AES_METHOD : 0,
      flags: (item.raw ? 0 : FLAG_UTF8) | (encrypt ? FLAG_ENCRYPTED : 0),
      crc: encrypt ? 0 : crc32(content) >>> 0,
      compressedSize: content.length + (encrypt ? AES_OVERHEAD : 0),
      uncompressedSize: content.length,
      offset: 0,
      externalAttributes: mode >>> 0,
      zip64: false,
      aesMethod: encrypt ? 0 : null,
    }
    const cipher = encrypt ? this.newCipher() : undefined
    return { kind: 'header', record, source: item, content, sizeHint: content.length, cipher }
  }

  /** A small file: its place in a batch for a worker thread (small-files.ts). */
  private smallFilePiece(item: FileEntry): Piece {
    const store = this.stores(item)
    const cipher = this.newCipher()
    const { batch, index } = this.batches.add({ path: item.raw?.source ?? item.source, size: item.size, store })
    return { kind: 'small', source: item, store, batch, index, cipher }
  }

  private async addLargeFile(item: FileEntry): Promise<void> {
    // Opened before anything of it is written: a file that is gone by now is left out whole.
    // Once open, it stays readable even if it is deleted meanwhile.
    let fd: number
    try {
      fd = await openAsync(item.raw?.source ?? item.source, 'r')
    } catch (error) {
      if (!isFileError(error)) throw error
      this.options.onUnreadable?.(item, error)
      return
    }
    const store = this.stores(item)
    const record = this.fileRecord(item, store)
    const entry: OpenEntry = { record, crc: 0, source: item }
    await this.push({ kind: 'header', record, source: item, entry, sizeHint: item.size, cipher: this.newCipher() })
    const file = new ChunkedFile(fd, item, {
      level: this.options.compressionLevel,
      store,
      buffers: this.chunkBuffers,
      onSizeChanged: this.options.onSizeChanged,
    })
    for (let index = 0; index < file.chunkCount; index++)
      await this.push({ kind: 'chunk', entry, result: file.start(index) })
    await this.push({ kind: 'end', entry })
  }

  private stores(item: FileEntry): boolean {
    return this.options.compressionLevel === 0 || (this.options.store?.(item) ?? false)
  }

  /** A file's record, before its sizes and CRC are known (they follow in a data descriptor). */
  private fileRecord(item: FileEntry, store: boolean): CentralRecord {
    const method = store ? 0 : 8
    const encrypt = Boolean(this.options.password)
    return {
      dosTime: dosTime(item.mtime),
      dosDate: dosDate(item.mtime),
      mtime: unixTime(item.mtime),
      name: entryName(item),
      method: encrypt ? AES_METHOD : method,
      // A name that is not valid UTF-8 is stored as its bytes, without the UTF-8 flag (as Info-ZIP does).
      flags: (item.raw ? 0 : FLAG_UTF8) | FLAG_DATA_DESCRIPTOR | (encrypt ? FLAG_ENCRYPTED : 0),
      crc: 0,
      compressedSize: 0,
      uncompressedSize: 0,
      offset: 0,
      externalAttributes: ((S_IFREG | item.mode) << 16) >>> 0,
      zip64: false,
      aesMethod: encrypt ? method : null,
    }
  }

  /** The entry's cipher when the zip is encrypted; its key derivation (PBKDF2) starts now, in the thread pool. */
  private newCipher(): Promise<EntryCipher> | undefined {
    if (!this.options.password) return undefined
    const cipher = EntryCipher.create(this.options.password)
    cipher.catch(() => undefined)
    return cipher
  }

  /** Queues the piece; while the pipeline is full, the oldest pieces are written first. */
  private async push(piece: Piece): Promise<void> {
    this.queue.push(piece)
    while (this.queue.full) await this.flushOne()
  }

  /** Takes the oldest piece off the queue and writes it: output order is entry order. */
  private flushOne(): Promise<void> {
    const piece = this.queue.shift()
    switch (piece.kind) {
      case 'header':
        return piece.content ? this.writeWhole(piece, piece.content) : this.writeFileHeader(piece)
      case 'chunk':
        return this.writeChunk(piece.entry, piece.result)
      case 'end':
        return this.writeEnd(piece.entry)
      case 'small':
        return this.writeSmallFile(piece)
    }
  }

  /** A directory or a link: header and content at once. */
  private async writeWhole(piece: Extract<Piece, { kind: 'header' }>, content: Buffer): Promise<void> {
    const { record } = piece
    // The offset is known only now, when everything before this entry is written.
    record.offset = this.output.offset
    const observer = this.options.observer
    observer?.entry(piece.source)
    if (content.length > 0) observer?.data(content)
    observer?.end()
    const data = piece.cipher ? sealed(await piece.cipher, content) : content
    record.compressedSize = data.length
    await this.output.write(Buffer.concat([localHeader(record), data]))
    this.central.add(record)
  }

  private async writeFileHeader(piece: Extract<Piece, { kind: 'header' }>): Promise<void> {
    const { record } = piece
    record.offset = this.output.offset
    this.options.observer?.entry(piece.source)
    record.zip64 = piece.sizeHint >= ZIP64_LIMIT - ZIP64_MARGIN || this.output.offset >= ZIP64_LIMIT
    await this.output.write(localHeader(record))
    if (piece.cipher) {
      const cipher = await piece.cipher
      piece.entry!.cipher = cipher
      record.compressedSize += cipher.preamble.length
      await this.output.write(cipher.preamble)
    }
  }

  private async writeChunk(entry: OpenEntry, chunk: Promise<ChunkResult>): Promise<void> {
    const { raw, size, crc, out, written } = await chunk
    entry.crc = crc ?? crc32(raw!, entry.crc)
    entry.record.uncompressedSize += size
    this.options.observer?.data(raw!)
    for (const part of out) {
      const data = entry.cipher ? entry.cipher.update(part) : part
      entry.record.compressedSize += data.length
      await this.output.write(data)
    }
    if (written) this.output.whenWritten(written)
  }

  private async writeEnd(entry: OpenEntry): Promise<void> {
    const { record, cipher } = entry
    this.options.observer?.end()
    if (cipher) {
      const mac = cipher.final()
      record.compressedSize += mac.length
      await this.output.write(mac)
    }
    // AE-2 leaves the CRC out: the MAC authenticates the data instead.
    record.crc = cipher ? 0 : entry.crc >>> 0
    if (!record.zip64 && (record.compressedSize >= ZIP64_LIMIT || record.uncompressedSize >= ZIP64_LIMIT))
      throw new Error(`'${record.name.toString()}' grew past 4 GiB while it was being zipped`)
    await this.output.write(dataDescriptor(record))
    this.central.add(record)
  }

  /** A small file, once its batch is done: left out whole if it could not be read. */
  private async writeSmallFile(piece: Extract<Piece, { kind: 'small' }>): Promise<void> {
    const { source, batch, index } = piece
    // Its batch may still be filling: send it now, the writer waits for it.
    this.batches.dispatch(batch)
    const results = await batch.results
    const error = results.error(index)
    if (error) {
      if (!isFileError(error)) throw error
      this.options.onUnreadable?.(source, error)
      return
    }
    const size = results.size(index)
    if (results.changed(index)) this.options.onSizeChanged?.(source, size)
    const observer = this.options.observer
    if (observer) {
      observer.entry(source)
      observer.data(results.raw(index)!)
      observer.end()
    }
    const record = this.fileRecord(source, piece.store)
    record.offset = this.output.offset
    record.zip64 = this.output.offset >= ZIP64_LIMIT
    record.uncompressedSize = size
    const data = piece.cipher ? sealed(await piece.cipher, results.out(index)) : results.out(index)
    // AE-2 leaves the CRC out: the MAC authenticates the data instead.
    record.crc = piece.cipher ? 0 : results.crc(index) >>> 0
    record.compressedSize = data.length
    await this.output.write(localHeader(record), data, dataDescriptor(record))
    this.central.add(record)
  }
}

/** A whole small content encrypted: preamble, data, MAC. */
function sealed(cipher: EntryCipher, content: Buffer): Buffer {
  return Buffer.concat([cipher.preamble, cipher.update(content), cipher.final()])
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

/**
 * The pieces between reading and writing, first in first out (in O(1): Array.shift() is linear and
 * thousands are queued), and the one budget that bounds them: chunks and small-file batches read or
 * deflating, batches apart, and pieces queued. A chunk is in flight from its push to its turn to be
 * written; a batch from its first file's push until its last file is taken.
 */
class Pipeline {
  private items: Piece[] = []
  private head = 0
  private inFlight = 0
  /**
   * Each batch in flight, oldest first, with how many of its files were taken so far: at most
   * batchesInFlight + 1 records. (A Map keyed by the batches cost 30 MB more peak RSS on
   * 100,000 small files, with the same counts: measured by scripts/mem-probe.ts.)
   */
  private readonly batches: Array<{ batch: Batch; taken: number }> = []

  constructor(private readonly limits: PipelineLimits) {}

  get size(): number {
    return this.items.length - this.head
  }

  /** Too much read or deflating at once, or queued: the writer must write before it reads more. */
  get full(): boolean {
    const { inFlight, queue, batchesInFlight } = this.limits
    return this.inFlight > inFlight || this.size > queue || this.batches.length > batchesInFlight
  }

  push(piece: Piece): void {
    this.items.push(piece)
    if (piece.kind === 'chunk') this.inFlight++
    // A batch gets files only while it is the newest: an older one was dispatched and closed.
    else if (piece.kind === 'small' && this.batches.at(-1)?.batch !== piece.batch) {
      this.batches.push({ batch: piece.batch, taken: 0 })
      this.inFlight++
    }
  }

  /** The oldest piece, its share of the budget given back. */
  shift(): Piece {
    const piece = this.items[this.head]!
    this.items[this.head++] = undefined as unknown as Piece
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    if (piece.kind === 'chunk') this.inFlight--
    else if (piece.kind === 'small') this.taken(piece.batch)
    return piece
  }

  rest(): Piece[] {
    return this.items.slice(this.head)
  }

  /**
   * A batch's files are taken in order; the first one taken dispatches the batch in the same turn
   * (writeSmallFile), so no file joins it after: its count is final.
   */
  private taken(batch: Batch): void {
    const at = this.batches.findIndex((record) => record.batch === batch)
    const record = this.batches[at]!
    if (++record.taken < batch.files.length) return
    this.batches.splice(at, 1)
    this.inFlight--
  }
}
