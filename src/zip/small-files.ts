// Small files are read, deflated and CRC'd in batches on worker threads: for a file of a few KiB,
// the work (about 30 us) is less than a trip through libuv's pool, and one thread alone is the
// bottleneck with 100,000 of them. Each worker runs plain synchronous code over a batch and hands
// the results back; the zip writer keeps the order. The first 1,024 files are done in this thread,
// so a backup with few small files starts no worker.
import * as fs from 'node:fs'
import { availableParallelism } from 'node:os'
import * as zlib from 'node:zlib'
import { Worker } from 'node:worker_threads'
import { freeNow } from '../memory.js'

export interface SmallFile {
  /** Bytes for a name that is not valid UTF-8. */
  path: string | Buffer
  /** The size when it was listed: at most this many bytes are read. */
  size: number
  store: boolean
}

export interface SmallFileResult {
  /** The file's bytes, only when asked for (skip-unchanged's fingerprint needs them). */
  raw: Buffer | undefined
  /** Deflated (or stored) data, ready for the zip. */
  out: Buffer
  crc: number
  size: number
  /** The file was not the listed size when read (it grew or shrank): it holds what was read, up to that size. */
  changed: boolean
}

/** A batch's results as the worker sends them: outputs (and raws) packed, one slot per file. */
interface WireBatch {
  id: number
  out: Uint8Array
  raw: Uint8Array | null
  outLengths: Float64Array
  sizes: Float64Array
  crcs: Float64Array
  /** 1 where the file's size was not the listed one. */
  changed: Uint8Array
  errors: Array<{ message: string; code: string | undefined } | null>
}

function unpack(batch: WireBatch): Array<SmallFileResult | Error> {
  const out = asBuffer(batch.out)
  const raw = batch.raw ? asBuffer(batch.raw) : undefined
  let outAt = 0
  let rawAt = 0
  return batch.errors.map((error, i) => {
    if (error !== null) return Object.assign(new Error(error.message), { code: error.code })
    const size = batch.sizes[i]!
    const length = batch.outLengths[i]!
    const result = {
      out: out.subarray(outAt, outAt + length),
      raw: raw?.subarray(rawAt, rawAt + size),
      crc: batch.crcs[i]!,
      size,
      changed: batch.changed[i] === 1,
    }
    outAt += length
    rawAt += size
    return result
  })
}

/** What a thread keeps from one batch to the next, so that a file costs no allocation of its own. */
interface Scratch {
  /** One file's bytes (these files are small). */
  read: Buffer
  /** The batch's outputs, then (when kept) its raw bytes, end to end before they are copied out. */
  out: Buffer
  raw: Buffer
  /** One deflate stream, reset for each file: a fresh one costs a stream object and ~270 KB of zlib state. */
  deflate: import('node:zlib').DeflateRaw | undefined
  level: number
}

function newScratch(): Scratch {
  return {
    read: Buffer.allocUnsafeSlow(64 * 1024),
    out: Buffer.allocUnsafeSlow(256 * 1024),
    raw: Buffer.allocUnsafeSlow(0),
    deflate: undefined,
    level: -1,
  }
}

/**
 * Reads, deflates and CRCs one batch; outputs (and raws) packed into one buffer each. It runs on a
 * worker thread, from its own source text (the bundle has no separate worker file), or in this
 * thread for the first few files: so it must stay self-contained, with Node's modules passed in.
 */
function processBatch(
  files: SmallFile[],
  level: number,
  keepRaw: boolean,
  fs: typeof import('node:fs'),
  zlib: typeof import('node:zlib'),
  scratch: Scratch,
): Omit<WireBatch, 'id'> {
  // One byte more than listed is asked for: getting it means the file grew (it is cut at the size).
  const readSmall = (file: string | Uint8Array, size: number): { raw: Buffer; changed: boolean } => {
    if (scratch.read.length < size + 1) scratch.read = Buffer.allocUnsafeSlow(size + 1)
    const fd = fs.openSync(file as string, 'r')
    try {
      let read = 0
      let n = 0
      while (read <= size && (n = fs.readSync(fd, scratch.read, read, size + 1 - read, read)) > 0) read += n
      return { raw: scratch.read.subarray(0, Math.min(read, size)), changed: read !== size }
    } finally {
      fs.closeSync(fd)
    }
  }
  // Room for `more` bytes after `used` in scratch[key], which grows (doubling) when short.
  const reserve = (key: 'out' | 'raw', used: number, more: number): Buffer => {
    const buffer = scratch[key]
    if (buffer.length - used >= more) return buffer
    const grown = Buffer.allocUnsafeSlow(Math.max(used + more, 2 * buffer.length))
    buffer.copy(grown, 0, 0, used)
    scratch[key] = grown
    return grown
  }
  // Deflates `raw` into scratch.out at `at`, through the one reused stream's native handle (what
  // zlib.deflateRawSync does, less its per-call stream, state and 16 KiB output buffer). Without
  // that handle (another Node), deflateRawSync and a copy.
  const deflateInto = (raw: Buffer, at: number): number => {
    if (!scratch.deflate || scratch.level !== level) {
      scratch.deflate?.close()
      scratch.deflate = zlib.createDeflateRaw({ level })
      // A zlib error destroys the stream (checked below); the event itself is not needed.
      scratch.deflate.on('error', () => {})
      scratch.level = level
    }
    const engine = scratch.deflate as unknown as {
      _handle?: {
        writeSync?: (
          flush: number,
          input: Buffer,
          inOff: number,
          inLen: number,
          out: Buffer,
          outOff: number,
          outLen: number,
        ) => void
      }
      _writeState?: Uint32Array
      reset: () => void
      destroyed: boolean
    }
    const handle = engine._handle
    const state = engine._writeState
    if (typeof handle?.writeSync !== 'function' || !(state instanceof Uint32Array)) {
      const out = zlib.deflateRawSync(raw, { level })
      out.copy(reserve('out', at, out.length), at)
      return out.length
    }
    engine.reset()
    let written = 0
    let inOff = 0
    let inLen = raw.length
    for (;;) {
      const out = reserve('out', at + written, Math.max(1024, inLen + (inLen >>> 3) + 64))
      const room = out.length - (at + written)
      handle.writeSync(zlib.constants.Z_FINISH, raw, inOff, inLen, out, at + written, room)
      if (engine.destroyed) {
        scratch.deflate = undefined
        throw new Error('zlib failed to deflate it')
      }
      const roomAfter = state[0]!
      const inAfter = state[1]!
      written += room - roomAfter
      inOff += inLen - inAfter
      inLen = inAfter
      // Output space left over means the stream is finished (as in Node's own sync loop).
      if (roomAfter !== 0) return written
    }
  }
  const n = files.length
  const outLengths = new Float64Array(n)
  const sizes = new Float64Array(n)
  const crcs = new Float64Array(n)
  const changed = new Uint8Array(n)
  const errors: WireBatch['errors'] = new Array(n).fill(null)
  let outAt = 0
  let rawAt = 0
  for (let i = 0; i < n; i++) {
    const f = files[i]!
    try {
      const { raw, changed: sizeChanged } = readSmall(f.path, f.size)
      const length = f.store ? raw.copy(reserve('out', outAt, raw.length), outAt) : deflateInto(raw, outAt)
      const crc = zlib.crc32(raw)
      if (keepRaw) raw.copy(reserve('raw', rawAt, raw.length), rawAt)
      // Taken only once everything went well: a file that failed leaves no bytes in the batch.
      outAt += length
      rawAt += keepRaw ? raw.length : 0
      outLengths[i] = length
      sizes[i] = raw.length
      crcs[i] = crc
      changed[i] = sizeChanged ? 1 : 0
    } catch (error) {
      errors[i] = {
        message: error instanceof Error ? error.message : String(error),
        code: (error as { code?: string }).code,
      }
    }
  }
  // Exact-size copies leave the thread; the scratch buffers stay for the next batch.
  const take = (from: Buffer, length: number) => {
    const copy = Buffer.allocUnsafeSlow(length)
    from.copy(copy, 0, 0, length)
    return copy
  }
  return {
    out: take(scratch.out, outAt),
    raw: keepRaw ? take(scratch.raw, rawAt) : null,
    outLengths,
    sizes,
    crcs,
    changed,
    errors,
  }
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const processBatch = ${processBatch.toString()}
const scratch = (${newScratch.toString()})()
parentPort.on('message', ({ id, files, level, keepRaw }) => {
  const batch = processBatch(files, level, keepRaw, require('node:fs'), require('node:zlib'), scratch)
  const transfer = [batch.out.buffer, batch.outLengths.buffer, batch.sizes.buffer, batch.crcs.buffer]
  transfer.push(batch.changed.buffer)
  if (batch.raw) transfer.push(batch.raw.buffer)
  parentPort.postMessage({ id, ...batch }, transfer)
})
`

/**
 * One worker per core but one, at most four: this thread is itself a core's work (walking the
 * tree, writing the zip, hashing it). On 2 cores a second worker made it no faster and cost memory.
 */
function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4))
}

/** Up to this many small files are done in this thread: a worker costs ~10 MB and a start-up. */
const IN_THREAD_FILES = 1024

const asBuffer = (u8: Uint8Array) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength)

/** Frees a batch's packed outputs (and raws) once the zip has written all of them. */
export function freeSmallFileResults(results: Array<SmallFileResult | Error>): void {
  for (const result of results) {
    if (result instanceof Error) continue
    freeNow(result.out)
    if (result.raw) freeNow(result.raw)
  }
}

interface Pending {
  resolve: (results: Array<SmallFileResult | Error>) => void
  reject: (error: Error) => void
}

class BatchWorker {
  private readonly worker: Worker
  readonly pending = new Map<number, Pending>()
  private failed: Error | null = null

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // It needs nothing from the environment (which holds the key as INPUT_API-KEY).
      env: {},
      // Small heaps, collected often: each worker's garbage is part of the run's peak memory.
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
    })
    this.worker.unref()
    this.worker.on('message', (batch: WireBatch) => {
      const waiting = this.pending.get(batch.id)
      this.pending.delete(batch.id)
      waiting?.resolve(unpack(batch))
    })
    const fail = (error: Error) => {
      this.failed = error
      for (const waiting of this.pending.values()) waiting.reject(error)
      this.pending.clear()
    }
    this.worker.on('error', fail)
    this.worker.on('exit', (code) => fail(new Error(`a zip worker thread stopped (exit code ${code})`)))
  }

  run(id: number, files: SmallFile[], level: number, keepRaw: boolean): Promise<Array<SmallFileResult | Error>> {
    if (this.failed) return Promise.reject(this.failed)
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ id, files, level, keepRaw })
    })
  }

  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit')
    await this.worker.terminate()
  }
}

export class SmallFilePool {
  private readonly workers: BatchWorker[] = []
  private nextId = 0

  constructor(
    private readonly level: number,
    private readonly keepRaw: boolean,
    private readonly size = defaultWorkerCount(),
  ) {}

  private inThread = 0
  private readonly scratch = newScratch()

  /** Runs a batch on the least busy worker; one result (or Error) per file, in order. */
  run(files: SmallFile[]): Promise<Array<SmallFileResult | Error>> {
    // A backup with few small files never starts a worker.
    if (this.inThread + files.length <= IN_THREAD_FILES) {
      this.inThread += files.length
      return Promise.resolve(
        unpack({ id: -1, ...processBatch(files, this.level, this.keepRaw, fs, zlib, this.scratch) }),
      )
    }
    if (this.workers.length < this.size && this.workers.every((w) => w.pending.size > 0))
      this.workers.push(new BatchWorker())
    const worker = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
    return worker.run(this.nextId++, files, this.level, this.keepRaw)
  }

  async close(): Promise<void> {
    this.scratch.deflate?.close()
    await Promise.allSettled(this.workers.map((w) => w.terminate()))
    this.workers.length = 0
  }
}
