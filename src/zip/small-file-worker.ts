// Reads, deflates and CRCs a batch of small files, synchronously: on a worker thread (small-files.ts
// starts this file as one), or in the calling thread for the first few files of a run.
// Bundled on its own beside each bundle that starts it (scripts/build.mjs), as the checksum worker is.
import { closeSync, openSync, readSync } from 'node:fs'
import { crc32, deflateRawSync } from 'node:zlib'
import { isMainThread, parentPort, workerData } from 'node:worker_threads'

export interface SmallFile {
  /** Bytes for a name that is not valid UTF-8. */
  path: string | Buffer
  /** The size when it was listed: at most this many bytes are read. */
  size: number
  store: boolean
}

/** A batch's results as they cross threads: outputs (and raws) packed, one slot per file. */
export interface WireBatch {
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

export interface BatchRequest {
  id: number
  files: SmallFile[]
  level: number
  keepRaw: boolean
}

/** Set in workerData by the pool, so that importing this file elsewhere starts nothing. */
export const WORKER_ROLE = '1fichier-backup:small-files'

/** Buffers a thread keeps from one batch to the next: a file costs no read buffer of its own. */
export class BatchScratch {
  /** One file's bytes (these files are small). */
  read = Buffer.allocUnsafe(64 * 1024)
  /** The batch's outputs, then (when kept) its raw bytes, end to end before they are copied out. */
  out = Buffer.allocUnsafe(256 * 1024)
  raw = Buffer.allocUnsafe(0)

  /** `buffer` (out or raw) with room for `more` bytes after `used`, grown (doubling) when short. */
  reserve(key: 'out' | 'raw', used: number, more: number): Buffer {
    const buffer = this[key]
    if (buffer.length - used >= more) return buffer
    const grown = Buffer.allocUnsafe(Math.max(used + more, 2 * buffer.length))
    buffer.copy(grown, 0, 0, used)
    this[key] = grown
    return grown
  }
}

/**
 * Up to `size` bytes of the file; one byte more is asked for: getting it means the file grew
 * (it is cut at the size). The bytes stay in scratch.read until the next file.
 */
function readSmall(file: string | Buffer, size: number, scratch: BatchScratch): { raw: Buffer; changed: boolean } {
  if (scratch.read.length < size + 1) scratch.read = Buffer.allocUnsafe(size + 1)
  const fd = openSync(file, 'r')
  try {
    let read = 0
    let n = 0
    while (read <= size && (n = readSync(fd, scratch.read, read, size + 1 - read, read)) > 0) read += n
    return { raw: scratch.read.subarray(0, Math.min(read, size)), changed: read !== size }
  } finally {
    closeSync(fd)
  }
}

/** Deflates `raw` into scratch.out at `at`; returns the length. One output buffer, sized to deflate's bound. */
function deflateInto(raw: Buffer, level: number, scratch: BatchScratch, at: number): number {
  const out = deflateRawSync(raw, { level, chunkSize: Math.max(1024, raw.length + (raw.length >>> 3) + 64) })
  return out.copy(scratch.reserve('out', at, out.length), at)
}

export function processBatch(request: BatchRequest, scratch: BatchScratch): WireBatch {
  const { files, level, keepRaw } = request
  const n = files.length
  const outLengths = new Float64Array(n)
  const sizes = new Float64Array(n)
  const crcs = new Float64Array(n)
  const changed = new Uint8Array(n)
  const errors: WireBatch['errors'] = new Array<WireBatch['errors'][number]>(n).fill(null)
  let outAt = 0
  let rawAt = 0
  for (let i = 0; i < n; i++) {
    const file = files[i]!
    try {
      const { raw, changed: sizeChanged } = readSmall(file.path, file.size, scratch)
      const length = file.store
        ? raw.copy(scratch.reserve('out', outAt, raw.length), outAt)
        : deflateInto(raw, level, scratch, outAt)
      const crc = crc32(raw)
      if (keepRaw) raw.copy(scratch.reserve('raw', rawAt, raw.length), rawAt)
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
  // Exact-size copies leave the thread (their memory is transferred); the scratch stays for the next batch.
  const take = (from: Buffer, length: number) => new Uint8Array(from.subarray(0, length))
  return {
    id: request.id,
    out: take(scratch.out, outAt),
    raw: keepRaw ? take(scratch.raw, rawAt) : null,
    outLengths,
    sizes,
    crcs,
    changed,
    errors,
  }
}

/** On a worker thread started by the pool: one batch per message, its buffers transferred back. */
function serveBatches(port: NonNullable<typeof parentPort>): void {
  const scratch = new BatchScratch()
  port.on('message', (request: BatchRequest) => {
    const batch = processBatch(request, scratch)
    const transfer: ArrayBuffer[] = [batch.out, batch.outLengths, batch.sizes, batch.crcs, batch.changed].map(
      (view) => view.buffer as ArrayBuffer,
    )
    if (batch.raw) transfer.push(batch.raw.buffer as ArrayBuffer)
    port.postMessage(batch, transfer)
  })
}

if (!isMainThread && parentPort && workerData === WORKER_ROLE) serveBatches(parentPort)
