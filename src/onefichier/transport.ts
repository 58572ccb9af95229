// The one HTTP layer for every 1fichier call: undici with timeouts, the pacer, and the retry rule
// (rclone's shouldRetry). The key lives here, in a header, and nowhere else.
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici'
import type { Readable } from 'node:stream'
import { OneFichierError, classify, errorNumber, isFinalRefusal, networkFailure } from './errors.js'
import { retry } from './retry.js'
import { ONEFICHIER_PACING, Pacer } from './pacer.js'
import type { Log } from '../platform/log.js'
import type { SpacingMemory } from '../state/run-state.js'

export interface TransportOptions {
  apiUrl: string
  apiKey: string
  /** Attempts for each request on retryable failures. */
  retries: number
  stallTimeoutMs: number
  /** 1 in production; tests shrink every wait with it. */
  timeScale: number
  log: Log
  signal?: AbortSignal | undefined
  /** When spaced calls were last made by any process (the state file); none: this process only. */
  memory?: SpacingMemory | undefined
}

/** The transport of one run, from its settings: the one place a Transport is made. */
export function transportFor(
  config: Pick<TransportOptions, 'apiUrl' | 'apiKey' | 'retries' | 'stallTimeoutMs'>,
  run: {
    log: Log
    timeScale?: number | undefined
    signal?: AbortSignal | undefined
    memory?: SpacingMemory | undefined
  },
): Transport {
  const { apiUrl, apiKey, retries, stallTimeoutMs } = config
  return new Transport({ ...run, apiUrl, apiKey, retries, stallTimeoutMs, timeScale: run.timeScale ?? 1 })
}

/** Wait after "Flood detected" before the next try (rclone: 30 s). */
const FLOOD_PAUSE_MS = 30_000

export interface ApiCallOptions {
  /** Calls of this key are at least this far apart (one listing per folder per 30 s). */
  spacing?: Spacing
  /** false: one try only (a call that changes something: the caller looks at the state instead). */
  retry?: boolean
  /** A call that only reads: a KO answer with HTTP 200 is retried like a 5xx (bounded), not final. */
  readOnly?: boolean
  /** A call whose answer is only advice: given up after this long, whatever the stall timeout. */
  timeoutMs?: number
}

export interface Spacing {
  key: string
  intervalMs: number
  /** What is called, for the line that says why the run waits (e.g. "listing folder 12"). */
  what: string
}

/** A wait for a spaced call longer than this is said in the log. */
const SAY_WAITS_OVER_MS = 3_000

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

export interface RawRequest {
  method: 'GET' | 'POST'
  url: string
  headers?: Record<string, string>
  body?: AsyncIterable<Buffer>
  bodyText?: string
  /** Aborts this request alone (the upload's stall watchdog). */
  signal?: AbortSignal
}

export class Transport {
  readonly pacer: Pacer
  private readonly agent: EnvHttpProxyAgent
  /** Plain http (a loopback api-url only, config.ts) never goes through a proxy: the key would cross it in clear. */
  private readonly direct: Agent

  constructor(readonly options: TransportOptions) {
    this.pacer = new Pacer({ ...ONEFICHIER_PACING, timeScale: options.timeScale })
    // Honours HTTPS_PROXY / NO_PROXY, as self-hosted runners behind a proxy need; a plain agent otherwise.
    const timeouts = {
      connectTimeout: 30_000,
      headersTimeout: options.stallTimeoutMs,
      bodyTimeout: options.stallTimeoutMs,
      keepAliveTimeout: 4_000,
    }
    this.agent = new EnvHttpProxyAgent(timeouts)
    this.direct = new Agent(timeouts)
  }

  async close(): Promise<void> {
    // After a cancel, in-flight requests are dropped rather than waited for.
    for (const agent of [this.agent, this.direct]) {
      if (this.options.signal?.aborted) await agent.destroy().catch(() => undefined)
      else await agent.close().catch(() => undefined)
    }
  }

  /**
   * POST (or GET) a JSON API call under `apiUrl`, retried per the rules; KO answers are errors.
   * `retry: false` for a call that changes something: sent once, the caller looks at the state.
   */
  async api<T>(
    endpoint: string,
    body?: unknown,
    method: 'GET' | 'POST' = 'POST',
    options: ApiCallOptions = {},
  ): Promise<T> {
    const url = `${this.options.apiUrl}/${endpoint}`
    const call = async () => {
      const response = await this.send(endpoint, {
        method,
        url,
        // rclone sends this even on GET: the API misbehaves without it.
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { bodyText: JSON.stringify(body) }),
        // Scaled like every wait, but never below 5 s: a busy test machine must not time a healthy call out.
        ...(options.timeoutMs === undefined
          ? {}
          : { signal: AbortSignal.timeout(Math.max(5_000, options.timeoutMs * this.options.timeScale)) }),
      })
      try {
        return parseApiAnswer<T>(endpoint, response)
      } catch (error) {
        if (
          options.readOnly &&
          error instanceof OneFichierError &&
          error.kind === 'fatal' &&
          response.status < 300 &&
          !isFinalRefusal(error.detail)
        ) {
          throw new OneFichierError('retryable', error.operation, error.detail, error.httpStatus, error.retryAfterMs)
        }
        throw error
      }
    }
    return options.retry === false ? this.once(call) : this.withRetries(endpoint, options.spacing, call)
  }

  /** One paced try with no retry: for a body that cannot be sent twice (the caller retries the whole upload). */
  async once<T>(attempt: () => Promise<T>): Promise<T> {
    await this.pacer.wait(this.options.signal)
    try {
      const result = await attempt()
      this.pacer.success()
      return result
    } catch (error) {
      this.pacer.failure()
      // A lock holds for every call that follows, not only for a retry of this one.
      if (error instanceof OneFichierError) this.pacer.holdOff(lockPauseMs(error))
      throw error
    } finally {
      this.pacer.settled()
    }
  }

  /** Runs `attempt` by the retry rule, pacing each try; flood waits 30 s, Retry-After is honoured. */
  async withRetries<T>(operation: string, spacing: Spacing | undefined, attempt: () => Promise<T>): Promise<T> {
    const { retries, log, signal } = this.options
    return retry(
      async () => {
        if (spacing) await this.waitSpaced(spacing)
        else await this.pacer.wait(signal)
        try {
          const result = await attempt()
          this.pacer.success()
          return result
        } finally {
          this.pacer.settled()
        }
      },
      {
        attempts: retries,
        signal,
        beforeRetry: async (error, n) => {
          this.pacer.failure()
          log.debug(`${operation}: attempt ${n} of ${retries} failed (${error.kind})`)
          const pause = lockPauseMs(error)
          const jitter = Math.random() * 0.2 * Math.max(pause, this.pacer.currentGapMs)
          log.warning(`${error.headline}; retrying (attempt ${n + 1} of ${retries})`)
          await this.pacer.pause(pause + jitter, signal)
        },
      },
    )
  }

  /**
   * A spaced call's turn: after the last call of its kind by this process or, through the state
   * file, by any other (1fichier's 30-second listing rule counts them all). A long wait is said.
   */
  private async waitSpaced(spacing: Spacing): Promise<void> {
    const { memory, log, signal } = this.options
    const since = await memory?.recall(spacing.key)
    const waitMs = this.pacer.spacedWaitMs(spacing.key, spacing.intervalMs, since)
    if (waitMs > SAY_WAITS_OVER_MS * this.options.timeScale) {
      const ago = Math.max(0, Math.round((Date.now() - (since ?? 0)) / 1000))
      // The state file holds this process's own calls too (at the pacer's time): a later one is another run's.
      const earlier = since !== undefined && since > (this.pacer.lastSpacedAt(spacing.key) ?? -Infinity)
      log.info(
        `Waiting ${Math.ceil(waitMs / 1000)} s before ${spacing.what}: 1fichier allows one every ` +
          `${Math.round(spacing.intervalMs / 1000)} s${earlier ? ` and another run made one ${ago} s ago` : ''}`,
      )
    }
    await this.pacer.waitSpaced(spacing.key, spacing.intervalMs, signal, since)
    await memory?.remember(spacing.key, this.pacer.lastSpacedAt(spacing.key)!)
  }

  /**
   * GET `url` (a download token's URL) from byte `offset` on and hand its body to `receive`, which
   * stores it: the transport writes no file. One paced try, the body's reading included. `from` is
   * where the body starts (a node that ignores Range sends the whole file again: 0). A connection
   * that drops half way fails the body's iteration with a network failure, after what arrived was
   * handed on. An answer that is not the file (an HTML page, 403, 404, 503) is classified as
   * JDownloader's 1fichier plugin does:
   * https://github.com/mirror/jdownloader/blob/master/src/jd/plugins/hoster/OneFichierCom.java
   */
  async download(url: string, offset: number, receive: (body: DownloadBody) => Promise<void>): Promise<void> {
    const { signal } = this.options
    return this.once(async () => {
      let response: Dispatcher.ResponseData
      try {
        response = await request(url, {
          method: 'GET',
          dispatcher: this.agent,
          // A token URL needs no key: it is not sent to the download node.
          headers: { 'user-agent': USER_AGENT, ...(offset > 0 ? { range: `bytes=${offset}-` } : {}) },
          signal,
        })
      } catch (error) {
        signal?.throwIfAborted()
        throw networkFailure('download', error)
      }
      const type = String(response.headers['content-type'] ?? '')
      if ((response.statusCode !== 200 && response.statusCode !== 206) || /text\/html/i.test(type)) {
        const text = await readSome(response.body, 64 * 1024)
        throw downloadRefusal(response.statusCode, text)
      }
      try {
        await receive({ from: response.statusCode === 206 ? offset : 0, chunks: bodyChunks(response.body, signal) })
      } finally {
        // A receiver that stopped early (too many bytes, a full disk) leaves the rest unread.
        response.body.destroy()
      }
    })
  }

  /** One unpaced request; callers go through `api`, `withRetries` or `once`. */
  async send(operation: string, req: RawRequest): Promise<RawResponse> {
    this.options.log.debug(`${req.method} ${redactUrl(req.url)}`)
    let response: Dispatcher.ResponseData
    try {
      response = await request(req.url, {
        method: req.method,
        dispatcher: req.url.startsWith('http:') ? this.direct : this.agent,
        headers: { ...req.headers, authorization: `Bearer ${this.options.apiKey}`, 'user-agent': USER_AGENT },
        // undici takes async iterables as bodies (lib/core/request.js), though its types list only Readable.
        body: (req.body as Readable | undefined) ?? req.bodyText ?? null,
        signal: anySignal(this.options.signal, req.signal),
      })
    } catch (error) {
      this.options.signal?.throwIfAborted()
      throw networkFailure(operation, error)
    }
    let text: string
    try {
      text = await response.body.text()
    } catch (error) {
      this.options.signal?.throwIfAborted()
      throw networkFailure(operation, error)
    }
    this.options.log.debug(`  -> HTTP ${response.statusCode}, ${text.length} bytes`)
    return { status: response.statusCode, headers: response.headers, text }
  }
}

/** How long no call may be made after this failure: a lock 30 s (rclone), else what Retry-After says. */
function lockPauseMs(error: OneFichierError): number {
  return Math.max(error.kind === 'flood' ? FLOOD_PAUSE_MS : 0, error.retryAfterMs ?? 0)
}

function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined)
  return present.length <= 1 ? present[0] : AbortSignal.any(present)
}

const USER_AGENT = '1fichier-backup/0.1 (+https://github.com/features/actions)'

/** URLs are logged without their query (upload ids are not secrets, but there is no need). */
function redactUrl(url: string): string {
  const at = url.indexOf('?')
  return at === -1 ? url : `${url.slice(0, at)}?…`
}

function retryAfterMs(headers: RawResponse['headers']): number | undefined {
  const value = headers['retry-after']
  const text = Array.isArray(value) ? value[0] : value
  if (!text) return undefined
  const seconds = Number(text)
  if (Number.isFinite(seconds)) return Math.min(Math.max(seconds, 0), 600) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.min(Math.max(date - Date.now(), 0), 600_000)
}

/** Reads an API answer; an HTTP error, a KO status or a body that is not JSON all become errors. */
// The caller names the answer's shape; its fields are still checked where they are read.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function parseApiAnswer<T>(operation: string, response: RawResponse): T {
  let json: unknown
  try {
    json = JSON.parse(response.text)
  } catch {
    json = undefined
  }
  const record = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : undefined
  const status = typeof record?.status === 'string' ? record.status.toUpperCase() : undefined
  // A short plain-text body is the message too: the bare lock answer is the 9 bytes `IP Locked`.
  const message = typeof record?.message === 'string' ? record.message : record ? '' : plainMessage(response.text)
  const httpOk = response.status >= 200 && response.status < 300
  if (httpOk && record && status !== 'KO') return record as T
  const detail = message
    ? `1fichier answered "${message}" (HTTP ${response.status})`
    : record
      ? `1fichier answered ${status ?? 'an error'} (HTTP ${response.status})`
      : `1fichier answered HTTP ${response.status} with ${describeBody(response.text)}`
  let kind = classify(response.status, message)
  // A 2xx that is not JSON is a glitch of the service: worth another try.
  if (kind === 'fatal' && httpOk && !record) kind = 'retryable'
  throw new OneFichierError(kind, operation, detail, response.status, retryAfterMs(response.headers))
}

function plainMessage(text: string): string {
  const trimmed = text.trim()
  return trimmed.length > 0 && trimmed.length <= 200 && !trimmed.startsWith('<') && !/[\u0000-\u001f]/.test(trimmed)
    ? trimmed
    : ''
}

/** Up to `limit` characters of a body, the rest dropped unread. */
async function readSome(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
  let text = ''
  try {
    for await (const chunk of body) {
      text += (chunk as Buffer).toString('utf8')
      if (text.length >= limit) break
    }
  } catch {
    // What arrived is enough to classify the answer.
  }
  body.destroy()
  return text.slice(0, limit)
}

const ACCENTS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  uml: '\u0308',
  cedil: '\u0327',
}

/** A page's words: tags and scripts removed, white space folded, cut short. */
export function pageText(html: string, limit = 200): string {
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d{1,6});/g, (_, code: string) => String.fromCodePoint(Math.min(Number(code), 0x10ffff)))
    // 1fichier's pages are in French: é, à, ç and the like, as combining marks composed.
    .replace(/&([a-z])(acute|grave|circ|uml|cedil);/gi, (_, letter: string, mark: string) =>
      `${letter}${ACCENTS[mark.toLowerCase()] ?? ''}`.normalize('NFC'),
    )
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text
}

/** A download's body as it arrives, and the byte of the file it starts at. */
export interface DownloadBody {
  from: number
  chunks: AsyncIterable<Uint8Array>
}

/** The body's chunks; a dropped connection becomes a network failure (one kind, retried by the caller's rule). */
async function* bodyChunks(
  body: Dispatcher.ResponseData['body'],
  signal: AbortSignal | undefined,
): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of body) yield chunk as Uint8Array
  } catch (error) {
    signal?.throwIfAborted()
    throw networkFailure('download', error)
  }
}

/** A download node's answer that is not the file, as one kind: the words decide, then the status. */
function downloadRefusal(status: number, body: string): OneFichierError {
  const text = pageText(body) || `HTTP ${status}`
  const lower = text.toLowerCase()
  const detail = `the download node answered HTTP ${status} with "${text}" instead of the file`
  const code = errorNumber(text)
  if (code === 611 || /password/.test(lower)) return new OneFichierError('fatal', 'download', detail, status)
  if (/residential|professional services|cdn credit/.test(lower) || code === 913)
    return new OneFichierError('fatal', 'download', detail, status)
  if (code === 887 || /too fast|simultaneously|flood|locked/.test(lower))
    return new OneFichierError('flood', 'download', detail, status)
  if (code === 715 || status === 410) return new OneFichierError('token', 'download', detail, status)
  // Other 403s, 404 and 503 (maintenance) pass: JDownloader waits and tries again.
  return new OneFichierError(
    status === 200 || status === 206 || status === 403 || status === 404 || status >= 500 ? 'retryable' : 'fatal',
    'download',
    detail,
    status,
  )
}

function describeBody(text: string): string {
  if (text.trim() === '') return 'an empty body'
  if (/^\s*</.test(text)) return 'an HTML page instead of JSON'
  return 'a body that is not JSON'
}
