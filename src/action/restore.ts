// The restore sub-action (restore/action.yml, as actions/cache has cache/restore): inputs from the
// runner, the same engine as the CLI's `restore`, outputs and a job summary back.
import { realpath } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import * as core from '@actions/core'
import { InputError, parseRepositoryConfig } from '../core/config.js'
import { BackupError } from '../core/errors.js'
import { describeFailure } from '../core/failure.js'
import { formatBytes, showFolder } from '../core/format.js'
import { RedactingLog } from '../platform/log.js'
import { timeScaleFromEnv, watchCancellation } from '../platform/signals.js'
import { ActionLog, maskSecrets, readInput, writeOutputs, writeSummary } from './runner-io.js'
import { type RestoreRequest, restoreCommand } from '../restore/commands.js'
import { OVERWRITE_MODES, type OverwriteMode } from '../restore/target.js'
import { NoSeriesError } from '../series/read.js'
import { stateDirectory } from '../state/state-dir.js'

export async function runRestoreAction(): Promise<void> {
  const redactor = maskSecrets()
  const redact = (text: string) => redactor.redact(text)
  const log = new RedactingLog(new ActionLog(), redact)
  const cancellation = watchCancellation(log)
  try {
    const config = parseRepositoryConfig(readInput, { repository: process.env.GITHUB_REPOSITORY })
    const ifNone = readIfNoBackupFound(readInput('if-no-backup-found'))
    const request = readRestoreRequest()
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    request.to = await insideWorkspace(workspace, readInput('path') || '.')
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
          tempDirSetting: process.env.RUNNER_TEMP ? 'RUNNER_TEMP' : 'TMPDIR',
          stateDir: stateDirectory(),
        },
        request,
      )
    } catch (error) {
      if (!(error instanceof NoSeriesError)) throw error
      restored = null
    }
    if (!restored) {
      writeOutputs({ restored: 'false' }, log, redact)
      const message = `No backup of series ${config.namePrefix} in ${showFolder(config.folder)}: nothing was restored.`
      if (ifNone === 'error')
        throw new BackupError(`${message} Check folder and name-prefix, or set if-no-backup-found: warn.`)
      if (ifNone === 'warn') log.warning(message)
      else log.info(message)
      return
    }
    const outputs = {
      restored: 'true',
      'file-name': restored['file-name'],
      url: restored.url,
      size: String(restored.size),
      'file-count': String(restored['file-count']),
      'backup-time': restored.time,
    }
    writeOutputs(outputs, log, redact)
    const where = path.relative(workspace, request.to) || '.'
    const ageHours = (Date.now() - new Date(restored.time).getTime()) / 3_600_000
    const age = ageHours < 48 ? `${Math.max(0, Math.round(ageHours))} h` : `${Math.round(ageHours / 24)} days`
    const summary = [
      '## 1fichier restore',
      '',
      `**Restored** [${restored['file-name']}](${restored.url}) into \`${where}\``,
      '',
      '| Item | Value |',
      '|---|---|',
      `| Backup time | ${restored.time} (${age} old) |`,
      `| Size | ${formatBytes(restored.size)} |`,
      `| Files, links and folders | ${restored['file-count']} |`,
      `| Created / replaced / deleted / left as they were | ${restored.created} / ${restored.replaced} / ` +
        `${restored.deleted} / ${restored.kept + restored.unchanged} |`,
      `| Checked | ${restored.checked} |`,
    ]
    writeSummary(`${summary.join('\n')}\n`, log, redact)
  } catch (error) {
    const failure = describeFailure(error, {
      cancelled: cancellation.signal.aborted
        ? { line: 'Cancelled; the target folder was left as it was.', exitCode: 1 }
        : undefined,
    })
    if (failure.unexpected) log.debug(error instanceof Error && error.stack ? error.stack : String(error))
    for (const line of failure.lines) log.error(line)
    process.exitCode = core.ExitCode.Failure
  } finally {
    cancellation.dispose()
  }
}

function readIfNoBackupFound(raw: string): 'error' | 'warn' | 'ignore' {
  const value = raw.trim() || 'error'
  if (value === 'error' || value === 'warn' || value === 'ignore') return value
  throw new InputError('if-no-backup-found', `'${value}' is not one of error, warn, ignore`, 'error')
}

function readRestoreRequest(): RestoreRequest {
  const overwrite = readInput('overwrite').trim() || 'always'
  if (!(OVERWRITE_MODES as readonly string[]).includes(overwrite))
    throw new InputError('overwrite', `'${overwrite}' is not one of ${OVERWRITE_MODES.join(', ')}`, 'always')
  const lines = (name: string) =>
    readInput(name)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
  const flag = (name: string) => {
    const value = readInput(name).trim() || 'false'
    if (value !== 'true' && value !== 'false') throw new InputError(name, `'${value}' is not true or false`, 'false')
    return value === 'true'
  }
  return {
    to: '',
    overwrite: overwrite as OverwriteMode,
    delete: flag('delete'),
    dryRun: false,
    include: lines('include'),
    exclude: lines('exclude'),
    keepSpecialBits: flag('keep-special-bits'),
  }
}

/**
 * The extraction folder, which must stay inside the workspace, links resolved: the nearest part of
 * the path that exists is resolved as the file system sees it (a link to outside is refused).
 */
async function insideWorkspace(workspace: string, given: string): Promise<string> {
  const root = await realpath(workspace).catch(() => path.resolve(workspace))
  const target = path.resolve(workspace, given)
  let existing = target
  const missing: string[] = []
  for (;;) {
    try {
      existing = await realpath(existing)
      break
    } catch {
      if (path.dirname(existing) === existing) break
      missing.unshift(path.basename(existing))
      existing = path.dirname(existing)
    }
  }
  const resolved = path.join(existing, ...missing)
  const relative = path.relative(root, resolved)
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw new BackupError(
      `Input 'path': '${given}' is outside the workspace${resolved !== target ? ' (through a link)' : ''}; give a ` +
        `folder inside it, e.g. restored/`,
    )
  }
  return resolved
}
