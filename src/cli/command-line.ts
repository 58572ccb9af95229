// The command line, parsed: one table of flags for every command, the command word before or after
// the options, the secrets from the environment or files (never from an argument). Pure but for
// reading the secret files; unit-tested in test/unit/cli/command-line.test.ts.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { closestMatch } from 'leven'
import { INPUT_NAMES, KEEP_COUNT_INPUTS, KEEP_WITHIN_INPUTS, SECRET_INPUTS } from '../core/config.js'
import { UsageError } from '../core/failure.js'
import { messageOf } from '../core/errors.js'

export const COMMANDS = ['backup', 'list', 'restore', 'check', 'prune'] as const
export type Command = (typeof COMMANDS)[number]

interface Flag {
  /** A switch is given bare (--json) or as --json=true / --json=false; the others take a value. */
  switch?: true
  multiple?: true
  short?: string
  commands: readonly Command[]
}

const EVERY: readonly Command[] = COMMANDS
const KEEP_FLAGS = [...KEEP_COUNT_INPUTS, ...KEEP_WITHIN_INPUTS.map(([input]) => input)]

/** Every flag of every command. A backup input is the flag of the same name (the secrets excepted). */
const FLAGS: Record<string, Flag> = {
  // The series and the connection: every command.
  folder: { commands: EVERY },
  'name-prefix': { commands: EVERY },
  'api-url': { commands: EVERY },
  retries: { commands: EVERY },
  'stall-timeout-seconds': { commands: EVERY },
  'key-file': { commands: EVERY },
  json: { switch: true, commands: EVERY },
  verbose: { switch: true, commands: EVERY },
  quiet: { switch: true, short: 'q', commands: EVERY },
  'log-file': { commands: EVERY },
  help: { switch: true, short: 'h', commands: EVERY },
  version: { switch: true, commands: EVERY },
  // What to back up, and how.
  path: { multiple: true, commands: ['backup'] },
  label: { commands: ['backup'] },
  'compression-level': { commands: ['backup'] },
  'include-hidden-files': { switch: true, commands: ['backup'] },
  'follow-symlinks': { switch: true, commands: ['backup'] },
  'if-no-files-found': { commands: ['backup'] },
  'skip-unchanged': { switch: true, commands: ['backup'] },
  'on-upload-failure': { commands: ['backup'] },
  // Retention: after a backup, as prune alone, and as list's "kept by".
  ...Object.fromEntries(KEEP_FLAGS.map((flag) => [flag, { commands: ['backup', 'list', 'prune'] }])),
  'dry-run': { switch: true, commands: ['backup', 'prune', 'restore'] },
  // The way back.
  backup: { commands: ['restore', 'check'] },
  cdn: { switch: true, commands: ['restore', 'check'] },
  to: { commands: ['restore'] },
  overwrite: { commands: ['restore'] },
  delete: { switch: true, commands: ['restore'] },
  include: { multiple: true, commands: ['restore'] },
  exclude: { multiple: true, commands: ['restore'] },
  'keep-special-bits': { switch: true, commands: ['restore'] },
}

/** Where each secret comes from, to say so when one is given as a flag or is missing. */
export const SECRET_SOURCES: Record<string, string> = {
  'api-key': 'The API key (ONEFICHIER_API_KEY, ONEFICHIER_API_KEY_FILE or --key-file)',
  'link-password': 'ONEFICHIER_LINK_PASSWORD',
  'archive-password': 'ONEFICHIER_ARCHIVE_PASSWORD',
}

export interface CommandLine {
  command: Command
  /** Only the flags given: a value, the lines of a repeated flag, or 'true'/'false' for a switch. */
  values: Record<string, string | string[]>
}

/** True when the switch was given (bare or =true). */
export function isOn(line: CommandLine, name: string): boolean {
  return line.values[name] === 'true'
}

/** The backup inputs the flags give (paths as lines), as the action reads its inputs. */
export function backupInputs(line: CommandLine): Record<string, string> {
  const inputs: Record<string, string> = {}
  for (const name of INPUT_NAMES) {
    const value = line.values[name]
    if (value !== undefined) inputs[name] = Array.isArray(value) ? value.join('\n') : value
  }
  return inputs
}

export function parseCommandLine(argv: string[]): CommandLine {
  const options: Record<string, { type: 'string'; multiple?: boolean }> = {}
  for (const [name, flag] of Object.entries(FLAGS)) options[name] = { type: 'string', multiple: flag.multiple === true }
  // The secrets are parsed so that they can be refused by name, never taken.
  for (const name of SECRET_INPUTS) options[name] = { type: 'string' }
  refuseUnknownFlags(argv)
  let parsed: { values: Record<string, string | string[] | undefined>; positionals: string[] }
  try {
    parsed = parseArgs({ args: argv.map(bareSwitchAsTrue), options, strict: true, allowPositionals: true })
  } catch (error) {
    throw new UsageError(describeParseError(error))
  }
  const command = commandOf(parsed.positionals)
  const values: CommandLine['values'] = {}
  for (const [name, value] of Object.entries(parsed.values)) if (value !== undefined) values[name] = value
  for (const name of SECRET_INPUTS) if (name in values) throw new UsageError(secretFlagRefusal(name))
  for (const name of Object.keys(values)) {
    const flag = FLAGS[name]
    if (flag === undefined) continue
    if (!flag.commands.includes(command))
      throw new UsageError(`--${name} does not apply to '${command}'. See 1fichier-backup ${command} --help.`)
    if (flag.switch && !/^(true|false)$/i.test(String(values[name])))
      throw new UsageError(`--${name} is a switch: give it bare, or as --${name}=true or --${name}=false.`)
    if (flag.switch) values[name] = String(values[name]).toLowerCase()
  }
  checkCommandRules(command, values)
  return { command, values }
}

/** `--json` as `--json=true`, `-q` as `--quiet=true`: one idiom, a switch with an optional value. */
function bareSwitchAsTrue(arg: string): string {
  const name = arg.startsWith('--')
    ? arg.slice(2)
    : Object.keys(FLAGS).find((n) => FLAGS[n]?.short !== undefined && arg === `-${FLAGS[n].short}`)
  return name !== undefined && FLAGS[name]?.switch ? `--${name}=true` : arg
}

/** An unknown --flag named, with the closest known one; the value that follows it is never shown. */
function refuseUnknownFlags(argv: string[]): void {
  const known = [...Object.keys(FLAGS), ...SECRET_INPUTS]
  for (const arg of argv) {
    if (arg === '--') return
    if (!arg.startsWith('--')) continue
    const name = arg.slice(2).split('=')[0] ?? ''
    if (known.includes(name)) continue
    const near = closestMatch(name, known, { maxDistance: name.length < 5 ? 1 : 2 })
    throw new UsageError(`Unknown option '--${name}'.${near ? ` Did you mean --${near}?` : ''} See --help.`)
  }
}

/** The command word, wherever it stands; `backup` when there is none, so older command lines work. */
function commandOf(positionals: string[]): Command {
  const [first, ...rest] = positionals
  if (first === undefined) return 'backup'
  if (rest.length === 0 && (COMMANDS as readonly string[]).includes(first)) return first as Command
  // Not echoed: it may be the key, pasted where no flag takes it, and the line goes to a log file.
  const stray = positionals.find((p) => !(COMMANDS as readonly string[]).includes(p)) ?? first
  const near = closestMatch(stray, COMMANDS, { maxDistance: 2 })
  throw new UsageError(
    'Unexpected argument (not shown, in case it is a secret)' +
      (near && stray.length <= 10 ? `; did you mean the command '${near}'?` : '') +
      ': every value follows its --flag, and the key comes from ONEFICHIER_API_KEY or --key-file. See --help.',
  )
}

function checkCommandRules(command: Command, values: CommandLine['values']): void {
  if (command === 'backup' && String(values['on-upload-failure'] ?? '').trim() === 'artifact')
    throw new UsageError(
      "--on-upload-failure artifact works only inside a GitHub Actions job (it uses the run's artifact storage); " +
        'from the command line the only choice is fail.',
    )
  if (command === 'restore' && values.to === undefined && values.help === undefined)
    throw new UsageError("'restore' needs --to DIR: the folder to restore into.")
  if (values.delete === 'true' && values.overwrite === undefined)
    throw new UsageError('--delete goes with --overwrite MODE: say what happens to files already there.')
}

function secretFlagRefusal(name: string): string {
  if (name === 'api-key')
    return (
      '--api-key is not accepted: a key on the command line is visible to every user of the machine. Set ' +
      'ONEFICHIER_API_KEY or use --key-file.'
    )
  return `--${name} is not accepted on the command line: set ${SECRET_SOURCES[name]} instead.`
}

/**
 * parseArgs' refusal in words, with --help. Its messages name the flag, never the value that
 * follows it; a stray argument never reaches it (commandOf refuses it without echoing it).
 */
function describeParseError(error: unknown): string {
  return `${messageOf(error).replace(/\. To specify an option argument starting with.*$/s, '')}. See --help.`
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
