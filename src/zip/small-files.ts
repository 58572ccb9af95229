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
  path: string
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
}

/** A batch's results as the worker sends them: outputs (and raws) packed, one slot per file. */
interface WireBatch {
  id: number
  out: Uint8Array
  raw: Uint8Array | null
  outLengths: Float64Array
  sizes: Float64Array
  crcs: Float64Array
  errors: Array<string | null>
}

function unpack(batch: WireBatch): Array<SmallFileResult | Error> {
  const out = asBuffer(batch.out)
  const raw = batch.raw ? asBuffer(batch.raw) : undefined
  let outAt = 0
  let rawAt = 0
  return batch.errors.map((error, i) => {
    if (error !== null) return new Error(error)
    const size = batch.sizes[i]!
    const length = batch.outLengths[i]!
    const result = {
      out: out.subarray(outAt, outAt + length),
      raw: raw?.subarray(rawAt, rawAt + size),
      crc: batch.crcs[i]!,
      size,
    }
    outAt += length
    rawAt += size
    return result
  })
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
  scratch: { buffer: Buffer },
): Omit<WireBatch, 'id'> {
  const readSmall = (file: string, size: number): Buffer => {
    // One read buffer, reused: these files are small.
    if (scratch.buffer.length < size) scratch.buffer = Buffer.allocUnsafeSlow(size)
    const fd = fs.openSync(file, 'r')
    try {
      let read = 0
      let n = 0
      while (read < size && (n = fs.readSync(fd, scratch.buffer, read, size - read, read)) > 0) read += n
      return scratch.buffer.subarray(0, read)
    } finally {
      fs.closeSync(fd)
    }
  }
  // Each file's own output is freed as soon as it is packed (see memory.ts: V8 would let dead
  // buffers pile up); pool slices (under 4 KiB) are left alone.
  const freeNow = (buffer: Buffer) => {
    const memory = buffer.buffer
    if (memory instanceof ArrayBuffer && !memory.detached && memory.byteLength > Buffer.poolSize) memory.transfer(0)
  }
  const pack = (parts: Array<Buffer | undefined>): Buffer => {
    let total = 0
    for (const part of parts) total += part ? part.length : 0
    const all = Buffer.allocUnsafeSlow(total)
    let at = 0
    for (const part of parts) {
      if (!part) continue
      at += part.copy(all, at)
      freeNow(part)
    }
    return all
  }
  const n = files.length
  const outs: Array<Buffer | undefined> = new Array(n)
  const raws: Array<Buffer | undefined> = new Array(n)
  const outLengths = new Float64Array(n)
  const sizes = new Float64Array(n)
  const crcs = new Float64Array(n)
  const errors: Array<string | null> = new Array(n).fill(null)
  for (let i = 0; i < n; i++) {
    const f = files[i]!
    try {
      const raw = readSmall(f.path, f.size)
      // The read buffer is reused: what must outlive this file is copied.
      const out = f.store ? Buffer.from(raw) : zlib.deflateRawSync(raw, { level })
      outs[i] = out
      outLengths[i] = out.length
      sizes[i] = raw.length
      crcs[i] = zlib.crc32(raw)
      if (keepRaw) raws[i] = Buffer.from(raw)
    } catch (error) {
      errors[i] = error instanceof Error ? error.message : String(error)
    }
  }
  return { out: pack(outs), raw: keepRaw ? pack(raws) : null, outLengths, sizes, crcs, errors }
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const processBatch = ${processBatch.toString()}
const scratch = { buffer: Buffer.allocUnsafeSlow(64 * 1024) }
parentPort.on('message', ({ id, files, level, keepRaw }) => {
  const batch = processBatch(files, level, keepRaw, require('node:fs'), require('node:zlib'), scratch)
  const transfer = [batch.out.buffer, batch.outLengths.buffer, batch.sizes.buffer, batch.crcs.buffer]
  if (batch.raw) transfer.push(batch.raw.buffer)
  parentPort.postMessage({ id, ...batch }, transfer)
})
`

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
    private readonly size = Math.max(1, Math.min(availableParallelism(), 4)),
  ) {}

  private inThread = 0
  private readonly scratch = { buffer: Buffer.allocUnsafeSlow(64 * 1024) }

  /** Runs a batch on the least busy worker; one result (or Error) per file, in order. */
  run(files: SmallFile[]): Promise<Array<SmallFileResult | Error>> {
    // A backup with few small files never starts a worker.
    if (this.inThread + files.length <= IN_THREAD_FILES) {
      this.inThread += files.length
      return Promise.resolve(unpack({ id: -1, ...processBatch(files, this.level, this.keepRaw, fs, zlib, this.scratch) }))
    }
    if (this.workers.length < this.size && this.workers.every((w) => w.pending.size > 0)) this.workers.push(new BatchWorker())
    const worker = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
    return worker.run(this.nextId++, files, this.level, this.keepRaw)
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.terminate()))
    this.workers.length = 0
  }
}
