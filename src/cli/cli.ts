// The command-line shell, for cron jobs and systemd timers outside GitHub: the same Config, the
// same run, plain log lines. The key comes from the environment or a file, never from an argument.
import * as os from 'node:os'
import { InvalidInputs, parseConfig } from '../core/config.js'
import { BackupError, messageOf } from '../core/errors.js'
import { formatBytes } from '../core/format.js'
import { RedactingLog } from '../platform/log.js'
import { Redactor } from '../core/redact.js'
import { OneFichierError } from '../onefichier/errors.js'
import { exitCodeFor, watchCancellation, timeScaleFromEnv } from '../platform/signals.js'
import { type RunProgress, describeProgress, runBackup } from '../backup/run.js'
import {
  type CliArguments,
  EXIT,
  HELP,
  SECRET_INPUTS,
  SECRET_SOURCES,
  type Secrets,
  parseCliArguments,
  readSecrets,
} from './args.js'
import { CliLog } from './log.js'
import { jsonResult, retentionIncomplete } from './output.js'
import {
  REPOSITORY_COMMANDS,
  REPOSITORY_HELP,
  type RepositoryCommand,
  parseRepositoryArgs,
  runRepositoryCommand,
} from './repository.js'

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
        error: messageOf(error),
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
    else log.error(`Unexpected failure: ${messageOf(error)}`)
    return EXIT.failed
  } finally {
    cancellation.dispose()
  }
}

/** What the entry (cli/main.ts) runs: importing this module starts nothing. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2))
}
