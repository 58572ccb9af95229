// The upload as an operation: a fresh node for every attempt, the whole file sent again from the
// temporary zip after a failure, and never two copies: before a new attempt, the node of the failed
// one is asked (end.pl) whether the file landed after all; if it did, that copy is used.
import type { Log } from './log.js'
import { formatBytes } from './format.js'
import type { OneFichierClient } from './onefichier/client.js'
import { OneFichierError, isRetryable } from './onefichier/errors.js'
import type { UploadLink, UploadServer } from './onefichier/types.js'

export interface UploadJob {
  filePath: string
  fileName: string
  size: number
  folderId: number
  linkPassword: string
  retries: number
  log: Log
  signal?: AbortSignal | undefined
  /** How often progress is logged. */
  progressEveryMs?: number | undefined
  /** A node asked for while the zip was written, for the first attempt (null: ask now). */
  prefetchedServer?: (() => Promise<UploadServer | null>) | undefined
}

/**
 * The body was sent and accepted, but end.pl never told where the file went (an HTML page or no
 * links, as seen from the real service). The file may well be there: the caller looks in the folder.
 */
export class UploadResultMissing extends Error {
  constructor(
    override readonly cause: OneFichierError,
    /** Links end.pl gave under other names (e.g. `name (1).zip`): reported, never taken as ours. */
    readonly foreign: UploadLink[] = [],
  ) {
    super(cause.message)
    this.name = 'UploadResultMissing'
  }
}

/** Links as a user can follow them up: name and URL. */
export function describeLinks(links: readonly UploadLink[]): string {
  return links.map((l) => `'${String(l.filename)}' (${String(l.download)})`).join(', ')
}

export async function uploadWithRetries(client: OneFichierClient, job: UploadJob): Promise<UploadLink> {
  const { log } = job
  for (let attempt = 1; ; attempt++) {
    const server = (attempt === 1 ? await job.prefetchedServer?.() : null) ?? (await client.getUploadServer())
    log.info(
      `Uploading ${job.fileName} (${formatBytes(job.size)}) to node ` +
        `${server.url}${attempt > 1 ? ` (attempt ${attempt} of ${job.retries})` : ''}`,
    )
    // The clock starts with the first byte sent, not with the pacer's wait before it.
    let started = 0
    let lastLog = 0
    try {
      await client.upload({
        server,
        filePath: job.filePath,
        fileName: job.fileName,
        size: job.size,
        folderId: job.folderId,
        ...(job.linkPassword ? { linkPassword: job.linkPassword } : {}),
        onProgress: ({ sentBytes, totalBytes }) => {
          const now = Date.now()
          if (started === 0) started = lastLog = now
          if (now - lastLog < (job.progressEveryMs ?? 5_000) || sentBytes === totalBytes) return
          lastLog = now
          const rate = sentBytes / Math.max((now - started) / 1000, 0.001)
          log.info(
            `  ${formatBytes(sentBytes)} of ${formatBytes(totalBytes)} ` +
              `(${Math.floor((100 * sentBytes) / totalBytes)}%), ${formatBytes(rate)}/s`,
          )
        },
      })
    } catch (error) {
      job.signal?.throwIfAborted()
      if (!(error instanceof OneFichierError) || !isRetryable(error.kind)) throw error
      // The body may have arrived even though no answer did: ask before sending it again.
      const landed = await client.probeUploadResult(server, job.fileName)
      if (landed) {
        log.warning(`${error.message.split('. ')[0]}; but the file did arrive, so it is not sent again`)
        return landed
      }
      if (attempt >= job.retries) throw error.afterAttempts(attempt)
      log.warning(`${error.message.split('. ')[0]}; sending the file again (attempt ${attempt + 1} of ${job.retries})`)
      continue
    }
    const seconds = (Date.now() - (started || Date.now())) / 1000
    log.info(`Uploaded in ${seconds.toFixed(1)} s (${formatBytes(job.size / Math.max(seconds, 0.001))}/s)`)
    let result: Awaited<ReturnType<OneFichierClient['uploadResult']>>
    try {
      result = await client.uploadResult(server, job.fileName)
    } catch (error) {
      if (error instanceof OneFichierError && isRetryable(error.kind)) throw new UploadResultMissing(error)
      throw error
    }
    const { link, others } = result
    if (!link) {
      // Not ours, whatever it is: a renamed copy is reported with its link and never counted.
      const detail = `end.pl gave no file named ${job.fileName}, only ${describeLinks(others)}`
      throw new UploadResultMissing(new OneFichierError('fatal', 'upload result (end.pl)', detail), others)
    }
    if (others.length > 0)
      log.warning(`end.pl also listed ${describeLinks(others)}; they are not this backup and are left alone`)
    return link
  }
}
