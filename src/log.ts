// Where the run reports what it does. The action writes GitHub's workflow commands; the CLI plain lines.
export interface Log {
  info(message: string): void
  warning(message: string): void
  error(message: string): void
  debug(message: string): void
  /** A foldable section; the CLI prints a heading instead. */
  group<T>(name: string, body: () => Promise<T>): Promise<T>
}

/** For tests and library use: collects lines. */
export class MemoryLog implements Log {
  readonly lines: string[] = []
  info(message: string): void {
    this.lines.push(message)
  }
  warning(message: string): void {
    this.lines.push(`warning: ${message}`)
  }
  error(message: string): void {
    this.lines.push(`error: ${message}`)
  }
  debug(message: string): void {
    this.lines.push(`debug: ${message}`)
  }
  async group<T>(name: string, body: () => Promise<T>): Promise<T> {
    this.lines.push(`[${name}]`)
    return body()
  }
}
