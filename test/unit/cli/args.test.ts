// The CLI's parser, in-process: flags to inputs, switches, repeated paths, and the secrets, which
// come only from the environment or files (the process boundary is tested in test/blackbox/cli.test.ts).
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT, HELP, UsageError, parseCliArguments } from '../../../src/cli/args.js'
import { INPUT_NAMES } from '../../../src/core/config.js'
import { parseRepositoryArgs } from '../../../src/cli/repository.js'

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
    expect(args).toMatchObject({ json: true, quiet: true, verbose: false, help: false, version: false })
    expect(parseCliArguments(['--skip-unchanged=false'], {}).inputs['skip-unchanged']).toBe('false')
  })

  it('refuses a stray argument without echoing it: a key pasted there would land in the log', () => {
    const attempts = [
      () => parseCliArguments(['--path', 'data', KEY], {}),
      () => parseCliArguments([KEY], {}),
      () => parseRepositoryArgs('list', ['--folder', 'f', KEY]),
    ]
    for (const attempt of attempts) {
      expect(attempt).toThrow(/^Unexpected argument \(not shown, in case it is a secret\).*See --help\.$/)
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
    expect(() => parseCliArguments(['--kep-last', '3'], {})).toThrow(/Unknown option '--kep-last'.*See --help/)
    expect(() => parseCliArguments(['stray'], {})).toThrow(UsageError)
    expect(() => parseCliArguments(['--on-upload-failure', 'artifact'], {})).toThrow(/only inside a GitHub Actions job/)
  })

  it('--help names every input but the secrets, and every exit code', () => {
    for (const name of INPUT_NAMES.filter((n) => !['api-key', 'link-password', 'archive-password'].includes(n)))
      expect(HELP).toContain(`--${name}`)
    for (const code of Object.values(EXIT)) expect(HELP).toContain(String(code))
  })
})
