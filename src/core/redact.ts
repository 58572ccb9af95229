// The one redaction step: every text that reaches a log line, an error, an output or the summary,
// in the action and in the CLI, passes through it. Server messages and library errors may carry
// a secret back (an echoed Authorization header, a URL with a password in it); this takes the API
// key and both passwords out, in the forms a server or a library writes them.

/** What a secret is replaced with. */
export const REDACTED = '***'

/** Shorter values are refused as secrets anyway; redacting 1-3 characters would garble every line. */
const MIN_SECRET_LENGTH = 4

/** The spellings of one secret that a text may hold: as is, URL-encoded (%20 or +), JSON-escaped. */
function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret])
  const trimmed = secret.trim()
  if (trimmed !== '') forms.add(trimmed)
  for (const value of [...forms]) {
    forms.add(encodeURIComponent(value))
    forms.add(encodeURIComponent(value).replace(/%20/g, '+'))
    forms.add(encodeURI(value))
    forms.add(JSON.stringify(value).slice(1, -1))
  }
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH)
}

export class Redactor {
  private needles: string[] = []

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.add(secret)
  }

  /** Adds a secret (and its encoded forms); empty or very short values are ignored. */
  add(secret: string): void {
    const forms = secretForms(secret).filter((form) => !this.needles.includes(form))
    // Longest first, so a form that contains another is replaced whole.
    this.needles = [...this.needles, ...forms].sort((a, b) => b.length - a.length)
  }

  /** Every form the redactor takes out, for the runner's masks. */
  get forms(): readonly string[] {
    return this.needles
  }

  redact(text: string): string {
    let result = text
    for (const needle of this.needles) if (result.includes(needle)) result = result.split(needle).join(REDACTED)
    return result
  }
}
