// The archive's work (open, plan, then check or write), on a worker thread with a small young
// generation when the zip has many entries. 100,000 entries and their plan are long-lived objects,
// and V8 sizes a thread's young generation by what survives it: in the main thread it grew to tens
// of MB for them (the extraction of 100,000 small files peaked at ~207 MB in a probe; ~140 MB on
// the worker, in the same time). A zip of a few thousand entries stays in this thread: there a second
// heap costs more than it saves. The worker is started as the backup's are (platform/worker-script.ts).
import { Worker } from 'node:worker_threads'
import type { Log } from '../platform/log.js'
import { asError } from '../core/errors.js'
import { workerScript } from '../platform/worker-script.js'
import { type SerializedFailure, rebuildFailure } from './archive-failure.js'
import { type RestoreOptions, type RestoreReport, checkAll, restoreInto } from './extract.js'
import { OpenArchive, WholeEntryChecker, centralDirectoryBytes } from './zip-reader.js'
import { type BatchedChecks, type CheckAck, type CheckBatch, checkBatch } from './shared-checks.js'
import { type BatchedFileWriter, type WriteAck, type WriteBatch, writeBatch } from './file-writes.js'

export type ArchiveJob =
  | { kind: 'check'; file: string; password: string | undefined }
  | {
      kind: 'restore'
      file: string
      to: string
      options: Omit<RestoreOptions, 'log' | 'signal' | 'fileWriter' | 'verified'>
    }

/** What a job found: whether the zip has AES entries (what was checked), and the count or the report. */
export type JobOutcome =
  { kind: 'check'; aes: boolean; count: number } | { kind: 'restore'; aes: boolean; report: RestoreReport }

export type FromWorker =
  | { kind: 'log'; level: 'info' | 'warning' | 'error' | 'debug'; text: string }
  | { kind: 'done'; outcome: JobOutcome }
  | { kind: 'failed'; failure: SerializedFailure }
  /** The restore is staged and waits for the download's check (answered 'verified', or 'cancel'). */
  | { kind: 'verify' }
  | WriteBatch
  | CheckBatch

export type ToWorker = WriteAck | CheckAck | { kind: 'verified' } | { kind: 'cancel' }

/**
 * A young generation this small keeps the peak down on 100,000 small entries, at no measured cost in
 * time; at 8 MB, entries of a few hundred KB took ten times as long (12 MB: 1.3 times).
 */
const YOUNG_GENERATION_MB = 12
/** A central directory this long (some 15,000 entries) or longer sends the work to the worker. */
const WORKER_DIRECTORY_BYTES = 1024 * 1024

/** Checks every entry of the zip at `file`, writing nothing. */
export async function checkArchive(
  file: string,
  password: string | undefined,
  log: Log,
  signal: AbortSignal | undefined,
  place: Place = 'by-size',
): Promise<Extract<JobOutcome, { kind: 'check' }>> {
  const outcome = await runJob({ kind: 'check', file, password }, { log, signal }, place)
  if (outcome.kind !== 'check') throw new Error('internal: the archive worker answered another job')
  return outcome
}

/** Restores the zip at `file` into `to`, planned whole and undone on any failure. */
export async function restoreArchive(
  file: string,
  to: string,
  options: RestoreOptions,
  place: Place = 'by-size',
): Promise<Extract<JobOutcome, { kind: 'restore' }>> {
  const { log, signal, verified, ...rest } = options
  const outcome = await runJob({ kind: 'restore', file, to, options: rest }, { log, signal, verified }, place)
  if (outcome.kind !== 'restore') throw new Error('internal: the archive worker answered another job')
  return outcome
}

/** What a job gets from the thread that runs it. */
export interface JobHooks {
  log: Log
  signal: AbortSignal | undefined
  /** A restore waits for it before moving anything into the target. */
  verified?: (() => Promise<void>) | undefined
  /** On the worker: small files go to the parent thread to write. */
  fileWriter?: BatchedFileWriter | undefined
  /** On the worker: the parent thread checks some of the small entries. */
  checks?: BatchedChecks | undefined
}

/** The job, here: the worker runs the same. */
export async function runArchiveJob(job: ArchiveJob, hooks: JobHooks): Promise<JobOutcome> {
  const { log, signal, verified, fileWriter, checks } = hooks
  const archive = await OpenArchive.open(job.file)
  try {
    const aes = archive.entries.some((e) => e.aesKeyBytes !== null)
    if (job.kind === 'check') {
      const { plan } = await checkAll(archive, job.password, signal, checks)
      return { kind: 'check', aes, count: plan.files + plan.links }
    }
    const report = await restoreInto(archive, job.to, { ...job.options, log, signal, verified, fileWriter })
    return { kind: 'restore', aes, report }
  } finally {
    archive.close()
  }
}

/** Where the work runs: by the central directory's size, or on the worker whatever the size. */
type Place = 'by-size' | 'worker'

async function runJob(job: ArchiveJob, hooks: JobHooks, place: Place): Promise<JobOutcome> {
  hooks.signal?.throwIfAborted()
  if (place === 'by-size' && centralDirectoryBytes(job.file) < WORKER_DIRECTORY_BYTES) return runArchiveJob(job, hooks)
  return runOnWorker(job, hooks)
}

async function runOnWorker(job: ArchiveJob, hooks: JobHooks): Promise<JobOutcome> {
  const { log, signal, verified } = hooks
  const { script, options } = workerScript('archive-worker.js', import.meta.url)
  const worker = new Worker(script, {
    ...options,
    workerData: job,
    // It needs nothing from the environment (which holds the key as INPUT_API-KEY); the password
    // travels in workerData, in memory.
    env: {},
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  })
  const post = (message: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer)
  // A cancel is passed on: the worker stops between entries and undoes what it wrote, then answers.
  const cancel = () => post({ kind: 'cancel' })
  // A download found corrupted while the worker staged it: the worker undoes, and this is the failure.
  let unverified: Error | null = null
  // Opened at the first batch of entries to check.
  let checker = null as WholeEntryChecker | null
  signal?.addEventListener('abort', cancel, { once: true })
  try {
    return await new Promise<JobOutcome>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        // The worker inflates and checks while this thread, idle otherwise, writes the small files.
        if (message.kind === 'write') {
          const ack = writeBatch(message)
          post(ack, [ack.bytes])
        } else if (message.kind === 'check') {
          checker ??= new WholeEntryChecker(job.file)
          post(checkBatch(checker, message))
        } else if (message.kind === 'verify') {
          const check = verified?.() ?? Promise.resolve()
          check.then(
            () => post({ kind: 'verified' }),
            (error: unknown) => {
              unverified = asError(error)
              cancel()
            },
          )
        } else if (message.kind === 'log') log[message.level](message.text)
        else if (message.kind === 'done') resolve(message.outcome)
        else if (unverified !== null) reject(unverified)
        else reject(signal?.aborted ? (signal.reason as Error) : rebuildFailure(message.failure))
      })
      worker.on('error', reject)
      worker.on('exit', (code) => reject(new Error(`internal: the archive worker stopped (exit code ${code})`)))
    })
  } finally {
    signal?.removeEventListener('abort', cancel)
    await worker.terminate()
    checker?.close()
  }
}
