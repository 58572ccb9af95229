// Small files as a restore writes them: created exclusively, never through a link, their mode and
// time set on the open file after the data, in synchronous calls (for 100,000 files a trip through
// the thread pool per call cost more than the calls). On the archive worker, the files go to the
// parent thread in batches (BatchedFileWriter): the parent is idle while the worker inflates and
// checks, and creating the files was half of a 100,000-file restore's time (3.5 s of open(2) alone),
// so the two now overlap on two cores.
import { closeSync, constants, fchmodSync, futimesSync, openSync, writeSync } from 'node:fs'
import { Unanswered } from './unanswered.js'

export const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW

/** One small file (`content` from `start` to `end`): `where` must not exist (never opened through a link). */
export function writeWholeFile(
  content: Uint8Array,
  where: Buffer,
  mode: number,
  mtime: number | null,
  start = 0,
  end = content.length,
): void {
  const fd = openSync(where, CREATE_NEW, 0o600)
  try {
    for (let at = start; at < end;) at += writeSync(fd, content, at, end - at)
    fchmodSync(fd, mode)
    if (mtime !== null) futimesSync(fd, mtime, mtime)
  } finally {
    closeSync(fd)
  }
}

/** A batch on the wire: paths and contents packed in one buffer, five numbers per file. */
export interface WriteBatch {
  kind: 'write'
  id: number
  bytes: ArrayBuffer
  /** Per file: path start, path end (= data start), data end, mode, mtime (NaN: none). */
  fields: Float64Array
}

/**
 * The parent's answer: the batch written, or the first failure (the files after it were not written),
 * with the batch's buffer handed back to be filled again (new buffers piled up as external memory that
 * neither thread's collector saw soon: +30-50 MB).
 */
export interface WriteAck {
  kind: 'written'
  id: number
  bytes: ArrayBuffer
  failure?: { code: string | undefined; message: string; path: string | undefined }
}

const FIELDS = 5

/** The parent's side: the batch's files in order, stopping at the first failure. */
export function writeBatch(batch: WriteBatch): WriteAck {
  // Views of the batch's one buffer, no copies.
  const bytes = Buffer.from(batch.bytes)
  const { fields } = batch
  for (let at = 0; at < fields.length; at += FIELDS) {
    // One view per file (its path): the content is written from the batch's buffer by offset.
    const where = bytes.subarray(fields[at], fields[at + 1])
    const mtime = fields[at + 4]!
    try {
      writeWholeFile(bytes, where, fields[at + 3]!, Number.isNaN(mtime) ? null : mtime, fields[at + 1], fields[at + 2])
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException
      return { kind: 'written', id: batch.id, bytes: batch.bytes, failure: { code, message, path: where.toString() } }
    }
  }
  return { kind: 'written', id: batch.id, bytes: batch.bytes }
}

/** A batch closes at this many bytes or files. */
const BATCH_BYTES = 1 << 20
const BATCH_FILES = 256
/** Batches sent and not yet answered, at most: bounds the memory they hold. */
const MAX_IN_FLIGHT = 3

/** The worker's side: files gathered into batches for the parent, at most a few batches ahead of it. */
export class BatchedFileWriter {
  private buffer = new Uint8Array(BATCH_BYTES)
  /** Buffers handed back by the parent, to be filled again. */
  private readonly spare: ArrayBuffer[] = []
  private used = 0
  private fields: number[] = []
  private readonly unanswered = new Unanswered(MAX_IN_FLIGHT)
  private failure: NodeJS.ErrnoException | null = null

  constructor(private readonly send: (batch: WriteBatch, transfer: ArrayBuffer[]) => void) {}

  /** Too many batches unanswered: await room() before adding more. */
  get full(): boolean {
    return this.unanswered.full
  }

  /** The file joins the open batch (its bytes are copied: `content` may be a reused buffer). */
  add(content: Uint8Array, where: Uint8Array, mode: number, mtime: number | null): void {
    this.throwIfFailed()
    const length = where.length + content.length
    if (this.used + length > this.buffer.length || this.fields.length >= BATCH_FILES * FIELDS) this.flush(length)
    this.buffer.set(where, this.used)
    this.buffer.set(content, this.used + where.length)
    this.fields.push(this.used, this.used + where.length, this.used + length, mode, mtime ?? NaN)
    this.used += length
  }

  /** Waits until fewer batches are unanswered; throws the parent's failure, if any. */
  async room(): Promise<void> {
    await this.unanswered.room()
    this.throwIfFailed()
  }

  /** Every file added is written (or the first failure thrown). */
  async drain(): Promise<void> {
    this.flush(0)
    await this.unanswered.settle()
    this.throwIfFailed()
  }

  /** Waits for every batch sent, whatever their outcome: nothing is being written after this. */
  async settle(): Promise<void> {
    await this.unanswered.settle()
  }

  /** The parent's answer to a batch. */
  acknowledge(ack: WriteAck): void {
    if (ack.failure && !this.failure) {
      const { code, message, path } = ack.failure
      this.failure = Object.assign(new Error(message), { code, path })
    }
    if (ack.bytes.byteLength >= BATCH_BYTES) this.spare.push(ack.bytes)
    this.unanswered.answered(ack.id)
  }

  /** Sends the open batch; the next one gets a buffer with room for at least `next` bytes. */
  private flush(next: number): void {
    if (this.fields.length > 0) {
      const id = this.unanswered.sent()
      const bytes = this.buffer.buffer
      this.send({ kind: 'write', id, bytes, fields: Float64Array.from(this.fields) }, [bytes])
      const spare = this.spare.pop()
      this.buffer = new Uint8Array(spare ?? new ArrayBuffer(BATCH_BYTES))
    }
    if (next > this.buffer.length) this.buffer = new Uint8Array(next)
    this.used = 0
    this.fields = []
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure
  }
}
