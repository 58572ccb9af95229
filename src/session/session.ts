// One command's way to 1fichier, built in one place and closed in one place (`await using`): the
// settings, the log, the cancel signal, the state shared with other runs (listing times, the
// account's answer, the series lock) and the client over one transport. The backup and every
// repository command open theirs the same way, and each stage takes it with its own input
// (`stage(session, input)`); in-process tests hand in a fake client instead of the HTTP one.
import type { RepositoryConfig } from '../core/config.js'
import type { Log } from '../platform/log.js'
import { type OneFichierApi, OneFichierClient } from '../onefichier/client.js'
import { transportFor } from '../onefichier/transport.js'
import { RunState, takeSeriesLock } from '../state/run-state.js'
import type { SeriesLock } from '../state/series-lock.js'
import type { StateDirectory } from '../state/state-dir.js'

/** What a session reads of a backup's or a command's settings: the account, the series, the retry budget. */
type SessionConfig = Pick<
  RepositoryConfig,
  'apiUrl' | 'apiKey' | 'retries' | 'stallTimeoutMs' | 'folder' | 'namePrefix' | 'dryRun'
>

export interface SessionOptions<C extends SessionConfig = SessionConfig> {
  config: C
  log: Log
  /** 1 in production; tests shrink every wait with it (honoured for a loopback api-url only). */
  timeScale?: number | undefined
  signal?: AbortSignal | undefined
  /** The state shared with other runs; none: this run knows only its own calls and takes no lock. */
  stateDir?: StateDirectory | undefined
  /** The 1fichier client; by default one over HTTP to config.apiUrl. */
  client?: OneFichierApi | undefined
}

export class Session<C extends SessionConfig = SessionConfig> implements AsyncDisposable {
  private constructor(
    readonly config: C,
    readonly log: Log,
    /** The command's cancel signal. */
    readonly signal: AbortSignal | undefined,
    readonly state: RunState | undefined,
    readonly client: OneFichierApi,
  ) {}

  static open<C extends SessionConfig>(options: SessionOptions<C>): Session<C> {
    const { config, log, stateDir } = options
    const state = stateDir ? new RunState(stateDir, config, log) : undefined
    const client = options.client ?? new OneFichierClient(transportFor(config, { ...options, memory: state }))
    return new Session(config, log, options.signal, state, client)
  }

  /** One backup or prune per series at a time; none for a dry run (it changes nothing) or without state. */
  lockSeries(command: 'backup' | 'prune'): Promise<SeriesLock | undefined> {
    const { config, log } = this
    return config.dryRun ? Promise.resolve(undefined) : takeSeriesLock(this.state, command, config, log)
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.client.close()
  }
}
