// What upload.cgi and end.pl answer besides success, as the real service was seen to answer
// (CSUploader, verified against the live site in 2026; ../shared/1fichier-api.md section 17): a
// refused upload is HTTP 200 with a page whose reason, in French, is in the first non-empty
// `<div class="bloc2">`; a scanned upload makes end.pl answer "Veuillez patienter" / "Please wait".
import { OneFichierError, UploadRefused, classify } from './errors.js'
import { type RawResponse, pageText, parseApiAnswer } from './transport.js'

/** The node's storage failed: the same file may be sent to a fresh node. */
const STORAGE_FAILED = /ne peut ouvrir le fichier destination/i
/** The request held no file part the node could read: sending the same request again cannot help. */
const NO_FILE_FOUND = /pas de fichier trouv/i
const SCAN_WAIT = /veuillez patienter|please wait/i

/**
 * Throws unless upload.cgi answered its success, a redirect to end.pl: any other answer is a
 * refusal (the file is not counted as uploaded), told with the page's own words. `sent` says what
 * the request held (no secret in it), for the refusal no retry helps.
 */
export function checkUploadAnswer(operation: string, response: RawResponse, sent: string): void {
  const location = firstHeader(response.headers.location)
  if (response.status >= 300 && response.status < 400) {
    if (location !== undefined && /(^|\/)end\.pl\?(.*&)?xid=/.test(location)) return
    throw new UploadRefused(
      'fatal',
      operation,
      `the upload node redirected to ${location ? `'${location.split('?')[0]}'` : 'nowhere'} instead of end.pl; the ` +
        `upload is not counted`,
      response.status,
    )
  }
  if (response.status >= 400) parseApiAnswer(operation, response)
  throw refusal(operation, response, sent)
}

function refusal(operation: string, response: RawResponse, sent: string): UploadRefused {
  const reason = refusalReason(response.text)
  const quoted = reason ? `"${reason}"` : 'an empty page'
  if (STORAGE_FAILED.test(reason))
    return new UploadRefused(
      'retryable',
      operation,
      `the upload node could not store the file (${quoted}: its storage failed) and kept nothing`,
      response.status,
    )
  if (NO_FILE_FOUND.test(reason))
    return new UploadRefused(
      'fatal',
      operation,
      `the upload node found no file in the request (${quoted}); sent: ${sent}. Sending it again cannot help: ` +
        `a proxy may have changed the body; otherwise report this line as a bug of 1fichier-backup`,
      response.status,
    )
  const kind = classify(response.status >= 400 ? response.status : 403, reason)
  return new UploadRefused(
    kind === 'flood' || kind === 'auth' || kind === 'account' || kind === 'quota' ? kind : 'fatal',
    operation,
    `the upload node answered HTTP ${response.status} with ${quoted} instead of its redirect to end.pl; the upload ` +
      `is not counted`,
    response.status,
  )
}

/** The first non-empty `<div class="bloc2">` of the page, else the whole page's words (cut short). */
export function refusalReason(html: string): string {
  for (const match of html.matchAll(
    /<div\b[^>]*\bclass\s*=\s*["'][^"']*\bbloc2\b[^"']*["'][^>]*>([\s\S]*?)<\/div>/gi,
  )) {
    const text = pageText(match[1] ?? '')
    if (text) return text
  }
  return pageText(html)
}

/** end.pl's "please wait" page while the upload is scanned (no list of links in it). */
export function isScanWait(response: RawResponse): boolean {
  try {
    const json = JSON.parse(response.text) as { links?: unknown } | null
    if (json !== null && typeof json === 'object' && Array.isArray(json.links)) return false
  } catch {
    // A page: its words decide.
  }
  return SCAN_WAIT.test(pageText(response.text, 2_000))
}

/** end.pl's scan wait as an error the retry rule passes up (kind `pending`) to the one wait for it. */
export function scanPending(operation: string): OneFichierError {
  return new OneFichierError('pending', operation, '1fichier is still scanning the upload (antivirus)')
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
