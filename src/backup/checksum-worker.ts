// The zip's checksums and read-back check, on a worker thread for a zip of many entries: the
// read-back inflates every entry (100,000 of them for a tree of small files), and its short-lived
// objects kept the main thread's heap ~80 MB larger for the rest of the run. There, a small heap of
// its own takes them (checksums.ts sets its limits). A zip of fewer entries is read in the calling
// thread (checksums.ts says why).
// Bundled on its own beside each bundle that starts it (scripts/build.mjs), as the small-file worker is.
import { messageOf } from '../core/errors.js'
import { parentPort, workerData } from 'node:worker_threads'
import { ZipCheckError, ZipReadBack } from '../zip/read-back.js'
import { digestFile } from '../platform/digest.js'

export interface ChecksumRequest {
  zipPath: string
  size: number
  password: string
}

export type ChecksumMessage =
  | { kind: 'opened' }
  | { kind: 'done'; sha256: string; whirlpool: string; engine: string; checked: number }
  /** The zip does not read back: `stage` tells whether its directory could not be read, or an entry. */
  | { kind: 'unsound'; stage: 'directory' | 'entries'; message: string }
  | { kind: 'failed'; message: string }

/** The read: its verdict and figures are posted as messages, from a worker or in the calling thread. */
export async function check(
  request: ChecksumRequest,
  post: (message: ChecksumMessage) => void,
  signal?: AbortSignal,
): Promise<void> {
  let readBack: ZipReadBack
  try {
    readBack = await ZipReadBack.open(request.zipPath, request.size, request.password || undefined)
  } catch (error) {
    if (error instanceof ZipCheckError) {
      post({ kind: 'unsound', stage: 'directory', message: error.message })
      return
    }
    throw error
  }
  post({ kind: 'opened' })
  const reading = digestFile(request.zipPath, { reader: readBack })
  signal?.addEventListener('abort', () => reading.cancel(), { once: true })
  const digests = await reading.result
  try {
    await readBack.finish()
  } catch (error) {
    if (error instanceof ZipCheckError) {
      post({ kind: 'unsound', stage: 'entries', message: error.message })
      return
    }
    throw error
  }
  post({ kind: 'done', ...digests, checked: readBack.checked })
}

const port = parentPort
if (port && (workerData as { role?: unknown } | null)?.role === 'checksums') {
  const request = (workerData as { request: ChecksumRequest }).request
  check(request, (message) => port.postMessage(message)).catch((error: unknown) =>
    port.postMessage({ kind: 'failed', message: messageOf(error) }),
  )
}
