// The restore sub-action (restore/action.yml, as actions/cache has cache/restore): inputs from the
// runner, the same engine as the CLI's `restore`, outputs and a job summary back.
import * as os from 'node:os'
import * as path from 'node:path'
import * as core from '@actions/core'
import { InputError, InvalidInputs, parseRepositoryConfig } from '../core/config.js'
import { BackupError, messageOf } from '../core/errors.js'
import { formatBytes } from '../core/format.js'
import { type Log, RedactingLog } from '../platform/log.js'
import { OneFichierError } from '../onefichier/errors.js'
import { timeScaleFromEnv, watchCancellation } from '../platform/signals.js'
import { maskSecrets, readInput, writeOutputs, writeSummary } from './runner-io.js'
import { restoreCommand } from '../restore/commands.js'
import { NoSeriesError } from '../restore/series.js'

const actionLog: Log = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
  debug: (m) => core.debug(m),
  debugEnabled: core.isDebug(),
  group: (name, body) => core.group(name, body),
}

export async function runRestoreAction(): Promise<void> {
  const redactor = maskSecrets()
  const redact = (text: string) => redactor.redact(text)
  const log = new RedactingLog(actionLog, redact)
  const cancellation = watchCancellation(log)
  try {
    const config = parseRepositoryConfig(readInput, { repository: process.env.GITHUB_REPOSITORY })
    const ifNone = readIfNoBackupFound(readInput('if-no-backup-found'))
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const target = insideWorkspace(workspace, readInput('path') || '.')
    let restored
    try {
      restored = await restoreCommand(
        {
          config,
          log,
          now: new Date(),
          timeScale: timeScaleFromEnv(config.apiUrl),
          signal: cancellation.signal,
          tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
        },
        target,
        true,
      )
    } catch (error) {
      if (!(error instanceof NoSeriesError)) throw error
      restored = null
    }
    if (!restored) {
      const message =
        `No backup of series ${config.namePrefix} in '${config.folder.join('/') || '/'}': nothing was ` + `restored.`
      if (ifNone === 'error')
        throw new BackupError(`${message} Check folder and name-prefix, or set if-no-backup-found: warn.`)
      if (ifNone === 'warn') log.warning(message)
      else log.info(message)
      return
    }
    const outputs = {
      'file-name': restored['file-name'],
      url: restored.url,
      size: String(restored.size),
      'file-count': String(restored['file-count']),
    }
    writeOutputs(outputs, log, redact)
    const where = path.relative(workspace, target) || '.'
    const summary = [
      '## 1fichier restore',
      '',
      `**Restored** [${restored['file-name']}](${restored.url}) into \`${where}\``,
      '',
      '| Item | Value |',
      '|---|---|',
      `| Size | ${formatBytes(restored.size)} |`,
      `| Files | ${restored['file-count']} |`,
    ]
    writeSummary(`${summary.join('\n')}\n`, log, redact)
  } catch (error) {
    if (cancellation.signal.aborted) core.setFailed('Cancelled; the target folder was left as it was.')
    else if (error instanceof InvalidInputs) {
      for (const problem of error.problems) log.error(problem.message)
      process.exitCode = core.ExitCode.Failure
    } else if (error instanceof InputError) {
      log.error(error.message)
      process.exitCode = core.ExitCode.Failure
    } else if (error instanceof OneFichierError || error instanceof BackupError) core.setFailed(redact(error.message))
    else core.setFailed(redact(`Unexpected failure: ${messageOf(error)}`))
  } finally {
    cancellation.dispose()
  }
}

function readIfNoBackupFound(raw: string): 'error' | 'warn' | 'ignore' {
  const value = raw.trim() || 'error'
  if (value === 'error' || value === 'warn' || value === 'ignore') return value
  throw new InputError('if-no-backup-found', `'${value}' is not one of error, warn, ignore`, 'error')
}

/** The extraction folder, which must stay inside the workspace. */
function insideWorkspace(workspace: string, given: string): string {
  const target = path.resolve(workspace, given)
  const relative = path.relative(path.resolve(workspace), target)
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new BackupError(`Input 'path': '${given}' is outside the workspace; give a folder inside it, e.g. restored/`)
  }
  return target
}
