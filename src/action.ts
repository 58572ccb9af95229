// The GitHub Action shell: inputs from the runner, the same run as the CLI, outputs and a job
// summary back. The key is masked before anything else happens.
import * as os from 'node:os'
import * as core from '@actions/core'
import { InvalidInputs, parseConfig } from './config.js'
import { BackupError } from './errors.js'
import type { Log } from './log.js'
import { OneFichierError } from './onefichier/errors.js'
import { runBackup } from './run.js'
import { outputsOf, summaryMarkdown } from './summary.js'
import { watchCancellation, timeScaleFromEnv } from './process.js'

class ActionLog implements Log {
  private depth = 0
  info = (message: string) => core.info(message)
  warning = (message: string) => core.warning(message)
  error = (message: string) => core.error(message)
  debug = (message: string) => core.debug(message)
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

export async function runAction(): Promise<void> {
  const startedAt = new Date()
  // Mask secrets first, whatever else is wrong with the inputs.
  for (const secret of ['api-key', 'link-password']) {
    const value = core.getInput(secret)
    if (value.trim() !== '') core.setSecret(value.trim())
    if (value !== value.trim() && value !== '') core.setSecret(value)
  }
  const log = new ActionLog()
  const cancellation = watchCancellation(log)
  try {
    const config = parseConfig((name) => core.getInput(name), { repository: process.env.GITHUB_REPOSITORY })
    const result = await runBackup({
      config,
      log,
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
      startedAt,
      timeScale: timeScaleFromEnv(),
      signal: cancellation.signal,
    })
    for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, value)
    await core.summary.addRaw(summaryMarkdown(result)).write()
  } catch (error) {
    reportFailure(error, cancellation.signal)
  } finally {
    cancellation.dispose()
  }
}

function reportFailure(error: unknown, signal: AbortSignal): void {
  if (signal.aborted) {
    core.setFailed('Cancelled: the backup was stopped before it finished; nothing was deleted. The temporary zip was removed.')
    return
  }
  if (error instanceof InvalidInputs) {
    for (const problem of error.problems) core.error(problem.message)
    core.setFailed(
      error.problems.length === 1 ? 'An input is invalid (see above); nothing was uploaded or deleted.' : `${error.problems.length} inputs are invalid (see above); nothing was uploaded or deleted.`,
    )
    return
  }
  if (error instanceof OneFichierError || error instanceof BackupError) {
    core.setFailed(error.message)
    return
  }
  // Unexpected: the message only; the stack goes to the debug log.
  core.debug((error as Error)?.stack ?? String(error))
  core.setFailed(`Unexpected failure: ${(error as Error)?.message ?? String(error)}`)
}
