// Reads a zip back, through yauzl (a well-kept reader) and its public API. Opening reads the whole
// central directory and checks the zip's structure before any data is read: the end record's count
// against the directory's size, every local header against its central record, no two entries
// sharing or overlapping their bytes, every method one this tool reads (naming a tool that reads the
// others). Then each entry's data streams out checked against its CRC-32, or for AES entries (WinZip
// AE-1/AE-2, 128 to 256 bits) against the password check and the authentication code.
import { open as openFile } from 'node:fs/promises'
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createInflateRaw, crc32 } from 'node:zlib'
import yauzl from 'yauzl'
import { BackupError } from '../core/errors.js'
import { escapeControl } from '../core/format.js'
import { AES_EXTRA_ID, AES_KEY_BYTES, AES_MAC_BYTES, AES_METHOD, AesEntryReader, AesPasswordError } from '../zip/aes.js'
import { FLAG_DATA_DESCRIPTOR, FLAG_ENCRYPTED, FLAG_UTF8, S_IFDIR, S_IFLNK } from '../zip/records.js'

const S_IFMT = 0o170000
const UNICODE_PATH_ID = 0x7075
const FLAG_STRONG_ENCRYPTION = 0x0040
const MADE_BY_UNIX = 3
const MADE_BY_OSX = 19
const DOS_DIRECTORY = 0x10
const CENTRAL_RECORD_LENGTH = 46

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

export interface ArchiveEntry {
  /** The name's bytes (the Unicode path field's when it has one), `/`-separated, without a trailing `/`. */
  name: Buffer
  /** For messages: decoded, control characters escaped. */
  displayName: string
  kind: 'file' | 'directory' | 'symlink'
  /** Unix permission bits (with setuid, setgid, sticky), when the zip has them. */
  mode: number | null
  size: number
  /** From the extended timestamp (or NTFS time), else the DOS time; null when the zip's is not a time. */
  mtime: Date | null
  /** AES entries: the key length (16, 24, 32 bytes). */
  aesKeyBytes: number | null
  /** yauzl's entry, to read the data. */
  raw: yauzl.Entry
}

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
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: ArchiveEntry[],
  ) {}

  /** Opens `file`, reads the whole central directory and checks the zip's structure. */
  static async open(file: string): Promise<OpenArchive> {
    let zip: yauzl.ZipFile
    try {
      zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
        yauzl.open(
          file,
          { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false },
          (error, z) => (error ? reject(error) : resolve(z)),
        ),
      )
    } catch (error) {
      throw new CorruptArchiveError(`The backup is not a readable zip (${(error as Error).message}).`)
    }
    try {
      const raws = await readCentralDirectory(zip)
      await checkStructure(zip, raws, file)
      const entries = raws.map(describe)
      for (const entry of entries) checkMethod(entry)
      return new OpenArchive(zip, entries)
    } catch (error) {
      zip.close()
      throw error
    }
  }

  close(): void {
    this.zip.close()
  }

  /**
   * The entry's content as it was zipped, checked as it streams: a CRC-32 (or, for AES, the
   * authentication code) that does not match makes the stream fail at its end.
   */
  async content(entry: ArchiveEntry, password: string | undefined): Promise<Readable> {
    const raw = entry.raw
    const encrypted = entry.aesKeyBytes !== null
    if (encrypted && (password === undefined || password === '')) throw encryptedWithoutPassword(entry)
    let stream: Readable
    try {
      stream = await new Promise<Readable>((resolve, reject) =>
        // yauzl inflates method 8 itself; an AES entry (method 99) comes raw, to be opened here.
        this.zip.openReadStream(raw, (encrypted ? { decodeFileData: false } : {}) as never, (error, s) =>
          error ? reject(error) : resolve(s),
        ),
      )
    } catch (error) {
      throw new CorruptArchiveError(`'${entry.displayName}' cannot be read (${(error as Error).message}).`)
    }
    if (!encrypted) return chain(entry.displayName, stream, new CrcCheck(raw.crc32, entry.displayName))
    const decrypted = new AesCheck(password!, entry.aesKeyBytes!, entry.displayName)
    const checks: Transform[] = [decrypted]
    // yauzl checks the size of what it inflates; for an AES entry this is done here.
    if (aesField(raw)!.method === 8)
      checks.push(createInflateRaw(), new SizeCheck(raw.uncompressedSize, entry.displayName))
    // AE-1 keeps the CRC-32 of the plain data as well.
    if (aesField(raw)!.version === 1) checks.push(new CrcCheck(raw.crc32, entry.displayName))
    return chain(entry.displayName, stream, ...checks)
  }
}

export function encryptedWithoutPassword(entry: ArchiveEntry): BackupError {
  return new CorruptArchiveError(
    `'${entry.displayName}' is encrypted (archive-password): set ONEFICHIER_ARCHIVE_PASSWORD to restore it.`,
  )
}

async function readCentralDirectory(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  const raws: yauzl.Entry[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        raws.push(entry)
        zip.readEntry()
      })
      zip.on('end', resolve)
      zip.on('error', reject)
      zip.readEntry()
    })
  } catch (error) {
    throw new CorruptArchiveError(`The backup's central directory cannot be read (${(error as Error).message}).`)
  }
  return raws
}

/** Where the central directory is and how long, from the end record (zip64's when it has one). */
async function readEndRecord(file: string): Promise<{ offset: number; size: number } | null> {
  const handle = await openFile(file, 'r')
  try {
    const { size: fileSize } = await handle.stat()
    const length = Math.min(fileSize, 22 + 0xffff)
    const tail = Buffer.alloc(length)
    await handle.read(tail, 0, length, fileSize - length)
    const at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    if (at < 0 || at + 22 > length) return null
    let size = tail.readUInt32LE(at + 12)
    let offset = tail.readUInt32LE(at + 16)
    if ((size === 0xffffffff || offset === 0xffffffff || tail.readUInt16LE(at + 10) === 0xffff) && at >= 20) {
      if (tail.readUInt32LE(at - 20) !== 0x07064b50) return { offset, size }
      const record = Buffer.alloc(56)
      await handle.read(record, 0, 56, Number(tail.readBigUInt64LE(at - 12)))
      if (record.readUInt32LE(0) !== 0x06064b50) return null
      size = Number(record.readBigUInt64LE(40))
      offset = Number(record.readBigUInt64LE(48))
    }
    return { offset, size }
  } finally {
    await handle.close()
  }
}

function readLocalHeader(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<yauzl.LocalFileHeader> {
  return new Promise((resolve, reject) =>
    zip.readLocalFileHeader(entry, {}, (error, header) => (error ? reject(error) : resolve(header))),
  )
}

/**
 * What peers disagree on, refused: an end record counting fewer entries than its directory holds,
 * a local header that names another entry or method, records that share or overlap their bytes.
 */
async function checkStructure(zip: yauzl.ZipFile, raws: readonly yauzl.Entry[], file: string): Promise<void> {
  const end = await readEndRecord(file)
  if (end) {
    const read = raws.reduce(
      (sum, e) => sum + CENTRAL_RECORD_LENGTH + e.fileNameLength + e.extraFieldLength + e.fileCommentLength,
      0,
    )
    if (read !== end.size) {
      throw new UnsafeArchiveError(
        refused(
          `The backup's end record counts ${raws.length} entries, but its central directory is ${end.size} bytes ` +
            `long and those entries fill ${read}: the zip holds entries its count hides`,
        ),
      )
    }
  }
  const spans: Array<{ start: number; end: number; name: string }> = []
  for (const raw of raws) {
    const name = displayOf(raw.fileNameRaw, raw.generalPurposeBitFlag)
    let local: yauzl.LocalFileHeader
    try {
      local = await readLocalHeader(zip, raw)
    } catch (error) {
      throw new CorruptArchiveError(`'${name}' has no readable local header (${(error as Error).message}).`)
    }
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
    spans.push({ start: raw.relativeOffsetOfLocalHeader, end: local.fileDataStart + raw.compressedSize, name })
  }
  spans.sort((a, b) => a.start - b.start)
  for (let i = 1; i < spans.length; i++) {
    const [before, after] = [spans[i - 1]!, spans[i]!]
    if (after.start < before.end) {
      const how = after.start === before.start ? 'share one local entry' : 'overlap'
      throw new UnsafeArchiveError(
        refused(`The backup's entries '${before.name}' and '${after.name}' ${how} in the file (byte ${after.start})`),
      )
    }
  }
  const last = spans[spans.length - 1]
  if (end && last && last.end > end.offset) {
    throw new UnsafeArchiveError(refused(`The backup's entry '${last.name}' runs into the central directory`))
  }
}

/** The Info-ZIP Unicode path field's name, when its CRC says it belongs to this entry's name. */
function unicodePath(raw: yauzl.Entry): Buffer | null {
  const field = raw.extraFields.find((f) => f.id === UNICODE_PATH_ID)
  if (!field || field.data.length < 6 || field.data[0] !== 1) return null
  if (field.data.readUInt32LE(1) !== crc32(raw.fileNameRaw) >>> 0) return null
  return Buffer.from(field.data.subarray(5))
}

function displayOf(name: Buffer, flags: number): string {
  const utf8 = (flags & FLAG_UTF8) !== 0 || !name.toString('utf8').includes('\uFFFD')
  return escapeControl(name.toString(utf8 ? 'utf8' : 'latin1'))
}

function describe(raw: yauzl.Entry): ArchiveEntry {
  const unicode = unicodePath(raw)
  const name = unicode ?? Buffer.from(raw.fileNameRaw)
  const system = raw.versionMadeBy >> 8
  const unixMode = system === MADE_BY_UNIX || system === MADE_BY_OSX ? (raw.externalFileAttributes >>> 16) & 0xffff : 0
  const type = unixMode & S_IFMT
  const slash = name[name.length - 1] === 0x2f
  const isDir = type === S_IFDIR || slash || (type === 0 && (raw.externalFileAttributes & DOS_DIRECTORY) !== 0)
  const kind = type === S_IFLNK ? 'symlink' : isDir ? 'directory' : 'file'
  const trimmed = slash ? name.subarray(0, name.length - 1) : name
  const mtime = raw.getLastModDate()
  const aes = aesField(raw)
  return {
    name: trimmed,
    displayName: displayOf(trimmed, unicode ? FLAG_UTF8 : raw.generalPurposeBitFlag),
    kind,
    mode: unixMode ? unixMode & 0o7777 : null,
    size: raw.uncompressedSize,
    mtime: Number.isNaN(mtime.getTime()) ? null : mtime,
    aesKeyBytes: aes ? (AES_KEY_BYTES[aes.strength] ?? null) : null,
    raw,
  }
}

/** WinZip's AES field: AE-1 or AE-2, the key strength and the method inside the encryption. */
function aesField(raw: yauzl.Entry): { version: number; strength: number; method: number } | null {
  if (raw.compressionMethod !== AES_METHOD) return null
  const field = raw.extraFields.find((f) => f.id === AES_EXTRA_ID)
  if (!field || field.data.length < 7) return null
  return { version: field.data.readUInt16LE(0), strength: field.data[4]!, method: field.data.readUInt16LE(5) }
}

/** Methods and encryptions this tool does not read are refused by name, with a tool that reads them. */
function checkMethod(entry: ArchiveEntry): void {
  const raw = entry.raw
  const method = raw.compressionMethod
  if (method === AES_METHOD) {
    const aes = aesField(raw)
    if (!aes || entry.aesKeyBytes === null || (aes.version !== 1 && aes.version !== 2)) {
      throw new UnsupportedArchiveError(
        refused(`The backup's entry '${entry.displayName}' is AES-encrypted with a field this tool does not know`),
      )
    }
    if (aes.method !== 0 && aes.method !== 8) return unsupportedMethod(entry, aes.method)
    const overhead = entry.aesKeyBytes / 2 + 2 + AES_MAC_BYTES
    const storedSizeWrong = aes.method === 0 && raw.compressedSize - overhead !== raw.uncompressedSize
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
  if (method !== 0 && method !== 8) unsupportedMethod(entry, method)
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
    last.destroy(
      error instanceof CorruptArchiveError
        ? error
        : new CorruptArchiveError(`'${name}' cannot be read back (${error.message}): the backup is damaged.`),
    )
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
    if (this.crc >>> 0 === this.expected >>> 0) callback()
    else callback(new CorruptArchiveError(`'${this.name}' fails its CRC-32 check: the backup is damaged.`))
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
    return new CorruptArchiveError(`'${this.name}' does not inflate to its listed size: the backup is damaged.`)
  }
}

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
            ? new CorruptArchiveError(
                `'${this.name}' does not open with this archive password (its password check differs).`,
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
