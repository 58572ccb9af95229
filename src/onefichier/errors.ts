// 1fichier answers, and network failures, turned into one kind and one line a user can act on.
// Both the HTTP status and the JSON `status` are judged: some KO answers come with HTTP 200.
import { BackupError } from '../core/errors.js'

export type FailureKind =
  | 'auth' // invalid or revoked key (#93, #247, HTTP 401): no retry
  | 'account' // not a Premium/Access customer: no retry
  | 'flood' // a lock ("Flood detected", "IP Locked", "User Locked", "Owner locked", #186): wait 30 s, then retry
  | 'quota' // no space left: no retry
  | 'not-found' // a missing file or folder
  | 'retryable' // 5xx, 429, 403 without a known cause, dropped connections
  | 'token' // a download token that expired or was refused (#715): ask a new one
  | 'pending' // end.pl's "please wait" while the upload is scanned: waited out, not retried
  | 'fatal' // anything else: no retry

const KEY_CONSOLE_URL = 'https://1fichier.com/console/params.pl'

const ADVICE: Record<FailureKind, string> = {
  auth:
    `The API key was refused (invalid or revoked): sign in on 1fichier.com, create a new key at ` +
    `${KEY_CONSOLE_URL} and store it where this run reads it (the workflow's secret, or ONEFICHIER_API_KEY).`,
  account: 'The 1fichier API needs a Premium or Access subscription: renew it on 1fichier.com, then run again.',
  flood:
    '1fichier has locked the account or this address, often after too many requests: wait (an hour is safe) and run ' +
    'again, and make sure no other job uses the same key at the same time. The key itself is fine.',
  quota: 'The 1fichier account has no room for this backup: free space or raise the quota, or keep fewer backups.',
  'not-found': '',
  retryable: 'The service or the network failed every attempt: run again later; raise `retries` if it happens often.',
  token: '',
  pending: '',
  fatal: '',
}

/** The first `#` followed by 1-3 digits, as rclone reads 1fichier error numbers. */
export function errorNumber(message: string): number | undefined {
  const match = /#(\d{1,3})(?!\d)/.exec(message)
  return match?.[1] ? Number(match[1]) : undefined
}

const RETRYABLE_HTTP = new Set([403, 429, 500, 502, 503, 504, 509])

/**
 * Lock answers seen from the real service, by text and by number: rclone's shouldRetry in
 * https://github.com/rclone/rclone/tree/master/backend/fichier/fichier.go,
 * and https://github.com/mirror/jdownloader/blob/master/src/jd/plugins/hoster/OneFichierCom.java
 */
const LOCK_TEXT = /flood detected|ip locked|user locked|owner locked|apk locked/
const LOCK_CODES = new Set([374, 412, 38, 223, 649, 620, 186])
/** Only these mean the key: "No such user #93", "Not authenticated #247" (HTTP 401). */
const KEY_CODES = new Set([93, 247])

/** The one retry rule (rclone's shouldRetry): what kind of failure an answer is. */
export function classify(httpStatus: number, apiMessage: string): FailureKind {
  const code = errorNumber(apiMessage)
  const text = apiMessage.toLowerCase()
  if ((code !== undefined && KEY_CODES.has(code)) || /no such user|not authenticated/.test(text)) return 'auth'
  if (LOCK_TEXT.test(text) || (code !== undefined && LOCK_CODES.has(code))) return 'flood'
  if (code === 200 || text.includes('must be a customer')) return 'account'
  if (/quota|not enough (disk )?space|storage (is )?full|upload forbidden/.test(text)) return 'quota'
  // #887 (one location at a time) is a lock to wait out (JDownloader waits 5 minutes).
  if (code === 887) return 'flood'
  // #913 (a datacenter address without CDN credit) and #611 (a download password is needed): no retry helps.
  if (code === 913 || code === 611) return 'fatal'
  if (code === 715) return 'token'
  if (httpStatus === 401) return 'auth'
  if (httpStatus === 404 || code === 469 || text.includes('not found')) return 'not-found'
  if (RETRYABLE_HTTP.has(httpStatus)) return 'retryable'
  return 'fatal'
}

/** Refusals that no retry changes, whatever HTTP status carried them (#913, #611). */
export function isFinalRefusal(detail: string): boolean {
  const code = errorNumber(detail)
  return code === 913 || code === 611
}

export function isRetryable(kind: FailureKind): boolean {
  return kind === 'retryable' || kind === 'flood'
}

/** A failed 1fichier call. The message is safe to print: it never holds the key or a header. */
export class OneFichierError extends BackupError {
  constructor(
    readonly kind: FailureKind,
    readonly operation: string,
    readonly detail: string,
    readonly httpStatus?: number,
    readonly retryAfterMs?: number,
  ) {
    const advice = ADVICE[kind]
    super(`${operation} failed: ${detail}${advice ? `. ${advice}` : ''}`)
  }

  override name = 'OneFichierError'

  /**
   * What failed, without the advice: for a line that goes on to say what happens next ("…;
   * retrying"). The detail is kept whole, full stops and all.
   */
  get headline(): string {
    return `${this.operation} failed: ${this.detail}`
  }

  /** The same failure after the last attempt, saying how many were made. */
  afterAttempts(attempts: number): OneFichierError {
    if (attempts <= 1) return this
    return new OneFichierError(
      this.kind,
      this.operation,
      `${this.detail} (after ${attempts} attempts)`,
      this.httpStatus,
    )
  }
}

/**
 * upload.cgi answered with a page instead of its redirect to end.pl: the node refused the file and
 * kept nothing (the reason is in the page, in French). `retryable`: its storage failed, a fresh node
 * may take it; otherwise no retry helps.
 */
export class UploadRefused extends OneFichierError {
  override name = 'UploadRefused'
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_ABORTED',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
])

/** A network-level failure (no HTTP answer) as a OneFichierError; its message names the cause only. */
export function networkFailure(operation: string, error: unknown): OneFichierError {
  const err = error as { code?: unknown; name?: unknown; message?: string; cause?: { code?: unknown } }
  // A DOMException (an abort, a timeout) has a numeric code: its name says what it was.
  const raw = typeof err.code === 'string' ? err.code : typeof err.cause?.code === 'string' ? err.cause.code : undefined
  const code = raw ?? (err.name === 'TimeoutError' ? 'ETIMEDOUT' : undefined)
  const what = code ?? err.message ?? 'unknown network error'
  const kind: FailureKind =
    code === undefined || NETWORK_CODES.has(code) || code.startsWith('UND_ERR') ? 'retryable' : 'fatal'
  const reason = code === 'ENOTFOUND' ? `host not found (${what})` : `network error (${what})`
  return new OneFichierError(kind === 'retryable' ? 'retryable' : 'fatal', operation, reason)
}
