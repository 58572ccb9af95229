// A Log that collects its lines, for in-process tests.
import type { Log } from '../../src/platform/log.js'

/** Collects lines: info as is, the others prefixed with their level. */
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
