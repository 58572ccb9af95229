// The archive's work on a worker thread (archive-job.ts starts it): the zip opened, planned, and
// checked or written. Its log lines go to the parent as messages, its failure as a plain record, and
// a 'cancel' message aborts it the way a signal aborts a restore in the main thread (the target is
// left as it was).
import { parentPort, workerData } from 'node:worker_threads'
import type { Log } from '../platform/log.js'
import { type ArchiveJob, type FromWorker, type ToWorker, runArchiveJob } from './archive-job.js'
import { serializeFailure } from './archive-failure.js'
import { BatchedFileWriter } from './file-writes.js'
import { BatchedChecks } from './shared-checks.js'

const port = parentPort!
const cancel = new AbortController()
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)
// The small files go to the parent in batches; it answers each, or sends 'cancel'.
const fileWriter = new BatchedFileWriter(send)
// A check hands the parent small entries to check, in batches it answers.
const checks = new BatchedChecks(send)
// The staged restore asks the parent whether the download is sound; it answers 'verified' or 'cancel'.
let onVerified: (() => void) | null = null
const verified = () =>
  new Promise<void>((resolve, reject) => {
    cancel.signal.throwIfAborted()
    cancel.signal.addEventListener('abort', () => reject(cancel.signal.reason as Error), { once: true })
    onVerified = resolve
    send({ kind: 'verify' })
  })
port.on('message', (message: ToWorker) => {
  if (message.kind === 'cancel') cancel.abort()
  else if (message.kind === 'verified') onVerified?.()
  else if (message.kind === 'checked') checks.acknowledge(message)
  else fileWriter.acknowledge(message)
})

const log: Log = {
  info: (text) => send({ kind: 'log', level: 'info', text }),
  warning: (text) => send({ kind: 'log', level: 'warning', text }),
  error: (text) => send({ kind: 'log', level: 'error', text }),
  debug: (text) => send({ kind: 'log', level: 'debug', text }),
  group: (_name, body) => body(),
}

// No top-level await: the standalone executable runs this as CommonJS.
runArchiveJob(workerData as ArchiveJob, { log, signal: cancel.signal, verified, fileWriter, checks }).then(
  (outcome) => send({ kind: 'done', outcome }),
  (error: unknown) => send({ kind: 'failed', failure: serializeFailure(error) }),
)
