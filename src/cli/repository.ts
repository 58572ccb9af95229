// The commands of the way back: `list`, `prune`, `check` and `restore`, on the session the shell
// (cli.ts) built, each printing plain lines or one --json document. Failures go back to the shell.
import { parseRepositoryConfig } from '../core/config.js'
import { EXIT, UsageError } from '../core/failure.js'
import { count, formatBytes, showFolder } from '../core/format.js'
import { OVERWRITE_MODES, type OverwriteMode } from '../restore/target.js'
import {
  type CommandContext,
  type ListedRow,
  NoBackupError,
  type RestoreRequest,
  checkCommand,
  listCommand,
  pruneCommand,
  restoreCommand,
} from '../restore/commands.js'
import { timeScaleFromEnv } from '../platform/signals.js'
import type { CliSession } from './cli.js'
import { type Command, type CommandLine, isOn } from './command-line.js'
import { stateDirectory } from '../state/state-dir.js'

const isMode = (value: string | undefined): value is OverwriteMode =>
  (OVERWRITE_MODES as readonly string[]).includes(value ?? '')

function restoreRequest(line: CommandLine): RestoreRequest {
  const { values } = line
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : [])
  const overwrite = values.overwrite
  if (overwrite !== undefined && (typeof overwrite !== 'string' || !isMode(overwrite)))
    throw new UsageError(`--overwrite takes a mode: ${OVERWRITE_MODES.join(', ')}. See 1fichier-backup restore --help.`)
  return {
    to: String(values.to),
    overwrite: overwrite ?? null,
    delete: isOn(line, 'delete'),
    dryRun: isOn(line, 'dry-run'),
    include: list(values.include),
    exclude: list(values.exclude),
    keepSpecialBits: isOn(line, 'keep-special-bits'),
  }
}

/** One row of `list`: time, size, name, link, and (with keep-* rules) what keeps it. */
function listLine(row: ListedRow): string {
  const keptBy = row['kept-by']
  const kept = keptBy === undefined ? '' : keptBy.length > 0 ? `  ${keptBy.join(', ')}` : '  not kept'
  const time = row.time.replace('.000Z', 'Z')
  return `${time}  ${formatBytes(row.size).padStart(10)}  ${row['file-name']}  ${row.url}${kept}`
}

export async function runRepositoryCommand(command: Exclude<Command, 'backup'>, session: CliSession): Promise<number> {
  const { line, print } = session
  const input = (name: string): string => {
    if (name in session.secrets) return session.secrets[name as keyof CliSession['secrets']]
    // --dry-run is prune's input; restore's is part of its request.
    if (name === 'dry-run') return command === 'prune' && isOn(line, 'dry-run') ? 'true' : ''
    const value = line.values[name]
    return typeof value === 'string' ? value : ''
  }
  const config = parseRepositoryConfig(input, session.series, { allowAll: command === 'check' })
  const ctx: CommandContext = {
    config,
    log: session.log,
    now: session.now,
    timeScale: timeScaleFromEnv(config.apiUrl),
    signal: session.signal,
    stateDir: stateDirectory(),
  }
  const json = isOn(line, 'json')
  switch (command) {
    case 'list': {
      const rows = await listCommand(ctx)
      if (json) print(JSON.stringify(rows, null, 2))
      else if (rows.length === 0) print(`No backup of series ${config.namePrefix} in ${showFolder(config.folder)}.`)
      else {
        // As restic's snapshots: a header, the rows, then the count.
        const keptBy = rows.some((r) => r['kept-by'] !== undefined) ? '  KEPT BY' : ''
        print(`${'TIME (UTC)'.padEnd(20)}  ${'SIZE'.padStart(10)}  NAME  URL${keptBy}`)
        for (const r of rows) print(listLine(r))
        print(`${count(rows.length, 'backup')} of series ${config.namePrefix} in ${showFolder(config.folder)}`)
      }
      return EXIT.ok
    }
    case 'prune': {
      const outcome = await pruneCommand(ctx)
      const planned = outcome.plan?.remove.map((d) => ({ 'file-name': d.backup.fileName, url: d.backup.url })) ?? []
      if (json) {
        print(
          JSON.stringify(
            {
              'dry-run': config.dryRun,
              kept:
                outcome.plan?.keep.map((d) => ({
                  'file-name': d.backup.fileName,
                  url: d.backup.url,
                  reasons: d.reasons,
                })) ?? [],
              'planned-deletions': planned,
              pruned: outcome.pruned.map((b) => ({ 'file-name': b.fileName, url: b.url })),
              'not-pruned': outcome.notPruned.map((n) => ({ 'file-name': n.backup.fileName, reason: n.reason })),
            },
            null,
            2,
          ),
        )
      } else if (outcome.plan) {
        print(
          config.dryRun
            ? `Dry run: would delete ${planned.length}, keep ${outcome.plan.keep.length}`
            : `Kept ${outcome.plan.keep.length}, deleted ${outcome.pruned.length}`,
        )
      }
      return outcome.plan === null || outcome.notPruned.length > 0 ? EXIT.retentionIncomplete : EXIT.ok
    }
    case 'check': {
      const results = await checkCommand(ctx)
      if (json) print(JSON.stringify(results, null, 2))
      else
        print(
          `Checked ${count(results.length, 'backup')}: ${results.filter((r) => r.ok).length} sound, ` +
            `${results.filter((r) => !r.ok).length} damaged`,
        )
      return results.every((r) => r.ok) ? EXIT.ok : EXIT.failed
    }
    case 'restore': {
      const restored = await restoreCommand(ctx, restoreRequest(line))
      if (!restored)
        throw new NoBackupError(
          `The series ${config.namePrefix} has no backup in ${showFolder(config.folder)}: nothing was restored.`,
        )
      if (json) print(JSON.stringify(restored, null, 2))
      else if (restored['dry-run']) for (const c of restored.changes ?? []) print(`${c.action.padEnd(9)} ${c.path}`)
      else
        print(
          `Restored ${restored['file-name']} (${formatBytes(restored.size)}, ${restored['file-count']} files, ` +
            `links and folders) into ${restored.path}`,
        )
      return EXIT.ok
    }
  }
}
