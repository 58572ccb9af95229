// Proof before prune: the finished zip read back as a reader would, in the same pass that hashes
// it for SHA-256 and Whirlpool (digest.ts feeds it every byte in order). The central directory is
// read first from the end of the file (a small positioned read); then each entry's local header is
// compared with it, its data inflated and its CRC-32 checked (for AES entries, the authentication
// code), its data descriptor compared, and the entries must tile the file up to the directory.
// A writer bug then fails the run before retention can delete an older, good backup.
import { closeSync, openSync } from 'node:fs'
import { createInflateRaw, crc32, type InflateRaw } from 'node:zlib'
import { once } from 'node:events'
import { AesEntryReader } from './aes.js'
import { WholeInflater, inflatesWhole } from './inflate.js'
import {
  AES_METHOD,
  CENTRAL_HEADER_SIGNATURE,
  DATA_DESCRIPTOR_SIGNATURE,
  END_LENGTH,
  END_SIGNATURE,
  LOCAL_HEADER_LENGTH,
  LOCAL_HEADER_SIGNATURE,
  METHOD_DEFLATED,
  METHOD_STORED,
  ZIP64_END_SIGNATURE,
  ZIP64_EXTRA_ID,
  ZIP64_LOCATOR_LENGTH,
  ZIP64_LOCATOR_SIGNATURE,
} from './format.js'
import { readFully } from './read-fully.js'

/** The zip does not read back as written. */
export class ZipCheckError extends Error {
  override name = 'ZipCheckError'
}

interface CentralEntry {
  name: Buffer
  method: number
  flags: number
  crc: number
  compressedSize: number
  uncompressedSize: number
  offset: number
}

const EOCD = END_SIGNATURE
const ZIP64_LOCATOR = ZIP64_LOCATOR_SIGNATURE
const ZIP64_EOCD = ZIP64_END_SIGNATURE
const CENTRAL = CENTRAL_HEADER_SIGNATURE
const LOCAL = LOCAL_HEADER_SIGNATURE
const DESCRIPTOR = DATA_DESCRIPTOR_SIGNATURE

/** The central directory's entries, asked for in file order (0, 1, 2...). */
interface Directory {
  readonly count: number
  entry(i: number): CentralEntry
}

/**
 * The central directory as the bytes it was read as, with each record's place in them, in the
 * order of the entries in the file: for a directory whose records are not in that order (another
 * writer's; ours writes them in order).
 */
class SortedDirectory implements Directory {
  constructor(
    private readonly cd: Buffer,
    /** Where each record starts in `cd`, in file order. */
    private readonly records: Float64Array,
  ) {}

  get count(): number {
    return this.records.length
  }

  entry(i: number): CentralEntry {
    return parseRecord(this.cd, this.records[i]!)
  }
}

/** Records are read from the file in windows of this size. */
const WINDOW = 1 << 20

/**
 * A directory in file order, read a window at a time as the entries come (the file is opened for
 * each window, so nothing stays open if the read stops): memory does not grow with the number of
 * entries (100,000 of them are 8.5 MB of records).
 */
class WindowedDirectory implements Directory {
  private window = Buffer.alloc(0)
  /** Where the window starts, from the directory's start. */
  private windowAt = 0
  /** The next record, from the directory's start. */
  private at = 0
  private nextIndex = 0

  constructor(
    private readonly file: string,
    private readonly offset: number,
    private readonly size: number,
    readonly count: number,
  ) {}

  /** The directory's bytes read so far. */
  get consumed(): number {
    return this.at
  }

  entry(i: number): CentralEntry {
    if (i !== this.nextIndex) throw new Error('the directory is read in order')
    const record = this.record()
    if (record.readUInt32LE(0) !== CENTRAL) throw new ZipCheckError(`central record ${i + 1} is damaged`)
    this.nextIndex++
    this.at += record.length
    const entry = parseRecord(record, 0)
    // The name outlives the window it was read in.
    entry.name = Buffer.from(entry.name)
    return entry
  }

  /** The next record's bytes (the window is moved on, or grown for a long record, when it ends inside it). */
  private record(): Buffer {
    let p = this.at - this.windowAt
    if (p + 46 > this.window.length) p = this.load(46)
    const length = recordLength(this.window, p)
    if (p + length > this.window.length) p = this.load(length)
    return this.window.subarray(p, p + length)
  }

  private load(needed: number): number {
    const length = Math.min(Math.max(WINDOW, needed), this.size - this.at)
    if (length < needed) throw new ZipCheckError('the central directory ends inside a record')
    if (this.window.length < length) this.window = Buffer.alloc(Math.max(WINDOW, length))
    readInto(this.file, this.window.subarray(0, length), this.offset + this.at)
    this.window = this.window.subarray(0, length)
    this.windowAt = this.at
    return 0
  }
}

/**
 * `into` filled from `position` of the file, opened for this read only (this runs on the checksum
 * thread, where a short synchronous read blocks nothing else).
 */
function readInto(file: string, into: Buffer, position: number): Buffer {
  const fd = openSync(file, 'r')
  try {
    if (!readFully(fd, into, position)) throw new ZipCheckError('the zip is shorter than its own directory says')
    return into
  } finally {
    closeSync(fd)
  }
}

function recordLength(cd: Buffer, p: number): number {
  return 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32)
}

function parseRecord(cd: Buffer, p: number): CentralEntry {
  const nameLength = cd.readUInt16LE(p + 28)
  const extraLength = cd.readUInt16LE(p + 30)
  const entry: CentralEntry = {
    name: cd.subarray(p + 46, p + 46 + nameLength),
    flags: cd.readUInt16LE(p + 8),
    method: cd.readUInt16LE(p + 10),
    crc: cd.readUInt32LE(p + 16),
    compressedSize: cd.readUInt32LE(p + 20),
    uncompressedSize: cd.readUInt32LE(p + 24),
    offset: cd.readUInt32LE(p + 42),
  }
  applyZip64(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength))
  return entry
}

/** Where the directory is, by the end records (zip64's when there are). */
function findDirectory(file: string, size: number): { count: number; cdOffset: number; cdSize: number } {
  const tailLength = Math.min(size, END_LENGTH + 0xffff)
  const tail = readInto(file, Buffer.alloc(tailLength), size - tailLength)
  let at = tail.length - END_LENGTH
  while (at >= 0 && tail.readUInt32LE(at) !== EOCD) at--
  if (at < 0) throw new ZipCheckError('no end of central directory record')
  let count = tail.readUInt16LE(at + 10)
  let cdSize = tail.readUInt32LE(at + 12)
  let cdOffset = tail.readUInt32LE(at + 16)
  if (at >= ZIP64_LOCATOR_LENGTH && tail.readUInt32LE(at - ZIP64_LOCATOR_LENGTH) === ZIP64_LOCATOR) {
    const record = readInto(file, Buffer.alloc(56), Number(tail.readBigUInt64LE(at - ZIP64_LOCATOR_LENGTH + 8)))
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipCheckError('the zip64 end record is missing')
    count = Number(record.readBigUInt64LE(32))
    cdSize = Number(record.readBigUInt64LE(40))
    cdOffset = Number(record.readBigUInt64LE(48))
  }
  if (cdOffset + cdSize > size) throw new ZipCheckError('the central directory lies past the end of the zip')
  return { count, cdOffset, cdSize }
}

/**
 * The directory, checked whole before any entry is (every record sound, no bytes after the last):
 * a zip whose directory does not read is no backup. Read through once in windows; kept in memory
 * only when its records are not in file order.
 */
function readCentralDirectory(file: string, size: number): { directory: Directory; offset: number } {
  const { count, cdOffset, cdSize } = findDirectory(file, size)
  const check = new WindowedDirectory(file, cdOffset, cdSize, count)
  let inOrder = true
  let previous = -1
  for (let i = 0; i < count; i++) {
    let entry: CentralEntry
    try {
      entry = check.entry(i)
    } catch (error) {
      throw error instanceof ZipCheckError || error instanceof RangeError
        ? new ZipCheckError(`central record ${i + 1} is damaged`)
        : error
    }
    inOrder &&= entry.offset >= previous
    previous = entry.offset
  }
  if (check.consumed !== cdSize) throw new ZipCheckError('the central directory holds more than its entries')
  const directory = inOrder
    ? new WindowedDirectory(file, cdOffset, cdSize, count)
    : sortedDirectory(file, cdOffset, cdSize, count)
  return { directory, offset: cdOffset }
}

/** The whole directory in memory, its records sorted by their entries' offsets. */
function sortedDirectory(file: string, cdOffset: number, cdSize: number, count: number): Directory {
  const cd = readInto(file, Buffer.alloc(cdSize), cdOffset)
  const records = new Float64Array(count)
  const offsets = new Float64Array(count)
  for (let i = 0, p = 0; i < count; p += recordLength(cd, p), i++) {
    records[i] = p
    offsets[i] = parseRecord(cd, p).offset
  }
  const order = Array.from(offsets.keys()).sort((a, b) => offsets[a]! - offsets[b]!)
  return new SortedDirectory(
    cd,
    Float64Array.from(order, (i) => records[i]!),
  )
}

function applyZip64(entry: CentralEntry, extra: Buffer): void {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p)
    const length = extra.readUInt16LE(p + 2)
    if (id === ZIP64_EXTRA_ID) {
      let q = p + 4
      const take = () => {
        const value = Number(extra.readBigUInt64LE(q))
        q += 8
        return value
      }
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take()
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take()
      if (entry.offset === 0xffffffff) entry.offset = take()
    }
    p += 4 + length
  }
}

function hasZip64Field(extra: Buffer): boolean {
  for (let p = 0; p + 4 <= extra.length; p += 4 + extra.readUInt16LE(p + 2))
    if (extra.readUInt16LE(p) === ZIP64_EXTRA_ID) return true
  return false
}

/** One entry's data being checked as its bytes arrive. */
interface DataCheck {
  /** A piece of the entry's stored bytes: a view of a buffer that digest.ts reads into again once this resolves. */
  write(chunk: Buffer): Promise<void>
  /** Resolves with the CRC-32 of the content (0 for AES entries, whose code is checked instead). */
  end(): Promise<number>
}

export class ZipReadBack {
  private position = 0
  private index = 0
  private header: Buffer[] = []
  private state: 'header' | 'data' | 'descriptor' | 'directory' = 'header'
  private left = 0
  private check: DataCheck | undefined
  private descriptor: Buffer[] = []
  private crc = 0
  private readonly inflater = new WholeInflater()
  private failure: ZipCheckError | undefined
  /** Entries whose local header carries a zip64 field: their data descriptor has 8-byte sizes. */
  private wideDescriptor = false
  /** The entry being read (parsed from the directory when its turn comes). */
  private current: CentralEntry | undefined

  private constructor(
    private readonly directory: Directory,
    private readonly directoryOffset: number,
    private readonly password: string | undefined,
  ) {
    if (directory.count === 0 && directoryOffset !== 0) this.fail('the zip has data but no entries')
    if (directory.count === 0) this.state = 'directory'
    else {
      this.current = directory.entry(0)
      if (this.current.offset !== 0) this.fail('the first entry does not start the file')
    }
  }

  static async open(file: string, size: number, password?: string): Promise<ZipReadBack> {
    const { directory, offset } = readCentralDirectory(file, size)
    return new ZipReadBack(directory, offset, password)
  }

  /** How many entries were checked (for the log). */
  get checked(): number {
    return this.index
  }

  private fail(message: string): void {
    this.failure ??= new ZipCheckError(message)
  }

  private get entry(): CentralEntry {
    return this.current!
  }

  /** The next bytes of the file, in order. */
  async feed(chunk: Buffer): Promise<void> {
    let at = 0
    while (at < chunk.length && !this.failure) {
      if (this.state === 'directory') {
        this.position += chunk.length - at
        return
      }
      if (this.state === 'header') at += this.takeHeader(chunk.subarray(at))
      else if (this.state === 'data') {
        const piece = chunk.subarray(at, at + Math.min(this.left, chunk.length - at))
        this.left -= piece.length
        at += piece.length
        this.position += piece.length
        try {
          await this.check!.write(piece)
        } catch (error) {
          this.fail(`entry '${this.entry.name.toString()}' does not read back: ${(error as Error).message}`)
          return
        }
        if (this.left === 0) await this.endData()
      } else at += this.takeDescriptor(chunk.subarray(at))
    }
  }

  /** Throws when anything did not read back. */
  async finish(): Promise<void> {
    if (!this.failure && this.state !== 'directory')
      this.fail(`the zip ends inside entry '${this.entry.name.toString()}'`)
    if (this.failure) throw this.failure
  }

  private takeHeader(data: Buffer): number {
    const entry = this.entry
    if (this.position !== entry.offset) {
      this.fail(
        `entry '${entry.name.toString()}' starts at byte ${entry.offset}, but the one before ends at ${this.position}`,
      )
      return data.length
    }
    // Most headers lie whole inside one read: no copy at all.
    if (
      this.header.length === 0 &&
      data.length >= LOCAL_HEADER_LENGTH &&
      data.length >= LOCAL_HEADER_LENGTH + data.readUInt16LE(26) + data.readUInt16LE(28)
    ) {
      return this.headerRead(entry, data.subarray(0, 30 + data.readUInt16LE(26) + data.readUInt16LE(28)))
    }
    // Only the header's own bytes are gathered (a chunk holds many entries: never copy the rest).
    const had = this.header.reduce((n, b) => n + b.length, 0)
    const known =
      had + data.length >= LOCAL_HEADER_LENGTH
        ? Buffer.concat([...this.header, data.subarray(0, Math.max(0, LOCAL_HEADER_LENGTH - had))])
        : null
    const length = known ? 30 + known.readUInt16LE(26) + known.readUInt16LE(28) : Infinity
    if (had + data.length < length) {
      this.header.push(Buffer.from(data))
      return data.length
    }
    const used = length - had
    const all = Buffer.concat([...this.header, data.subarray(0, used)])
    this.header = []
    this.headerRead(entry, all)
    return used
  }

  /** A whole local header: compared with the directory; the entry's data comes next. */
  private headerRead(entry: CentralEntry, all: Buffer): number {
    const length = all.length
    this.position += length
    if (all.readUInt32LE(0) !== LOCAL)
      this.fail(`entry '${entry.name.toString()}' has no local header where the directory says`)
    else if (!all.subarray(30, 30 + all.readUInt16LE(26)).equals(entry.name))
      this.fail(
        `the local header at byte ${entry.offset} names another file than the directory ('${entry.name.toString()}')`,
      )
    else if (all.readUInt16LE(8) !== entry.method)
      this.fail(`entry '${entry.name.toString()}' has another compression method in its local header`)
    this.wideDescriptor = hasZip64Field(all.subarray(30 + all.readUInt16LE(26), length))
    this.check = this.startData(entry)
    this.left = entry.compressedSize
    this.state = 'data'
    return length
  }

  private startData(entry: CentralEntry): DataCheck {
    if (entry.method === AES_METHOD) return aesCheck(entry, this.password)
    if (entry.method === METHOD_STORED) {
      let crc = 0
      return { write: async (chunk) => void (crc = crc32(chunk, crc)), end: async () => crc >>> 0 }
    }
    if (entry.method === METHOD_DEFLATED)
      return inflatesWhole(entry.compressedSize, entry.uncompressedSize)
        ? inflateOnce(entry, this.inflater)
        : inflateStreaming(entry)
    this.fail(`entry '${entry.name.toString()}' uses compression method ${entry.method}`)
    return { write: async () => undefined, end: async () => 0 }
  }

  private async endData(): Promise<void> {
    const entry = this.entry
    try {
      this.crc = await this.check!.end()
    } catch (error) {
      this.fail(`entry '${entry.name.toString()}' does not read back: ${(error as Error).message}`)
      return
    }
    this.check = undefined
    if (entry.method !== AES_METHOD && this.crc !== entry.crc >>> 0) {
      this.fail(
        `entry '${entry.name.toString()}' fails its CRC-32 check (the directory says ${entry.crc.toString(16)}, its ` +
          `data gives ${this.crc.toString(16)})`,
      )
      return
    }
    if (entry.flags & 0x8) this.state = 'descriptor'
    else this.next()
  }

  private takeDescriptor(data: Buffer): number {
    const entry = this.entry
    const wide = this.wideDescriptor
    // At most 24 bytes of it are needed: never copy the rest of the chunk.
    const had = this.descriptor.reduce((n, b) => n + b.length, 0)
    const all = had === 0 ? data.subarray(0, 24) : Buffer.concat([...this.descriptor, data.subarray(0, 24 - had)])
    const signed = all.length >= 4 && all.readUInt32LE(0) === DESCRIPTOR
    const length = (signed ? 4 : 0) + 4 + (wide ? 16 : 8)
    if (all.length < length) {
      this.descriptor.push(Buffer.from(data.subarray(0, 24 - had)))
      return data.length
    }
    const used = length - had
    this.descriptor = []
    this.position += length
    const base = signed ? 4 : 0
    const crc = all.readUInt32LE(base)
    const compressed = wide ? Number(all.readBigUInt64LE(base + 4)) : all.readUInt32LE(base + 4)
    const uncompressed = wide ? Number(all.readBigUInt64LE(base + 12)) : all.readUInt32LE(base + 8)
    if (crc !== entry.crc >>> 0 || compressed !== entry.compressedSize || uncompressed !== entry.uncompressedSize) {
      this.fail(`entry '${entry.name.toString()}' has a data descriptor that differs from the directory`)
    }
    this.next()
    return used
  }

  private next(): void {
    this.index++
    if (this.index < this.directory.count) {
      this.current = this.directory.entry(this.index)
      this.state = 'header'
      return
    }
    this.state = 'directory'
    if (this.position !== this.directoryOffset)
      this.fail(`the entries end at byte ${this.position}, the central directory starts at ${this.directoryOffset}`)
  }
}

/**
 * A small deflated entry, inflated in one call: from the piece that holds it whole, else from its
 * pieces gathered in the inflater's reused buffer (no new buffer per entry).
 */
function inflateOnce(entry: CentralEntry, inflater: WholeInflater): DataCheck {
  let whole: Buffer | null = null
  let gathered = 0
  return {
    write: async (piece) => {
      if (piece.length === entry.compressedSize) whole = piece
      else {
        piece.copy(inflater.input(entry.compressedSize), gathered)
        gathered += piece.length
      }
    },
    end: async () => {
      const deflated = whole ?? inflater.input(entry.compressedSize).subarray(0, gathered)
      const out = inflater.inflate(deflated, entry.uncompressedSize)
      if (out.length !== entry.uncompressedSize)
        throw new Error(`it inflates to ${out.length} bytes, not ${entry.uncompressedSize}`)
      return crc32(out) >>> 0
    },
  }
}

/** A large deflated entry: through a stream, in the thread pool. */
function inflateStreaming(entry: CentralEntry): DataCheck {
  const inflate: InflateRaw = createInflateRaw()
  let crc = 0
  let length = 0
  let error: Error | undefined
  inflate.on('data', (out: Buffer) => {
    crc = crc32(out, crc)
    length += out.length
  })
  inflate.on('error', (e) => (error = e))
  return {
    // Resolves once zlib has taken the chunk in: its memory is then free again.
    write: (chunk) =>
      new Promise<void>((resolve, reject) => {
        if (error) {
          reject(error)
          return
        }
        inflate.write(chunk, (e) => (e ? reject(e) : resolve()))
      }),
    end: async () => {
      if (error) throw error
      inflate.end()
      await once(inflate, 'end')
      if (length !== entry.uncompressedSize)
        throw new Error(`it inflates to ${length} bytes, not ${entry.uncompressedSize}`)
      return crc >>> 0
    },
  }
}

/** An AES entry: the password check, then the authentication code over its ciphertext. */
function aesCheck(entry: CentralEntry, password: string | undefined): DataCheck {
  const reader = password === undefined ? undefined : new AesEntryReader(password)
  return {
    write: async (chunk) => {
      if (!reader) throw new Error(`'${entry.name.toString()}' is encrypted and no password was given`)
      await reader.read(chunk)
    },
    end: async () => {
      const problem = reader ? reader.finish() : 'no password was given'
      if (problem) throw new Error(`its AES data is not sound (${problem})`)
      return 0
    },
  }
}
