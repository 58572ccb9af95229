// The zip's checksums, taken from the file while the upload runs, and in the same read the proof
// that the zip reads back: every entry's CRC-32 (or AES code) and the central directory. Both run
// on a worker thread (checksum-worker.ts). Nothing is verified as a backup, nor pruned, before
// both are in.
import { Worker } from 'node:worker_threads'
import { BackupError } from '../core/errors.js'
import { formatDuration } from '../core/format.js'
import type { Log } from '../platform/log.js'
import { workerScript } from '../platform/worker-script.js'
import type { ChecksumMessage, ChecksumRequest } from './checksum-worker.js'
import type { Digests } from '../platform/digest.js'

type Outcome = Extract<ChecksumMessage, { kind: 'done' }>

export class Checksums {
  private logged = false

  private constructor(
    private readonly worker: Worker,
    private readonly outcome: Promise<Outcome>,
    private readonly log: Log,
  ) {}

  /** Starts the read; the zip's directory is read first, from its end: a zip without one is no backup. */
  static async start(zipPath: string, size: number, password: string, log: Log): Promise<Checksums> {
    const request: ChecksumRequest = { zipPath, size, password }
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
    let opened!: () => void
    const ready = new Promise<void>((resolve) => (opened = resolve))
    const outcome = new Promise<Outcome>((resolve, reject) => {
      worker.on('message', (message: ChecksumMessage) => {
        if (message.kind === 'opened') opened()
        else if (message.kind === 'done') resolve(message)
        else reject(failure(message))
      })
      worker.on('error', reject)
      worker.on('exit', (code) => reject(new Error(`the checksum thread stopped (exit code ${code})`)))
    })
    outcome.catch(() => undefined)
    // The directory's verdict comes first; a failure then is the zip's, said before any upload.
    await Promise.race([ready, outcome])
    return new Checksums(worker, outcome, log)
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

  /** Stops the thread (the run is over, or cancelled). */
  cancel(): void {
    this.worker.removeAllListeners('exit')
    void this.worker.terminate()
  }
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
