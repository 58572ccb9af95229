// Small files are read, deflated and CRC'd in batches on worker threads: for a file of a few KiB,
// the work (about 30 us) is less than a trip through libuv's pool, and one thread alone is the
// bottleneck with 100,000 of them. Each worker runs plain synchronous code over a batch
// (small-file-worker.ts) and hands the results back; the zip writer keeps the order. The first
// 1,024 files are done in this thread, so a backup with few small files starts no worker.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import {
  BatchScratch,
  type BatchRequest,
  type SmallFile,
  WORKER_ROLE,
  type WireBatch,
  processBatch,
} from './small-file-worker.js'
import { workerScript } from '../platform/worker-script.js'

export type { SmallFile } from './small-file-worker.js'

const asBuffer = (u8: Uint8Array) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength)

/**
 * One batch's results, read by index: the outputs (and raws) stay packed in one buffer each, and
 * a file costs no object of its own until its bytes are written.
 */
class BatchResults {
  private readonly outs: Buffer
  private readonly raws: Buffer | undefined
  private readonly outAt: Float64Array
  private readonly rawAt: Float64Array

  constructor(private readonly wire: WireBatch) {
    this.outs = asBuffer(wire.out)
    this.raws = wire.raw ? asBuffer(wire.raw) : undefined
    const n = wire.sizes.length
    this.outAt = new Float64Array(n + 1)
    this.rawAt = new Float64Array(n + 1)
    for (let i = 0; i < n; i++) {
      this.outAt[i + 1] = this.outAt[i]! + wire.outLengths[i]!
      this.rawAt[i + 1] = this.rawAt[i]! + (wire.errors[i] === null ? wire.sizes[i]! : 0)
    }
  }

  /** Why the file could not be read (it is then left out), or undefined. */
  error(i: number): (Error & { code?: string | undefined }) | undefined {
    const error = this.wire.errors[i]
    return error ? Object.assign(new Error(error.message), { code: error.code }) : undefined
  }

  /** Deflated (or stored) data, ready for the zip. */
  out(i: number): Buffer {
    return this.outs.subarray(this.outAt[i], this.outAt[i + 1])
  }

  /** The file's bytes, only when asked for (skip-unchanged's fingerprint needs them). */
  raw(i: number): Buffer | undefined {
    return this.raws?.subarray(this.rawAt[i], this.rawAt[i + 1])
  }

  crc(i: number): number {
    return this.wire.crcs[i]!
  }

  size(i: number): number {
    return this.wire.sizes[i]!
  }

  /** The file was not the listed size when read (it grew or shrank): it holds what was read, up to that size. */
  changed(i: number): boolean {
    return this.wire.changed[i] === 1
  }
}

/**
 * One worker per core but one, at most four: this thread is itself a core's work (walking the
 * tree, writing the zip, hashing it). On 2 cores a second worker made it no faster and cost memory.
 */
function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4))
}

/** Up to this many small files are done in this thread: a worker costs ~10 MB and a start-up. */
const IN_THREAD_FILES = 1024

interface Pending {
  resolve: (results: BatchResults) => void
  reject: (error: Error) => void
}

class BatchWorker {
  private readonly worker: Worker
  readonly pending = new Map<number, Pending>()
  private failed: Error | null = null

  constructor() {
    const { script, options } = workerScript('small-file-worker.js', import.meta.url)
    this.worker = new Worker(script, {
      ...options,
      workerData: WORKER_ROLE,
      // It needs nothing from the environment (which holds the key as INPUT_API-KEY).
      env: {},
      // Small heaps, collected often: each worker's garbage is part of the run's peak memory.
      resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 },
    })
    this.worker.unref()
    this.worker.on('message', (batch: WireBatch) => {
      const waiting = this.pending.get(batch.id)
      this.pending.delete(batch.id)
      waiting?.resolve(new BatchResults(batch))
    })
    const fail = (error: Error) => {
      this.failed = error
      for (const waiting of this.pending.values()) waiting.reject(error)
      this.pending.clear()
    }
    this.worker.on('error', fail)
    this.worker.on('exit', (code) => fail(new Error(`a zip worker thread stopped (exit code ${code})`)))
  }

  run(request: BatchRequest): Promise<BatchResults> {
    if (this.failed) return Promise.reject(this.failed)
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject })
      this.worker.postMessage(request)
    })
  }

  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit')
    await this.worker.terminate()
  }
}

class SmallFilePool {
  private readonly workers: BatchWorker[] = []
  private nextId = 0
  private inThread = 0
  private readonly scratch = new BatchScratch()

  constructor(
    private readonly level: number,
    private readonly keepRaw: boolean,
    /** 0: every batch on this thread. */
    private readonly size: number,
  ) {}

  /** Runs a batch on the least busy worker; its results by file, in order. */
  run(files: SmallFile[]): Promise<BatchResults> {
    const request = { id: this.nextId++, files, level: this.level, keepRaw: this.keepRaw }
    // A backup with few small files never starts a worker.
    if (this.size === 0 || this.inThread + files.length <= IN_THREAD_FILES) {
      this.inThread += files.length
      return Promise.resolve(new BatchResults(processBatch(request, this.scratch)))
    }
    if (this.workers.length < this.size && this.workers.every((w) => w.pending.size > 0))
      this.workers.push(new BatchWorker())
    const worker = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
    return worker.run(request)
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.terminate()))
    this.workers.length = 0
  }
}

/** Small files gathered for a worker; sent when full, or when the writer needs the first of them. */
export interface Batch {
  readonly files: SmallFile[]
  bytes: number
  dispatched: boolean
  readonly results: Promise<BatchResults>
  readonly start: () => void
}

/** A batch closes at this many files or bytes. */
export const BATCH_FILES = 64
const BATCH_BYTES = 2 << 20

/** Gathers small files into batches and runs them on the pool (started with the first batch). */
export class SmallFileBatches {
  private pool: SmallFilePool | undefined
  private open: Batch | null = null

  constructor(
    private readonly level: number,
    private readonly keepRaw: boolean,
    /** false: no worker thread, every batch on this thread. */
    private readonly options: { workers: boolean } = { workers: true },
  ) {}

  /** The file's place in the open batch. */
  add(file: SmallFile): { batch: Batch; index: number } {
    const batch = (this.open ??= this.newBatch())
    const index = batch.files.push(file) - 1
    batch.bytes += file.size
    if (batch.files.length >= BATCH_FILES || batch.bytes >= BATCH_BYTES) this.dispatch(batch)
    return { batch, index }
  }

  /** Sends the batch to the pool, if not yet sent. */
  dispatch(batch: Batch): void {
    if (batch.dispatched) return
    batch.dispatched = true
    if (this.open === batch) this.open = null
    batch.start()
  }

  /** Lets the open batch run (so nothing waits on it), then stops the workers. */
  async close(): Promise<void> {
    if (this.open) this.dispatch(this.open)
    await this.pool?.close()
  }

  private newBatch(): Batch {
    let start!: () => void
    const files: SmallFile[] = []
    const results = new Promise<BatchResults>((resolve, reject) => {
      start = () => {
        const workers = this.options.workers ? defaultWorkerCount() : 0
        const pool = this.pool ?? (this.pool = new SmallFilePool(this.level, this.keepRaw, workers))
        pool.run(files).then(resolve, reject)
      }
    })
    // A failure surfaces when a file of the batch is written; until then it must not be unhandled.
    results.catch(() => undefined)
    return { files, bytes: 0, dispatched: false, results, start }
  }
}
