// An in-memory 1fichier for in-process tests of the run and its stages: folders, files with ids,
// sizes and Whirlpool checksums, descriptions, and a few faults. It speaks the client's public
// calls (OneFichierApi), so the run cannot tell it from the HTTP client; the wire itself is
// tested against the loopback stand-in (test/stand-in/server.ts) and msw.
import { readFile } from 'node:fs/promises'
import { createWhirlpool } from 'hash-wasm'
import type { OneFichierApi, UploadOutcome, UploadRequest } from '../../src/onefichier/client.js'
import type { DownloadBody } from '../../src/onefichier/transport.js'
import { OneFichierError } from '../../src/onefichier/errors.js'
import type { AccountFacts } from '../../src/onefichier/account.js'
import type { FileInfo, FileItem, SubFolder, UploadLink, UploadServer } from '../../src/onefichier/types.js'

export interface FakeFile {
  id: string
  folderId: number
  filename: string
  size: number
  whirlpool: string
  description: string
  /** The bytes a download sends (files added without them cannot be downloaded). */
  content?: Uint8Array
}

export interface FakeFaults {
  /** Every call fails as 1fichier answers a bad key. */
  refuseKey?: boolean
  /** end.pl lists no link: the run must find the file in the folder. */
  noUploadResult?: boolean
  /** The stored copy's checksum differs from what was sent (a corrupted transfer). */
  corruptUpload?: boolean
  /** file/info.cgi fails (the run falls back on the listing). */
  infoFails?: boolean
  /** file/rm.cgi answers `removed: 0`. */
  rmRefused?: boolean
  /** The next download's connection drops after this many bytes (once). */
  dropDownloadAt?: number
  /** A download node that sends these bytes after the file (every time). */
  downloadTrailer?: Uint8Array
  /** Every download is refused so (a node's answer that is not the file). */
  downloadRefused?: OneFichierError
}

async function whirlpoolOf(data: Uint8Array): Promise<string> {
  const hash = await createWhirlpool()
  hash.update(data)
  return hash.digest('hex')
}

export class FakeOneFichier implements OneFichierApi {
  readonly folders = new Map<number, { name: string; parent: number }>()
  readonly files: FakeFile[] = []
  /** Every call, in order, by endpoint name. */
  readonly calls: string[] = []
  faults: FakeFaults = {}
  private nextFolder = 100
  private nextFile = 1
  private readonly pending = new Map<string, FakeFile>()

  /** A file already in a folder (an older backup, or somebody else's). */
  addFile(folderId: number, filename: string, extra: Partial<FakeFile> = {}): FakeFile {
    const file: FakeFile = {
      id: `f${String(this.nextFile++).padStart(6, '0')}`,
      folderId,
      filename,
      size: 1000,
      whirlpool: 'ab'.repeat(64),
      description: '',
      ...extra,
    }
    this.files.push(file)
    return file
  }

  /** A backup whose bytes are known: size and Whirlpool as 1fichier lists them. */
  async addBackup(folderId: number, filename: string, content: Uint8Array): Promise<FakeFile> {
    return this.addFile(folderId, filename, { content, size: content.length, whirlpool: await whirlpoolOf(content) })
  }

  addFolder(name: string, parent = 0): number {
    const id = this.nextFolder++
    this.folders.set(id, { name, parent })
    return id
  }

  urlOf(file: FakeFile): string {
    return `https://1fichier.com/?${file.id}`
  }

  filesIn(folderId: number): FakeFile[] {
    return this.files.filter((f) => f.folderId === folderId)
  }

  private call(endpoint: string): void {
    this.calls.push(endpoint)
    if (this.faults.refuseKey) throw new OneFichierError('auth', endpoint, 'Invalid API key (HTTP 401)', 401)
  }

  private item(file: FakeFile): FileItem {
    return { url: this.urlOf(file), filename: file.filename, size: file.size, checksum: file.whirlpool }
  }

  private byUrl(url: string): FakeFile | undefined {
    const id = url.slice(url.indexOf('?') + 1)
    return this.files.find((f) => f.id === id)
  }

  async listFolders(folderId: number): Promise<SubFolder[]> {
    this.call('folder/ls.cgi')
    return [...this.folders].filter(([, f]) => f.parent === folderId).map(([id, f]) => ({ id, name: f.name }))
  }

  async makeFolder(name: string, parentId: number): Promise<number> {
    this.call('folder/mkdir.cgi')
    return this.addFolder(name, parentId)
  }

  async listFiles(folderId: number): Promise<FileItem[]> {
    this.call('file/ls.cgi')
    const items = this.filesIn(folderId).map((f) => this.item(f))
    return items
  }

  async fileInfo(url: string): Promise<FileInfo> {
    this.call('file/info.cgi')
    if (this.faults.infoFails) throw new OneFichierError('retryable', 'file/info.cgi', 'HTTP 502')
    const file = this.byUrl(url)
    if (!file) throw new OneFichierError('not-found', 'file/info.cgi', 'Resource not found #469', 404)
    return {
      url,
      filename: file.filename,
      size: file.size,
      folder_id: file.folderId,
      checksum: file.whirlpool,
      pass: 0,
      description: file.description,
    }
  }

  async setDescription(url: string, description: string): Promise<number> {
    this.call('file/chattr.cgi')
    const file = this.byUrl(url)
    if (!file) return 0
    file.description = description
    return 1
  }

  async removeFile(url: string): Promise<number> {
    this.call('file/rm.cgi')
    if (this.faults.rmRefused) return 0
    const file = this.byUrl(url)
    if (!file) return 0
    this.files.splice(this.files.indexOf(file), 1)
    return 1
  }

  prefetchUploadServer(): void {}

  async getUploadServer(): Promise<UploadServer> {
    this.call('upload/get_upload_server.cgi')
    return { url: 'up-1.fake.test', id: `u${this.calls.length}` }
  }

  async upload(req: UploadRequest): Promise<void> {
    this.call('upload.cgi')
    const data = await readFile(req.filePath)
    const whirlpool = await whirlpoolOf(data)
    const file: FakeFile = {
      id: `n${String(this.nextFile++).padStart(6, '0')}`,
      folderId: req.folderId,
      filename: req.fileName,
      size: data.length,
      whirlpool: this.faults.corruptUpload ? whirlpool.replace(/^./, (c) => (c === '0' ? '1' : '0')) : whirlpool,
      description: '',
      content: data,
    }
    this.files.push(file)
    this.pending.set(req.server.id, file)
    req.onProgress?.({ sentBytes: data.length, totalBytes: data.length })
  }

  async uploadResult(server: UploadServer, fileName: string): Promise<UploadOutcome> {
    this.call('end.pl')
    const file = this.pending.get(server.id)
    if (!file || this.faults.noUploadResult)
      throw new OneFichierError('retryable', 'upload result (end.pl)', '1fichier listed no uploaded file')
    const link: UploadLink = {
      download: this.urlOf(file),
      filename: file.filename,
      size: file.size,
      whirlpool: file.whirlpool,
    }
    return { link: file.filename === fileName ? link : null, others: [] }
  }

  async probeUploadResult(): Promise<UploadLink | null> {
    this.call('end.pl')
    return null
  }

  /** What user/info.cgi answers; set `accountFails` to make it fail. */
  account: AccountFacts = { offer: 1 }
  accountFails = false

  async accountInfo(): Promise<AccountFacts> {
    this.call('user/info.cgi')
    if (this.faults.refuseKey)
      throw new OneFichierError('auth', 'user/info.cgi', '1fichier answered "Not authenticated #247"', 401)
    if (this.accountFails)
      throw new OneFichierError(
        'flood',
        'user/info.cgi',
        '1fichier answered "Flood detected: IP Locked #38" (HTTP 403)',
        403,
      )
    return { ...this.account }
  }

  /** Each token given out, by URL: the file it serves. */
  readonly tokens = new Map<string, FakeFile>()

  async getDownloadToken(url: string): Promise<string> {
    this.call('download/get_token.cgi')
    const file = this.byUrl(url)
    if (!file) throw new OneFichierError('not-found', 'download/get_token.cgi', 'Resource not found #469', 404)
    const token = `https://dl.fake.test/${file.id}/${this.tokens.size}`
    this.tokens.set(token, file)
    return token
  }

  async download(tokenUrl: string, offset: number, receive: (body: DownloadBody) => Promise<void>): Promise<void> {
    this.call('download')
    if (this.faults.downloadRefused) throw this.faults.downloadRefused
    const content = this.tokens.get(tokenUrl)?.content
    if (!content) throw new OneFichierError('token', 'download', 'the download node answered HTTP 410', 410)
    const drop = this.faults.dropDownloadAt
    this.faults.dropDownloadAt = undefined
    const trailer = this.faults.downloadTrailer
    async function* chunks(): AsyncIterable<Uint8Array> {
      const end = drop === undefined ? content!.length : Math.min(content!.length, drop)
      for (let at = offset; at < end; at += 4096) yield content!.subarray(at, Math.min(end, at + 4096))
      if (drop !== undefined) throw new OneFichierError('retryable', 'download', 'network error (ECONNRESET)')
      if (trailer) yield trailer
    }
    await receive({ from: offset, chunks: chunks() })
  }

  async close(): Promise<void> {}
}
