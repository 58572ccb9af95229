// A backup brought down to a file: one token (get_token.cgi) reused for every resume while it lives
// (5 minutes), a new one only when it has expired or the node refuses it; a dropped connection
// resumed with Range; never more than the listed size written. Its Whirlpool is taken beside, by a
// child process that reads the file as it is written, and the file is handed on as soon as its size
// matches the listing: what lasts (a restore moved into its target) waits for the Whirlpool to match.
// Fed through this process, the Whirlpool held the download to its own speed (78 MB/s here, where
// curl writes 220 MB/s). A download whose size or Whirlpool is not the listing's is fetched again once,
// and the work on it done again; then it is refused.
import { open, rm, stat, type FileHandle } from 'node:fs/promises'
import { BackupError } from '../core/errors.js'
import { GrowingFileWhirlpool } from '../platform/digest.js'
import { formatBytes } from '../core/format.js'
import type { Log } from '../platform/log.js'
import type { OneFichierApi } from '../onefichier/client.js'
import { OneFichierError, errorNumber, isRetryable } from '../onefichier/errors.js'
import { retry } from '../onefichier/retry.js'
import type { ListedBackup } from '../series/read.js'

export interface DownloadOptions {
  linkPassword: string
  cdn: boolean
  retries: number
  log: Log
  signal?: AbortSignal | undefined
  /** Says a failure to write the download (a full temporary disk) in words a user can act on. */
  fileFailure?: (error: unknown) => unknown
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number
}

/** What the download was checked against: the listing's size, and its Whirlpool when it gives one. */
type DownloadCheck = 'size and Whirlpool' | 'size only'

/** The downloaded file, as the work on it gets it. */
export interface Download {
  file: string
  checked: DownloadCheck
  /**
   * Resolves once the file's Whirlpool is known to be the listing's (at once when the listing gives
   * none); rejects when it is not. Whatever lasts waits for it.
   */
  verified: () => Promise<void>
}

/** Whole downloads tried when the bytes do not match the listing. */
const WHOLE_ATTEMPTS = 2
/** A token URL lives 5 minutes (1fichier's API page); a little is kept for the request itself. */
const TOKEN_LIFE_MS = 4.5 * 60_000

/** The two calls a download makes. */
type DownloadClient = Pick<OneFichierApi, 'getDownloadToken' | 'download'>

/**
 * Downloads the backup to `file` and runs `use` on it while its Whirlpool is compared; returns what
 * `use` returns once both are done. A download that does not match the listing is fetched again once
 * and `use` run again on the new one (its failure on bad bytes is the download's, not the backup's).
 */
export async function useDownload<T>(
  client: DownloadClient,
  backup: ListedBackup,
  file: string,
  options: DownloadOptions,
  use: (download: Download) => Promise<T>,
): Promise<T> {
  const { log } = options
  const tokens = new TokenKeeper(client, backup, options)
  const checked: DownloadCheck = backup.whirlpool === '' ? 'size only' : 'size and Whirlpool'
  for (let whole = 1; ; whole++) {
    const whirlpool = new WhirlpoolCheck(file, backup, options)
    let problem: string | null
    try {
      const size = await fetchWhole(client, tokens, backup, file, options, whirlpool).catch((error: unknown) => {
        throw options.fileFailure?.(error) ?? error
      })
      problem =
        backup.size >= 0 && size !== backup.size
          ? `${formatBytes(size)} arrived, the listing says ${formatBytes(backup.size)}`
          : null
      if (problem === null) {
        log.info(
          `Downloaded ${backup.fileName} (${formatBytes(size)}); ${
            checked === 'size only'
              ? "its size matches 1fichier's (the listing gives no Whirlpool to compare)"
              : "its size matches 1fichier's"
          }`,
        )
        whirlpool.finish(size)
        try {
          const result = await use({ file, checked, verified: () => whirlpool.verified() })
          await whirlpool.verified()
          return result
        } catch (error) {
          // Bytes that are not 1fichier's explain any failure on them; without that, the failure is the work's.
          problem = options.signal?.aborted ? null : await whirlpool.problem()
          if (problem === null) throw error
        }
      }
    } finally {
      whirlpool.cancel()
    }
    await rm(file, { force: true })
    if (whole >= WHOLE_ATTEMPTS) {
      throw new BackupError(
        `The download of ${backup.fileName} is corrupted (${problem}) after ${whole} tries; nothing was restored. ` +
          `Run again later.`,
      )
    }
    log.warning(`The download of ${backup.fileName} is corrupted (${problem}); downloading it again with a new token`)
    tokens.discard()
  }
}

/** Hears where each write of the body starts and how far the file's bytes are final. */
interface WriteProgress {
  starting(from: number): void
  stored(length: number): void
}

/** The backup into `file`, from its first byte; returns the file's size. */
async function fetchWhole(
  client: DownloadClient,
  tokens: TokenKeeper,
  backup: ListedBackup,
  file: string,
  options: DownloadOptions,
  progress: WriteProgress,
): Promise<number> {
  await rm(file, { force: true })
  await fetchResuming(client, tokens, backup, file, options, progress)
  return (await stat(file)).size
}

/**
 * The file's Whirlpool against the listing's: taken by a child process as the file is written, and
 * awaited where it is needed. A download that starts over is hashed from its start again.
 */
class WhirlpoolCheck implements WriteProgress {
  private readonly abort = new AbortController()
  /** Aborted by the run's cancel or by cancel(). */
  private readonly signal: AbortSignal
  private hashing: GrowingFileWhirlpool | null = null
  /** How far the hashing has been told the file is final. */
  private told = 0
  /** The mismatch, or null when it matched (or the listing gives no Whirlpool). */
  private mismatch: Promise<string | null> = Promise.resolve(null)

  constructor(
    private readonly file: string,
    private readonly backup: ListedBackup,
    private readonly options: DownloadOptions,
  ) {
    this.signal = options.signal ? AbortSignal.any([options.signal, this.abort.signal]) : this.abort.signal
    if (backup.whirlpool !== '') this.hashing = new GrowingFileWhirlpool(file, this.signal)
  }

  starting(from: number): void {
    if (!this.hashing || from >= this.told) return
    // The file starts over: what was hashed is gone.
    this.hashing.cancel()
    this.hashing = new GrowingFileWhirlpool(this.file, this.signal)
    this.told = 0
  }

  stored(length: number): void {
    this.hashing?.grown(length)
    this.told = Math.max(this.told, length)
  }

  /** The file is whole, `size` bytes long: its Whirlpool is compared as soon as it is taken. */
  finish(size: number): void {
    if (!this.hashing) return
    const { backup, options } = this
    this.mismatch = this.hashing.digest(size).then((whirlpool) => {
      if (whirlpool !== backup.whirlpool)
        return `its Whirlpool ${whirlpool.slice(0, 16)}... is not 1fichier's ${backup.whirlpool.slice(0, 16)}...`
      options.log.info(`${backup.fileName}: size and Whirlpool match 1fichier's`)
      return null
    })
    // A failure surfaces where it is awaited; until then it must not be unhandled.
    this.mismatch.catch(() => undefined)
  }

  async verified(): Promise<void> {
    const mismatch = await this.mismatch
    if (mismatch !== null) throw new BackupError(`The download is corrupted (${mismatch}).`)
  }

  /** The mismatch once the hash is done; null when it matched or could not be taken. */
  problem(): Promise<string | null> {
    return this.mismatch.catch(() => null)
  }

  cancel(): void {
    this.hashing?.cancel()
    this.abort.abort()
  }
}

async function fetchResuming(
  client: DownloadClient,
  tokens: TokenKeeper,
  backup: ListedBackup,
  file: string,
  options: DownloadOptions,
  progress: WriteProgress,
): Promise<void> {
  // The bytes safely in the file: where a dropped connection resumes.
  let stored = 0
  let offset = 0
  // The token is asked for before each try, outside it: that call has its own retries and advice.
  let token = await tokens.get()
  await retry(
    async () => {
      try {
        await client.download(token, offset, async ({ from, chunks }) => {
          stored = from
          progress.starting(from)
          await writeBody(chunks, file, {
            from,
            size: backup.size,
            onStored: (total) => {
              stored = total
              progress.stored(total)
            },
          })
        })
      } catch (error) {
        if (error instanceof OneFichierError && error.kind === 'fatal') throw nodeRefusal(error)
        throw error
      }
    },
    {
      attempts: options.retries,
      // A refused token is tried again too, with a new one.
      retryable: (error) => isRetryable(error.kind) || error.kind === 'token',
      giveUp: (error) => error,
      beforeRetry: async (error, attempt) => {
        // A refused token, or a node error that may be the token's: the next try asks a new one.
        if (error.kind === 'token' || error.httpStatus !== undefined) tokens.discard()
        offset = stored
        options.log.warning(
          `${error.detail}; ${offset > 0 ? `resuming from byte ${offset}` : 'trying again'} (attempt ${attempt + 1} ` +
            `of ${options.retries})`,
        )
        token = await tokens.get()
      },
    },
  )
}

/** Written in gathered writes of about this many bytes or chunks (a write per network chunk cost a trip each). */
const WRITE_BATCH_BYTES = 1 << 20
const WRITE_BATCH_CHUNKS = 64

/**
 * The body into `file` from byte `from` on (0: the file starts over), never past the listed `size`:
 * a node that sends more is refused there, and the next try starts over. `onStored` hears the
 * file's length after each write, so a dropped connection resumes where the file ends.
 */
async function writeBody(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  at: { from: number; size: number; onStored: (total: number) => void },
): Promise<void> {
  const { size, onStored } = at
  const out = await open(file, at.from === 0 ? 'w' : 'r+')
  try {
    // Written at explicit positions: a resume starts exactly where the stored bytes end.
    if (at.from > 0) await out.truncate(at.from)
    let total = at.from
    let batch: Buffer[] = []
    let batchBytes = 0
    const flush = async () => {
      if (batchBytes === 0) return
      const written = batch
      batch = []
      await writeAll(out, written, batchBytes, total)
      total += batchBytes
      batchBytes = 0
      onStored(total)
    }
    // Set while a chunk is handled: an error outside it is the connection's.
    let handling = false
    try {
      for await (const chunk of chunks) {
        handling = true
        if (size >= 0 && total + batchBytes + chunk.length > size) {
          onStored(0)
          throw new OneFichierError(
            'retryable',
            'download',
            `the download node sent more than the listed ${size} bytes; the download was stopped there`,
          )
        }
        batch.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        batchBytes += chunk.length
        if (batchBytes >= WRITE_BATCH_BYTES || batch.length >= WRITE_BATCH_CHUNKS) await flush()
        handling = false
      }
    } catch (error) {
      // A dropped connection: what arrived before it is kept, and the next try resumes after it.
      if (!handling) await flush()
      throw error
    }
    await flush()
  } finally {
    await out.close()
  }
}

/** Every byte of `buffers` written at `position`: a short write (a disk filling up) goes on until it fails. */
async function writeAll(out: FileHandle, buffers: Buffer[], length: number, position: number): Promise<void> {
  let { bytesWritten } = await out.writev(buffers, position)
  while (bytesWritten < length) {
    const rest = Buffer.concat(buffers).subarray(bytesWritten)
    bytesWritten += (await out.write(rest, 0, rest.length, position + bytesWritten)).bytesWritten
  }
}

/** The download URL while it lives; a new one when it has expired or was refused. */
class TokenKeeper {
  private token: { url: string; at: number } | null = null

  constructor(
    private readonly client: DownloadClient,
    private readonly backup: ListedBackup,
    private readonly options: DownloadOptions,
  ) {}

  async get(): Promise<string> {
    const now = this.options.now ?? Date.now
    if (this.token && now() - this.token.at < TOKEN_LIFE_MS) return this.token.url
    const url = await this.ask()
    this.token = { url, at: now() }
    return url
  }

  discard(): void {
    this.token = null
  }

  /** 1fichier's refusals of downloads get their own advice. */
  private async ask(): Promise<string> {
    try {
      return await this.client.getDownloadToken(this.backup.url, {
        password: this.options.linkPassword,
        cdn: this.options.cdn,
      })
    } catch (error) {
      if (!(error instanceof OneFichierError)) throw error
      throw nodeRefusal(error)
    }
  }
}

const DATACENTER_ADVICE =
  'premium downloads through the API are refused from datacenter addresses, which a GitHub-hosted runner is, ' +
  "unless CDN credit is spent or the account is Premium GOLD. Use --cdn (the restore action's cdn: true) on an " +
  'account with CDN credit, or restore from another machine.'

/** A refusal of the download in words a user can act on; other errors as they are. */
function nodeRefusal(error: OneFichierError): Error {
  const code = errorNumber(error.detail)
  const text = error.detail.toLowerCase()
  if (code === 913 || /residential|professional services|cdn credit/.test(text))
    return new BackupError(`1fichier refused the download (${error.detail}): ${DATACENTER_ADVICE}`)
  if (code === 887)
    return new BackupError(
      `1fichier refused the download (${error.detail}): the account allows one location at a time, and the lock ` +
        `did not lift. Stop downloads from other places (or sign out elsewhere) and run again.`,
    )
  if (code === 611 || /password/.test(text))
    return new BackupError(
      `1fichier refused the download (${error.detail}): the backup has a download password; set ` +
        `ONEFICHIER_LINK_PASSWORD (the restore action's link-password) to it.`,
    )
  return error
}
