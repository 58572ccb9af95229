// upload.cgi's and end.pl's answers besides success, as the real service gives them (CSUploader,
// live 2026): a refusal page is never a success; the storage fault is retried on a fresh node, the
// "no file found" one is not; end.pl's "please wait" is the antivirus scan.
import { describe, expect, it } from 'vitest'
import { UploadRefused } from '../../../src/onefichier/errors.js'
import type { RawResponse } from '../../../src/onefichier/transport.js'
import { checkUploadAnswer, isScanWait, refusalReason } from '../../../src/onefichier/upload-answer.js'

const SENT = "multipart/form-data with did=7, then file[] 'a.zip' (10 bytes), Content-Length 300"
const page = (reason: string) =>
  `<!DOCTYPE html><html><head><title>1fichier.com: Cloud Storage</title><style>b{}</style></head><body>` +
  `<div class="menu">Menu</div><div class="bloc2"> </div><div class="bloc2"><b>${reason}</b><br/></div></body></html>`
const answer = (status: number, text: string, headers: RawResponse['headers'] = {}): RawResponse => ({
  status,
  headers,
  text,
})

function refusalOf(response: RawResponse): UploadRefused {
  try {
    checkUploadAnswer('upload to 1fichier', response, SENT)
  } catch (error) {
    expect(error).toBeInstanceOf(UploadRefused)
    return error as UploadRefused
  }
  throw new Error('accepted as a success')
}

describe("upload.cgi's answer", () => {
  it('a 302 to end.pl is the one success (relative or absolute)', () => {
    checkUploadAnswer('u', answer(302, '', { location: '/end.pl?xid=AbC123xyZ0' }), SENT)
    checkUploadAnswer('u', answer(302, '', { location: 'https://up2.1fichier.com/end.pl?xid=AbC123xyZ0' }), SENT)
  })

  it('"Ne peut ouvrir le fichier destination": the node failed, a fresh node may take it', () => {
    const refused = refusalOf(answer(200, page('Ne peut ouvrir le fichier destination')))
    expect(refused.kind).toBe('retryable')
    expect(refused.message).toContain('"Ne peut ouvrir le fichier destination"')
  })

  it('"Pas de fichier trouvé dans l\'envoi": not retried, and the line says what was sent', () => {
    const refused = refusalOf(answer(200, page("Pas de fichier trouv&eacute; dans l'envoi")))
    expect(refused.kind).toBe('fatal')
    expect(refused.message).toContain(`sent: ${SENT}`)
  })

  it('any other page is refused with its words (no tags, cut short), never counted', () => {
    const refused = refusalOf(answer(200, page(`Erreur <i>inconnue</i> ${'très longue '.repeat(40)}`)))
    expect(refused.kind).toBe('fatal')
    expect(refused.message).toMatch(
      /answered HTTP 200 with "Erreur inconnue très longue .*\.\.\." instead of its redirect/,
    )
    expect(refused.message).not.toMatch(/<|>/)
    // An empty 200, and a page with no bloc2 at all.
    expect(refusalOf(answer(200, '')).message).toContain('with an empty page')
    expect(refusalOf(answer(200, '<html><body>Maintenance</body></html>')).message).toContain('"Maintenance"')
  })

  it('a lock page is a lock; a redirect elsewhere is refused; an HTTP error keeps its kind', () => {
    expect(refusalOf(answer(200, page('Flood detected: IP Locked #374'))).kind).toBe('flood')
    expect(refusalOf(answer(302, '', { location: '/login.pl?x=1' })).message).toContain("redirected to '/login.pl'")
    expect(() =>
      checkUploadAnswer('u', answer(403, '{"status":"KO","message":"Flood detected: IP Locked #374"}'), SENT),
    ).toThrow(/Flood detected/)
  })

  it('the reason is the first non-empty bloc2 div', () => {
    expect(refusalReason(page('Ne peut ouvrir le fichier destination'))).toBe('Ne peut ouvrir le fichier destination')
  })
})

describe("end.pl's scan wait", () => {
  it('"Veuillez patienter" and "Please wait" pages are the scan; a JSON answer with links is not', () => {
    expect(isScanWait(answer(200, page('Veuillez patienter pendant la v&eacute;rification antivirus')))).toBe(true)
    expect(isScanWait(answer(200, '<html><body><p>Please wait...</p></body></html>'))).toBe(true)
    expect(isScanWait(answer(200, '{"incoming":0,"links":[{"filename":"please wait.zip","download":"x"}]}'))).toBe(
      false,
    )
    expect(isScanWait(answer(200, '<html><body>Internal error</body></html>'))).toBe(false)
  })
})

describe("a page's words", () => {
  it('French accents and numeric entities are decoded', async () => {
    const { pageText } = await import('../../../src/onefichier/transport.js')
    expect(pageText('<b>Pas de fichier trouv&eacute; dans l&#39;envoi &agrave; &#233;t&eacute;</b>')).toBe(
      "Pas de fichier trouvé dans l'envoi à été",
    )
  })
})

describe("a failure's headline", () => {
  it('is what failed, whole (full stops in the detail kept), without the advice', async () => {
    const { OneFichierError } = await import('../../../src/onefichier/errors.js')
    const { headlineOf } = await import('../../../src/core/errors.js')
    const error = new OneFichierError('retryable', 'end.pl', 'the page said "Wait. Then retry." (HTTP 200)')
    expect(error.message).toContain('run again later')
    expect(error.headline).toBe('end.pl failed: the page said "Wait. Then retry." (HTTP 200)')
    expect(headlineOf(error)).toBe(error.headline)
    expect(headlineOf(new Error('plain. two sentences'))).toBe('plain. two sentences')
  })
})

describe('a timed-out request', () => {
  it("is a network failure named ETIMEDOUT (a DOMException's numeric code is not read as a name)", async () => {
    const { networkFailure } = await import('../../../src/onefichier/errors.js')
    const failure = networkFailure('user/info.cgi', new DOMException('The operation timed out', 'TimeoutError'))
    expect(failure.kind).toBe('retryable')
    expect(failure.headline).toBe('user/info.cgi failed: network error (ETIMEDOUT)')
  })
})
