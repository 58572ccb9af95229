// A backup brought down to a file: one token (get_token.cgi) reused for every resume while it lives
// (5 minutes), a new one only when it has expired or the node refuses it; a dropped connection
// resumed with Range; never more than the listed size written. Then the size and, when the listing
// has one, the Whirlpool checked; a corrupted download is fetched again once, then refused.
import { open, rm, stat } from 'node:fs/promises'
import { BackupError } from '../core/errors.js'
import { digestFile } from '../platform/digest.js'
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
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number
}

/** What the download was checked against: the listing's size, and its Whirlpool when it gives one. */
export type DownloadCheck = 'size and Whirlpool' | 'size only'

/** Whole downloads tried when the bytes do not match the listing. */
const WHOLE_ATTEMPTS = 2
/** A token URL lives 5 minutes (1fichier's API page); a little is kept for the request itself. */
const TOKEN_LIFE_MS = 4.5 * 60_000

/** The two calls a download makes. */
type DownloadClient = Pick<OneFichierApi, 'getDownloadToken' | 'download'>

export async function downloadBackup(
  client: DownloadClient,
  backup: ListedBackup,
  file: string,
  options: DownloadOptions,
): Promise<DownloadCheck> {
  const { log } = options
  const tokens = new TokenKeeper(client, backup, options)
  const checked: DownloadCheck = backup.whirlpool === '' ? 'size only' : 'size and Whirlpool'
  for (let whole = 1; ; whole++) {
    await rm(file, { force: true })
    await fetchResuming(client, tokens, backup, file, options)
    const size = (await stat(file)).size
    const problem =
      backup.size >= 0 && size !== backup.size
        ? `${formatBytes(size)} arrived, the listing says ${formatBytes(backup.size)}`
        : await whirlpoolProblem(file, backup)
    if (!problem) {
      log.info(
        `Downloaded ${backup.fileName} (${formatBytes(size)}); ${
          checked === 'size only'
            ? "its size matches 1fichier's (the listing gives no Whirlpool to compare)"
            : "size and Whirlpool match 1fichier's"
        }`,
      )
      return checked
    }
    await rm(file, { force: true })
    if (whole >= WHOLE_ATTEMPTS) {
      throw new BackupError(
        `The download of ${backup.fileName} is corrupted (${problem}) after ${whole} tries; nothing was extracted. ` +
          `Run again later.`,
      )
    }
    log.warning(`The download of ${backup.fileName} is corrupted (${problem}); downloading it again with a new token`)
    tokens.discard()
  }
}

async function whirlpoolProblem(file: string, backup: ListedBackup): Promise<string | null> {
  if (backup.whirlpool === '') return null
  const { whirlpool } = await digestFile(file).result
  return whirlpool === backup.whirlpool
    ? null
    : `its Whirlpool ${whirlpool.slice(0, 16)}... is not 1fichier's ${backup.whirlpool.slice(0, 16)}...`
}

async function fetchResuming(
  client: DownloadClient,
  tokens: TokenKeeper,
  backup: ListedBackup,
  file: string,
  options: DownloadOptions,
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
          await writeBody(chunks, file, from, backup.size, (total) => (stored = total))
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

/**
 * The body into `file` from byte `from` on (0: the file starts over), never past the listed `size`:
 * a node that sends more is refused there, and the next try starts over. `onStored` hears the
 * file's length after each write, so a dropped connection resumes where the file ends.
 */
async function writeBody(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  from: number,
  size: number,
  onStored: (total: number) => void,
): Promise<void> {
  const out = await open(file, from === 0 ? 'w' : 'a')
  try {
    let total = from
    for await (const chunk of chunks) {
      if (size >= 0 && total + chunk.length > size) {
        onStored(0)
        throw new OneFichierError(
          'retryable',
          'download',
          `the download node sent more than the listed ${size} bytes; the download was stopped there`,
        )
      }
      await out.write(chunk)
      total += chunk.length
      onStored(total)
    }
  } finally {
    await out.close()
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
