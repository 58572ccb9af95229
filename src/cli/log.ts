// The CLI's log: plain lines, timestamped where they go to a file or a pipe.
import { writeSync } from 'node:fs'
import type { Log } from '../platform/log.js'

// ECMA-48: carriage return, then erase the whole line.
const CLEAR_LINE = '\r\x1b[2K'

/**
 * Plain lines. Into a file or a pipe (cron, systemd's journal), each starts with an ISO 8601 UTC
 * time; in a terminal, none, and progress is one line updated in place. --quiet keeps warnings,
 * errors and the final line only.
 */
export class CliLog implements Log {
  /** The stream that shows a progress line now, to be cleared before anything else is written. */
  private statusOn: NodeJS.WriteStream | null = null

  constructor(
    private readonly verbose: boolean,
    private readonly out: NodeJS.WriteStream = process.stdout,
    private readonly err: NodeJS.WriteStream = process.stderr,
    private readonly quiet = false,
    /** --log-file's descriptor: every line appended with its time, --quiet or not (the lines come redacted). */
    private readonly file?: number,
  ) {}
  private line(stream: NodeJS.WriteStream | null, text: string): void {
    this.toFile(text)
    if (!stream) return
    this.clearStatus()
    stream.write(stream.isTTY ? `${text}\n` : `${new Date().toISOString()} ${text}\n`)
  }
  private toFile(text: string): void {
    if (this.file !== undefined) writeSync(this.file, `${new Date().toISOString()} ${text}\n`)
  }
  private clearStatus(): void {
    this.statusOn?.write(CLEAR_LINE)
    this.statusOn = null
  }
  info(message: string): void {
    this.line(this.quiet ? null : this.out, message)
  }
  /** In a terminal, replaces the previous progress line; elsewhere, an info line. */
  status(message: string): void {
    // Quiet, or not a terminal: a plain line (or only the log file's), as info() writes it.
    if (this.quiet || !this.out.isTTY) {
      this.info(message)
      return
    }
    this.toFile(message)
    // Cut to the terminal's width: a wrapped line could not be replaced.
    const width = this.out.columns > 1 ? this.out.columns - 1 : 79
    this.out.write(`${CLEAR_LINE}${message.slice(0, width)}`)
    this.statusOn = this.out
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
