// The zip's checksums, taken from the file while the upload runs, and in the same read the proof
// that the zip reads back: every entry's CRC-32 (or AES code) and the central directory. Both are
// checksum-worker.ts's check(), run on a worker thread for a zip of many entries. Nothing is
// verified as a backup, nor pruned, before both are in.
import { Worker } from 'node:worker_threads'
import { BackupError } from '../core/errors.js'
import { formatDuration } from '../core/format.js'
import type { Log } from '../platform/log.js'
import { workerScript } from '../platform/worker-script.js'
import { type ChecksumMessage, type ChecksumRequest, check } from './checksum-worker.js'
import type { Digests } from '../platform/digest.js'

type Outcome = Extract<ChecksumMessage, { kind: 'done' }>

/**
 * A zip of this many entries or more is read on a worker thread; fewer, in this thread. The worker's
 * isolate and its malloc arena (~30 MB) came on top of what the zip stage left in this thread's heap,
 * which the read of a few large entries reuses instead: the 3 GiB file's backup peaked at 200-206 MB
 * with the worker. (The restore's archive job draws the same line at a 1 MiB central directory.)
 */
const WORKER_ENTRIES = 15_000

export class Checksums {
  private logged = false

  private constructor(
    private readonly outcome: Promise<Outcome>,
    private readonly stop: () => void,
    private readonly log: Log,
  ) {}

  /** Starts the read; the zip's directory is read first, from its end: a zip without one is no backup. */
  static async start(
    zip: { path: string; size: number; entryCount: number },
    password: string,
    log: Log,
  ): Promise<Checksums> {
    const request: ChecksumRequest = { zipPath: zip.path, size: zip.size, password }
    let opened!: () => void
    const ready = new Promise<void>((resolve) => (opened = resolve))
    let settle!: { resolve: (outcome: Outcome) => void; reject: (error: Error) => void }
    const outcome = new Promise<Outcome>((resolve, reject) => (settle = { resolve, reject }))
    outcome.catch(() => undefined)
    const post = (message: ChecksumMessage) => {
      if (message.kind === 'opened') opened()
      else if (message.kind === 'done') settle.resolve(message)
      else settle.reject(failure(message))
    }
    const run = zip.entryCount >= WORKER_ENTRIES ? onWorker : inThisThread
    const stop = run(request, post, settle.reject)
    // The directory's verdict comes first; a failure then is the zip's, said before any upload.
    await Promise.race([ready, outcome])
    return new Checksums(outcome, stop, log)
  }

  /** The checksums once the read is done (logged the first time), and the read-back's verdict. */
  async result(): Promise<Digests> {
    const started = performance.now()
    const { sha256, whirlpool, engine, checked } = await this.outcome
    if (!this.logged) {
      this.logged = true
      const waited = performance.now() - started
      this.log.info(`SHA-256 ${sha256}`)
      this.log.info(`Whirlpool ${whirlpool}`)
      this.log.info(
        `Read back: ${checked === 1 ? 'the one entry checks' : `all ${checked} entries check`} out (CRC-32 or AES ` +
          `code, and the central directory)`,
      )
      const when = waited < 10 ? 'before the upload ended' : `${formatDuration(waited)} after the upload ended`
      this.log.info(`Checksums ready ${when} (${engine})`)
    }
    return { sha256, whirlpool }
  }

  /** Stops the read (the run is over, or cancelled). */
  cancel(): void {
    this.stop()
  }
}

/** The read on a worker thread; returns what stops it. */
function onWorker(
  request: ChecksumRequest,
  post: (message: ChecksumMessage) => void,
  fail: (error: Error) => void,
): () => void {
  const { script, options } = workerScript('checksum-worker.js', import.meta.url)
  const worker = new Worker(script, {
    ...options,
    workerData: { role: 'checksums', request },
    // It needs nothing from the environment (which holds the key as INPUT_API-KEY).
    env: {},
    // A small heap, collected often: what it allocates is part of the run's peak memory (64 MB of old
    // generation let its garbage grow the run by ~17 MB; its live data is a 1 MiB directory window).
    resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 },
  })
  worker.on('message', post)
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`the checksum thread stopped (exit code ${code})`)))
  return () => {
    worker.removeAllListeners('exit')
    void worker.terminate()
  }
}

/** The read in this thread (entries over 1 MiB inflate in the thread pool); returns what stops it. */
function inThisThread(
  request: ChecksumRequest,
  post: (message: ChecksumMessage) => void,
  fail: (error: Error) => void,
): () => void {
  const abort = new AbortController()
  check(request, post, abort.signal).catch(fail)
  return () => abort.abort()
}

function failure(message: Exclude<ChecksumMessage, { kind: 'opened' | 'done' }>): Error {
  if (message.kind === 'failed') return new Error(message.message)
  if (message.stage === 'directory')
    return new BackupError(
      `The zip that was written does not read back (${message.message}): nothing was uploaded or deleted. This is ` +
        `a bug; please report it.`,
    )
  return new BackupError(
    `The zip does not read back as it was written (${message.message}): it is not a sound backup, so nothing ` +
      `was verified or deleted. If it was uploaded, delete that copy by hand. This is a bug; please report it.`,
  )
}
