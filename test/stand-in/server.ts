// A loopback stand-in of 1fichier's API and upload nodes, over TLS, as https://1fichier.com/api.html
// and real clients (https://github.com/rclone/rclone/tree/master/backend/fichier) describe the real
// service: Bearer auth, POST + JSON calls, KO errors with HTTP 403, a required
// Content-Length on upload, Whirlpool checksums, Europe/Paris dates, a bad `did` silently dropping
// the file into the root, the per-folder listing limit (file/ls.cgi only: nothing documents it for
// folder/ls.cgi), HTTP 401 "Not authenticated #247" for an unknown key, locks that last and are
// extended by calls made during them, and files that appear late after their upload (info.cgi
// 404, listings without them). Faults can be injected per endpoint. Invented error numbers are
// 9xx and 7xx ones no real client has seen.
// It shares no code with the action: it is written from the API notes, not from our client.
// Runs under plain Node 24 (type stripping): no enums, no parameter properties.
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs'
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Socket } from 'node:net'
import busboy from 'busboy'
import { createWhirlpool } from 'hash-wasm'

const TLS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tls')
export const CA_CERT_PATH = path.join(TLS_DIR, 'ca.pem')

export type FaultKind =
  | 'http-500' // HTTP 500 with an HTML body
  | 'flood' // HTTP 403 "Flood detected: IP Locked #374", and a lock: every call for `lockMs` gets it (extending it)
  | 'ip-locked' // the bare form: HTTP 403 with the 9-byte body `IP Locked`, and a lock
  | 'owner-locked' // HTTP 403 "Owner locked #649" (frequent info.cgi calls), and a lock
  | 'user-locked' // HTTP 403 "Flood detected: User Locked #223", and a lock
  | 'ko-200' // HTTP 200 with a KO body
  | 'reset' // the connection is destroyed (for upload.cgi: after part of the body)
  | 'reset-after-body' // upload.cgi: the whole body is received and stored, then the connection drops
  | 'html' // HTTP 200 with an HTML page instead of JSON
  | 'empty-links' // end.pl: {"incoming":0,"links":[]}
  | 'stall' // the request is read, and no answer ever comes
  | 'slow' // the answer comes after `slowMs`
  | 'partial-rm' // rm.cgi: answers removed: 0 and deletes nothing
  | 'wrong-checksum' // end.pl and info.cgi report a wrong Whirlpool
  | 'drop-did' // upload.cgi: the file lands in the root, whatever `did` says
  | 'retry-after' // HTTP 429 with Retry-After: 1
  // Hostile or careless answers (issue 13): the client must never trust them with a deletion.
  | 'list-duplicates' // file/ls.cgi: every file twice, the list shuffled
  | 'list-undercount' // file/ls.cgi: the last file by name left out, `count` still counting it (an incomplete listing)
  | 'other-domain' // file/ls.cgi: every link under another 1fichier domain (same ids)
  | 'foreign-link' // end.pl: the link of somebody else's file in the account (not the upload)
  | 'old-backup-link' // end.pl: the link of the oldest backup of the folder, with a wrong Whirlpool
  | 'renamed' // upload.cgi: the file is stored as `name (1).zip`, and end.pl says so
  | 'echo-auth' // HTTP 403 KO whose message echoes the Authorization header, plain and URL-encoded
  | 'rm-then-reset' // file/rm.cgi: the file is deleted, then the connection drops before the answer
  | 'download-drop' // the download (token URL): part of the body, then the connection drops
  | 'download-corrupt' // the download: every byte sent, one of them flipped
  | 'datacenter' // get_token.cgi: "#913", premium downloads refused from a datacenter address without CDN credit
  | 'one-location' // get_token.cgi: "Only 1 location allowed at a time #887"
  | 'mkdir-race' // folder/mkdir.cgi: another client creates the folder first; this call answers "already exists"
  // The real service, round 3 (../shared/1fichier-api.md section 17, CSUploader's live observations).
  | 'refused-storage' // upload.cgi: HTTP 200 page "Ne peut ouvrir le fichier destination", nothing kept
  | 'refused-page' // upload.cgi: HTTP 200 page with an unknown reason, nothing kept
  | 'refused-no-file' // upload.cgi: HTTP 200 page "Pas de fichier trouvé dans l'envoi" (as for a malformed body)
  | 'refused-echo-auth' // upload.cgi: HTTP 200 refusal page that echoes the Authorization header, plain and encoded
  | 'scan-wait' // end.pl: the "Veuillez patienter" page while the upload is scanned (one answer per time)

export interface Fault {
  /** Endpoint path as logged, e.g. 'file/ls.cgi', 'upload.cgi', 'end.pl'; '*' for any. */
  endpoint: string
  kind: FaultKind
  /** How many requests it hits before it is spent. */
  times: number
}

export interface StoredFile {
  id: string
  url: string
  filename: string
  size: number
  whirlpool: string
  /** Paris local time, no zone, as the API gives it. */
  date: string
  folderId: number
  pass: string
  description: string
  /** Where the bytes are kept. */
  dataPath: string
  /** When it was stored (Date.now()): a file appears late (lateMs). Seeded files are there at once. */
  storedAt: number
  /** Listings of its folder it was left out of (lateListings). */
  listingsMissed?: number
}

export interface Folder {
  id: number
  name: string
  parentId: number
  createDate: string
}

export interface Account {
  apiKey: string
  customer: boolean
  folders: Map<number, Folder>
  files: StoredFile[]
  quotaBytes: number
  /** Locked by 1fichier for security (a password reset is needed): every call gets "No such user #93". */
  securityLocked?: boolean
  /** user/info.cgi's `offer`: 0 none (free), 1 Premium, 2 Access, 3 Premium GOLD. */
  offer: number
  /** user/info.cgi's `upload_forbidden`; upload.cgi refuses with a page. */
  uploadForbidden?: boolean
  /** user/info.cgi's `subscription_end`, 'YYYY-MM-DD HH:MM:SS'. */
  subscriptionEnd?: string
}

export interface LoggedRequest {
  method: string
  host: string
  /** Path without the query, e.g. /v1/file/ls.cgi or /upload.cgi. */
  path: string
  endpoint: string
  query: string
  headers: Record<string, string>
  /** Keys of a JSON body, sorted. */
  jsonKeys?: string[]
  /** Multipart field names in order (upload.cgi). */
  formFields?: string[]
  status?: number
  /** When it arrived (Date.now()). */
  at: number
}

export interface StandInOptions {
  /** 0 picks a free port. */
  port?: number
  host?: string
  /** Minimum time between two listings of one folder (the API says 30 s). */
  listIntervalMs?: number
  /** Most files a listing returns (the API says 5,000). */
  listLimit?: number
  /** Delay of the 'slow' fault. */
  slowMs?: number
  /** When set, a call that follows the previous one of the same key sooner than this is a flood. */
  minCallGapMs?: number
  /** Host name the upload node reports; default: host:port of this server. */
  uploadNodeHost?: string
  /** Hash uploads but keep no bytes (benchmarks). */
  discardUploads?: boolean
  /** How long a lock lasts after the last call made during it (the real service: at least 30 s). */
  lockMs?: number
  /** For this long after its upload, a file is not in listings and info.cgi answers 404. */
  lateMs?: number
  /**
   * Like lateMs, counted in listings instead of time: an uploaded file is left out of this many
   * listings of its folder (and info.cgi answers 404 until then), whenever they come.
   */
  lateListings?: number
  /** user/info.cgi: one call per account this often (the swagger: 5 minutes), else "Flood detected: IP Locked #38". */
  accountInfoIntervalMs?: number
  /** user/info.cgi: at most one call from any account this often (per IP; the swagger: 1 minute). */
  accountInfoIpIntervalMs?: number
}

const PARIS = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
})

/** 'YYYY-MM-DD HH:MM:SS' in Europe/Paris, daylight saving included, as 1fichier dates are. */
function parisTime(time: Date): string {
  return PARIS.format(time).replace('T', ' ')
}

class KoError extends Error {
  status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

const API_ENDPOINTS = new Set([
  'folder/ls.cgi',
  'folder/mkdir.cgi',
  'folder/rm.cgi',
  'file/ls.cgi',
  'file/info.cgi',
  'file/rm.cgi',
  'file/chattr.cgi',
  'user/info.cgi',
  'upload/get_upload_server.cgi',
  'download/get_token.cgi',
])

export class StandIn {
  readonly accounts = new Map<string, Account>()
  readonly requests: LoggedRequest[] = []
  readonly faults: Fault[] = []
  private server: Server | undefined
  private sockets = new Set<Socket>()
  private dataDir = ''
  private nextFolderId = 1000
  private uploads = new Map<string, { apiKey: string | null; links: unknown[] | null }>()
  private lastListing = new Map<string, number>()
  /** user/info.cgi's last call, per key and from anyone ('*'). */
  private lastAccountInfo = new Map<string, number>()
  /** One-use download tokens (get_token.cgi with single: 1) and the file each serves. */
  private tokens = new Map<string, { file: StoredFile; single: boolean; used: boolean }>()
  private lastCall = new Map<string, number>()
  private options: Required<Omit<StandInOptions, 'uploadNodeHost' | 'minCallGapMs'>> &
    Pick<StandInOptions, 'uploadNodeHost' | 'minCallGapMs'>
  /** A lock in force: until when, and what every call gets meanwhile. */
  private lock: { until: number; status: number; body: string; json: boolean } | undefined
  port = 0

  constructor(options: StandInOptions = {}) {
    this.options = {
      port: options.port ?? 0,
      host: options.host ?? '127.0.0.1',
      listIntervalMs: options.listIntervalMs ?? 30_000,
      listLimit: options.listLimit ?? 5_000,
      slowMs: options.slowMs ?? 2_000,
      uploadNodeHost: options.uploadNodeHost,
      minCallGapMs: options.minCallGapMs,
      discardUploads: options.discardUploads ?? false,
      lockMs: options.lockMs ?? 30_000,
      lateMs: options.lateMs ?? 0,
      lateListings: options.lateListings ?? 0,
      accountInfoIntervalMs: options.accountInfoIntervalMs ?? 300_000,
      accountInfoIpIntervalMs: options.accountInfoIpIntervalMs ?? 60_000,
    }
  }

  get apiUrl(): string {
    return `https://localhost:${this.port}/v1`
  }

  async start(): Promise<this> {
    this.dataDir = await mkdtemp(path.join(tmpdir(), '1fichier-stand-in-'))
    this.server = createServer(
      { key: readFileSync(path.join(TLS_DIR, 'server.key')), cert: readFileSync(path.join(TLS_DIR, 'server.pem')) },
      (req, res) => void this.handle(req, res),
    )
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    await new Promise<void>((resolve) => this.server!.listen(this.options.port, this.options.host, resolve))
    const address = this.server.address()
    this.port = typeof address === 'object' && address ? address.port : 0
    return this
  }

  /** Lets a CONNECT proxy hand it a TLS connection (rclone reaches it that way). */
  acceptConnection(socket: Socket): void {
    this.server!.emit('connection', socket)
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
    if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true })
  }

  addAccount(
    apiKey: string,
    options: Partial<Pick<Account, 'customer' | 'quotaBytes' | 'offer' | 'uploadForbidden' | 'subscriptionEnd'>> = {},
  ): Account {
    const account: Account = {
      apiKey,
      customer: options.customer ?? true,
      folders: new Map(),
      files: [],
      quotaBytes: options.quotaBytes ?? Number.MAX_SAFE_INTEGER,
      offer: options.offer ?? 1,
      uploadForbidden: options.uploadForbidden,
      subscriptionEnd: options.subscriptionEnd,
    }
    this.accounts.set(apiKey, account)
    return account
  }

  /** Lifts a lock in force (between tests that share one stand-in). */
  clearLock(): void {
    this.lock = undefined
  }

  injectFault(endpoint: string, kind: FaultKind, times = 1): void {
    this.faults.push({ endpoint, kind, times })
  }

  /** Creates the folders of `folderPath` as needed; returns the id of the last (0 = root). */
  ensureFolder(account: Account, folderPath: string): number {
    let parentId = 0
    for (const name of folderPath.split('/').filter(Boolean)) {
      const existing = [...account.folders.values()].find((f) => f.parentId === parentId && f.name === name)
      parentId = existing ? existing.id : this.createFolder(account, name, parentId).id
    }
    return parentId
  }

  /** Puts a file straight into a folder (a backup made earlier, or somebody's unrelated file). */
  async seedFile(
    account: Account,
    folderPath: string,
    filename: string,
    content: Buffer | string = 'seed',
    date = new Date(),
  ): Promise<StoredFile> {
    const data = Buffer.from(content)
    const dataPath = path.join(this.dataDir, `seed-${randomBytes(6).toString('hex')}`)
    await writeFile(dataPath, data)
    const whirlpool = await createWhirlpool()
    whirlpool.init()
    whirlpool.update(data)
    return this.storeFile(account, {
      filename,
      size: data.length,
      whirlpool: whirlpool.digest('hex'),
      folderId: this.ensureFolder(account, folderPath),
      pass: '',
      dataPath,
      date,
    })
  }

  /** Stores the file at `source` (moved, not copied) as `filename`: for the benchmark's large backups. */
  async seedFileFrom(account: Account, folderPath: string, filename: string, source: string): Promise<StoredFile> {
    const dataPath = path.join(this.dataDir, `seed-${randomBytes(6).toString('hex')}`)
    await rename(source, dataPath)
    const whirlpool = await createWhirlpool()
    whirlpool.init()
    for await (const chunk of createReadStream(dataPath)) whirlpool.update(chunk as Buffer)
    return this.storeFile(account, {
      filename,
      size: statSync(dataPath).size,
      whirlpool: whirlpool.digest('hex'),
      folderId: this.ensureFolder(account, folderPath),
      pass: '',
      dataPath,
      date: new Date(),
    })
  }

  /** Where the stand-in keeps the bytes of the file at `url` (throws if it holds no such file). */
  storedPath(account: Account, url: string): string {
    const file = account.files.find((f) => f.url === url)
    if (!file) throw new Error(`the stand-in holds no file ${url}`)
    return file.dataPath
  }

  filesIn(account: Account, folderPath: string): StoredFile[] {
    const folderId = this.findFolder(account, folderPath)
    return folderId === undefined ? [] : account.files.filter((f) => f.folderId === folderId)
  }

  findFolder(account: Account, folderPath: string): number | undefined {
    let parentId = 0
    for (const name of folderPath.split('/').filter(Boolean)) {
      const found = [...account.folders.values()].find((f) => f.parentId === parentId && f.name === name)
      if (!found) return undefined
      parentId = found.id
    }
    return parentId
  }

  private createFolder(account: Account, name: string, parentId: number): Folder {
    const folder = { id: this.nextFolderId++, name, parentId, createDate: parisTime(new Date()) }
    account.folders.set(folder.id, folder)
    return folder
  }

  private storeFile(
    account: Account,
    file: {
      filename: string
      size: number
      whirlpool: string
      folderId: number
      pass: string
      dataPath: string
      date: Date
      late?: boolean
    },
  ): StoredFile {
    const id = randomBytes(8).toString('hex').slice(0, 10)
    const stored: StoredFile = {
      id,
      url: `https://1fichier.com/?${id}`,
      filename: file.filename,
      size: file.size,
      whirlpool: file.whirlpool,
      date: parisTime(file.date),
      folderId: file.folderId,
      pass: file.pass,
      description: '',
      dataPath: file.dataPath,
      storedAt: file.late ? Date.now() : 0,
    }
    account.files.push(stored)
    return stored
  }

  private takeFault(endpoint: string): FaultKind | undefined {
    const index = this.faults.findIndex((f) => (f.endpoint === endpoint || f.endpoint === '*') && f.times > 0)
    if (index === -1) return undefined
    const fault = this.faults[index]
    fault.times--
    if (fault.times <= 0) this.faults.splice(index, 1)
    return fault.kind
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://stand-in')
    // Token URLs (/dl/<token>) are logged as one endpoint, 'download'.
    const endpoint = url.pathname.startsWith('/dl/')
      ? 'download'
      : url.pathname.replace(/^\/v1\//, '').replace(/^\//, '')
    const logged: LoggedRequest = {
      method: req.method ?? '',
      host: req.headers.host ?? '',
      path: url.pathname,
      endpoint,
      query: url.search,
      headers: pickHeaders(req),
      at: Date.now(),
    }
    this.requests.push(logged)
    res.on('finish', () => (logged.status = res.statusCode))
    try {
      if (this.lock && Date.now() < this.lock.until) {
        // Locked: every call gets the lock's answer, and extends it.
        await drain(req)
        this.lock.until = Date.now() + this.options.lockMs
        res
          .writeHead(this.lock.status, { 'content-type': this.lock.json ? 'application/json' : 'text/plain' })
          .end(this.lock.body)
        return
      }
      const fault = endpoint === 'upload.cgi' ? undefined : this.takeFault(endpoint)
      if (fault && (await this.applyFault(fault, req, res))) return
      if (endpoint === 'upload.cgi') {
        await this.upload(req, res, url, logged)
        return
      }
      if (endpoint === 'end.pl') {
        await this.endPl(req, res, url, fault)
        return
      }
      if (endpoint === 'download') {
        await this.download(req, res, url.pathname.slice(4), fault)
        return
      }
      if (url.pathname.startsWith('/v1/') && API_ENDPOINTS.has(endpoint)) {
        await this.api(endpoint, req, res, logged, fault)
        return
      }
      send(res, 404, { status: 'KO', message: 'Resource not found #469' })
    } catch (error) {
      if (error instanceof KoError) send(res, error.status, { status: 'KO', message: error.message })
      else if (!res.headersSent)
        send(res, 500, { status: 'KO', message: `stand-in error: ${(error as Error).message}` })
    }
  }

  /** Returns true when the fault has answered (or dropped) the request. */
  private async applyFault(fault: FaultKind, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    switch (fault) {
      case 'http-500':
        await drain(req)
        res.writeHead(500, { 'content-type': 'text/html' }).end('<html><body>500 Internal Server Error</body></html>')
        return true
      case 'flood':
      case 'ip-locked':
      case 'owner-locked':
      case 'user-locked': {
        await drain(req)
        const bare = fault === 'ip-locked'
        const message = {
          flood: 'Flood detected: IP Locked #374',
          'ip-locked': 'IP Locked',
          'owner-locked': 'Owner locked #649',
          'user-locked': 'Flood detected: User Locked #223',
        }[fault]
        const body = bare ? message : JSON.stringify({ status: 'KO', message })
        this.lock = { until: Date.now() + this.options.lockMs, status: 403, body, json: !bare }
        res.writeHead(403, { 'content-type': bare ? 'text/plain' : 'application/json' }).end(body)
        return true
      }
      case 'ko-200':
        await drain(req)
        send(res, 200, { status: 'KO', message: 'Temporary failure, please retry #999' })
        return true
      case 'retry-after':
        await drain(req)
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' })
        res.end(JSON.stringify({ status: 'KO', message: 'Too many requests' }))
        return true
      case 'echo-auth': {
        await drain(req)
        const header = req.headers.authorization ?? ''
        send(res, 403, {
          status: 'KO',
          message: `Bad request, header was "${header}" (${encodeURIComponent(header)}) #999`,
        })
        return true
      }
      case 'reset':
        req.socket.destroy()
        return true
      case 'html':
        await drain(req)
        // A page where JSON was due (rclone: "invalid character '<'"); the scan's "please wait" is 'scan-wait'.
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!DOCTYPE html><html><body>Erreur interne, r&eacute;essayez</body></html>')
        return true
      case 'stall':
        await drain(req)
        return true // never answers
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, this.options.slowMs))
        return false
      default:
        return false // faults acted on inside the endpoint
    }
  }

  private authenticate(req: IncomingMessage, required: boolean): Account | null {
    const header = req.headers.authorization ?? ''
    const match = /^Bearer (.+)$/.exec(header)
    if (!match) {
      if (required) throw new KoError(401, 'Not authenticated #247')
      return null
    }
    const account = this.accounts.get(match[1])
    // An unknown or expired key: HTTP 401 (RetroGameSets' README); a key locked for security: #93.
    if (!account) throw new KoError(401, 'Not authenticated #247')
    if (account.securityLocked) throw new KoError(403, 'No such user #93')
    if (!account.customer) throw new KoError(403, 'Must be a customer (Premium, Access) #200')
    if (this.options.minCallGapMs !== undefined) {
      const now = Date.now()
      const last = this.lastCall.get(account.apiKey)
      this.lastCall.set(account.apiKey, now)
      if (last !== undefined && now - last < this.options.minCallGapMs)
        throw new KoError(403, 'Flood detected: IP Locked #374')
    }
    return account
  }

  private async api(
    endpoint: string,
    req: IncomingMessage,
    res: ServerResponse,
    logged: LoggedRequest,
    fault: FaultKind | undefined,
  ): Promise<void> {
    const isUploadServer = endpoint === 'upload/get_upload_server.cgi'
    if (req.method !== 'POST' && !(isUploadServer && req.method === 'GET')) {
      await drain(req)
      throw new KoError(405, `Method ${req.method} not allowed`)
    }
    const raw = await readBody(req)
    let body: Record<string, unknown> = {}
    if (raw.length > 0) {
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
        throw new KoError(400, 'Content-Type must be application/json')
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>
      } catch {
        throw new KoError(400, 'Invalid JSON')
      }
      logged.jsonKeys = Object.keys(body).sort()
    }
    const account = this.authenticate(req, !isUploadServer)
    if (isUploadServer) {
      const id = randomBytes(5).toString('hex')
      this.uploads.set(id, { apiKey: account?.apiKey ?? null, links: null })
      send(res, 200, { url: this.options.uploadNodeHost ?? `localhost:${this.port}`, id })
      return
    }
    const a = account!
    switch (endpoint) {
      case 'folder/ls.cgi': {
        const folderId = folderIdOf(body.folder_id)
        const folder = folderId === 0 ? { id: 0, name: 'Root' } : a.folders.get(folderId)
        if (!folder) throw new KoError(403, 'Resource not allowed #631')
        const subFolders = [...a.folders.values()]
          .filter((f) => f.parentId === folderId)
          .map((f) => ({ id: f.id, name: f.name, create_date: f.createDate, pass: 0 }))
        const answer: Record<string, unknown> = {
          folder_id: folderId,
          status: 'OK',
          name: folder.name,
          sub_folders: subFolders,
        }
        if (body.files === 1) answer.items = this.items(a, folderId)
        send(res, 200, answer)
        return
      }
      case 'folder/mkdir.cgi': {
        const name = typeof body.name === 'string' ? body.name : ''
        const parentId = folderIdOf(body.folder_id)
        if (name === '' || name.length > 250 || /[\\<>"'$`]/.test(name))
          throw new KoError(403, 'Invalid folder name #701')
        if (parentId !== 0 && !a.folders.has(parentId)) throw new KoError(403, 'Resource not allowed #631')
        if (fault === 'mkdir-race') this.createFolder(a, name, parentId)
        if ([...a.folders.values()].some((f) => f.parentId === parentId && f.name === name))
          throw new KoError(403, 'Folder already exists #628')
        const folder = this.createFolder(a, name, parentId)
        send(res, 200, { status: 'OK', folder_id: folder.id, name: folder.name })
        return
      }
      case 'file/ls.cgi': {
        const folderId = folderIdOf(body.folder_id)
        this.checkListing(a, `files:${folderId}`)
        if (folderId !== 0 && folderId !== -1 && !a.folders.has(folderId))
          throw new KoError(403, 'Resource not allowed #631')
        let items = this.items(a, folderId)
        if (fault === 'list-duplicates') items = shuffle([...items, ...items.map((i) => ({ ...(i as object) }))])
        if (fault === 'other-domain')
          items = items.map((i) => ({
            ...(i as { url: string }),
            url: (i as { url: string }).url.replace('https://1fichier.com/', 'https://alterupload.com/'),
          }))
        const count = items.length
        if (fault === 'list-undercount') items = [...items].sort((x, y) => nameOf(y).localeCompare(nameOf(x))).slice(1)
        send(res, 200, { status: 'OK', count, items })
        return
      }
      case 'file/info.cgi': {
        const file = a.files.find((f) => sameId(f.url, body.url))
        if (!file || this.isLate(file)) throw new KoError(404, 'Resource not found #469')
        send(res, 200, {
          url: file.url,
          filename: file.filename,
          size: file.size,
          date: file.date,
          folder_id: file.folderId,
          path: this.folderPath(a, file.folderId),
          checksum: fault === 'wrong-checksum' ? '0'.repeat(128) : file.whirlpool,
          'content-type': 'application/zip',
          description: file.description,
          pass: file.pass ? 1 : 0,
          no_ssl: 0,
          inline: 0,
          cdn: 0,
          acl: { ip: [], country: [], email: [], premium: 0 },
        })
        return
      }
      case 'file/rm.cgi': {
        const files = Array.isArray(body.files) ? (body.files as Array<{ url?: unknown }>) : []
        if (files.length === 0) throw new KoError(403, 'No file #2')
        if (fault === 'partial-rm') {
          send(res, 200, { status: 'OK', removed: 0 })
          return
        }
        let removed = 0
        for (const entry of files) {
          const index = a.files.findIndex((f) => sameId(f.url, entry.url))
          if (index !== -1) {
            a.files.splice(index, 1)
            removed++
          }
        }
        if (fault === 'rm-then-reset') {
          req.socket.destroy()
          return
        }
        send(res, 200, { status: 'OK', removed })
        return
      }
      case 'file/chattr.cgi': {
        const urls = Array.isArray(body.urls) ? (body.urls as unknown[]) : []
        let updated = 0
        for (const u of urls) {
          const file = a.files.find((f) => sameId(f.url, u))
          if (!file) continue
          if (typeof body.description === 'string') file.description = body.description
          if (typeof body.pass === 'string') file.pass = body.pass
          if (typeof body.filename === 'string' && urls.length === 1) file.filename = body.filename
          updated++
        }
        send(res, 200, { status: 'OK', updated, urls })
        return
      }
      case 'folder/rm.cgi': {
        const folderId = folderIdOf(body.folder_id)
        if (!a.folders.has(folderId)) throw new KoError(403, 'Resource not allowed #631')
        if (
          a.files.some((f) => f.folderId === folderId) ||
          [...a.folders.values()].some((f) => f.parentId === folderId)
        ) {
          throw new KoError(403, 'Folder not empty #633')
        }
        a.folders.delete(folderId)
        send(res, 200, { status: 'OK' })
        return
      }
      case 'download/get_token.cgi': {
        if (fault === 'datacenter')
          throw new KoError(
            403,
            'Premium downloads are only allowed from residential connections, use CDN credits #913',
          )
        if (fault === 'one-location') throw new KoError(403, 'Only 1 location allowed at a time #887')
        const file = a.files.find((f) => sameId(f.url, body.url))
        if (!file || this.isLate(file)) throw new KoError(404, 'Resource not found #469')
        if (file.pass && body.pass !== file.pass)
          throw new KoError(
            403,
            file.pass && body.pass
              ? 'Invalid password. Resource not allowed #631'
              : 'Password not provided. Resource not allowed #631',
          )
        const token = randomBytes(16).toString('hex')
        this.tokens.set(token, { file, single: body.single === 1, used: false })
        send(res, 200, {
          status: 'OK',
          url: `https://${this.options.uploadNodeHost ?? `localhost:${this.port}`}/dl/${token}`,
        })
        return
      }
      case 'user/info.cgi': {
        // Its own, stricter limit: one call a minute per IP, one per 5 minutes per account (#38).
        const now = Date.now()
        const lastHere = this.lastAccountInfo.get('*')
        const lastOfAccount = this.lastAccountInfo.get(a.apiKey)
        this.lastAccountInfo.set('*', now).set(a.apiKey, now)
        if (
          (lastHere !== undefined && now - lastHere < this.options.accountInfoIpIntervalMs) ||
          (lastOfAccount !== undefined && now - lastOfAccount < this.options.accountInfoIntervalMs)
        )
          throw new KoError(403, 'Flood detected: IP Locked #38')
        const used = a.files.reduce((sum, f) => sum + f.size, 0)
        const over = used > a.quotaBytes
        // Types as rclone declares them: strings for the flags and the offer.
        send(res, 200, {
          status: 'OK',
          email: 'user@example.com',
          offer: String(a.offer),
          subscription_end: a.subscriptionEnd ?? '2099-12-31 23:59:59',
          cold_storage: used,
          available_cold_storage: Math.max(0, a.quotaBytes - used),
          allowed_cold_storage: a.quotaBytes,
          overquota: over ? '1' : '0',
          upload_forbidden: a.uploadForbidden || over ? '1' : '0',
        })
        return
      }
    }
  }

  private isLate(file: StoredFile): boolean {
    if (file.storedAt > 0 && (file.listingsMissed ?? 0) < this.options.lateListings) return true
    return this.options.lateMs > 0 && Date.now() - file.storedAt < this.options.lateMs
  }

  /** 1 listing per folder per 30 s, as the API page asks; more is a flood. */
  private checkListing(account: Account, key: string): void {
    const now = Date.now()
    const fullKey = `${account.apiKey}:${key}`
    const last = this.lastListing.get(fullKey)
    this.lastListing.set(fullKey, now)
    if (last !== undefined && now - last < this.options.listIntervalMs)
      throw new KoError(403, 'Flood detected: IP Locked #374')
  }

  private items(account: Account, folderId: number): unknown[] {
    const inFolder = account.files.filter((f) => folderId === -1 || f.folderId === folderId)
    const late = new Set(inFolder.filter((f) => this.isLate(f)))
    for (const f of late) f.listingsMissed = (f.listingsMissed ?? 0) + 1
    return inFolder
      .filter((f) => !late.has(f))
      .slice(0, this.options.listLimit)
      .map((f) => ({
        url: f.url,
        filename: f.filename,
        size: f.size,
        date: f.date,
        checksum: f.whirlpool,
        'content-type': 'application/zip',
        pass: f.pass ? 1 : 0,
        acl: 0,
        cdn: 0,
      }))
  }

  private folderPath(account: Account, folderId: number): string {
    const names: string[] = []
    let current = account.folders.get(folderId)
    while (current) {
      names.unshift(current.name)
      current = account.folders.get(current.parentId)
    }
    return names.join('/')
  }

  private async upload(req: IncomingMessage, res: ServerResponse, url: URL, logged: LoggedRequest): Promise<void> {
    const id = url.searchParams.get('id') ?? ''
    const pending = this.uploads.get(id)
    const fault = this.takeFault('upload.cgi')
    if (req.method !== 'POST') throw new KoError(405, 'Method not allowed')
    if (!pending) {
      await drain(req)
      throw new KoError(404, 'Unknown upload id')
    }
    // The API requires a Content-Length for the whole body: chunked uploads are refused.
    if (req.headers['content-length'] === undefined) {
      await drain(req)
      throw new KoError(411, 'Content-Length required')
    }
    const declared = Number(req.headers['content-length'])
    let account: Account | null
    try {
      account = this.authenticate(req, false)
    } catch (error) {
      await drain(req)
      throw error
    }
    if (
      fault &&
      [
        'http-500',
        'flood',
        'ip-locked',
        'owner-locked',
        'user-locked',
        'ko-200',
        'html',
        'retry-after',
        'echo-auth',
      ].includes(fault)
    ) {
      await this.applyFault(fault, req, res)
      return
    }
    if (fault === 'reset') {
      // Take part of the body, then drop the connection.
      let seen = 0
      req.on('data', (chunk: Buffer) => {
        seen += chunk.length
        if (seen > Math.min(declared / 2, 64 * 1024)) req.socket.destroy()
      })
      return
    }
    if (fault === 'stall') {
      req.pause() // stop reading: the client can make no progress
      return
    }
    if (fault === 'refused-echo-auth') {
      await drain(req)
      const header = req.headers.authorization ?? ''
      refusalPage(res, `Erreur : en-t&ecirc;te ${header} (${encodeURIComponent(header)}) refus&eacute;`)
      return
    }
    if (
      fault === 'refused-storage' ||
      fault === 'refused-page' ||
      fault === 'refused-no-file' ||
      account?.uploadForbidden
    ) {
      await drain(req)
      const reason =
        fault === 'refused-storage'
          ? 'Ne peut ouvrir le fichier destination'
          : fault === 'refused-no-file'
            ? "Pas de fichier trouvé dans l'envoi"
            : account?.uploadForbidden
              ? 'Envoi interdit : quota atteint'
              : 'Erreur inconnue, veuillez réessayer plus tard'
      refusalPage(res, reason)
      return
    }
    const fields: Record<string, string | undefined> = {}
    const order: string[] = []
    const files: Array<{ filename: string; size: number; whirlpool: string; dataPath: string }> = []
    const parser = busboy({ headers: req.headers, limits: { fileSize: Number.MAX_SAFE_INTEGER } })
    const fileWrites: Array<Promise<void>> = []
    parser.on('field', (name: string, value: string) => {
      order.push(name)
      fields[name] = value
    })
    parser.on('file', (name: string, stream: NodeJS.ReadableStream, info: { filename: string }) => {
      order.push(name)
      if (name !== 'file[]') {
        stream.resume()
        return
      }
      const dataPath = path.join(this.dataDir, `upload-${randomBytes(6).toString('hex')}`)
      fileWrites.push(
        (async () => {
          const whirlpool = await createWhirlpool()
          whirlpool.init()
          let size = 0
          const out = this.options.discardUploads ? null : createWriteStream(dataPath)
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            whirlpool.update(chunk)
            size += chunk.length
            if (out && !out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
          }
          if (out)
            await new Promise<void>((resolve, reject) =>
              out.end((err?: Error | null) => (err ? reject(err) : resolve())),
            )
          files.push({ filename: info.filename, size, whirlpool: whirlpool.digest('hex'), dataPath })
        })(),
      )
    })
    let received = 0
    req.on('data', (chunk: Buffer) => (received += chunk.length))
    await new Promise<void>((resolve, reject) => {
      parser.on('close', resolve)
      parser.on('error', reject)
      req.on('error', reject)
      req.on('aborted', () => reject(new Error('aborted')))
      req.pipe(parser)
    })
    await Promise.all(fileWrites)
    logged.formFields = order
    if (received !== declared) throw new KoError(400, 'Body length does not match Content-Length')
    // What the real node answers to a request it cannot read a file from (CSUploader, live 2026).
    if (files.length === 0) {
      refusalPage(res, "Pas de fichier trouvé dans l'envoi")
      return
    }
    // `did` only counts with an account, and a bad one silently sends the file to the root.
    let folderId = 0
    const did = Number(fields.did)
    if (account && fault !== 'drop-did' && Number.isInteger(did) && (did === 0 || account.folders.has(did)))
      folderId = did
    const links: unknown[] = []
    for (const file of files) {
      if (!account) {
        links.push({
          download: `https://1fichier.com/?${randomBytes(5).toString('hex')}`,
          filename: file.filename,
          size: String(file.size),
          whirlpool: file.whirlpool,
          remove: 'anon',
        })
        continue
      }
      const used = account.files.reduce((sum, f) => sum + f.size, 0)
      if (used + file.size > account.quotaBytes) throw new KoError(403, 'Not enough space: quota exceeded #404')
      const filename = fault === 'renamed' ? file.filename.replace(/\.zip$/, ' (1).zip') : file.filename
      const stored = this.storeFile(account, {
        ...file,
        filename,
        folderId,
        pass: fields.dpass ?? '',
        date: new Date(),
        late: true,
      })
      links.push({
        download: stored.url,
        filename: stored.filename,
        size: String(stored.size),
        whirlpool: stored.whirlpool,
        remove: '',
      })
    }
    pending.links = links
    if (fault === 'reset-after-body') {
      req.socket.destroy()
      return
    }
    res.writeHead(302, { location: `/end.pl?xid=${id}` }).end()
  }

  /** GET of a token URL: the file's bytes, with Range (206) for a part; a one-use token serves once. */
  private async download(
    req: IncomingMessage,
    res: ServerResponse,
    token: string,
    fault: FaultKind | undefined,
  ): Promise<void> {
    await drain(req)
    const grant = this.tokens.get(token)
    if (req.method !== 'GET' || !grant || (grant.single && grant.used)) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Invalid or expired link</body></html>')
      return
    }
    grant.used = true
    const size = statSync(grant.file.dataPath).size
    let start = 0
    let end = size - 1
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
    if (range) {
      start = Number(range[1])
      if (range[2]) end = Math.min(end, Number(range[2]))
      if (start > end) {
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end()
        return
      }
    }
    const headers = {
      'content-type': 'application/octet-stream',
      'content-length': String(end + 1 - start),
      'accept-ranges': 'bytes',
    }
    if (range) res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}` })
    else res.writeHead(200, headers)
    if (!fault) {
      // Streamed from disk: a benchmark's backups are gigabytes.
      await pipeline(createReadStream(grant.file.dataPath, { start, end }), res).catch(() => undefined)
      return
    }
    const body = Buffer.from(readFileSync(grant.file.dataPath).subarray(start, end + 1))
    if (fault === 'download-corrupt' && body.length > 0) body[Math.floor(body.length / 2)] ^= 0xff
    if (fault === 'download-drop') {
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(() => req.socket.destroy(), 20))
      return
    }
    res.end(body)
  }

  private async endPl(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    fault: FaultKind | undefined,
  ): Promise<void> {
    await drain(req)
    const id = url.searchParams.get('xid') ?? ''
    const pending = this.uploads.get(id)
    // Only the JSON header gets JSON; a browser gets a page.
    if (req.headers.json !== '1') {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(endPlPage((pending?.links ?? []) as Array<{ download: string; filename: string; size: string }>))
      return
    }
    if (fault === 'scan-wait') {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          '<!DOCTYPE html><html><body><div class="bloc2">Veuillez patienter, votre fichier est en cours de ' +
            'vérification antivirus. Please wait: within some minutes, this page will not be accessible.' +
            '</div></body></html>',
        )
      return
    }
    if (fault === 'empty-links' || !pending?.links) {
      send(res, 200, { incoming: 0, links: [] })
      return
    }
    const account = pending.apiKey ? this.accounts.get(pending.apiKey) : undefined
    const uploaded = pending.links[0] as { download: string; filename: string } | undefined
    if ((fault === 'foreign-link' || fault === 'old-backup-link') && account && uploaded) {
      const others = account.files.filter((f) => f.url !== uploaded.download)
      const pick =
        fault === 'foreign-link'
          ? others.find((f) => !f.filename.endsWith('.zip'))
          : [...others].sort((x, y) => (x.filename < y.filename ? -1 : 1))[0]
      if (pick) {
        // foreign-link: somebody else's file under its own name; old-backup-link: an older backup
        // under the upload's own name with a bad checksum (only its id tells it apart).
        const link =
          fault === 'foreign-link'
            ? {
                download: pick.url,
                filename: pick.filename,
                size: String(pick.size),
                whirlpool: pick.whirlpool,
                remove: '',
              }
            : {
                download: pick.url,
                filename: uploaded.filename,
                size: String(pick.size),
                whirlpool: '0'.repeat(128),
                remove: '',
              }
        send(res, 200, { incoming: 0, links: [link] })
        return
      }
    }
    const links =
      fault === 'wrong-checksum'
        ? pending.links.map((l) => ({ ...(l as object), whirlpool: 'f'.repeat(128) }))
        : pending.links
    send(res, 200, { incoming: 0, links })
  }
}

/** end.pl without the JSON header: the page a browser gets, links in `<td class="normal">` cells (PY, MG). */
function endPlPage(links: Array<{ download: string; filename: string; size: string }>): string {
  const human = (n: number) =>
    n < 1024 ? `${n} o` : n < 1 << 20 ? `${(n / 1024).toFixed(2)} Ko` : `${(n / (1 << 20)).toFixed(2)} Mo`
  const rows = links
    .map(
      (l) =>
        `<tr><td class="normal">${l.filename}</td><td class="normal">${human(Number(l.size))}</td><td ` +
        `class="normal"><a href="${l.download}">${l.download}</a></td><td class="normal">--</td></tr>`,
    )
    .join('')
  return (
    `<!DOCTYPE html><html><head><title>1fichier.com: Cloud Storage</title></head><body><table ` +
    `class="premium">${rows}</table></body></html>`
  )
}

/** 1fichier knows a file by the id after `?`, under any of its domains. */
function sameId(stored: string, given: unknown): boolean {
  return (
    typeof given === 'string' &&
    given.includes('?') &&
    stored.slice(stored.indexOf('?') + 1) === given.slice(given.indexOf('?') + 1).toLowerCase()
  )
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

function folderIdOf(value: unknown): number {
  if (value === undefined || value === null || value === '') return 0
  const n = Number(value)
  if (!Number.isInteger(n)) throw new KoError(403, 'Invalid folder_id')
  return n
}

function pickHeaders(req: IncomingMessage): Record<string, string> {
  const picked: Record<string, string> = {}
  for (const name of ['content-type', 'content-length', 'json', 'transfer-encoding', 'user-agent', 'range']) {
    const value = req.headers[name]
    if (typeof value === 'string') picked[name] = value
  }
  if (req.headers.authorization)
    picked.authorization = req.headers.authorization.startsWith('Bearer ') ? 'Bearer <key>' : '<other>'
  return picked
}

/** upload.cgi's refusal as the real node gives it: HTTP 200, a page, the reason in the first `bloc2` div. */
function refusalPage(res: ServerResponse, reason: string): void {
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(
      '<!DOCTYPE html><html><head><title>1fichier.com</title></head><body><div class="bloc1"></div>' +
        `<div class="bloc2">  </div><div class="bloc2"><b>${reason}</b></div></body></html>`,
    )
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return
  req.resume()
  await new Promise<void>((resolve) => {
    req.on('end', resolve)
    req.on('close', resolve)
    req.on('error', () => resolve())
  })
}

const nameOf = (item: unknown) => String((item as { filename: unknown }).filename)
