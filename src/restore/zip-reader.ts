// Reads a backup zip back, through yauzl (a well-kept reader): first the whole central directory,
// checked for any entry that would land outside the target (absolute names, `..`, a path through a
// link entry) so that an unsafe zip is refused before anything is written; then each entry's data,
// inflated and checked against its CRC-32, or for AES entries (WinZip AE-2) against the password
// check and the authentication code, as restic's `check --read-data` reads every blob.
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createInflateRaw, crc32 } from 'node:zlib'
import yauzl from 'yauzl'
import { BackupError } from '../core/errors.js'
import { AES_METHOD, AesEntryReader, AesPasswordError } from '../zip/aes.js'

const S_IFMT = 0o170000
const S_IFLNK = 0o120000
const S_IFDIR = 0o040000

export interface ArchiveEntry {
  /** The name's bytes as stored (not always UTF-8), `/`-separated, without a trailing `/`. */
  name: Buffer
  /** For messages. */
  displayName: string
  kind: 'file' | 'directory' | 'symlink'
  /** Unix permission bits, when the zip has them. */
  mode: number | null
  size: number
  /** yauzl's entry, to read the data. */
  raw: yauzl.Entry
}

/** A zip that must not be restored: the message names the entry and why. */
export class UnsafeArchiveError extends BackupError {
  override name = 'UnsafeArchiveError'
}

/** A zip whose data does not match its own checksums (or a wrong archive password). */
export class CorruptArchiveError extends BackupError {
  override name = 'CorruptArchiveError'
}

export class OpenArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: ArchiveEntry[],
  ) {}

  /** Opens `file` and checks every name before any data is read. */
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
    const entries: ArchiveEntry[] = []
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: yauzl.Entry) => {
          entries.push(describe(entry))
          zip.readEntry()
        })
        zip.on('end', resolve)
        zip.on('error', reject)
        zip.readEntry()
      })
    } catch (error) {
      zip.close()
      throw new CorruptArchiveError(`The backup's central directory cannot be read (${(error as Error).message}).`)
    }
    try {
      checkNames(entries)
    } catch (error) {
      zip.close()
      throw error
    }
    return new OpenArchive(zip, entries)
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
    const encrypted = raw.compressionMethod === AES_METHOD
    const stream = await new Promise<Readable>((resolve, reject) =>
      // yauzl inflates method 8 itself; an AES entry (method 99) comes raw, to be opened here.
      this.zip.openReadStream(raw, (encrypted ? { decodeFileData: false } : {}) as never, (error, s) =>
        error ? reject(error) : resolve(s),
      ),
    )
    if (!encrypted) {
      if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
        throw new CorruptArchiveError(
          `'${entry.displayName}' uses compression method ${raw.compressionMethod}, which this tool does not read.`,
        )
      }
      return chain(entry.displayName, stream, new CrcCheck(raw.crc32, entry.displayName))
    }
    if (password === undefined || password === '') {
      stream.destroy()
      throw new CorruptArchiveError(
        `'${entry.displayName}' is encrypted (archive-password): set ONEFICHIER_ARCHIVE_PASSWORD to restore it.`,
      )
    }
    const method = aesMethod(raw)
    const decrypted = new AesCheck(password, entry.displayName)
    return method === 8
      ? chain(entry.displayName, stream, decrypted, createInflateRaw())
      : chain(entry.displayName, stream, decrypted)
  }
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

function describe(entry: yauzl.Entry): ArchiveEntry {
  const name = Buffer.from(entry.fileName as unknown as Buffer)
  const utf8 = (entry.generalPurposeBitFlag & 0x800) !== 0
  const displayName = utf8 ? name.toString('utf8') : name.toString('latin1')
  const unixMode = entry.versionMadeBy >> 8 === 3 ? (entry.externalFileAttributes >>> 16) & 0xffff : 0
  const type = unixMode & S_IFMT
  const isDir = type === S_IFDIR || name[name.length - 1] === 0x2f
  const kind = type === S_IFLNK ? 'symlink' : isDir ? 'directory' : 'file'
  const trimmed = isDir && name[name.length - 1] === 0x2f ? name.subarray(0, name.length - 1) : name
  return {
    name: trimmed,
    displayName: displayName.replace(/\/$/, ''),
    kind,
    mode: unixMode ? unixMode & 0o7777 : null,
    size: entry.uncompressedSize,
    raw: entry,
  }
}

/** Any entry that would land outside the target refuses the whole zip: nothing is written. */
function checkNames(entries: readonly ArchiveEntry[]): void {
  const links = new Set<string>()
  for (const entry of entries) if (entry.kind === 'symlink') links.add(entry.name.toString('latin1'))
  for (const entry of entries) {
    const why = unsafeName(entry.name)
    if (why)
      throw new UnsafeArchiveError(
        `The backup has an entry '${entry.displayName}' that ${why}; the zip is refused as a whole and nothing was ` +
          `written.`,
      )
    const segments = entry.name.toString('latin1').split('/')
    for (let i = 1; i < segments.length; i++) {
      if (links.has(segments.slice(0, i).join('/'))) {
        throw new UnsafeArchiveError(
          `The backup has an entry '${entry.displayName}' under '${segments.slice(0, i).join('/')}', which is a ` +
            `symbolic link in the zip: it could land outside the target. The zip is refused as a whole and nothing ` +
            `was written.`,
        )
      }
    }
  }
}

function unsafeName(name: Buffer): string | null {
  const text = name.toString('latin1')
  if (text === '') return 'has an empty name'
  if (text.includes('\0')) return 'has a NUL byte in its name'
  if (text.startsWith('/') || /^[A-Za-z]:/.test(text)) return 'is an absolute path'
  if (text.includes('\\')) return 'has a backslash in its name (a Windows path)'
  const segments = text.split('/')
  if (segments.some((s) => s === '..')) return "goes up with '..'"
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or "." path segment'
  return null
}

/** The compression method inside an AES entry, from its 0x9901 extra field. */
function aesMethod(entry: yauzl.Entry): number {
  const field = entry.extraFields.find((f) => f.id === 0x9901)
  if (!field || field.data.length < 7)
    throw new CorruptArchiveError('An encrypted entry has no AES extra field (0x9901).')
  return field.data.readUInt16LE(5)
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

/** WinZip AE-2: decrypted as it streams; a wrong password or authentication code fails it. */
class AesCheck extends Transform {
  private readonly reader: AesEntryReader

  constructor(
    password: string,
    private readonly name: string,
  ) {
    super()
    this.reader = new AesEntryReader(password)
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
