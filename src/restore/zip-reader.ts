// Reads a zip back, through yauzl (a well-kept reader) and its public API. Opening reads the whole
// central directory and checks the zip's structure before any data is read: the end record's count
// against the directory's size, every local header against its central record, no two entries
// sharing or overlapping their bytes, every method one this tool reads (naming a tool that reads the
// others). Then each entry's data comes out checked against its CRC-32 and size, or for AES entries
// (WinZip AE-1/AE-2, 128 to 256 bits) against the password check and the authentication code: small
// entries whole (contentSync), the others as streams.
import { closeSync, createReadStream, fstatSync, open as fsOpen, openSync, read as fsRead, readSync } from 'node:fs'
import { PassThrough, Transform, Writable, type Readable, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createInflateRaw, crc32 } from 'node:zlib'
import yauzl from 'yauzl'
import { ArchivePasswordError, BackupError, asError } from '../core/errors.js'
import { escapeControl } from '../core/format.js'
import { WholeInflater, inflatesWhole } from '../zip/inflate.js'
import { AES_EXTRA_ID, AES_KEY_BYTES, AES_MAC_BYTES, AES_METHOD, AesEntryReader, AesPasswordError } from '../zip/aes.js'
import {
  CENTRAL_HEADER_LENGTH as CENTRAL_RECORD_LENGTH,
  DOS_DIRECTORY,
  END_LENGTH,
  FLAG_DATA_DESCRIPTOR,
  FLAG_ENCRYPTED,
  FLAG_STRONG_ENCRYPTION,
  FLAG_UTF8,
  MADE_BY_OSX,
  MADE_BY_UNIX,
  METHOD_DEFLATED,
  METHOD_STORED,
  S_IFDIR,
  S_IFLNK,
  S_IFMT,
  UNICODE_PATH_ID,
  ZIP64_END_SIGNATURE,
  ZIP64_LOCATOR_LENGTH,
  ZIP64_LOCATOR_SIGNATURE,
} from '../zip/format.js'
import type { RawName } from './raw-name.js'

/** Methods other tools write, named so that the refusal can say which tool reads them. */
const METHOD_NAMES: Record<number, string> = {
  1: 'Shrink',
  6: 'Implode',
  9: 'Deflate64',
  12: 'bzip2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'XZ',
  98: 'PPMd',
}

/**
 * One entry of the zip, as a restore needs it: only this is kept of yauzl's entry, in flat fields
 * (100,000 entries with a nested object each weigh 25 MB more). An entry whose name and mode the
 * plan keeps as they are is also its own node in the plan (plan.ts's PlannedNode): 100,000 files
 * then need no second object each.
 */
export class ArchiveEntry {
  /** Its place in the nodes of the plan that holds it (set by the plan). */
  index = -1
  /** The first byte after the local header (set once the structure is checked). */
  dataStart = -1

  constructor(
    /** The name's bytes (the Unicode path field's when it has one), `/`-separated, without a trailing `/`. */
    readonly name: RawName,
    /** For messages: decoded, control characters escaped (the same string as `name` for a plain ASCII name). */
    readonly displayName: string,
    readonly kind: 'file' | 'directory' | 'symlink',
    /** Unix permission bits (with setuid, setgid, sticky), when the zip has them. */
    readonly mode: number | null,
    readonly size: number,
    /**
     * Seconds since the epoch, from the extended timestamp (or NTFS time), else the DOS time; null when
     * the zip's is not a time. A number, not a Date: 100,000 Dates weigh 9 MB.
     */
    readonly mtime: number | null,
    /** AES entries: the key length (16, 24, 32 bytes). */
    readonly aesKeyBytes: number | null,
    readonly compressedSize: number,
    /** Signed (`| 0`): compare as `>>> 0`. */
    readonly crc32: number,
    /** 0 (stored), 8 (deflated) or 99 (AES, whose field names the method inside). */
    readonly method: number,
    /** AES entries: AE-1 or AE-2; 0 for the others. */
    readonly aesVersion: number,
    /** AES entries: the method inside the encryption. */
    readonly aesMethod: number,
  ) {}

  // As its own plan node: the path is the name, the entry is itself.
  get path(): RawName {
    return this.name
  }

  get entry(): this {
    return this
  }

  get display(): string {
    return this.displayName
  }
}

/** The read-ahead window through which yauzl reads the central directory and the local headers. */
const WINDOW_BYTES = 1024 * 1024

/** A zip that must not be restored: the message names the entry and the rule. */
export class UnsafeArchiveError extends BackupError {
  override name = 'UnsafeArchiveError'
}

/** A zip whose data does not match its own checksums (or a wrong archive password). */
export class CorruptArchiveError extends BackupError {
  override name = 'CorruptArchiveError'
}

/** A zip this tool does not read (a method or an encryption of other tools); the message names one that does. */
export class UnsupportedArchiveError extends BackupError {
  override name = 'UnsupportedArchiveError'
}

const refused = (what: string) => `${what}. The zip is refused as a whole and nothing was written.`

export class OpenArchive {
  private readonly inflater = new WholeInflater()

  private constructor(
    private readonly reader: WindowedReader,
    readonly entries: ArchiveEntry[],
  ) {}

  /** Opens `file`, reads the whole central directory and checks the zip's structure. */
  static async open(file: string): Promise<OpenArchive> {
    const reader = new WindowedReader(openSync(file, 'r'))
    try {
      let zip: yauzl.ZipFile
      try {
        zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
          yauzl.fromRandomAccessReader(
            reader,
            reader.size,
            { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false },
            (error, z) => (error ? reject(error) : resolve(z)),
          ),
        )
      } catch (error) {
        throw new CorruptArchiveError(`The backup is not a readable zip (${(error as Error).message}).`)
      }
      try {
        const end = readEndRecord(reader)
        // Sized once (growing by copies leaves MBs of garbage at 100,000 entries): the end record's count,
        // but no more records than the file has room for, whatever the end record claims.
        const expected = Math.min(zip.entryCount, Math.floor(reader.size / CENTRAL_RECORD_LENGTH))
        const entries = new Array<ArchiveEntry>(expected)
        const spans = new Spans(expected)
        let read = 0
        let directoryBytes = 0
        // Each record is checked as it is read and only its description kept: yauzl's entries weigh.
        await forEachCentralRecord(zip, (raw, next) => {
          const entry = describe(raw)
          checkMethod(entry, raw)
          directoryBytes += CENTRAL_RECORD_LENGTH + raw.fileNameLength + raw.extraFieldLength + raw.fileCommentLength
          zip.readLocalFileHeader(raw, {}, (error, local) =>
            next(() => {
              spans.add(raw.relativeOffsetOfLocalHeader, locateData(raw, entry, error, local, reader.size))
              entries[read++] = entry
            }),
          )
        })
        entries.length = read
        if (end) checkCount(end, entries.length, directoryBytes)
        spans.check(entries, end)
        return new OpenArchive(reader, entries)
      } finally {
        zip.close()
        // yauzl's listeners on the reader hold the zip and, through it, every entry it read.
        zip.removeAllListeners()
        reader.removeAllListeners()
      }
    } catch (error) {
      reader.release()
      throw error
    }
  }

  close(): void {
    this.reader.release()
  }

  /**
   * A small unencrypted entry's whole content, read and inflated in one piece and checked (CRC-32 and
   * size) before it is returned; null for an entry that is read as a stream (large or AES). The
   * content is a view of a reused buffer (the read window, or the inflater's): use it before the next call.
   */
  contentSync(entry: ArchiveEntry): Buffer | null {
    if (!readsWhole(entry)) return null
    const stored = this.reader.bytes(entry.dataStart, entry.compressedSize)
    const content = inflateChecked(stored, entry, this.inflater)
    if (!Buffer.isBuffer(content)) throw problemError(entry.displayName, content)
    return content
  }

  /**
   * The entry's content as it was zipped, checked as it streams: a CRC-32 (or, for AES, the
   * authentication code) that does not match makes the stream fail at its end.
   */
  content(entry: ArchiveEntry, password: string | undefined): Readable {
    const { displayName } = entry
    const aes = entry.aesVersion !== 0
    if (aes && (password === undefined || password === '')) throw encryptedWithoutPassword(entry)
    const stored = this.reader.stream(entry.dataStart, entry.compressedSize)
    const checks: Transform[] = []
    if (aes) checks.push(new AesCheck(password!, entry.aesKeyBytes!, displayName))
    const method = aes ? entry.aesMethod : entry.method
    if (method === METHOD_DEFLATED) checks.push(createInflateRaw())
    checks.push(new SizeCheck(entry.size, displayName))
    // AE-2 has no CRC-32 (its authentication code checks the data); AE-1 keeps it as well.
    if (!aes || entry.aesVersion === 1) checks.push(new CrcCheck(entry.crc32, displayName))
    return chain(displayName, stored, ...checks)
  }
}

/** Whether contentSync takes the entry (small and not encrypted); the others are read as streams. */
export const readsWhole = (entry: ArchiveEntry): boolean =>
  entry.aesVersion === 0 && inflatesWhole(entry.compressedSize, entry.size)

/** What a small entry's checks found wrong, without its name (the thread that names it may be another). */
export type WholeProblem = { kind: 'damaged'; detail: string } | { kind: 'size' } | { kind: 'crc' }

/** The fields of an entry that its whole check needs. */
export type WholeFields = Pick<ArchiveEntry, 'method' | 'size' | 'crc32'>

/**
 * A small unencrypted entry's stored bytes, inflated when deflated and checked against its size and
 * CRC-32: the content (a view of the inflater's reused buffer), or what is wrong with it.
 */
function inflateChecked(stored: Buffer, entry: WholeFields, inflater: WholeInflater): Buffer | WholeProblem {
  let content: Buffer
  try {
    // No bytes at all is an empty entry whatever the method (as yauzl and unzip read it).
    content = entry.method === METHOD_STORED || stored.length === 0 ? stored : inflater.inflate(stored, entry.size)
  } catch (error) {
    return { kind: 'damaged', detail: (error as Error).message }
  }
  if (content.length !== entry.size) return { kind: 'size' }
  if (crc32(content) >>> 0 !== entry.crc32 >>> 0) return { kind: 'crc' }
  return content
}

/** The problem as the entry's failure. */
export function problemError(name: string, problem: WholeProblem): BackupError {
  if (problem.kind === 'size') return wrongSize(name)
  if (problem.kind === 'crc') return wrongCrc(name)
  return damaged(name, new Error(problem.detail))
}

/**
 * Small entries of a zip checked by a thread that has not opened it (the archive worker's parent):
 * it gets where each entry's data is, reads through its own descriptor, and checks as contentSync does.
 */
export class WholeEntryChecker {
  private readonly inflater = new WholeInflater()
  private readonly reader: WindowedReader

  constructor(file: string) {
    this.reader = new WindowedReader(openSync(file, 'r'))
  }

  /** Null when the entry is sound. Only for entries that contentSync takes (inflatesWhole, not AES). */
  check(dataStart: number, compressedSize: number, entry: WholeFields): WholeProblem | null {
    if (!inflatesWhole(compressedSize, entry.size))
      throw new Error('internal: a streamed entry was sent to be checked whole')
    const content = inflateChecked(this.reader.bytes(dataStart, compressedSize), entry, this.inflater)
    return Buffer.isBuffer(content) ? null : content
  }

  close(): void {
    this.reader.release()
  }
}

export function encryptedWithoutPassword(entry: ArchiveEntry): BackupError {
  return new ArchivePasswordError(
    `'${entry.displayName}' is encrypted (archive-password): set ONEFICHIER_ARCHIVE_PASSWORD to restore it.`,
  )
}

/** For streams on the archive's descriptor: a stream's end or destroy() must not close it (release() does). */
const SHARED_DESCRIPTOR = {
  open: fsOpen,
  read: fsRead,
  close: (_fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => callback(null),
}

interface Window {
  start: number
  filled: number
  bytes: Buffer
}

/**
 * The zip's one descriptor, read through a window: yauzl asks for the central directory and each
 * local header in pieces of a few bytes, which here cost a copy instead of a system call each.
 * yauzl's README lets a reader implement `read` itself; data streams come from `stream`.
 */
class WindowedReader extends yauzl.RandomAccessReader {
  readonly size: number
  /** Two windows, most recent first: one on the central directory, one on the local headers it points to. */
  private windows: Window[] = []
  private released = false

  constructor(private readonly fd: number) {
    super()
    this.size = fstatSync(fd).size
  }

  /**
   * `length` bytes at `position` (at most WINDOW_BYTES): a view of a window, valid until the next
   * call. The two windows' memory is reused, so that 100,000 small entries make no garbage here.
   */
  bytes(position: number, length: number): Buffer {
    const window = this.windowFor(position, length)
    const from = position - window.start
    return window.bytes.subarray(from, from + length)
  }

  /** The window that holds these bytes, filled if neither does; made the most recent. No allocation. */
  private windowFor(position: number, length: number): Window {
    const [first, second] = this.windows
    const holds = (w: Window | undefined) => w && position >= w.start && position + length <= w.start + w.filled
    if (holds(first)) return first!
    if (holds(second)) {
      this.windows[0] = second!
      this.windows[1] = first!
      return second!
    }
    if (length > WINDOW_BYTES) throw new Error(`internal: a read of ${length} bytes is larger than a window`)
    // The least recent one is refilled (or a second one made), and becomes the most recent.
    const window = second ?? { start: 0, filled: 0, bytes: Buffer.allocUnsafe(WINDOW_BYTES) }
    this.fill(window, position, length)
    this.windows[1] = first ?? window
    this.windows[0] = window
    if (!first) this.windows.length = 1
    return window
  }

  private fill(window: Window, position: number, needed: number): void {
    const want = Math.min(WINDOW_BYTES, this.size - position)
    if (want < needed) throw new CorruptArchiveError('The backup is cut short (a read past its end).')
    window.start = position
    window.filled = 0
    while (window.filled < want) {
      const read = readSync(this.fd, window.bytes, window.filled, want - window.filled, position + window.filled)
      if (read === 0) break
      window.filled += read
    }
    if (window.filled < needed) throw new CorruptArchiveError('The backup is cut short (a read past its end).')
  }

  /** The stored bytes of one entry, as a stream that does not close the shared descriptor. */
  stream(start: number, length: number): Readable {
    if (length === 0) {
      const empty = new PassThrough()
      empty.end()
      return empty
    }
    return createReadStream('', { fd: this.fd, start, end: start + length - 1, fs: SHARED_DESCRIPTOR })
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (e: Error | null) => void) {
    let failure: Error | null = null
    try {
      // Copied straight from the window: no view made per read (yauzl reads 4 times per entry).
      const window = this.windowFor(position, length)
      window.bytes.copy(buffer, offset, position - window.start, position - window.start + length)
    } catch (error) {
      failure = error as Error
    }
    // Never synchronously: yauzl reads the next entry from this callback, 100,000 deep otherwise.
    process.nextTick(callback, failure)
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return this.stream(start, end - start)
  }

  override close(callback: (error: Error | null) => void): void {
    // The descriptor is the archive's, closed by release(); yauzl's close only ends its own use.
    process.nextTick(callback, null)
  }

  release(): void {
    if (this.released) return
    this.released = true
    this.windows = []
    closeSync(this.fd)
  }
}

/** The central directory's length in bytes, from the end record alone (0 when there is none). */
export function centralDirectoryBytes(file: string): number {
  const reader = new WindowedReader(openSync(file, 'r'))
  try {
    return readEndRecord(reader)?.size ?? 0
  } catch {
    return 0
  } finally {
    reader.release()
  }
}

/**
 * Calls `visit` with each central record in turn; `visit` reads what it needs and calls `next` with
 * the step that ends its work (which may throw). Callbacks, not an async function per record: at
 * 100,000 records, the promises alone weighed 200 MB of garbage.
 */
async function forEachCentralRecord(
  zip: yauzl.ZipFile,
  visit: (raw: yauzl.Entry, next: (finish: () => void) => void) => void,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => reject(asError(error))
    const next = (finish: () => void) => {
      try {
        finish()
      } catch (error) {
        fail(error)
        return
      }
      zip.readEntry()
    }
    zip.on('entry', (raw: yauzl.Entry) => {
      try {
        visit(raw, next)
      } catch (error) {
        fail(error)
      }
    })
    zip.on('end', resolve)
    zip.on('error', (error: Error) =>
      reject(new CorruptArchiveError(`The backup's central directory cannot be read (${error.message}).`)),
    )
    zip.readEntry()
  })
}

/**
 * Where the central directory is and how long, from the end record (zip64's when it has one), read
 * through the archive's own reader (yauzl has just read the same tail: no second open).
 */
function readEndRecord(reader: WindowedReader): { offset: number; size: number } | null {
  const length = Math.min(reader.size, END_LENGTH + 0xffff)
  const tail = reader.bytes(reader.size - length, length)
  const at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (at < 0 || at + END_LENGTH > length) return null
  let size = tail.readUInt32LE(at + 12)
  let offset = tail.readUInt32LE(at + 16)
  if ((size === 0xffffffff || offset === 0xffffffff || tail.readUInt16LE(at + 10) === 0xffff) && at >= 20) {
    if (tail.readUInt32LE(at - ZIP64_LOCATOR_LENGTH) !== ZIP64_LOCATOR_SIGNATURE) return { offset, size }
    const recordAt = Number(tail.readBigUInt64LE(at - 12))
    if (recordAt + 56 > reader.size) return null
    const record = reader.bytes(recordAt, 56)
    if (record.readUInt32LE(0) !== ZIP64_END_SIGNATURE) return null
    size = Number(record.readBigUInt64LE(40))
    offset = Number(record.readBigUInt64LE(48))
  }
  return { offset, size }
}

/**
 * The bytes each entry spans in the file (from its local header to its data's end), in flat arrays:
 * no two may share or overlap, and none may run into the central directory.
 */
class Spans {
  private starts: Float64Array
  private ends: Float64Array
  private count = 0

  /** `expected`: the entries the end record counts (the arrays grow if there are more). */
  constructor(expected: number) {
    this.starts = new Float64Array(Math.max(16, expected))
    this.ends = new Float64Array(this.starts.length)
  }

  add(start: number, end: number): void {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts)
      this.ends = grown(this.ends)
    }
    this.starts[this.count] = start
    this.ends[this.count++] = end
  }

  check(entries: readonly ArchiveEntry[], end: { offset: number } | null): void {
    const { starts, ends } = this
    const order = this.byStart()
    const at = (i: number) => (order ? order[i]! : i)
    for (let i = 1; i < this.count; i++) {
      const [before, after] = [at(i - 1), at(i)]
      if (starts[after]! < ends[before]!) {
        const how = starts[after] === starts[before] ? 'share one local entry' : 'overlap'
        throw new UnsafeArchiveError(
          refused(
            `The backup's entries '${entries[before]!.displayName}' and '${entries[after]!.displayName}' ${how} ` +
              `in the file (byte ${starts[after]})`,
          ),
        )
      }
    }
    const last = this.count > 0 ? at(this.count - 1) : undefined
    if (end && last !== undefined && ends[last]! > end.offset) {
      throw new UnsafeArchiveError(
        refused(`The backup's entry '${entries[last]!.displayName}' runs into the central directory`),
      )
    }
  }

  /** The entries' indexes by where they start; null when they are in that order already (as writers write them). */
  private byStart(): number[] | null {
    const { starts } = this
    let sorted = true
    for (let i = 1; i < this.count && sorted; i++) sorted = starts[i - 1]! <= starts[i]!
    if (sorted) return null
    return Array.from({ length: this.count }, (_, i) => i).sort((a, b) => starts[a]! - starts[b]!)
  }
}

function grown(values: Float64Array): Float64Array {
  const more = new Float64Array(values.length * 2)
  more.set(values)
  return more
}

/** The end record's count must account for the whole central directory: no entry hidden behind it. */
function checkCount(end: { size: number }, count: number, directoryBytes: number): void {
  if (directoryBytes === end.size) return
  throw new UnsafeArchiveError(
    refused(
      `The backup's end record counts ${count} entries, but its central directory is ${end.size} bytes ` +
        `long and those entries fill ${directoryBytes}: the zip holds entries its count hides`,
    ),
  )
}

/**
 * The entry's local header must agree with its central record (name, method, encryption, CRC-32);
 * sets where its data starts and returns where its bytes end.
 */
function locateData(
  raw: yauzl.Entry,
  entry: ArchiveEntry,
  error: Error | null,
  local: yauzl.LocalFileHeader,
  fileSize: number,
): number {
  const name = entry.displayName
  if (error) throw new CorruptArchiveError(`'${name}' has no readable local header (${error.message}).`)
  const disagree = !local.fileName.equals(raw.fileNameRaw)
    ? 'another name'
    : local.compressionMethod !== raw.compressionMethod
      ? 'another compression method'
      : (local.generalPurposeBitFlag & FLAG_ENCRYPTED) !== (raw.generalPurposeBitFlag & FLAG_ENCRYPTED)
        ? 'another encryption'
        : (raw.generalPurposeBitFlag & FLAG_DATA_DESCRIPTOR) === 0 && local.crc32 !== raw.crc32
          ? 'another CRC-32'
          : null
  if (disagree) {
    throw new UnsafeArchiveError(
      refused(`The backup's entry '${name}' has a local header that gives ${disagree} than its central record`),
    )
  }
  const end = local.fileDataStart + raw.compressedSize
  if (end > fileSize) throw new CorruptArchiveError(`'${name}' runs past the end of the file: the backup is cut short.`)
  entry.dataStart = local.fileDataStart
  return end
}

/** The Info-ZIP Unicode path field's name, when its CRC says it belongs to this entry's name. */
function unicodePath(raw: yauzl.Entry): Buffer | null {
  const field = raw.extraFields.find((f) => f.id === UNICODE_PATH_ID)
  if (!field || field.data.length < 6 || field.data[0] !== 1) return null
  if (field.data.readUInt32LE(1) !== crc32(raw.fileNameRaw) >>> 0) return null
  return field.data.subarray(5)
}

/** For messages; a plain ASCII name's display is its raw string itself (no second copy). */
function displayOf(name: Buffer, raw: RawName, flags: number): string {
  if (isPlainAscii(name)) return raw
  const utf8 = (flags & FLAG_UTF8) !== 0 || !name.toString('utf8').includes('\uFFFD')
  return escapeControl(name.toString(utf8 ? 'utf8' : 'latin1'))
}

function isPlainAscii(name: Buffer): boolean {
  for (const byte of name) if (byte < 0x20 || byte > 0x7e) return false
  return true
}

function describe(raw: yauzl.Entry): ArchiveEntry {
  const unicode = unicodePath(raw)
  const name = unicode ?? raw.fileNameRaw
  const system = raw.versionMadeBy >> 8
  const unixMode = system === MADE_BY_UNIX || system === MADE_BY_OSX ? (raw.externalFileAttributes >>> 16) & 0xffff : 0
  const type = unixMode & S_IFMT
  const slash = name[name.length - 1] === 0x2f
  const isDir = type === S_IFDIR || slash || (type === 0 && (raw.externalFileAttributes & DOS_DIRECTORY) !== 0)
  const kind = type === S_IFLNK ? 'symlink' : isDir ? 'directory' : 'file'
  const trimmed = slash ? name.subarray(0, name.length - 1) : name
  const rawName = trimmed.toString('latin1')
  const mtime = raw.getLastModDate()
  const aes = aesField(raw)
  return new ArchiveEntry(
    rawName,
    displayOf(trimmed, rawName, unicode ? FLAG_UTF8 : raw.generalPurposeBitFlag),
    kind,
    unixMode ? unixMode & 0o7777 : null,
    raw.uncompressedSize,
    // Whole seconds (the zip's times are), kept as small integers: 100,000 boxed numbers weigh 2 MB.
    Number.isNaN(mtime.getTime()) ? null : Math.floor(mtime.getTime() / 1000),
    aes ? (AES_KEY_BYTES[aes.strength] ?? null) : null,
    raw.compressedSize,
    // Signed 32 bits for the same reason; compared as `>>> 0`.
    raw.crc32 | 0,
    raw.compressionMethod,
    aes ? aes.version : 0,
    aes ? aes.method : 0,
  )
}

/** WinZip's AES field: AE-1 or AE-2, the key strength and the method inside the encryption. */
function aesField(raw: yauzl.Entry): { version: number; strength: number; method: number } | null {
  if (raw.compressionMethod !== AES_METHOD) return null
  const field = raw.extraFields.find((f) => f.id === AES_EXTRA_ID)
  if (!field || field.data.length < 7) return null
  return { version: field.data.readUInt16LE(0), strength: field.data[4]!, method: field.data.readUInt16LE(5) }
}

/** Methods and encryptions this tool does not read are refused by name, with a tool that reads them. */
function checkMethod(entry: ArchiveEntry, raw: yauzl.Entry): void {
  const method = raw.compressionMethod
  if (method === AES_METHOD) {
    const aes = aesField(raw)
    if (!aes || entry.aesKeyBytes === null || (aes.version !== 1 && aes.version !== 2)) {
      throw new UnsupportedArchiveError(
        refused(`The backup's entry '${entry.displayName}' is AES-encrypted with a field this tool does not know`),
      )
    }
    if (aes.method !== METHOD_STORED && aes.method !== METHOD_DEFLATED) return unsupportedMethod(entry, aes.method)
    const overhead = entry.aesKeyBytes / 2 + 2 + AES_MAC_BYTES
    const storedSizeWrong = aes.method === METHOD_STORED && raw.compressedSize - overhead !== raw.uncompressedSize
    if (raw.compressedSize < overhead || storedSizeWrong) {
      throw new UnsafeArchiveError(
        refused(
          `The backup's entry '${entry.displayName}' is AES-encrypted, but its inner method (${aes.method}) ` +
            `and sizes (${raw.compressedSize} stored for ${raw.uncompressedSize}) disagree`,
        ),
      )
    }
    return
  }
  if ((raw.generalPurposeBitFlag & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0) {
    throw new UnsupportedArchiveError(
      refused(
        `The backup's entry '${entry.displayName}' uses ZipCrypto (PKWARE's traditional encryption), which this tool ` +
          `does not read: extract it with 7-Zip (7z x) or unzip`,
      ),
    )
  }
  if (method !== METHOD_STORED && method !== METHOD_DEFLATED) unsupportedMethod(entry, method)
  if (method === METHOD_STORED && raw.compressedSize !== raw.uncompressedSize) {
    throw new UnsafeArchiveError(
      refused(
        `The backup's entry '${entry.displayName}' is stored uncompressed, but its sizes disagree ` +
          `(${raw.compressedSize} stored for ${raw.uncompressedSize})`,
      ),
    )
  }
}

function unsupportedMethod(entry: ArchiveEntry, method: number): never {
  const name = METHOD_NAMES[method]
  const what = name ? `${name} compression (method ${method})` : `compression method ${method}`
  throw new UnsupportedArchiveError(
    refused(
      `The backup's entry '${entry.displayName}' uses ${what}, which this tool does not read: ` +
        `extract it with 7-Zip (7z x)${method === 12 || method === 9 ? ' or unzip' : ''}`,
    ),
  )
}

/**
 * Pipes `source` through `steps` and returns the last, to which any failure on the way is passed:
 * a bad deflate stream or a short entry is a damaged backup, never an unhandled error.
 */
function chain(name: string, source: Readable, ...steps: Transform[]): Readable {
  const last = steps[steps.length - 1]!
  const fail = (error: Error) => {
    if (last.destroyed) return
    source.destroy()
    last.destroy(damaged(name, error))
  }
  let from: Readable = source
  for (const step of steps) {
    from.on('error', fail)
    from = from.pipe(step)
  }
  return last
}

/** Passes the data through; fails at the end when its CRC-32 is not the entry's. */
class CrcCheck extends Transform {
  private crc = 0
  constructor(
    private readonly expected: number,
    private readonly name: string,
  ) {
    super()
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.crc = crc32(chunk, this.crc)
    callback(null, chunk)
  }
  override _flush(callback: TransformCallback): void {
    callback(this.crc >>> 0 === this.expected >>> 0 ? null : wrongCrc(this.name))
  }
}

/** The inflated size must be the one the central directory gives, and is never read past it. */
class SizeCheck extends Transform {
  private seen = 0
  constructor(
    private readonly expected: number,
    private readonly name: string,
  ) {
    super()
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length
    if (this.seen > this.expected) callback(this.wrong())
    else callback(null, chunk)
  }
  override _flush(callback: TransformCallback): void {
    callback(this.seen === this.expected ? null : this.wrong())
  }
  private wrong(): CorruptArchiveError {
    return wrongSize(this.name)
  }
}

const wrongCrc = (name: string) => new CorruptArchiveError(`'${name}' fails its CRC-32 check: the backup is damaged.`)
const wrongSize = (name: string) =>
  new CorruptArchiveError(`'${name}' does not inflate to its listed size: the backup is damaged.`)
const damaged = (name: string, error: Error) =>
  error instanceof CorruptArchiveError || error instanceof ArchivePasswordError
    ? error
    : new CorruptArchiveError(`'${name}' cannot be read back (${error.message}): the backup is damaged.`)

/** WinZip AES: decrypted as it streams; a wrong password or authentication code fails it. */
class AesCheck extends Transform {
  private readonly reader: AesEntryReader

  constructor(
    password: string,
    keyBytes: number,
    private readonly name: string,
  ) {
    super()
    this.reader = new AesEntryReader(password, keyBytes)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.reader.read(chunk).then(
      (plain) => callback(null, plain.length > 0 ? plain : undefined),
      (error: unknown) =>
        callback(
          error instanceof AesPasswordError
            ? new ArchivePasswordError(
                `'${this.name}' does not open with this archive password (its password check differs): check ` +
                  `ONEFICHIER_ARCHIVE_PASSWORD (archive-password).`,
              )
            : (error as Error),
        ),
    )
  }

  override _flush(callback: TransformCallback): void {
    const problem = this.reader.finish()
    if (!problem) {
      callback()
      return
    }
    callback(
      new CorruptArchiveError(
        problem === 'cut short'
          ? `'${this.name}' is cut short: the backup is damaged.`
          : `'${this.name}' fails its AES authentication code: the backup is damaged or was changed.`,
      ),
    )
  }
}

/** Reads one entry to its end (checking it) without keeping the bytes. */
export async function drainChecked(stream: Readable): Promise<void> {
  await pipeline(
    stream,
    new Writable({
      write: (_chunk, _encoding, done) => done(),
    }),
  )
}
