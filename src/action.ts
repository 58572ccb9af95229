// The GitHub Action shell: inputs from the runner, the same run as the CLI, outputs and a job
// summary back. The key is masked before anything else happens.
import * as os from 'node:os'
import * as core from '@actions/core'
import { InvalidInputs, parseConfig } from './config.js'
import { BackupError } from './errors.js'
import type { Log } from './log.js'
import { OneFichierError } from './onefichier/errors.js'
import { type RunProgress, describeProgress, runBackup } from './run.js'
import { failureOutputs, outputsOf, summaryMarkdown } from './summary.js'
import { saveZipAsArtifact } from './artifact.js'
import { watchCancellation, timeScaleFromEnv } from './process.js'
import { describeRuntime } from './runtime-tuning.js'

class ActionLog implements Log {
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

export async function runAction(): Promise<void> {
  const startedAt = new Date()
  // Mask secrets first, whatever else is wrong with the inputs.
  for (const secret of ['api-key', 'link-password', 'archive-password']) {
    const value = core.getInput(secret)
    if (value.trim() !== '') core.setSecret(value.trim())
    if (value !== value.trim() && value !== '') core.setSecret(value)
  }
  const log = new ActionLog()
  log.debug(describeRuntime())
  const cancellation = watchCancellation(log)
  const progress: RunProgress = { stage: 'start', deleted: [] }
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
      progress,
      saveAsArtifact: (zipPath) => saveZipAsArtifact(zipPath),
    })
    for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, value)
    await core.summary.addRaw(summaryMarkdown(result)).write()
  } catch (error) {
    for (const [name, value] of Object.entries(failureOutputs(progress.artifact))) core.setOutput(name, value)
    reportFailure(error, cancellation.signal, progress)
    await core.summary
      .addRaw(`## 1fichier backup\n\n**Failed**: ${escapeMarkdown(failureMessage(error, cancellation.signal, progress))}\n`)
      .write()
      .catch(() => undefined)
  } finally {
    cancellation.dispose()
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
}

/** The one line that says what failed and what to do. */
function failureMessage(error: unknown, signal: AbortSignal, progress: RunProgress): string {
  if (signal.aborted) return `Cancelled. ${describeProgress(progress)}`
  if (error instanceof InvalidInputs) return `${error.problems.length === 1 ? 'An input is' : `${error.problems.length} inputs are`} invalid; nothing was uploaded or deleted.`
  if (error instanceof OneFichierError || error instanceof BackupError) return error.message
  return `Unexpected failure: ${(error as Error)?.message ?? String(error)}`
}

function reportFailure(error: unknown, signal: AbortSignal, progress: RunProgress): void {
  if (signal.aborted) {
    core.setFailed(failureMessage(error, signal, progress))
    return
  }
  if (error instanceof InvalidInputs) {
    for (const problem of error.problems) core.error(problem.message)
    core.setFailed(failureMessage(error, signal, progress).replace('invalid;', 'invalid (see above);'))
    return
  }
  // Unexpected failures: the message only; the stack goes to the debug log.
  if (!(error instanceof OneFichierError || error instanceof BackupError)) core.debug((error as Error)?.stack ?? String(error))
  core.setFailed(failureMessage(error, signal, progress))
}
