// One small JSON file shared by every process of this user: read whole, changed under a short
// exclusive lock, written to a temporary file and renamed over (atomic), so that two runs never
// lose each other's entries nor read half a file. The state is advice: a file that cannot be read
// or written is reported once and the run goes on as if it were empty.
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { messageOf } from '../core/errors.js'
import type { Log } from '../platform/log.js'
import { sleep } from '../onefichier/pacer.js'
import type { AccountFacts } from '../onefichier/account.js'

export interface StateData {
  version: 1
  /** Per account and folder (`<account>:<key>`): when it was last listed (ms since the epoch). */
  spacing: Record<string, number>
  /** Per account: when user/info.cgi was last called, and what it answered (nothing when it failed). */
  accounts: Record<string, { checkedAt: number; facts?: AccountFacts }>
  /** When user/info.cgi was last called from this machine, for any account (1 call a minute per IP). */
  accountInfoCalledAt?: number
  /** Per account: the last upload's rate, bytes per second. */
  uploadRates: Record<string, { bytesPerSecond: number; at: number }>
}

const FILE_NAME = 'state.json'
/** A lock of the state file older than this was left by a process that died while holding it. */
const STALE_LOCK_MS = 10_000
/** Entries older than this are dropped when the file is written: it stays small. */
const FORGET_AFTER_MS = 7 * 24 * 3600_000

function emptyState(): StateData {
  return { version: 1, spacing: {}, accounts: {}, uploadRates: {} }
}

/**
 * Who the account is, without the key: a hash of the API URL and the key. The file says which
 * account an entry is for, never how to use it.
 */
export function accountTag(apiUrl: string, apiKey: string): string {
  return createHash('sha256').update(`1fichier-backup\0${apiUrl}\0${apiKey}`).digest('hex').slice(0, 16)
}

export class StateFile {
  readonly file: string
  private reported = false

  constructor(
    readonly dir: string,
    private readonly log: Log,
  ) {
    this.file = path.join(dir, FILE_NAME)
  }

  async read(): Promise<StateData> {
    try {
      return parseState(await readFile(this.file, 'utf8'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.report(error)
      return emptyState()
    }
  }

  /** Applies `change` to the file's current content and writes it back, under the file's lock. */
  async update(change: (state: StateData) => void): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true })
      const unlock = await this.lock()
      try {
        const state = await this.read()
        change(state)
        forgetOld(state, Date.now())
        const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
        await writeFile(temp, `${JSON.stringify(state, null, 1)}\n`, { mode: 0o600 })
        await renameWithRetries(temp, this.file)
      } finally {
        await unlock()
      }
    } catch (error) {
      this.report(error)
    }
  }

  /** An exclusive lock file beside the state file; one left by a dead process goes stale in 10 s. */
  private async lock(): Promise<() => Promise<void>> {
    const lockFile = `${this.file}.lock`
    for (let tries = 0; ; tries++) {
      try {
        const handle = await open(lockFile, 'wx')
        await handle.close()
        return () => rm(lockFile, { force: true })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const age = await stat(lockFile).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      )
      if (age > STALE_LOCK_MS || tries > 250) await rm(lockFile, { force: true })
      else await sleep(20)
    }
  }

  private report(error: unknown): void {
    if (this.reported) return
    this.reported = true
    this.log.warning(
      `The state file ${this.file} cannot be used (${messageOf(error)}); the run goes on without it, but cannot ` +
        `space its calls after other runs'. Make the folder writable or set ONEFICHIER_BACKUP_STATE_DIR.`,
    )
  }
}

function parseState(text: string): StateData {
  const raw = JSON.parse(text) as Partial<StateData> | null
  const state = emptyState()
  if (raw === null || typeof raw !== 'object' || raw.version !== 1) return state
  const record = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, never>) : {}
  for (const [key, at] of Object.entries(record(raw.spacing))) if (Number.isFinite(at)) state.spacing[key] = at
  state.accounts = record(raw.accounts)
  state.uploadRates = record(raw.uploadRates)
  if (Number.isFinite(raw.accountInfoCalledAt)) state.accountInfoCalledAt = raw.accountInfoCalledAt!
  return state
}

function forgetOld(state: StateData, now: number): void {
  const recent = (at: unknown) => typeof at === 'number' && now - at <= FORGET_AFTER_MS
  state.spacing = Object.fromEntries(Object.entries(state.spacing).filter(([, at]) => recent(at)))
  state.accounts = Object.fromEntries(Object.entries(state.accounts).filter(([, entry]) => recent(entry.checkedAt)))
}

/** Windows refuses a rename over a file another process has open for a moment: try again briefly. */
async function renameWithRetries(from: string, to: string): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (tries >= 20 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) {
        await rm(from, { force: true })
        throw error
      }
      await sleep(25)
    }
  }
}
