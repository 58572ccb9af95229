// The command-line shell, for cron jobs and systemd timers outside GitHub: the same Config, the
// same run, plain log lines. The key comes from the environment or a file, never from an argument.
import { readFileSync } from 'node:fs'
import * as os from 'node:os'
import { parseArgs } from 'node:util'
import { INPUT_NAMES, InvalidInputs, parseConfig } from '../core/config.js'
import { BackupError } from '../core/errors.js'
import { formatBytes } from '../core/format.js'
import { type Log, RedactingLog } from '../platform/log.js'
import { Redactor } from '../core/redact.js'
import { OneFichierError } from '../onefichier/errors.js'
import { exitCodeFor, watchCancellation, timeScaleFromEnv } from '../platform/signals.js'
import { type RunProgress, type RunResult, describeProgress, runBackup, zipOf } from '../backup/run.js'
import {
  REPOSITORY_COMMANDS,
  REPOSITORY_HELP,
  type RepositoryCommand,
  parseRepositoryArgs,
  runRepositoryCommand,
} from './repository.js'

/** Exit codes a crontab can rely on. */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** The backup is safe, but retention could not do all it planned (restic uses 3 too). */
  retentionIncomplete: 3,
  /** 128 + SIGINT's number; SIGTERM gives 143. */
  cancelled: 130,
  terminated: 143,
} as const

/** Every input is a flag, but the secrets: those come from the environment or a file. */
const SECRET_INPUTS = ['api-key', 'link-password', 'archive-password']
/** Where the CLI takes each secret from, to name it in an error. */
const SECRET_SOURCES: Record<string, string> = {
  'api-key': 'The API key (ONEFICHIER_API_KEY, ONEFICHIER_API_KEY_FILE or --key-file)',
  'link-password': 'ONEFICHIER_LINK_PASSWORD',
  'archive-password': 'ONEFICHIER_ARCHIVE_PASSWORD',
}
const VALUE_FLAGS = INPUT_NAMES.filter((name) => !SECRET_INPUTS.includes(name))
const SWITCHES = ['--dry-run', '--include-hidden-files', '--follow-symlinks', '--skip-unchanged']

export const HELP = `Usage: 1fichier-backup [backup] --path PATH [--path PATH...] [options]
       1fichier-backup list|restore|check|prune --folder F --name-prefix P [options]

Zips PATHs, uploads the zip to your 1fichier account, verifies it, and deletes older backups of
the same series by the retention rules. The same engine as the GitHub Action.

The API key (never a command-line argument):
  ONEFICHIER_API_KEY=...          environment variable, or
  --key-file FILE                 a file holding the key (e.g. mode 0600)
  ONEFICHIER_API_KEY_FILE=FILE    the same as --key-file (systemd credentials, container secrets)
  ONEFICHIER_LINK_PASSWORD=...    optional download password for the uploaded file
  ONEFICHIER_ARCHIVE_PASSWORD=... optional: encrypt the zip's contents with AES-256 (12+ characters;
                                  7-Zip, WinZip, pyzipper open it; entry names stay readable)
  ONEFICHIER_LINK_PASSWORD_FILE, ONEFICHIER_ARCHIVE_PASSWORD_FILE: the same, from a file
                                  Secrets are used exactly as given (a file's last line ending is
                                  dropped); white space around a password is refused.

What to back up:
  --path PATH                     file, directory or glob; repeat for more; !PATTERN excludes
  --include-hidden-files          include dot files and directories
  --follow-symlinks               store link targets' content (inside the current directory only)
  --if-no-files-found MODE        error (default), warn or ignore
  --compression-level N           0 (store) to 9; default 6

Where and how it is named:
  --folder PATH                   destination folder, e.g. backups/host (created when missing)
  --name-prefix NAME              series name (default: the current directory's name)
  --label TEXT                    optional suffix, e.g. a version
                                  files are named NAME-YYYYMMDDTHHMMSSZ[-LABEL].zip (UTC)

Retention (restic semantics; only when one is set):
  --keep-last N, --keep-hourly N, --keep-daily N, --keep-weekly N, --keep-monthly N, --keep-yearly N
  --keep-within DURATION          e.g. 36h, 30d, 8w, 6m, 1y (measured back from the newest backup)
  --keep-within-hourly D, --keep-within-daily D, --keep-within-weekly D, --keep-within-monthly D,
  --keep-within-yearly D          within D, the newest backup of every hour/day/week/month/year
                                  a count may also be 'unlimited' (restic's -1)
  --dry-run                       zip and print the plan; upload nothing, delete nothing

Skipping:
  --skip-unchanged                upload nothing when the files (names, modes, contents) are the same
                                  as in the newest backup of the series; retention still runs

Network:
  --retries N                     attempts per request (default 5)
  --stall-timeout-seconds N       abort a transfer with no progress for N s (default 300)
  --api-url URL                   another API address (default https://api.1fichier.com/v1);
                                  HTTPS_PROXY and NO_PROXY are honoured
  --on-upload-failure fail        the only choice here: on a failed upload the zip is dropped and the
                                  exit code is 1 ("artifact" needs a GitHub Actions job)

Output:
  --json                          print the outputs (url, file-name, size, sha256, ...) as JSON
  --verbose                       print every request (never the key)
  --quiet, -q                     print only warnings, errors and the final line
                                  Into a file or a pipe (cron, systemd), each line starts with its
                                  ISO 8601 UTC time; --json prints one JSON document on stdout and
                                  the log on stderr.
  --help, --version

Exit codes: 0 done (or nothing to back up with warn/ignore), 1 the backup failed (nothing was
deleted) or check found a damaged backup, 2 bad arguments or a Node.js older than 24, 3 backup done
but some old backups could not be deleted, 130 cancelled by SIGINT, 143 by SIGTERM.
`

/**
 * Plain lines. Into a file or a pipe (cron, systemd's journal), each starts with an ISO 8601 UTC
 * time; in a terminal, none. --quiet keeps warnings, errors and the final line only.
 */
class CliLog implements Log {
  constructor(
    private readonly verbose: boolean,
    private readonly out: NodeJS.WriteStream = process.stdout,
    private readonly err: NodeJS.WriteStream = process.stderr,
    private readonly quiet = false,
  ) {}
  private line(stream: NodeJS.WriteStream, text: string): void {
    stream.write(stream.isTTY ? `${text}\n` : `${new Date().toISOString()} ${text}\n`)
  }
  info(message: string): void {
    if (!this.quiet) this.line(this.out, message)
  }
  /** The run's last line: printed even with --quiet. */
  final(message: string): void {
    this.line(this.out, message)
  }
  warning(message: string): void {
    this.line(this.err, `warning: ${message}`)
  }
  error(message: string): void {
    this.line(this.err, `error: ${message}`)
  }
  debug(message: string): void {
    if (this.verbose) this.line(this.err, `debug: ${message}`)
  }
  get debugEnabled(): boolean {
    return this.verbose
  }
  async group<T>(name: string, body: () => Promise<T>): Promise<T> {
    this.info(`== ${name}`)
    return body()
  }
}

export class UsageError extends Error {
  override name = 'UsageError'
}

export interface CliArguments {
  inputs: Record<string, string>
  json: boolean
  verbose: boolean
  quiet: boolean
  help: boolean
  version: boolean
}

export function parseCliArguments(argv: string[], env: NodeJS.ProcessEnv): CliArguments {
  const options = {
    path: { type: 'string', multiple: true },
    'key-file': { type: 'string' },
    'api-key': { type: 'string' },
    'link-password': { type: 'string' },
    'archive-password': { type: 'string' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
    ...Object.fromEntries(VALUE_FLAGS.filter((f) => f !== 'path').map((f) => [f, { type: 'string' }])),
  } as const
  // Boolean inputs work as bare switches too (--dry-run), or with a value (--dry-run=false).
  const normalized = argv.map((arg) => (SWITCHES.includes(arg) ? `${arg}=true` : arg))
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; strict: true; allowPositionals: false }>>
  try {
    parsed = parseArgs({ args: normalized, options, strict: true, allowPositionals: false })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. See --help.`)
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>
  if (values['api-key'] !== undefined) {
    throw new UsageError(
      '--api-key is not accepted: a key on the command line is visible to every user of the machine. Set ' +
        'ONEFICHIER_API_KEY or use --key-file.',
    )
  }
  if (values['link-password'] !== undefined) {
    throw new UsageError('--link-password is not accepted on the command line: set ONEFICHIER_LINK_PASSWORD instead.')
  }
  if (values['archive-password'] !== undefined) {
    throw new UsageError(
      '--archive-password is not accepted on the command line: set ONEFICHIER_ARCHIVE_PASSWORD instead.',
    )
  }
  if (typeof values['on-upload-failure'] === 'string' && values['on-upload-failure'].trim() === 'artifact') {
    throw new UsageError(
      "--on-upload-failure artifact works only inside a GitHub Actions job (it uses the run's artifact storage); " +
        'from the command line the only choice is fail.',
    )
  }
  const inputs: Record<string, string> = {}
  for (const flag of VALUE_FLAGS) {
    const value = values[flag]
    if (Array.isArray(value)) inputs[flag] = value.join('\n')
    else if (typeof value === 'string') inputs[flag] = value
  }
  Object.assign(inputs, readSecrets(env, values['key-file']))
  return {
    inputs,
    json: values.json === true,
    verbose: values.verbose === true,
    quiet: values.quiet === true,
    help: values.help === true,
    version: values.version === true,
  }
}

type Secrets = { 'api-key': string; 'link-password': string; 'archive-password': string }

/** The three secrets, each from its `*_FILE` variable (the key also from --key-file) or its variable. */
function readSecrets(env: NodeJS.ProcessEnv, keyFile: unknown): Secrets {
  const fromEnv = (name: string) => {
    const file = env[`${name}_FILE`]
    return file ? readSecretFile(file, `${name}_FILE`) : (env[name] ?? '')
  }
  return {
    'api-key': typeof keyFile === 'string' ? readSecretFile(keyFile, '--key-file') : fromEnv('ONEFICHIER_API_KEY'),
    'link-password': fromEnv('ONEFICHIER_LINK_PASSWORD'),
    'archive-password': fromEnv('ONEFICHIER_ARCHIVE_PASSWORD'),
  }
}

/**
 * A secret handed over as a file (systemd credentials, container secrets): its content exactly,
 * less one final line ending. The path is not echoed: a key pasted where the path belongs would be.
 */
function readSecretFile(file: string, where: string): string {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new UsageError(
      `cannot read the file named by ${where} (${code}); give the path of a file that holds the secret (the value ` +
        `itself is not shown here, in case it is the secret)`,
    )
  }
  return text.replace(/\r?\n$/, '')
}

/** list, prune, check, restore: secrets as for backup, plain log lines, output on stdout. */
async function runRepositoryCli(
  command: RepositoryCommand,
  argv: string[],
  env: NodeJS.ProcessEnv,
  redactor: Redactor,
): Promise<number> {
  const redact = (text: string) => redactor.redact(text)
  let parsed: ReturnType<typeof parseRepositoryArgs>
  let secrets: Secrets
  try {
    parsed = parseRepositoryArgs(command, argv)
    secrets = readSecrets(env, parsed.values['key-file'])
  } catch (error) {
    process.stderr.write(`error: ${redact((error as Error).message)}\n`)
    return EXIT.usage
  }
  for (const secret of Object.values(secrets)) redactor.add(secret)
  // Log lines go to stderr, so that stdout holds only what the command prints (and --json one document).
  const log = new RedactingLog(
    new CliLog(parsed.values.verbose === true, process.stderr, process.stderr, parsed.values.quiet === true),
    redact,
  )
  const cancellation = watchCancellation(log)
  try {
    return await runRepositoryCommand(command, parsed, {
      secrets,
      log,
      now: new Date(),
      timeScale: timeScaleFromEnv,
      signal: cancellation.signal,
      cancelledCode: () => exitCodeFor(cancellation.received),
      print: (text) => process.stdout.write(`${redact(text)}\n`),
    })
  } finally {
    cancellation.dispose()
  }
}

/** --json: the outputs with their real types (numbers, booleans, lists); a dry run adds the planned deletions. */
export function jsonResult(result: RunResult): Record<string, unknown> {
  const retention = result.retention
  const named = (b: { fileName: string; url: string }) => ({ 'file-name': b.fileName, url: b.url })
  return {
    status: result.status,
    'file-name': result.status === 'no-files' ? '' : result.fileName,
    url: result.url,
    size: zipOf(result).size,
    sha256: zipOf(result).sha256,
    whirlpool: zipOf(result).whirlpool,
    'file-count': result.fileCount,
    'folder-id': result.folderId,
    encrypted: result.encrypted,
    unchanged: result.status === 'unchanged',
    pruned: (retention?.pruned ?? []).map(named),
    'pruned-count': retention?.pruned.length ?? 0,
    'kept-count': retention?.plan ? retention.plan.keep.length + retention.notPruned.length : null,
    'not-pruned': (retention?.notPruned ?? []).map((n) => ({ ...named(n.backup), reason: n.reason })),
    ...(result.status === 'dry-run'
      ? { 'planned-deletions': (retention?.plan?.remove ?? []).map((d) => named(d.backup)) }
      : {}),
    'retention-skipped': retention?.skipped ?? null,
    'missing-files': result.missing.map((m) => ({ name: m.name, reason: m.reason })),
    'duration-ms': result.durationMs,
  }
}

function retentionIncomplete(result: RunResult): boolean {
  const retention = result.retention
  return retention !== null && (retention.plan === null || retention.notPruned.length > 0)
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Every line this prints passes the redactor: the CLI has no runner to mask for it.
  const redactor = new Redactor([
    env.ONEFICHIER_API_KEY ?? '',
    env.ONEFICHIER_LINK_PASSWORD ?? '',
    env.ONEFICHIER_ARCHIVE_PASSWORD ?? '',
  ])
  const redact = (text: string) => redactor.redact(text)
  // The first word names the command; `backup` is the default, so older command lines keep working.
  const command = argv[0]
  if (command !== undefined && (REPOSITORY_COMMANDS as readonly string[]).includes(command)) {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${HELP}\n${REPOSITORY_HELP}`)
      return EXIT.ok
    }
    return runRepositoryCli(command as RepositoryCommand, argv.slice(1), env, redactor)
  }
  if (command === 'backup') argv = argv.slice(1)
  let args: CliArguments
  try {
    args = parseCliArguments(argv, env)
  } catch (error) {
    process.stderr.write(`error: ${redact((error as Error).message)}\n`)
    return EXIT.usage
  }
  for (const name of SECRET_INPUTS) redactor.add(args.inputs[name] ?? '')
  if (args.help) {
    process.stdout.write(`${HELP}\n${REPOSITORY_HELP}`)
    return EXIT.ok
  }
  if (args.version) {
    process.stdout.write('1fichier-backup 0.1.0\n')
    return EXIT.ok
  }
  // With --json, stdout holds the one JSON document; every log line goes to stderr.
  const cliLog = args.json
    ? new CliLog(args.verbose, process.stderr, process.stderr, args.quiet)
    : new CliLog(args.verbose, process.stdout, process.stderr, args.quiet)
  const log = new RedactingLog(cliLog, redact)
  const printJson = (value: unknown) => process.stdout.write(`${redact(JSON.stringify(value, null, 2))}\n`)
  const startedAt = new Date()
  const cancellation = watchCancellation(log)
  const progress: RunProgress = { stage: 'start', deleted: [] }
  try {
    const config = parseConfig((name) => args.inputs[name] ?? '', { repository: process.cwd().split(/[\\/]/).pop() })
    const result = await runBackup({
      config,
      log,
      workspace: process.cwd(),
      tempDir: os.tmpdir(),
      startedAt,
      timeScale: timeScaleFromEnv(config.apiUrl),
      signal: cancellation.signal,
      progress,
      // In a terminal, upload progress every second; in a cron log, every 30 s.
      progressEveryMs: process.stdout.isTTY ? 1_000 : 30_000,
    })
    if (args.json) printJson(jsonResult(result))
    else if (result.status !== 'no-files') {
      const what = {
        'dry-run': 'Dry run: would upload',
        unchanged: 'Unchanged, nothing uploaded; newest backup',
        uploaded: 'Backup',
      }[result.status]
      const retention = result.retention?.plan
        ? `; retention kept ${result.retention.plan.keep.length}, deleted ${result.retention.pruned.length}`
        : ''
      cliLog.final(
        redact(
          `${what} ${result.fileName} (${formatBytes(result.size)}, ${result.fileCount} ` +
            `files)${result.url ? `: ${result.url}` : ''}${retention}`,
        ),
      )
    }
    return retentionIncomplete(result) ? EXIT.retentionIncomplete : EXIT.ok
  } catch (error) {
    if (args.json)
      printJson({
        status: cancellation.signal.aborted ? 'cancelled' : 'failed',
        error: (error as Error)?.message ?? String(error),
        deleted: progress.deleted,
      })
    if (cancellation.signal.aborted) {
      log.error(`Cancelled. ${describeProgress(progress)}`)
      return exitCodeFor(cancellation.received)
    }
    if (error instanceof InvalidInputs) {
      // Input names are the flags' names.
      for (const problem of error.problems) {
        log.error(
          problem.input === 'api-key' && (args.inputs['api-key'] ?? '').trim() === ''
            ? 'No usable API key: set ONEFICHIER_API_KEY or use --key-file FILE (create a key at ' +
                'https://1fichier.com/console/params.pl)'
            : problem.message.replace(/^Input '([^']+)'/, (_, input: string) => SECRET_SOURCES[input] ?? `--${input}`),
        )
      }
      return EXIT.usage
    }
    if (error instanceof OneFichierError || error instanceof BackupError) log.error(error.message)
    else log.error(`Unexpected failure: ${(error as Error)?.message ?? String(error)}`)
    return EXIT.failed
  } finally {
    cancellation.dispose()
  }
}

/** What the entry (cli/main.ts) runs: importing this module starts nothing. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2))
}
