// The command line, parsed: flags to the action's inputs, the secrets from the environment or
// files (never from an argument), --help's text and the exit codes. Pure but for reading the
// secret files; unit-tested in test/unit/cli/args.test.ts.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { INPUT_NAMES } from '../core/config.js'
import { messageOf } from '../core/errors.js'

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
export const SECRET_INPUTS = ['api-key', 'link-password', 'archive-password']
/** Where the CLI takes each secret from, to name it in an error. */
export const SECRET_SOURCES: Record<string, string> = {
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

export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * parseArgs' refusal in words, with --help. A stray argument is not echoed: it may be the key,
 * pasted where no flag takes it, and the line goes to a log file.
 */
export function describeParseError(error: unknown): string {
  if ((error as { code?: unknown } | null)?.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return (
      'Unexpected argument (not shown, in case it is a secret): every value follows its --flag, and the key ' +
      'comes from ONEFICHIER_API_KEY or --key-file. See --help.'
    )
  return `${messageOf(error)}. See --help.`
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
    throw new UsageError(describeParseError(error))
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

export type Secrets = { 'api-key': string; 'link-password': string; 'archive-password': string }

/** The three secrets, each from its `*_FILE` variable (the key also from --key-file) or its variable. */
export function readSecrets(env: NodeJS.ProcessEnv, keyFile: unknown): Secrets {
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
