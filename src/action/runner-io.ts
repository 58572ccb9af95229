// What both action shells (the backup action and the restore sub-action) read from and write to
// the runner: inputs (secrets untrimmed), the masks, step outputs and the job summary. A report that
// cannot be written is a warning, never a failed step.
import { appendFileSync } from 'node:fs'
import * as core from '@actions/core'
import type { Log } from '../platform/log.js'
import { Redactor } from '../core/redact.js'
import { SECRET_INPUTS } from '../core/config.js'

/** The secrets are read exactly as stored (getInput trims by default: a secret is never changed). */
export function readInput(name: string): string {
  return core.getInput(name, { trimWhitespace: !SECRET_INPUTS.includes(name) })
}

/** The runner's log: workflow commands (::error, ::group), groups never nested. */
export class ActionLog implements Log {
  private depth = 0
  info = (message: string) => core.info(message)
  warning = (message: string) => core.warning(message)
  error = (message: string) => core.error(message)
  debug = (message: string) => core.debug(message)
  readonly debugEnabled = core.isDebug()
  async group<T>(name: string, body: () => Promise<T>): Promise<T> {
    // The runner does not nest groups: an inner one is a plain line.
    if (this.depth > 0) {
      core.info(name)
      return body()
    }
    this.depth++
    try {
      return await core.group(name, body)
    } finally {
      this.depth--
    }
  }
}

/** Masks every form of the secrets before anything else happens, and returns their redactor. */
export function maskSecrets(): Redactor {
  const redactor = new Redactor(SECRET_INPUTS.map(readInput))
  for (const form of redactor.forms) core.setSecret(form)
  return redactor
}

export function writeOutputs(outputs: Record<string, string>, log: Log, redact: (text: string) => string): void {
  try {
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redact(value))
  } catch (error) {
    log.warning(`Could not write the step outputs (${describeError(error)}); the step's work itself is done`)
  }
}

export function writeSummary(markdown: string, log: Log, redact: (text: string) => string): void {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, redact(markdown))
  } catch (error) {
    log.warning(`Could not write the job summary (${describeError(error)})`)
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  return (error as NodeJS.ErrnoException).code ?? error.message
}
