// Small files are read, deflated and CRC'd in batches on worker threads: for a file of a few KiB,
// the work (about 30 us) is less than a trip through libuv's pool, and one thread alone is the
// bottleneck with 100,000 of them. Each worker runs plain synchronous code over a batch and hands
// the results back; the zip writer keeps the order. Workers are started on first use.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

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

// Self-contained (the bundle has no separate worker file): only Node's own modules. A batch's
// outputs go back packed in one buffer, moved (not copied) to the main thread.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
const zlib = require('node:zlib')
function pack(parts) {
  let total = 0
  for (const p of parts) total += p ? p.length : 0
  const all = Buffer.allocUnsafeSlow(total)
  let at = 0
  for (const p of parts) if (p) { p.copy(all, at); at += p.length }
  return all
}
// One read buffer, reused: the files are small (the writer sends only those up to 64 KiB).
let scratch = Buffer.allocUnsafeSlow(64 * 1024)
function readSmall(file, size) {
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(size)
  const fd = fs.openSync(file, 'r')
  try {
    let read = 0, n
    while (read < size && (n = fs.readSync(fd, scratch, read, size - read, read)) > 0) read += n
    return scratch.subarray(0, read)
  } finally {
    fs.closeSync(fd)
  }
}
parentPort.on('message', ({ id, files, level, keepRaw }) => {
  const n = files.length
  const outs = new Array(n), raws = new Array(n)
  const outLengths = new Float64Array(n), sizes = new Float64Array(n), crcs = new Float64Array(n)
  const errors = new Array(n).fill(null)
  for (let i = 0; i < n; i++) {
    const f = files[i]
    try {
      const raw = readSmall(f.path, f.size)
      // The scratch buffer is reused: keep copies of what must outlive this file.
      const out = f.store ? Buffer.from(raw) : zlib.deflateRawSync(raw, { level })
      outs[i] = out
      outLengths[i] = out.length
      sizes[i] = raw.length
      crcs[i] = zlib.crc32(raw)
      if (keepRaw) raws[i] = Buffer.from(raw)
    } catch (error) {
      errors[i] = error && error.message ? error.message : String(error)
    }
  }
  const out = pack(outs)
  const raw = keepRaw ? pack(raws) : null
  const transfer = [out.buffer, outLengths.buffer, sizes.buffer, crcs.buffer]
  if (raw) transfer.push(raw.buffer)
  parentPort.postMessage({ id, out, raw, outLengths, sizes, crcs, errors }, transfer)
})
`

const asBuffer = (u8: Uint8Array) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength)

interface Pending {
  resolve: (results: Array<SmallFileResult | Error>) => void
  reject: (error: Error) => void
}

class BatchWorker {
  private readonly worker: Worker
  readonly pending = new Map<number, Pending>()
  private failed: Error | null = null

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true })
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
  private readonly size: number

  constructor(
    private readonly level: number,
    private readonly keepRaw: boolean,
    size = Math.max(1, Math.min(availableParallelism(), 4)),
  ) {
    this.size = size
  }

  /** Runs a batch on the least busy worker; one result (or Error) per file, in order. */
  run(files: SmallFile[]): Promise<Array<SmallFileResult | Error>> {
    if (this.workers.length < this.size && this.workers.every((w) => w.pending.size > 0)) this.workers.push(new BatchWorker())
    const worker = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
    return worker.run(this.nextId++, files, this.level, this.keepRaw)
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.terminate()))
    this.workers.length = 0
  }
}
