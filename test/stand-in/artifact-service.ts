// A loopback stand-in for GitHub's artifact service at its HTTP boundary, as @actions/artifact 6
// talks to it: Twirp JSON calls (CreateArtifact, FinalizeArtifact) to ACTIONS_RESULTS_URL, and the
// Azure Blob block upload (Put Block, Put Block List) to the signed URL CreateArtifact hands out.
// It keeps what it received, so a test can read the artifact's bytes back.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'
const RUN_BACKEND_ID = 'c0ffee00-0000-4000-8000-000000000001'
const JOB_BACKEND_ID = 'c0ffee00-0000-4000-8000-000000000002'

export interface StoredArtifact {
  id: number
  name: string
  finalized: boolean
  size?: string
  hash?: string
  mimeType?: string
  data: Buffer
}

export type ArtifactFault = 'create-unauthorized' | 'blob-forbidden'

export class ArtifactService {
  readonly artifacts: StoredArtifact[] = []
  readonly calls: string[] = []
  fault: ArtifactFault | null = null
  private readonly server: Server = createServer((req, res) => void this.handle(req, res))
  private readonly blocks = new Map<string, Buffer>()
  private port = 0

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as AddressInfo).port
    return this
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server.close(resolve))
  }

  /** What the runner gives a job: the results service's address and a token naming this run and job. */
  environment(): Record<string, string> {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const scope = `Actions.GenericRead:x Actions.Results:${RUN_BACKEND_ID}:${JOB_BACKEND_ID}`
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: scope })}.sig`
    return { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: `http://127.0.0.1:${this.port}/` }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`)
    this.calls.push(
      `${req.method} ${url.pathname}${url.searchParams.get('comp') ? `?comp=${url.searchParams.get('comp')}` : ''}`,
    )
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value))
    }
    if (req.method === 'POST' && url.pathname.startsWith(TWIRP)) {
      if (req.headers.authorization !== `Bearer ${this.environment().ACTIONS_RUNTIME_TOKEN}`) {
        json(401, { code: 'unauthenticated', msg: 'bad token' })
        return
      }
      const request = JSON.parse(body.toString()) as Record<string, unknown>
      const field = (camel: string, snake: string) => request[camel] ?? request[snake]
      if (field('workflowRunBackendId', 'workflow_run_backend_id') !== RUN_BACKEND_ID) {
        json(400, { code: 'invalid_argument', msg: 'run id' })
        return
      }
      const method = url.pathname.slice(TWIRP.length)
      if (method === 'CreateArtifact') {
        if (this.fault === 'create-unauthorized') {
          json(401, { code: 'unauthenticated', msg: 'artifact storage refused the token' })
          return
        }
        const id = 9000 + this.artifacts.length + 1
        const mime = field('mimeType', 'mime_type') as { value?: string } | string | undefined
        this.artifacts.push({
          id,
          name: String(request.name),
          finalized: false,
          mimeType: typeof mime === 'string' ? mime : mime?.value,
          data: Buffer.alloc(0),
        })
        json(200, {
          ok: true,
          signed_upload_url: `http://127.0.0.1:${this.port}/blob/${id}?sig=signed-${id}&sv=2024-11-04`,
        })
        return
      }
      if (method === 'FinalizeArtifact') {
        const artifact = this.artifacts.find((a) => a.name === request.name && !a.finalized)
        if (!artifact) {
          json(404, { code: 'not_found', msg: 'no such artifact' })
          return
        }
        artifact.finalized = true
        artifact.size = String(request.size)
        const hash = request.hash as { value?: string } | string | undefined
        artifact.hash = typeof hash === 'string' ? hash : hash?.value
        json(200, { ok: true, artifact_id: String(artifact.id) })
        return
      }
      json(404, { code: 'bad_route', msg: method })
      return
    }
    const blob = /^\/blob\/(\d+)$/.exec(url.pathname)
    if (req.method === 'PUT' && blob) {
      const artifact = this.artifacts.find((a) => a.id === Number(blob[1]))
      if (!artifact || url.searchParams.get('sig') !== `signed-${artifact.id}`) {
        this.blobError(res, 403, 'AuthenticationFailed')
        return
      }
      if (this.fault === 'blob-forbidden') {
        this.blobError(res, 403, 'AuthorizationFailure')
        return
      }
      const headers = {
        etag: `"0x${Date.now().toString(16)}"`,
        'last-modified': new Date().toUTCString(),
        'x-ms-request-id': `req-${this.calls.length}`,
        'x-ms-version': '2024-11-04',
        'x-ms-request-server-encrypted': 'true',
      }
      const comp = url.searchParams.get('comp')
      if (comp === 'block') {
        this.blocks.set(`${artifact.id}:${url.searchParams.get('blockid')}`, body)
        res.writeHead(201, headers).end()
        return
      }
      if (comp === 'blocklist') {
        const ids = [...body.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)].map((m) => m[1])
        artifact.data = Buffer.concat(ids.map((id) => this.blocks.get(`${artifact.id}:${id}`) ?? Buffer.alloc(0)))
        res.writeHead(201, headers).end()
        return
      }
      artifact.data = body // a single Put Blob
      res.writeHead(201, headers).end()
      return
    }
    res.writeHead(404).end()
  }

  private blobError(res: ServerResponse, status: number, code: string): void {
    res
      .writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code })
      .end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>refused</Message></Error>`)
  }
}
