// The command line of the way back: `list`, `prune`, `check` and `restore`, each with the flags it
// needs, the secrets from the environment or files as for `backup`, and plain or --json output.
import { parseArgs } from 'node:util'
import { InvalidInputs, KEEP_COUNT_INPUTS, KEEP_WITHIN_INPUTS, parseRepositoryConfig } from '../core/config.js'
import { BackupError, messageOf } from '../core/errors.js'
import { formatBytes } from '../core/format.js'
import type { Log } from '../platform/log.js'
import { OneFichierError } from '../onefichier/errors.js'
import { describeParseError } from './args.js'
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

export const REPOSITORY_COMMANDS = ['list', 'prune', 'check', 'restore'] as const
export type RepositoryCommand = (typeof REPOSITORY_COMMANDS)[number]

export const REPOSITORY_HELP = `Commands that read the series back (the same key, folder and name prefix as backups):

  list    --folder F --name-prefix P [--keep-... N] [--json]
          the series, newest first: name, time (UTC, from the name), size, link; with keep-* rules,
          which rule keeps each
  restore --folder F --name-prefix P [--backup latest|FILE-NAME] --to DIR [--cdn]
          [--overwrite always|if-changed|if-newer|never] [--delete] [--dry-run]
          [--include PATTERN...] [--exclude PATTERN...] [--keep-special-bits]
          downloads the backup, checks its size and Whirlpool, plans the whole zip (refused as a whole
          if any entry would land outside DIR, through a link, or on another entry), checks every
          entry, and writes contents, modes, modification times, links (last) and folders through a
          staging folder inside DIR that is undone on any failure or signal. DIR must be empty or new
          unless --overwrite says what happens to files already there (always; if-changed: unless the
          same size and time; if-newer: if the backup's is newer; never). Files the backup lacks are
          kept, unless --delete (inside the restored paths only). --dry-run lists what would be
          created, replaced and deleted. --include/--exclude restore part (restic's patterns: a
          leading / anchors at the root). Setuid, setgid and sticky bits are dropped unless
          --keep-special-bits. AES zips need ONEFICHIER_ARCHIVE_PASSWORD
  check   --folder F --name-prefix P [--backup latest|all|FILE-NAME] [--cdn]
          downloads, verifies size and Whirlpool, runs restore's plan and reads every entry; extracts
          nothing; with all, reports every backup; exit 1 when any is damaged
  prune   --folder F --name-prefix P --keep-... N [--dry-run]
          retention alone, no upload (restic's forget), with the same plan and safety as after a backup

  --cdn spends CDN credit on the download: 1fichier refuses API downloads from datacenter addresses
  (a GitHub-hosted runner is one) without it. ONEFICHIER_LINK_PASSWORD opens backups that have a
  download password.
`

/** What the shell hands over: the secrets it read, its log, and how to print. */
export interface RepositoryShell {
  secrets: { 'api-key': string; 'link-password': string; 'archive-password': string }
  log: Log
  now: Date
  timeScale: (apiUrl: string) => number
  signal: AbortSignal
  /** The exit code of a cancelled run (130 for SIGINT, 143 for SIGTERM). */
  cancelledCode: () => number
  print: (text: string) => void
}

export class RepositoryUsageError extends Error {
  override name = 'RepositoryUsageError'
}

const KEEP_FLAGS = [...KEEP_COUNT_INPUTS, ...KEEP_WITHIN_INPUTS.map(([input]) => input)]
const VALUE_FLAGS = [
  'folder',
  'name-prefix',
  'backup',
  'to',
  'api-url',
  'retries',
  'stall-timeout-seconds',
  'key-file',
  'overwrite',
  ...KEEP_FLAGS,
] as const
const LIST_FLAGS = ['include', 'exclude'] as const
const SWITCHES = ['cdn', 'json', 'verbose', 'dry-run', 'quiet', 'delete', 'keep-special-bits'] as const
/** What every command takes; each adds its own flags. */
const COMMON = [
  'folder',
  'name-prefix',
  'api-url',
  'retries',
  'stall-timeout-seconds',
  'key-file',
  'json',
  'verbose',
  'quiet',
]
const ALLOWED: Record<RepositoryCommand, ReadonlySet<string>> = {
  list: new Set([...COMMON, ...KEEP_FLAGS]),
  prune: new Set([...COMMON, ...KEEP_FLAGS, 'dry-run']),
  check: new Set([...COMMON, 'backup', 'cdn']),
  restore: new Set([
    ...COMMON,
    'backup',
    'to',
    'overwrite',
    'cdn',
    'delete',
    'dry-run',
    'include',
    'exclude',
    'keep-special-bits',
  ]),
}

export interface ParsedRepositoryArgs {
  values: Record<string, string | boolean | string[] | undefined>
}

export function parseRepositoryArgs(command: RepositoryCommand, argv: string[]): ParsedRepositoryArgs {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {}
  for (const flag of VALUE_FLAGS) options[flag] = { type: 'string' }
  for (const flag of LIST_FLAGS) options[flag] = { type: 'string', multiple: true }
  for (const flag of SWITCHES) options[flag] = { type: 'boolean' }
  let parsed: ParsedRepositoryArgs
  if (argv.includes('--overwrite') && !argv.some((a, i) => a === '--overwrite' && isMode(argv[i + 1])))
    throw new RepositoryUsageError(`--overwrite takes a mode: ${OVERWRITE_MODES.join(', ')}. See --help.`)
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: false }) as ParsedRepositoryArgs
  } catch (error) {
    throw new RepositoryUsageError(describeParseError(error))
  }
  for (const name of Object.keys(parsed.values)) {
    if (!ALLOWED[command].has(name))
      throw new RepositoryUsageError(`--${name} does not apply to '${command}'. See --help.`)
  }
  if (command === 'restore' && typeof parsed.values.to !== 'string')
    throw new RepositoryUsageError("'restore' needs --to DIR: the folder to restore into.")
  const overwrite = parsed.values.overwrite
  if (typeof overwrite === 'string' && !isMode(overwrite))
    throw new RepositoryUsageError(`--overwrite takes a mode: ${OVERWRITE_MODES.join(', ')}. See --help.`)
  if (parsed.values.delete === true && overwrite === undefined)
    throw new RepositoryUsageError('--delete goes with --overwrite MODE: say what happens to files already there.')
  return parsed
}

const isMode = (value: string | undefined): value is OverwriteMode =>
  (OVERWRITE_MODES as readonly string[]).includes(value ?? '')

function restoreRequest(values: ParsedRepositoryArgs['values']): RestoreRequest {
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : [])
  return {
    to: String(values.to),
    overwrite: typeof values.overwrite === 'string' && isMode(values.overwrite) ? values.overwrite : null,
    delete: values.delete === true,
    dryRun: values['dry-run'] === true,
    include: list(values.include),
    exclude: list(values.exclude),
    keepSpecialBits: values['keep-special-bits'] === true,
  }
}

/** One row of `list`: time, size, name, link, and (with keep-* rules) what keeps it. */
function listLine(row: ListedRow): string {
  const keptBy = row['kept-by']
  const kept = keptBy === undefined ? '' : keptBy.length > 0 ? `  kept: ${keptBy.join(', ')}` : '  not kept'
  const time = row.time.replace('.000Z', 'Z')
  return `${time}  ${formatBytes(row.size).padStart(10)}  ${row['file-name']}  ${row.url}${kept}`
}

export async function runRepositoryCommand(
  command: RepositoryCommand,
  args: ParsedRepositoryArgs,
  shell: RepositoryShell,
): Promise<number> {
  const { values } = args
  const input = (name: string): string => {
    if (name in shell.secrets) return shell.secrets[name as keyof RepositoryShell['secrets']]
    const value = values[name]
    if (name === 'dry-run') return value === true && command === 'prune' ? 'true' : ''
    if (name === 'cdn') return value === true ? 'true' : ''
    return typeof value === 'string' ? value : ''
  }
  let config
  try {
    config = parseRepositoryConfig(input, {}, { allowAll: command === 'check' })
  } catch (error) {
    if (!(error instanceof InvalidInputs)) throw error
    for (const problem of error.problems)
      shell.log.error(
        problem.message.replace(/^Input '([^']+)'/, (_, n: string) => (n in shell.secrets ? n : `--${n}`)),
      )
    return 2
  }
  const ctx: CommandContext = {
    config,
    log: shell.log,
    now: shell.now,
    timeScale: shell.timeScale(config.apiUrl),
    signal: shell.signal,
  }
  const json = values.json === true
  try {
    switch (command) {
      case 'list': {
        const rows = await listCommand(ctx)
        if (json) shell.print(JSON.stringify(rows, null, 2))
        else if (rows.length === 0)
          shell.print(`No backup of series ${config.namePrefix} in '${config.folder.join('/') || '/'}'.`)
        else for (const r of rows) shell.print(listLine(r))
        return 0
      }
      case 'prune': {
        const outcome = await pruneCommand(ctx)
        const planned = outcome.plan?.remove.map((d) => ({ 'file-name': d.backup.fileName, url: d.backup.url })) ?? []
        if (json) {
          shell.print(
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
          shell.print(
            config.dryRun
              ? `Dry run: would delete ${planned.length}, keep ${outcome.plan.keep.length}`
              : `Kept ${outcome.plan.keep.length}, deleted ${outcome.pruned.length}`,
          )
        }
        return outcome.plan === null || outcome.notPruned.length > 0 ? 3 : 0
      }
      case 'check': {
        const results = await checkCommand(ctx)
        if (json) shell.print(JSON.stringify(results, null, 2))
        else
          shell.print(
            `Checked ${results.length} backups: ${results.filter((r) => r.ok).length} sound, ` +
              `${results.filter((r) => !r.ok).length} damaged`,
          )
        return results.every((r) => r.ok) ? 0 : 1
      }
      case 'restore': {
        const restored = await restoreCommand(ctx, restoreRequest(values))
        if (!restored)
          throw new NoBackupError(
            `The series ${config.namePrefix} has no backup in '${config.folder.join('/') || '/'}': nothing was ` +
              `restored.`,
          )
        if (json) shell.print(JSON.stringify(restored, null, 2))
        else if (restored['dry-run'])
          for (const c of restored.changes ?? []) shell.print(`${c.action.padEnd(9)} ${c.path}`)
        else
          shell.print(
            `Restored ${restored['file-name']} (${formatBytes(restored.size)}, ${restored['file-count']} files, ` +
              `links and folders) into ${restored.path}`,
          )
        return 0
      }
    }
  } catch (error) {
    const cancelled = shell.signal.aborted
    const message = cancelled
      ? command === 'restore'
        ? 'Cancelled; the target was left as it was.'
        : 'Cancelled; nothing more was written or deleted.'
      : error instanceof OneFichierError || error instanceof BackupError
        ? error.message
        : `Unexpected failure: ${messageOf(error)}`
    shell.log.error(message)
    const code = cancelled ? shell.cancelledCode() : 1
    if (json)
      shell.print(
        JSON.stringify({ status: cancelled ? 'cancelled' : 'failed', error: message, 'exit-code': code }, null, 2),
      )
    return code
  }
}
