// Where the run reports what it does. The action writes GitHub's workflow commands; the CLI plain lines.
export interface Log {
  info(message: string): void
  warning(message: string): void
  error(message: string): void
  debug(message: string): void
  /** Whether debug lines are shown at all (a line per file is skipped otherwise: 100,000 files...). */
  readonly debugEnabled?: boolean
  /** A foldable section; the CLI prints a heading instead. */
  group<T>(name: string, body: () => Promise<T>): Promise<T>
  /** A progress line that the next one replaces (the CLI in a terminal). Without it: see logStatus. */
  status?(message: string): void
}

/** A progress line: in place where the log can do that, an info line everywhere else (cron, CI). */
export function logStatus(log: Log, message: string): void {
  if (log.status) log.status(message)
  else log.info(message)
}

/** Holds lines of work done in the background, to be shown later in the group they belong to. */
export class DeferredLog implements Log {
  private entries: Array<['info' | 'warning' | 'error' | 'debug', string]> = []
  constructor(private readonly debugTo: Log) {}
  info(message: string): void {
    this.entries.push(['info', message])
  }
  warning(message: string): void {
    this.entries.push(['warning', message])
  }
  error(message: string): void {
    this.entries.push(['error', message])
  }
  debug(message: string): void {
    this.debugTo.debug(message)
  }
  async group<T>(name: string, body: () => Promise<T>): Promise<T> {
    this.entries.push(['info', name])
    return body()
  }
  /** Writes what was held into `log`, once. */
  replay(log: Log): void {
    for (const [level, message] of this.entries) log[level](message)
    this.entries = []
  }
}

/** A log whose every line passes the redaction step first (redact.ts): what both shells hand the run. */
export class RedactingLog implements Log {
  constructor(
    private readonly inner: Log,
    private readonly redact: (text: string) => string,
  ) {}
  get debugEnabled(): boolean | undefined {
    return this.inner.debugEnabled
  }
  info(message: string): void {
    this.inner.info(this.redact(message))
  }
  warning(message: string): void {
    this.inner.warning(this.redact(message))
  }
  error(message: string): void {
    this.inner.error(this.redact(message))
  }
  debug(message: string): void {
    this.inner.debug(this.redact(message))
  }
  group<T>(name: string, body: () => Promise<T>): Promise<T> {
    return this.inner.group(this.redact(name), body)
  }
  status(message: string): void {
    logStatus(this.inner, this.redact(message))
  }
}
