// The CLI's parser, in-process: one table of flags for every command, the command word anywhere,
// switches, repeated paths, and the secrets, which come only from the environment or files (the
// process boundary is tested in test/blackbox/cli.test.ts).
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMMANDS, backupInputs, isOn, parseCommandLine, readSecrets } from '../../../src/cli/command-line.js'
import { helpFor } from '../../../src/cli/help.js'
import { INPUT_NAMES } from '../../../src/core/config.js'
import { EXIT, UsageError } from '../../../src/core/failure.js'

/** The backup's inputs as the CLI hands them over: flags, then the secrets. */
const parseCliArguments = (argv: string[], env: NodeJS.ProcessEnv) => {
  const line = parseCommandLine(argv)
  return {
    line,
    inputs: { ...backupInputs(line), ...readSecrets(env, line.values['key-file']) } as Record<string, string>,
  }
}

const KEY = 'Zx9-secret-key-value-0123456789ab'

describe('parseCliArguments', () => {
  it('maps flags to the inputs of the same name, repeated --path to lines, bare switches to true', () => {
    const args = parseCliArguments(
      ['--path', 'a/', '--path', '!a/tmp', '--folder', 'bk/host', '--keep-daily', '7', '--dry-run', '--json', '-q'],
      { ONEFICHIER_API_KEY: KEY },
    )
    expect(args.inputs).toMatchObject({
      path: 'a/\n!a/tmp',
      folder: 'bk/host',
      'keep-daily': '7',
      'dry-run': 'true',
      'api-key': KEY,
    })
    expect([isOn(args.line, 'json'), isOn(args.line, 'quiet'), isOn(args.line, 'verbose')]).toEqual([true, true, false])
    expect(args.line.command).toBe('backup')
    expect(parseCliArguments(['--skip-unchanged=false'], {}).inputs['skip-unchanged']).toBe('false')
  })

  it('refuses a stray argument without echoing it: a key pasted there would land in the log', () => {
    const attempts = [
      () => parseCliArguments(['--path', 'data', KEY], {}),
      () => parseCliArguments([KEY], {}),
      () => parseCommandLine(['list', '--folder', 'f', KEY]),
      () => parseCommandLine([KEY, 'list']),
    ]
    for (const attempt of attempts) {
      expect(attempt).toThrow(/^Unexpected argument \(not shown, in case it is a secret\).*See --help\.$/)
      expect(attempt).toThrow(UsageError)
      let message = ''
      try {
        attempt()
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).not.toContain(KEY)
    }
    // Other refusals still name the flag.
    expect(() => parseCliArguments(['--nope'], {})).toThrow("Unknown option '--nope'. See --help.")
  })

  it('refuses every secret on the command line, saying where it belongs, without echoing it', () => {
    for (const [flag, where] of [
      ['--api-key', 'ONEFICHIER_API_KEY'],
      ['--link-password', 'ONEFICHIER_LINK_PASSWORD'],
      ['--archive-password', 'ONEFICHIER_ARCHIVE_PASSWORD'],
    ] as const) {
      const attempt = () => parseCliArguments([flag, KEY], {})
      expect(attempt).toThrow(UsageError)
      expect(attempt).toThrow(where)
      try {
        attempt()
      } catch (error) {
        expect((error as Error).message).not.toContain(KEY)
      }
    }
  })

  it('reads secrets from files (systemd credentials), less one final line ending; --key-file wins', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'secrets-'))
    await writeFile(path.join(dir, 'key'), `${KEY}\n`)
    await writeFile(path.join(dir, 'other'), 'other-key-value-0123456789abcdef\n')
    await writeFile(path.join(dir, 'archive'), 'an archive password \n\n')
    const env = {
      ONEFICHIER_API_KEY_FILE: path.join(dir, 'other'),
      ONEFICHIER_ARCHIVE_PASSWORD_FILE: path.join(dir, 'archive'),
      ONEFICHIER_LINK_PASSWORD: 'link',
    }
    const args = parseCliArguments(['--key-file', path.join(dir, 'key')], env)
    expect(args.inputs).toMatchObject({
      'api-key': KEY,
      'archive-password': 'an archive password \n',
      'link-password': 'link',
    })
    expect(parseCliArguments([], env).inputs['api-key']).toBe('other-key-value-0123456789abcdef')
  })

  it('an unreadable secret file is a usage error that does not show the path (it may be the secret)', () => {
    const attempt = () => parseCliArguments([], { ONEFICHIER_API_KEY_FILE: KEY })
    expect(attempt).toThrow(/cannot read the file named by ONEFICHIER_API_KEY_FILE \(ENOENT\)/)
    expect(() => parseCliArguments([], { ONEFICHIER_API_KEY_FILE: KEY })).not.toThrow(KEY)
  })

  it('unknown flags, positionals and artifact uploads are usage errors that point to --help', () => {
    expect(() => parseCliArguments(['--kep-last', '3'], {})).toThrow(
      "Unknown option '--kep-last'. Did you mean --keep-last? See --help.",
    )
    expect(() => parseCliArguments(['stray'], {})).toThrow(UsageError)
    expect(() => parseCliArguments(['--on-upload-failure', 'artifact'], {})).toThrow(/only inside a GitHub Actions job/)
  })

  it('--help names every input but the secrets, and every exit code', () => {
    const help = helpFor(undefined)
    for (const name of INPUT_NAMES.filter((n) => !['api-key', 'link-password', 'archive-password'].includes(n)))
      expect(help).toContain(`--${name}`)
    for (const code of Object.values(EXIT)) expect(help).toContain(String(code))
  })
})

describe('one command line for every command', () => {
  it('global flags stand before or after the command word, with the same meaning', () => {
    const after = parseCommandLine(['list', '--folder', 'b/h', '--verbose', '--json'])
    const before = parseCommandLine(['--verbose', '--folder', 'b/h', 'list', '--json'])
    expect(before).toEqual(after)
    expect(after).toEqual({ command: 'list', values: { folder: 'b/h', verbose: 'true', json: 'true' } })
  })

  it('a switch is bare or =true/=false in every command; any other value is refused', () => {
    expect(parseCommandLine(['check', '--cdn']).values.cdn).toBe('true')
    expect(parseCommandLine(['check', '--cdn=false']).values.cdn).toBe('false')
    expect(parseCommandLine(['--dry-run=TRUE']).values['dry-run']).toBe('true')
    expect(() => parseCommandLine(['check', '--cdn=yes'])).toThrow('--cdn is a switch')
  })

  it("a flag of another command is refused, naming the command's own --help", () => {
    expect(() => parseCommandLine(['list', '--to', 'x'])).toThrow(
      "--to does not apply to 'list'. See 1fichier-backup list --help.",
    )
    expect(() => parseCommandLine(['--path', 'x', '--cdn'])).toThrow("--cdn does not apply to 'backup'")
    expect(() => parseCommandLine(['prune', '--path', 'x'])).toThrow("--path does not apply to 'prune'")
    expect(() => parseCommandLine(['restore', '--folder', 'f'])).toThrow("'restore' needs --to DIR")
    expect(() => parseCommandLine(['restore', '--to', 'd', '--delete'])).toThrow('--delete goes with --overwrite')
  })

  it('a misspelt command or flag gets "did you mean", never an echo of what was typed', () => {
    expect(() => parseCommandLine(['lsit', '--folder', 'f'])).toThrow("did you mean the command 'list'?")
    expect(() => parseCommandLine(['restore', '--to', 'd', '--overwirte', 'always'])).toThrow(
      'Did you mean --overwrite?',
    )
    expect(() => parseCommandLine(['--zzzzzz'])).toThrow("Unknown option '--zzzzzz'. See --help.")
  })

  it('each command has its own --help; every flag a command takes is in it', () => {
    for (const command of COMMANDS) {
      const help = helpFor(command)
      expect(help).toContain(command === 'backup' ? 'What to back up' : `1fichier-backup ${command}`)
      for (const other of COMMANDS.filter((c) => c !== command && c !== 'backup'))
        expect(help).not.toContain(`\n  ${other} `)
    }
    expect(helpFor('restore')).toContain('--overwrite')
    expect(helpFor('list')).not.toContain('--overwrite')
  })
})
