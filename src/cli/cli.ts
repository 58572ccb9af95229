// The command-line shell, for cron jobs and systemd timers outside GitHub: one parse for every
// command, the same engine as the action, plain log lines, one failure policy. The key comes from the
// environment or a file, never from an argument.
import { closeSync, openSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { type Environment, type InputError, parseConfig } from '../core/config.js'
import { EXIT, describeFailure } from '../core/failure.js'
import { formatBytes } from '../core/format.js'
import { Redactor } from '../core/redact.js'
import { VERSION } from '../core/version.js'
import { RedactingLog } from '../platform/log.js'
import { exitCodeFor, timeScaleFromEnv, watchCancellation } from '../platform/signals.js'
import { NOTHING_DONE, type RunProgress, describeProgress, recordEvent } from '../backup/result.js'
import {
  COMMANDS,
  type Command,
  type CommandLine,
  SECRET_SOURCES,
  type Secrets,
  backupInputs,
  isOn,
  parseCommandLine,
  readSecrets,
} from './command-line.js'
import { helpFor } from './help.js'
import { CliLog } from './log.js'
import { jsonResult, retentionIncomplete } from './output.js'
import { runRepositoryCommand } from './repository.js'
import { stateDirectory } from '../state/state-dir.js'

/** What a command runs with: its parsed line, the secrets, the log, and how to print its result. */
export interface CliSession {
  line: CommandLine
  secrets: Secrets
  log: RedactingLog
  /** The run's last line, printed even with --quiet, redacted. */
  final: (text: string) => void
  /** One line of the result on stdout, redacted. */
  print: (text: string) => void
  signal: AbortSignal
  now: Date
  /** Where the series' default name comes from: the current directory's name, for every command. */
  series: Environment
  /** What the backup has done so far, for the line that says what a failure or a signal left. */
  progress: RunProgress
}

async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Every line this prints passes the redactor: the CLI has no runner to mask for it.
  const redactor = new Redactor([
    env.ONEFICHIER_API_KEY ?? '',
    env.ONEFICHIER_LINK_PASSWORD ?? '',
    env.ONEFICHIER_ARCHIVE_PASSWORD ?? '',
  ])
  const redact = (text: string) => redactor.redact(text)
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(helpFor(COMMANDS.find((c) => argv.includes(c))))
    return EXIT.ok
  }
  if (argv.includes('--version')) {
    process.stdout.write(`1fichier-backup ${VERSION}\n`)
    return EXIT.ok
  }
  let line: CommandLine
  let secrets: Secrets
  try {
    line = parseCommandLine(argv)
    secrets = readSecrets(env, line.values['key-file'])
  } catch (error) {
    process.stderr.write(`error: ${redact(describeFailure(error).summary)}\n`)
    return EXIT.usage
  }
  for (const secret of Object.values(secrets)) redactor.add(secret)
  const json = isOn(line, 'json')
  // stdout holds the result (with --json, one document); a backup without --json logs there too.
  const logOut = line.command === 'backup' && !json ? process.stdout : process.stderr
  let logFile: number | undefined
  const logFilePath = line.values['log-file']
  if (typeof logFilePath === 'string') {
    try {
      logFile = openSync(logFilePath, 'a', 0o600)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      process.stderr.write(
        `error: --log-file ${redact(logFilePath)} cannot be opened for appending (${code}); give a file in a ` +
          `writable folder.\n`,
      )
      return EXIT.usage
    }
  }
  const cliLog = new CliLog(isOn(line, 'verbose'), logOut, process.stderr, isOn(line, 'quiet'), logFile)
  const log = new RedactingLog(cliLog, redact)
  const cancellation = watchCancellation(log)
  const session: CliSession = {
    line,
    secrets,
    log,
    final: (text) => cliLog.final(redact(text)),
    print: (text) => process.stdout.write(`${redact(text)}\n`),
    signal: cancellation.signal,
    now: new Date(),
    series: { repository: path.basename(process.cwd()) },
    progress: NOTHING_DONE,
  }
  try {
    return line.command === 'backup' ? await backupCommand(session) : await runRepositoryCommand(line.command, session)
  } catch (error) {
    const cancelled = cancellation.signal.aborted
    const failure = describeFailure(error, {
      cancelled: cancelled
        ? { line: cancelledLine(line.command, session.progress), exitCode: exitCodeFor(cancellation.received) }
        : undefined,
      describeInput: (problem) => flagProblem(problem, secrets),
    })
    if (failure.unexpected) log.debug(error instanceof Error && error.stack ? error.stack : String(error))
    for (const text of failure.lines) log.error(text)
    if (json)
      session.print(
        JSON.stringify(
          {
            status: cancelled ? 'cancelled' : 'failed',
            error: failure.summary,
            'exit-code': failure.exitCode,
            ...(line.command === 'backup' ? { deleted: session.progress.deleted } : {}),
          },
          null,
          2,
        ),
      )
    return failure.exitCode
  } finally {
    cancellation.dispose()
    if (logFile !== undefined) closeSync(logFile)
  }
}

/** The default command: zip, upload, verify, prune; the final line or --json's document. */
async function backupCommand(session: CliSession): Promise<number> {
  const inputs: Record<string, string> = { ...backupInputs(session.line), ...session.secrets }
  const config = parseConfig((name) => inputs[name] ?? '', session.series)
  // Loaded here: the backup brings @actions/glob (and through it @actions/core and a second undici),
  // 20 MB that list, restore, check and prune never use.
  const { runBackup } = await import('../backup/run.js')
  const result = await runBackup({
    config,
    log: session.log,
    workspace: process.cwd(),
    tempDir: os.tmpdir(),
    startedAt: session.now,
    timeScale: timeScaleFromEnv(config.apiUrl),
    signal: session.signal,
    onEvent: (event) => (session.progress = recordEvent(session.progress, event)),
    // In a terminal, upload progress every second; in a cron log, every 30 s.
    progressEveryMs: process.stdout.isTTY ? 1_000 : 30_000,
    stateDir: stateDirectory(),
  })
  if (isOn(session.line, 'json')) session.print(JSON.stringify(jsonResult(result), null, 2))
  else if (result.status !== 'no-files') {
    const what = {
      'dry-run': 'Dry run: would upload',
      unchanged: 'Unchanged, nothing uploaded; newest backup',
      uploaded: 'Backup',
    }[result.status]
    const retention = result.retention?.plan
      ? `; retention kept ${result.retention.plan.keep.length}, deleted ${result.retention.pruned.length}`
      : ''
    session.final(
      `${what} ${result.fileName} (${formatBytes(result.size)}, ${result.fileCount} ` +
        `files)${result.url ? `: ${result.url}` : ''}${retention}`,
    )
  }
  return retentionIncomplete(result) ? EXIT.retentionIncomplete : EXIT.ok
}

/** What a signal left, in one line: the target as it was, or what the backup had done. */
function cancelledLine(command: Command, progress: RunProgress): string {
  if (command === 'backup') return `Cancelled. ${describeProgress(progress)}`
  if (command === 'restore') return 'Cancelled; the target was left as it was.'
  return 'Cancelled; nothing more was written or deleted.'
}

/** An input's problem in the command line's words: the flag, or where the secret comes from. */
function flagProblem(problem: InputError, secrets: Secrets): string {
  if (problem.input === 'api-key' && secrets['api-key'].trim() === '')
    return (
      'No usable API key: set ONEFICHIER_API_KEY or use --key-file FILE (create a key at ' +
      'https://1fichier.com/console/params.pl)'
    )
  const source = SECRET_SOURCES[problem.input]
  // A secret's example is the workflow's (`${{ secrets… }}`): the CLI names where it reads it instead.
  if (source) return `${source}: ${problem.problem}`
  return `--${problem.input}: ${problem.problem}. Example of a good value: ${problem.example}`
}

/** What the entry (cli/main.ts) runs: importing this module starts nothing. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2))
}
