// The state file as one account's run sees it: its entries under the account's tag, the series
// lock beside it. Handed to the transport (listing spacing) and to the backup stages.
import { showFolder } from '../core/format.js'
import { SeriesLockedError, messageOf } from '../core/errors.js'
import type { Log } from '../platform/log.js'
import type { StateDirectory } from './state-dir.js'
import { StateFile, accountTag } from './state-file.js'
import type { AccountFacts } from '../onefichier/account.js'
import { type SeriesLock, lockFileOf, lockSeries } from './series-lock.js'

/** When calls of a kind were last made, across processes (the transport's spacing). */
export interface SpacingMemory {
  recall(key: string): Promise<number | undefined>
  remember(key: string, at: number): Promise<void>
}

export class RunState implements SpacingMemory {
  private readonly file: StateFile
  private readonly tag: string

  constructor(
    readonly directory: StateDirectory,
    account: { apiUrl: string; apiKey: string },
    log: Log,
  ) {
    this.file = new StateFile(directory.path, log)
    this.tag = accountTag(account.apiUrl, account.apiKey)
  }

  async recall(key: string): Promise<number | undefined> {
    return (await this.file.read()).spacing[`${this.tag}:${key}`]
  }

  async remember(key: string, at: number): Promise<void> {
    const entry = `${this.tag}:${key}`
    await this.file.update((state) => (state.spacing[entry] = Math.max(state.spacing[entry] ?? 0, at)))
  }

  /** user/info.cgi's last call for this account (and for any account from here), and its answer. */
  async accountInfo(): Promise<{ checkedAt?: number; facts?: AccountFacts; anyCalledAt?: number }> {
    const state = await this.file.read()
    return { ...state.accounts[this.tag], anyCalledAt: state.accountInfoCalledAt }
  }

  async rememberAccountInfo(checkedAt: number, facts: AccountFacts | undefined): Promise<void> {
    await this.file.update((state) => {
      state.accounts[this.tag] = facts ? { checkedAt, facts } : { checkedAt }
      state.accountInfoCalledAt = Math.max(state.accountInfoCalledAt ?? 0, checkedAt)
    })
  }

  async uploadRate(): Promise<number | undefined> {
    return (await this.file.read()).uploadRates[this.tag]?.bytesPerSecond
  }

  async rememberUploadRate(bytesPerSecond: number): Promise<void> {
    if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return
    await this.file.update((state) => (state.uploadRates[this.tag] = { bytesPerSecond, at: Date.now() }))
  }

  /** The series' lock for a backup or a prune; throws SeriesLockedError when another run holds it. */
  lockSeries(command: string, folder: readonly string[], prefix: string): Promise<SeriesLock> {
    const series = `series ${prefix} in ${showFolder(folder)}`
    return lockSeries(lockFileOf(this.directory.path, this.tag, folder, prefix), { command, series })
  }
}

/**
 * One run of a series at a time. A lock that cannot be taken because the state folder is not
 * usable is said, and the run goes on without it; only another run's lock stops this one.
 */
export async function takeSeriesLock(
  state: RunState | undefined,
  command: string,
  config: { folder: readonly string[]; namePrefix: string },
  log: Log,
): Promise<SeriesLock | undefined> {
  if (!state) return undefined
  try {
    return await state.lockSeries(command, config.folder, config.namePrefix)
  } catch (error) {
    if (error instanceof SeriesLockedError) throw error
    log.warning(
      `The series lock cannot be taken in ${state.directory.path} (${messageOf(error)}); the run goes on without ` +
        `it. Make the folder writable or set ONEFICHIER_BACKUP_STATE_DIR.`,
    )
    return undefined
  }
}
