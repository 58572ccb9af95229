// The upload as an operation: a fresh node for every attempt, the whole file sent again from the
// temporary zip after a failure, and never two copies: before a new attempt, the node of the failed
// one is asked (end.pl) whether the file landed after all; if it did, that copy is used.
import { type Log, logStatus } from '../platform/log.js'
import { formatBytes, formatDuration, showFolder } from '../core/format.js'
import type { OneFichierApi } from '../onefichier/client.js'
import { OneFichierError, UploadRefused, isRetryable } from '../onefichier/errors.js'
import { retry } from '../onefichier/retry.js'
import { type FileItem, type UploadLink, type UploadServer, toNumber } from '../onefichier/types.js'
import { ROOT_FOLDER_ID } from '../onefichier/client.js'
import { fileIdOf, sameFile } from '../onefichier/file-id.js'
import { BackupError } from '../core/errors.js'
import type { Config } from '../core/config.js'
import type { Checksums } from './checksums.js'
import { type Lookup, destinationOf } from './destination.js'
import type { ArchiveResult } from './archive.js'
import type { Digests } from '../platform/digest.js'
import type { Session } from '../session/session.js'

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
  /** The last upload's rate (bytes per second, from the state file): says early when the cap is out of reach. */
  previousRate?: number | undefined
  /** Told the rate of the upload that went through. */
  onRate?: ((bytesPerSecond: number) => void) | undefined
  now?: () => number
}

/** 1fichier stops an upload process after 4 hours (its swagger file). */
const UPLOAD_TIME_CAP_MS = 4 * 3600_000
/** The rate is judged only after this much sending: the first seconds are not the link's speed. */
const RATE_SETTLES_MS = 60_000

/**
 * The body was sent and accepted, but end.pl never told where the file went (an HTML page or no
 * links, as seen from the real service). The file may well be there: the caller looks in the folder.
 */
class UploadResultMissing extends Error {
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
function describeLinks(links: readonly UploadLink[]): string {
  return links.map((l) => `'${l.filename}' (${l.download})`).join(', ')
}

export async function uploadWithRetries(client: OneFichierApi, job: UploadJob): Promise<UploadLink> {
  const { log } = job
  const cap = new TimeCap(job, log)
  cap.before()
  // The first may be the node the destination lookup asked for meanwhile (the client keeps it). A
  // node is asked for before each try, outside it: that call has its own retries, so its failure ends here.
  let server = await client.getUploadServer()
  // null: the body was sent, end.pl tells where it went; a link: a failed try's body landed anyway.
  const landed = await retry<UploadLink | null>(
    async (attempt) => {
      log.info(
        `Uploading ${job.fileName} (${formatBytes(job.size)}) to node ` +
          `${server.url}${attempt > 1 ? ` (attempt ${attempt} of ${job.retries})` : ''}`,
      )
      await sendBody(client, job, server, cap)
      return null
    },
    {
      attempts: job.retries,
      signal: job.signal,
      // The body may have arrived even though no answer did: ask before sending it again. A node
      // that refused the file said it kept nothing.
      settle: async (error) => {
        if (!isRetryable(error.kind) || error instanceof UploadRefused) return undefined
        const link = await client.probeUploadResult(server, job.fileName)
        if (!link) return undefined
        log.warning(`${error.headline}; but the file did arrive, so it is not sent again`)
        return link
      },
      beforeRetry: async (error, attempt) => {
        log.warning(`${error.headline}; sending the file again (attempt ${attempt + 1} of ${job.retries})`)
        server = await client.getUploadServer()
      },
    },
  )
  return landed ?? (await readResult(client, job, server))
}

/** One try at sending the body, with progress lines and the 4-hour cap watched. */
async function sendBody(client: OneFichierApi, job: UploadJob, server: UploadServer, cap: TimeCap): Promise<void> {
  const { log } = job
  const now = job.now ?? Date.now
  // The clock starts with the first byte sent, not with the pacer's wait before it.
  let started = 0
  let lastLog = 0
  await client.upload({
    server,
    filePath: job.filePath,
    fileName: job.fileName,
    size: job.size,
    folderId: job.folderId,
    ...(job.linkPassword ? { linkPassword: job.linkPassword } : {}),
    onProgress: ({ sentBytes, totalBytes }) => {
      const at = now()
      if (started === 0) started = lastLog = at
      cap.during(sentBytes, at - started)
      if (at - lastLog < (job.progressEveryMs ?? 5_000) || sentBytes === totalBytes) return
      lastLog = at
      logStatus(log, uploadProgress(sentBytes, totalBytes, (at - started) / 1000))
    },
  })
  const seconds = (now() - (started || now())) / 1000
  log.info(`Uploaded in ${seconds.toFixed(1)} s (${formatBytes(job.size / Math.max(seconds, 0.001))}/s)`)
  if (seconds >= 1) job.onRate?.(job.size / seconds)
}

/** end.pl's answer for the body just sent: our file's link, or UploadResultMissing (the caller looks in the folder). */
async function readResult(client: OneFichierApi, job: UploadJob, server: UploadServer): Promise<UploadLink> {
  const { log } = job
  let result: Awaited<ReturnType<OneFichierApi['uploadResult']>>
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

/** Says, once, when the upload cannot end within 1fichier's 4-hour cap: before it starts, or once the rate shows it. */
class TimeCap {
  private said = false

  constructor(
    private readonly job: UploadJob,
    private readonly log: Log,
  ) {}

  /** A previous upload's rate that makes the cap certain to be passed is said before any byte is sent. */
  before(): void {
    const rate = this.job.previousRate
    if (!rate || rate <= 0) return
    const needed = (1000 * this.job.size) / rate
    if (needed > UPLOAD_TIME_CAP_MS * 1.25) this.say(needed, rate, "at the last upload's rate")
  }

  during(sentBytes: number, elapsedMs: number): void {
    if (this.said || elapsedMs < RATE_SETTLES_MS || sentBytes <= 0) return
    const rate = (1000 * sentBytes) / elapsedMs
    const needed = (1000 * this.job.size) / rate
    if (needed > UPLOAD_TIME_CAP_MS) this.say(needed, rate, 'at the rate so far')
  }

  private say(neededMs: number, rate: number, basis: string): void {
    this.said = true
    this.log.warning(
      `This upload needs about ${formatDuration(neededMs)} ${basis} (${formatBytes(rate)}/s), and 1fichier stops an ` +
        `upload after 4 hours: it will likely fail. Back up less per run (several series, or exclude large files), ` +
        `or run where the link to 1fichier is faster.`,
    )
  }
}

/** e.g. "Uploading: 45% (120.0 MiB of 266.7 MiB), 25.3 MiB/s, 6.0 s left". */
export function uploadProgress(sentBytes: number, totalBytes: number, seconds: number): string {
  const rate = sentBytes / Math.max(seconds, 0.001)
  const left = rate > 0 ? `, ${formatDuration((1000 * (totalBytes - sentBytes)) / rate)} left` : ''
  return (
    `Uploading: ${Math.floor((100 * sentBytes) / Math.max(totalBytes, 1))}% ` +
    `(${formatBytes(sentBytes)} of ${formatBytes(totalBytes)}), ${formatBytes(rate)}/s${left}`
  )
}

/** What the upload stage hands on: where the file went, end.pl's link, and the zip's checksums. */
export interface Uploaded {
  folderId: number
  link: UploadLink
  /** The folder's files before the upload: what proves that a bad copy is this run's own. */
  before: FileItem[] | undefined
  /**
   * The latest listing this run made of the folder (looking for the file, else the one before the
   * upload): retention plans from it, with the new backup added, rather than wait 30 s to list again.
   */
  listing: FileItem[] | undefined
  local: ArchiveResult & Digests
}

export interface UploadInput {
  /** The destination lookup, started while the zip was written. */
  lookup: Lookup
  fileName: string
  archive: ArchiveResult
  checksums: Checksums
  progressEveryMs?: number | undefined
}

/** The upload stage: the destination (looked up meanwhile), then the upload, then end.pl's answer. */
export async function uploadStage(
  // state: where the last upload's rate is kept (the 4-hour cap).
  session: Pick<Session<Config>, 'config' | 'client' | 'log' | 'signal' | 'state'>,
  input: UploadInput,
): Promise<Uploaded> {
  const { config, client, log, state } = session
  const { archive, fileName } = input
  const { folder, listing: before, listingError } = await destinationOf(input.lookup, log)
  const folderId = folder.id ?? ROOT_FOLDER_ID
  log.info(`Destination: ${showFolder(folder.path)} (folder id ${folderId})`)
  if (listingError)
    log.warning(
      `Listing the folder before the upload failed (${listingError.message}); it is listed again for retention`,
    )
  let link: UploadLink
  try {
    link = await uploadWithRetries(client, {
      filePath: archive.path,
      fileName,
      size: archive.size,
      folderId,
      linkPassword: config.linkPassword,
      retries: config.retries,
      log,
      signal: session.signal,
      progressEveryMs: input.progressEveryMs,
      previousRate: await state?.uploadRate(),
      onRate: (rate) => void state?.rememberUploadRate(rate),
    })
  } catch (error) {
    if (!(error instanceof UploadResultMissing)) throw error
    const local = { ...archive, ...(await input.checksums.result()) }
    const found = await findInFolder(client, folderId, fileName, local, error, before, log)
    return { folderId, link: found.link, before, listing: found.listing, local }
  }
  return { folderId, link, before, listing: before, local: { ...archive, ...(await input.checksums.result()) } }
}

/** end.pl never answered with the link: look for the file in the folder itself. */
async function findInFolder(
  client: OneFichierApi,
  folderId: number,
  fileName: string,
  archive: ArchiveResult & Digests,
  cause: UploadResultMissing,
  before: readonly FileItem[] | undefined,
  log: Log,
): Promise<{ link: UploadLink; listing: FileItem[] }> {
  log.warning(`${cause.cause.headline}; looking for the file in the folder instead`)
  const foreign =
    cause.foreign.length > 0
      ? ` end.pl reported only ${describeLinks(cause.foreign)}: not this backup, left alone.`
      : ''
  let listing: FileItem[]
  try {
    // A new listing (the upload changed the folder); retention reuses it.
    listing = await client.listFiles(folderId)
  } catch (error) {
    throw new BackupError(
      `The upload's result is unknown: end.pl gave no link and the folder could not be listed ` +
        `(${(error as Error).message}).${foreign} Nothing was deleted; check the folder for ${fileName}.`,
    )
  }
  // Ours: our exact name, the zip's size and Whirlpool, and not in the folder before the upload.
  const match = listing.find(
    (item) =>
      item.filename === fileName &&
      toNumber(item.size) === archive.size &&
      item.checksum?.toLowerCase() === archive.whirlpool &&
      fileIdOf(item.url) !== null &&
      !before?.some((old) => sameFile(old.url, item.url)),
  )
  if (!match) {
    throw new BackupError(
      `The upload's result is unknown: end.pl gave no link (${cause.cause.detail}) and ${fileName} with the zip's ` +
        `size and Whirlpool is not in the folder.${foreign} Nothing was deleted; run the job again.`,
    )
  }
  log.info(`Found ${fileName} in the folder with the zip's size and Whirlpool`)
  const link = { download: match.url, filename: match.filename, size: match.size, whirlpool: match.checksum ?? '' }
  return { link, listing }
}
