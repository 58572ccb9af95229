// One small function per 1fichier endpoint, and nothing else (rclone's api.go). What a folder or a
// backup means lives in the callers.
import { OneFichierError, networkFailure } from './errors.js'
import { sameFile } from './file-id.js'
import { fileBody } from './file-body.js'
import { multipartLayout } from './multipart.js'
import { type DownloadBody, parseApiAnswer, type Transport } from './transport.js'
import { checkUploadAnswer, isScanWait, scanPending } from './upload-answer.js'
import { type AccountFacts, accountFacts } from './account.js'
import {
  type FileInfo,
  type FileItem,
  type FileList,
  type FolderList,
  type MakeFolderAnswer,
  type RemoveAnswer,
  type SubFolder,
  type UploadLink,
  type UploadResult,
  type UploadServer,
  toNumber,
} from './types.js'

export const ROOT_FOLDER_ID = 0

/** The API page: one listing per folder per 30 s (a second more, for the time a request takes). */
const LISTING_INTERVAL_MS = 31_000

/** The API documents at most 5,000 results per folder listing: a full page may be cut short. */
export const LISTING_LIMIT = 5_000

/** Listings whose answer counted more files than it listed. */
const shortListings = new WeakSet<readonly FileItem[]>()

/**
 * Whether a listing may lack files: as many items as the API ever returns, or fewer than its own
 * `count`. Nothing is deleted, and no "latest" picked, on the strength of such a listing.
 */
export function listingMayBeIncomplete(items: readonly FileItem[]): boolean {
  return items.length >= LISTING_LIMIT || shortListings.has(items)
}

interface UploadProgress {
  sentBytes: number
  totalBytes: number
}

export interface UploadRequest {
  server: UploadServer
  filePath: string
  fileName: string
  size: number
  folderId: number
  linkPassword?: string
  onProgress?: (progress: UploadProgress) => void
}

/** user/info.cgi is advice: a stalled answer never holds a backup longer than this. */
const ACCOUNT_INFO_TIMEOUT_MS = 20_000

/** end.pl's antivirus wait: at most this long (a C# client waits 5 minutes), asking again this often. */
const SCAN_WAIT_MS = 5 * 60_000
const SCAN_POLL_MS = 10_000

/** A node asked for ahead of the upload is used only this soon after: how long 1fichier keeps one is not documented. */
const PREFETCHED_SERVER_MAX_AGE_MS = 60_000

export class OneFichierClient {
  /** Each folder's listing while this client has not changed the folder (the API allows one per folder per 30 s). */
  private readonly listings = new Map<number, FileItem[]>()
  private prefetched: { server: Promise<UploadServer | null>; at: number } | undefined

  constructor(readonly transport: Transport) {}

  /** folder/ls.cgi: the sub-folders of a folder. */
  async listFolders(folderId: number): Promise<SubFolder[]> {
    const answer = await this.transport.api<FolderList>('folder/ls.cgi', { folder_id: folderId }, 'POST', {
      readOnly: true,
    })
    return Array.isArray(answer.sub_folders) ? answer.sub_folders : []
  }

  /** folder/mkdir.cgi: creates a folder, returns its id. Sent once: sent twice it could make two. */
  async makeFolder(name: string, parentId: number): Promise<number> {
    const answer = await this.transport.api<MakeFolderAnswer>(
      'folder/mkdir.cgi',
      { name, folder_id: parentId },
      'POST',
      { retry: false },
    )
    const id = toNumber(answer.folder_id)
    if (id === undefined) throw new OneFichierError('fatal', 'folder/mkdir.cgi', 'the answer has no folder_id')
    return id
  }

  /**
   * file/ls.cgi: a folder's files (at most 5,000, per the API page). One listing per folder per 30 s,
   * so a listing is reused while this client has not changed the folder since (no upload into it,
   * no file removed); `fresh` asks again all the same (a file that shows late).
   */
  async listFiles(folderId: number, options: { fresh?: boolean } = {}): Promise<FileItem[]> {
    const known = this.listings.get(folderId)
    if (known && !options.fresh) return known
    const items = await this.requestListing(folderId)
    this.listings.set(folderId, items)
    return items
  }

  private async requestListing(folderId: number): Promise<FileItem[]> {
    const answer = await this.transport.api<FileList>('file/ls.cgi', { folder_id: folderId }, 'POST', {
      spacing: { key: `file/ls.cgi:${folderId}`, intervalMs: LISTING_INTERVAL_MS, what: `listing folder ${folderId}` },
      readOnly: true,
    })
    if (answer.items !== undefined && !Array.isArray(answer.items)) {
      throw new OneFichierError('retryable', 'file/ls.cgi', 'the answer has no list of items')
    }
    const items = answer.items ?? []
    const count = toNumber(answer.count)
    if (count !== undefined && count > items.length) shortListings.add(items)
    return items
  }

  /**
   * file/info.cgi: one file's folder, size and Whirlpool checksum. Frequent calls provoke "Owner
   * locked" (JDownloader's plugin, see below): `once` asks a single time, the caller falls back on a
   * listing. https://github.com/mirror/jdownloader/blob/master/src/jd/plugins/hoster/OneFichierCom.java
   */
  async fileInfo(url: string, options: { once?: boolean } = {}): Promise<FileInfo> {
    return this.transport.api<FileInfo>('file/info.cgi', { url }, 'POST', { readOnly: true, retry: !options.once })
  }

  /** file/chattr.cgi: sets one file's description; returns the confirmed `updated` count. */
  async setDescription(url: string, description: string): Promise<number> {
    // Sent once: a change is never sent twice.
    const answer = await this.transport.api<{ updated?: number | string }>(
      'file/chattr.cgi',
      { urls: [url], description },
      'POST',
      { retry: false },
    )
    return toNumber(answer.updated) ?? 0
  }

  /** file/rm.cgi for one URL (as rclone does): the confirmed `removed` count. Sent once: the caller lists again. */
  async removeFile(url: string): Promise<number> {
    // Sent at all, it may have taken effect: a listing that showed the file is out of date.
    for (const [folderId, items] of this.listings)
      if (items.some((i) => sameFile(i.url, url))) this.listings.delete(folderId)
    const answer = await this.transport.api<RemoveAnswer>('file/rm.cgi', { files: [{ url }] }, 'POST', { retry: false })
    return toNumber(answer.removed) ?? 0
  }

  /**
   * download/get_token.cgi: a URL for one file, valid 5 minutes. `single: 0`, as JDownloader asks it,
   * so that the same URL serves the resumes (Range) while it lives; `no_ssl: 0` so that an account set
   * to plain-HTTP downloads still gets https; `pass` for a file with a download password, `cdn: 1` to
   * spend CDN credit (needed from a datacenter).
   */
  async getDownloadToken(url: string, options: { password?: string; cdn?: boolean } = {}): Promise<string> {
    const body: Record<string, unknown> = { url, single: 0, no_ssl: 0 }
    if (options.password) body.pass = options.password
    if (options.cdn) body.cdn = 1
    const answer = await this.transport.api<{ url?: unknown }>('download/get_token.cgi', body, 'POST', {
      readOnly: true,
    })
    if (typeof answer.url !== 'string' || !/^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\//.test(answer.url)) {
      throw new OneFichierError('retryable', 'download/get_token.cgi', 'the answer has no valid https download URL')
    }
    return answer.url
  }

  /** A download token's URL from byte `offset` on, its body handed to `receive` (one try; the caller retries). */
  download(tokenUrl: string, offset: number, receive: (body: DownloadBody) => Promise<void>): Promise<void> {
    return this.transport.download(tokenUrl, offset, receive)
  }

  /**
   * Asks for an upload node now, for the next upload: the API's pacing would otherwise add a wait
   * just before it. A failure here is not reported: the upload then asks again.
   */
  prefetchUploadServer(): void {
    const prefetched = { at: 0, server: Promise.resolve<UploadServer | null>(null) }
    prefetched.server = this.requestUploadServer().then(
      (server) => ((prefetched.at = Date.now()), server),
      () => null,
    )
    this.prefetched = prefetched
  }

  /** upload/get_upload_server.cgi: a fresh node and upload id for every upload (a prefetched one once, while fresh). */
  async getUploadServer(): Promise<UploadServer> {
    const prefetched = this.prefetched
    this.prefetched = undefined
    const server = prefetched ? await prefetched.server : null
    if (server && prefetched && Date.now() - prefetched.at < PREFETCHED_SERVER_MAX_AGE_MS) return server
    return this.requestUploadServer()
  }

  private async requestUploadServer(): Promise<UploadServer> {
    const answer = await this.transport.api<Partial<UploadServer>>('upload/get_upload_server.cgi', undefined, 'GET', {
      readOnly: true,
    })
    const { url, id } = answer
    // The node becomes part of an https URL that carries the key: accept a host name (and port) only.
    if (typeof url !== 'string' || !/^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/.test(url)) {
      throw new OneFichierError('retryable', 'upload/get_upload_server.cgi', 'the answer has no valid upload node')
    }
    if (typeof id !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(id)) {
      throw new OneFichierError('retryable', 'upload/get_upload_server.cgi', 'the answer has no valid upload id')
    }
    return { url, id }
  }

  /**
   * POST https://<node>/upload.cgi?id=<id>: `did` (and `dpass`) before `file[]`, a real Content-Length,
   * never retried here (the body is a stream): the caller retries the whole upload with a new node.
   * A transfer with no progress for the stall timeout is aborted.
   */
  async upload(req: UploadRequest): Promise<void> {
    const operation = 'upload to 1fichier'
    // Whatever its outcome, the folder may hold one more file: its listing is out of date.
    this.listings.delete(req.folderId)
    const fields: Array<[string, string]> = [['did', String(req.folderId)]]
    if (req.linkPassword) fields.push(['dpass', req.linkPassword])
    const layout = multipartLayout(fields, { field: 'file[]', fileName: req.fileName, size: req.size })
    const stallTimeoutMs = this.transport.options.stallTimeoutMs
    const stall = new AbortController()
    let lastProgressAt = Date.now()
    let sent = 0
    const body = fileBody(req.filePath, {
      preamble: layout.preamble,
      epilogue: layout.epilogue,
      onChunk: (fileBytes) => {
        sent = fileBytes
        lastProgressAt = Date.now()
        req.onProgress?.({ sentBytes: sent, totalBytes: req.size })
      },
    })
    const watchdog = setInterval(
      () => {
        if (Date.now() - lastProgressAt > stallTimeoutMs) stall.abort(new Error('stalled'))
      },
      Math.min(1_000, stallTimeoutMs / 4),
    )
    try {
      await this.transport.once(async () => {
        const response = await this.transport.send(operation, {
          method: 'POST',
          url: `https://${req.server.url}/upload.cgi?id=${encodeURIComponent(req.server.id)}`,
          headers: { 'content-type': layout.contentType, 'content-length': String(layout.contentLength) },
          body,
          signal: stall.signal,
        })
        // Only 1fichier's 302 to end.pl is a success; a page is a refusal (read inside the paced
        // call, so that a lock answer holds off every call after it).
        checkUploadAnswer(operation, response, describeRequest(fields, req, layout.contentLength))
      })
    } catch (error) {
      if (stall.signal.aborted && !this.transport.options.signal?.aborted) {
        throw new OneFichierError(
          'retryable',
          operation,
          `no progress for ${Math.round(stallTimeoutMs / 1000)} s after ${sent} of ${req.size} bytes ` +
            `(stall-timeout-seconds)`,
        )
      }
      if (error instanceof OneFichierError) throw error
      this.transport.options.signal?.throwIfAborted()
      throw networkFailure(operation, error)
    } finally {
      clearInterval(watchdog)
      // Closes the file if undici stopped pulling half way.
      await body.return(undefined)
    }
  }

  /**
   * GET https://<node>/end.pl?xid=<id> with the `JSON: 1` header. An HTML page or an empty list of
   * links has been seen from the real service: both are retried before failing; its "please wait"
   * page, while the upload is scanned, is waited out (paced, up to 5 minutes, said in the log). Only
   * a link with exactly this run's file name is the upload's; any other is returned apart.
   */
  async uploadResult(server: UploadServer, fileName: string): Promise<UploadOutcome> {
    const operation = 'upload result (end.pl)'
    const { log, timeScale } = this.transport.options
    const started = Date.now()
    for (;;) {
      try {
        return await this.transport.withRetries(operation, undefined, () => this.readUploadResult(server, fileName))
      } catch (error) {
        if (!(error instanceof OneFichierError) || error.kind !== 'pending') throw error
        const waited = Date.now() - started
        if (waited >= SCAN_WAIT_MS * timeScale)
          throw new OneFichierError('retryable', operation, '1fichier was still scanning the upload after 5 minutes')
        const seconds = Math.round(waited / 1000 / timeScale)
        log.info(
          `1fichier is scanning the upload (antivirus): waiting for its link, ${seconds} s ` +
            `so far, at most ${SCAN_WAIT_MS / 60_000} minutes`,
        )
        await this.transport.pacer.pause(SCAN_POLL_MS, this.transport.options.signal)
      }
    }
  }

  /**
   * One look at end.pl after a failed upload: the link if the file landed after all, else null.
   * A scan under way means it landed: its end is waited for.
   */
  async probeUploadResult(server: UploadServer, fileName: string): Promise<UploadLink | null> {
    try {
      const { link } = await this.transport.once(() => this.readUploadResult(server, fileName))
      return link
    } catch (error) {
      if (!(error instanceof OneFichierError) || error.kind !== 'pending') return null
    }
    return this.uploadResult(server, fileName).then(
      (outcome) => outcome.link,
      () => null,
    )
  }

  /**
   * user/info.cgi: the account's offer, quota and upload ban. Its own limit is strict (1 call a
   * minute per IP, 1 per 5 minutes per account): asked once, never retried; the caller keeps the
   * answer. Advice only, so a node that does not answer is given up on after 20 s.
   */
  async accountInfo(): Promise<AccountFacts> {
    const answer = await this.transport.api<Record<string, unknown>>('user/info.cgi', {}, 'POST', {
      retry: false,
      readOnly: true,
      timeoutMs: ACCOUNT_INFO_TIMEOUT_MS,
    })
    return accountFacts(answer)
  }

  /** Ends the connections (the run is over). */
  async close(): Promise<void> {
    await this.transport.close()
  }

  private async readUploadResult(server: UploadServer, fileName: string): Promise<UploadOutcome> {
    const operation = 'upload result (end.pl)'
    const response = await this.transport.send(operation, {
      method: 'GET',
      url: `https://${server.url}/end.pl?xid=${encodeURIComponent(server.id)}`,
      headers: { json: '1' },
    })
    if (isScanWait(response)) throw scanPending(operation)
    const answer = parseApiAnswer<UploadResult>(operation, response)
    const links = Array.isArray(answer.links)
      ? (answer.links as Array<UploadLink | null>).filter((l): l is UploadLink => typeof l?.download === 'string')
      : []
    if (links.length === 0) throw new OneFichierError('retryable', operation, '1fichier listed no uploaded file')
    const ours = links.filter((l) => l.filename === fileName)
    return { link: ours[0] ?? null, others: links.filter((l) => l !== ours[0]) }
  }
}

/**
 * The client as the rest of the code uses it: its public calls only, so that a test can hand the
 * run an in-memory fake (test/helpers/fake-client.ts) instead.
 */
export type OneFichierApi = Pick<
  OneFichierClient,
  | 'listFolders'
  | 'makeFolder'
  | 'listFiles'
  | 'fileInfo'
  | 'setDescription'
  | 'removeFile'
  | 'prefetchUploadServer'
  | 'getUploadServer'
  | 'upload'
  | 'uploadResult'
  | 'probeUploadResult'
  | 'accountInfo'
  | 'getDownloadToken'
  | 'download'
  | 'close'
>

/** What end.pl said: the link with this run's exact name (or null), and every other link it gave. */
export interface UploadOutcome {
  link: UploadLink | null
  others: UploadLink[]
}

/** What an upload request held, for a refusal no retry helps: field names (no value but did), the file, the length. */
function describeRequest(fields: ReadonlyArray<[string, string]>, req: UploadRequest, contentLength: number): string {
  const names = fields.map(([name, value]) => (name === 'did' ? `did=${value}` : name))
  return (
    `multipart/form-data with ${names.join(', ')}, then file[] '${req.fileName}' (${req.size} bytes), ` +
    `Content-Length ${contentLength}`
  )
}
