// The GitHub Action shell: inputs from the runner, the same run as the CLI, outputs and a job
// summary back. The key is masked before anything else happens.
import * as os from 'node:os'
import * as path from 'node:path'
import * as core from '@actions/core'
import { type Config, parseConfig } from '../core/config.js'
import { describeFailure } from '../core/failure.js'
import { type Log, RedactingLog, logStatus } from '../platform/log.js'
import { ActionLog, maskSecrets, readInput, writeOutputs, writeSummary } from './runner-io.js'
import { type RunResult, runBackup } from '../backup/run.js'
import { NOTHING_DONE, type RunProgress, describeProgress, recordEvent } from '../backup/result.js'
import { failureOutputs, outputsOf, summaryMarkdown } from './summary.js'
import { saveZipAsArtifact } from './artifact.js'
import { watchCancellation, timeScaleFromEnv } from '../platform/signals.js'
import { stateDirectory } from '../state/state-dir.js'

/** Passes every line on, and keeps the warnings for the summary. */
class WarningsKept implements Log {
  constructor(
    private readonly inner: Log,
    private readonly kept: string[],
  ) {}
  get debugEnabled(): boolean | undefined {
    return this.inner.debugEnabled
  }
  info(message: string): void {
    this.inner.info(message)
  }
  warning(message: string): void {
    this.kept.push(message)
    this.inner.warning(message)
  }
  error(message: string): void {
    this.inner.error(message)
  }
  debug(message: string): void {
    this.inner.debug(message)
  }
  group<T>(name: string, body: () => Promise<T>): Promise<T> {
    return this.inner.group(name, body)
  }
  status(message: string): void {
    logStatus(this.inner, message)
  }
}

export async function runAction(): Promise<void> {
  const startedAt = new Date()
  // Mask secrets first, whatever else is wrong with the inputs; every line then passes the redactor.
  const redactor = maskSecrets()
  const redact = (text: string) => redactor.redact(text)
  // The run's warnings are also listed in the job summary.
  const warnings: string[] = []
  const log = new RedactingLog(new WarningsKept(new ActionLog(), warnings), redact)
  log.debug(`Runtime: Node ${process.version} (pid ${process.pid}) on ${process.platform}-${process.arch}`)
  const cancellation = watchCancellation(log)
  // What the run has done, from its events: what a failure or a cancel says it left.
  let progress: RunProgress = NOTHING_DONE
  let result: RunResult
  let config: Config
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  try {
    // Path lines are relative to the workspace (@actions/glob reads them from the current folder):
    // a runner starts the step there, @github/local-action in the action's own folder.
    if (path.resolve(workspace) !== process.cwd()) process.chdir(workspace)
    config = parseConfig(readInput, { repository: process.env.GITHUB_REPOSITORY })
    result = await runBackup({
      config,
      log,
      workspace,
      tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
      tempDirSetting: process.env.RUNNER_TEMP ? 'RUNNER_TEMP' : 'TMPDIR',
      startedAt,
      timeScale: timeScaleFromEnv(config.apiUrl),
      signal: cancellation.signal,
      onEvent: (event) => (progress = recordEvent(progress, event)),
      saveAsArtifact: (zipPath) => saveZipAsArtifact(zipPath),
      stateDir: stateDirectory(),
    })
  } catch (error) {
    reportFailure(error, cancellation.signal, progress, log, redact)
    return
  } finally {
    cancellation.dispose()
  }
  // The backup is done: a report that cannot be written is a warning, never a failed backup.
  writeReports(outputsOf(result), summaryMarkdown(result, warnings, config.retention), log, redact)
}

/** Outputs and the job summary, each optional: a failure to write one is a warning. */
function writeReports(
  outputs: Record<string, string>,
  summary: string,
  log: Log,
  redact: (text: string) => string,
): void {
  writeOutputs(outputs, log, redact)
  writeSummary(summary, log, redact)
}

function escapeMarkdown(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
}

/** One `::error` line per problem, redacted; the summary says the same. */
function reportFailure(
  error: unknown,
  signal: AbortSignal,
  progress: RunProgress,
  log: Log,
  redact: (text: string) => string,
): void {
  writeOutputs(failureOutputs(progress.artifact), log, redact)
  const failure = describeFailure(error, {
    cancelled: signal.aborted ? { line: `Cancelled. ${describeProgress(progress)}`, exitCode: 1 } : undefined,
  })
  // Unexpected failures: the message only; the stack goes to the debug log.
  if (failure.unexpected) log.debug(error instanceof Error && error.stack ? error.stack : String(error))
  for (const line of failure.lines) log.error(line)
  // The runner fails the step on any code but 0; 1 as @actions/core's setFailed.
  process.exitCode = core.ExitCode.Failure
  writeSummary(`## 1fichier backup\n\n**Failed**: ${escapeMarkdown(failure.summary)}\n`, log, redact)
}

/**
 * For @github/local-action, which imports an entry and calls its `run()`.
 * @public
 */
export async function run(): Promise<void> {
  await runAction()
}
