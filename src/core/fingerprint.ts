// What skip-unchanged compares: a fingerprint of exactly what went into the zip (each entry's kind,
// name, mode, and the SHA-256 of its bytes or link target), plus the settings that shape the
// backup (archive and link passwords). Times are left out: a touched but identical file is the same.
//
// The fingerprint is an HMAC keyed from the API key, so the description that holds it tells
// nobody else anything about the files (no guessing a file's content and checking the hash), and
// it can safely cover the passwords. A new API key means one upload that was not strictly needed.
import { createHash, createHmac, type Hash } from 'node:crypto'
import type { ContentObserver, Entry } from './entry.js'

export interface FingerprintSettings {
  apiKey: string
  archivePassword: string
  linkPassword: string
}

export class ContentFingerprint implements ContentObserver {
  private readonly hmac: ReturnType<typeof createHmac>
  private current: { entry: Entry; hash: Hash; size: number } | null = null
  private result: string | null = null

  constructor(settings: FingerprintSettings) {
    const key = createHmac('sha256', settings.apiKey).update('1fichier-backup content fingerprint v1').digest()
    this.hmac = createHmac('sha256', key)
    this.hmac.update(`${JSON.stringify(['settings', settings.archivePassword, settings.linkPassword])}\n`)
  }

  entry(entry: Entry): void {
    if (this.current) throw new Error(`fingerprint: '${this.current.entry.name}' was not ended`)
    this.current = { entry, hash: createHash('sha256'), size: 0 }
  }

  data(chunk: Buffer): void {
    this.current!.hash.update(chunk)
    this.current!.size += chunk.length
  }

  end(): void {
    const { entry, hash, size } = this.current!
    this.current = null
    // One JSON line per entry: unambiguous whatever the names contain.
    this.hmac.update(`${JSON.stringify([entry.kind, entry.name, entry.mode & 0o7777, size, hash.digest('hex')])}\n`)
  }

  /** The fingerprint, once every entry has ended (base64url, 43 characters). */
  digest(): string {
    this.result ??= this.hmac.digest('base64url')
    return this.result
  }
}

/** What the action writes into a backup's 1fichier description. */
export interface BackupDescription {
  fingerprint: string
  sha256: string
}

const DESCRIPTION = /^1fichier-backup fingerprint=v1:([A-Za-z0-9_-]{43}) sha256=([0-9a-f]{64})$/

export function formatDescription(d: BackupDescription): string {
  return `1fichier-backup fingerprint=v1:${d.fingerprint} sha256=${d.sha256}`
}

/** null for a description this action did not write (or a version it does not know). */
export function parseDescription(text: string | undefined): BackupDescription | null {
  const match = DESCRIPTION.exec((text ?? '').trim())
  return match ? { fingerprint: match[1]!, sha256: match[2]! } : null
}
