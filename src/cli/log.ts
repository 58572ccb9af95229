// The CLI's log: plain lines, timestamped where they go to a file or a pipe.
import type { Log } from '../platform/log.js'

/**
 * Plain lines. Into a file or a pipe (cron, systemd's journal), each starts with an ISO 8601 UTC
 * time; in a terminal, none. --quiet keeps warnings, errors and the final line only.
 */
export class CliLog implements Log {
  constructor(
    private readonly verbose: boolean,
    private readonly out: NodeJS.WriteStream = process.stdout,
    private readonly err: NodeJS.WriteStream = process.stderr,
    private readonly quiet = false,
  ) {}
  private line(stream: NodeJS.WriteStream, text: string): void {
    stream.write(stream.isTTY ? `${text}\n` : `${new Date().toISOString()} ${text}\n`)
  }
  info(message: string): void {
    if (!this.quiet) this.line(this.out, message)
  }
  /** The run's last line: printed even with --quiet. */
  final(message: string): void {
    this.line(this.out, message)
  }
  warning(message: string): void {
    this.line(this.err, `warning: ${message}`)
  }
  error(message: string): void {
    this.line(this.err, `error: ${message}`)
  }
  debug(message: string): void {
    if (this.verbose) this.line(this.err, `debug: ${message}`)
  }
  get debugEnabled(): boolean {
    return this.verbose
  }
  async group<T>(name: string, body: () => Promise<T>): Promise<T> {
    this.info(`== ${name}`)
    return body()
  }
}
