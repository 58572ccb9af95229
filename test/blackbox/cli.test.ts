// The command-line entry (dist/cli/index.js) as a cron job would run it: key from the environment
// or a file, plain logs without GitHub's :: commands, exit codes a crontab can rely on.
import { chmod, readFile, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CA_CERT_PATH, StandIn, type Account } from '../stand-in/server.ts'
import { REPO_ROOT } from '../helpers/action-process.ts'
import { runToEnd } from '../helpers/process.ts'
import { extractWith7zip, makeWorkspace, randomKey, readTree, stampName } from '../helpers/workspace.ts'

const CLI = path.join(REPO_ROOT, 'dist/cli/index.js')
let standIn: StandIn

beforeAll(async () => {
  standIn = await new StandIn({ listIntervalMs: 0 }).start()
})
afterAll(async () => {
  await standIn.stop()
})

async function cli(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const { code, stdout, stderr } = await runToEnd(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: options.cwd,
      NODE_EXTRA_CA_CERTS: CA_CERT_PATH,
      ONEFICHIER_BACKUP_TEST_TIME_SCALE: '0.01',
      ...options.env,
    },
  })
  return { code, stdout, stderr }
}

describe('1fichier-backup CLI', () => {
  let key: string
  let account: Account
  let workspace: string
  beforeAll(async () => {
    key = randomKey()
    account = standIn.addAccount(key)
    workspace = await makeWorkspace({
      'data/a.txt': { kind: 'file', content: 'from cron' },
      'data/bin/x.sh': { kind: 'file', content: '#!/bin/sh', mode: 0o755 },
    })
  })

  it('backs up with the key from the environment, prunes, and prints JSON outputs', async () => {
    await standIn.seedFile(account, 'backups/host', stampName('nightly', '2020-01-01T00:00:00Z'), 'old')
    const run = await cli(
      [
        '--path',
        'data',
        '--folder',
        'backups/host',
        '--name-prefix',
        'nightly',
        '--keep-last',
        '1',
        '--api-url',
        standIn.apiUrl,
        '--json',
      ],
      {
        cwd: workspace,
        env: { ONEFICHIER_API_KEY: key },
      },
    )
    expect(run.code, run.stderr).toBe(0)
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^::/m)
    expect(`${run.stdout}${run.stderr}`).not.toContain(key)
    // stdout is exactly one JSON document with typed values; the log went to stderr.
    const outputs = JSON.parse(run.stdout) as Record<string, unknown>
    expect(outputs).toMatchObject({
      status: 'uploaded',
      'file-count': 2,
      'pruned-count': 1,
      unchanged: false,
      'missing-files': [],
    })
    expect(typeof outputs.size).toBe('number')
    expect(outputs.pruned).toEqual([
      {
        'file-name': stampName('nightly', '2020-01-01T00:00:00Z'),
        url: expect.stringMatching(/^https:\/\/1fichier\.com\/\?/),
      },
    ])
    expect(standIn.filesIn(account, 'backups/host').map((f) => f.filename)).toEqual([outputs['file-name']])
    expect(run.stderr).toContain('== Upload')
    expect(run.stdout).not.toContain('== Upload')
  })

  it('into a pipe every line starts with its UTC time; --quiet keeps only the final line', async () => {
    const run = await cli(['--path', 'data', '--folder', 'quiet', '--api-url', standIn.apiUrl], {
      cwd: workspace,
      env: { ONEFICHIER_API_KEY: key },
    })
    expect(run.code, run.stderr).toBe(0)
    for (const line of run.stdout.trim().split('\n')) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \S/)
    const quiet = await cli(
      ['--path', 'data', '--folder', 'quiet', '--quiet', '--label', 'q', '--api-url', standIn.apiUrl],
      { cwd: workspace, env: { ONEFICHIER_API_KEY: key } },
    )
    expect(quiet.code, quiet.stderr).toBe(0)
    expect(quiet.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^\S+Z Backup \S+-q\.zip \(.*\): https:\/\/1fichier\.com\/\?\w+$/),
    ])
  })

  it('--json on a dry run lists the planned deletions; on a failure, one JSON document says so', async () => {
    await standIn.seedFile(account, 'dry-json', stampName('dj', '2020-01-01T00:00:00Z'), 'old')
    await standIn.seedFile(account, 'dry-json', stampName('dj', '2021-01-01T00:00:00Z'), 'old')
    const dry = await cli(
      [
        '--path',
        'data',
        '--folder',
        'dry-json',
        '--name-prefix',
        'dj',
        '--keep-last',
        '1',
        '--dry-run',
        '--json',
        '--api-url',
        standIn.apiUrl,
      ],
      {
        cwd: workspace,
        env: { ONEFICHIER_API_KEY: key },
      },
    )
    expect(dry.code, dry.stderr).toBe(0)
    const plan = JSON.parse(dry.stdout) as { status: string; 'planned-deletions': Array<{ 'file-name': string }> }
    expect(plan.status).toBe('dry-run')
    expect(plan['planned-deletions'].map((d) => d['file-name']).sort()).toEqual([
      stampName('dj', '2020-01-01T00:00:00Z'),
      stampName('dj', '2021-01-01T00:00:00Z'),
    ])
    const failed = await cli(['--path', 'data', '--json', '--api-url', standIn.apiUrl], {
      cwd: workspace,
      env: { ONEFICHIER_API_KEY: randomKey() },
    })
    expect(failed.code).toBe(1)
    expect(JSON.parse(failed.stdout)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/Not authenticated #247/),
    })
  })

  it('an older Node.js gets one line naming the version needed, exit code 2, no stack trace', async () => {
    const { execFileSync } = await import('node:child_process')
    let systemNode: string
    try {
      systemNode = execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).trim()
    } catch {
      return // no other Node on this machine
    }
    if (Number(systemNode.slice(1).split('.')[0]) >= 24) return
    for (const entry of [CLI, path.join(REPO_ROOT, 'dist/index.js')]) {
      const { code, stderr } = await runToEnd('/usr/bin/node', [entry, '--version'], {
        cwd: workspace,
        env: { PATH: '/usr/bin:/bin' },
      })
      expect(code, stderr).toBe(2)
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            String.raw`needs Node\.js 24 or newer, and this is Node\.js 2\d\.\d+\.\d+: install Node\.js ` +
              String.raw`24 from https:\/\/nodejs\.org`,
          ),
        ),
      ])
    }
  })

  it('reads the key from a file, and a dry run changes nothing', async () => {
    const keyFile = path.join(workspace, '..', `key-${Date.now()}`)
    await writeFile(keyFile, `${key}\n`)
    await chmod(keyFile, 0o600)
    const before = account.files.length
    const run = await cli(
      ['--path', 'data', '--key-file', keyFile, '--dry-run', '--keep-last', '1', '--api-url', standIn.apiUrl],
      { cwd: workspace },
    )
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/Dry run: would upload \S+-\d{8}T\d{6}Z\.zip/)
    expect(account.files.length).toBe(before)
  })

  it(
    'exit codes: 2 for bad arguments or a key on the command ' +
      'line, 1 for a failed backup, 3 for incomplete retention',
    async () => {
      const bad = await cli(['--path', 'data', '--keep-daily=-1'], { cwd: workspace, env: { ONEFICHIER_API_KEY: key } })
      expect(bad.code).toBe(2)
      expect(bad.stderr).toContain("error: --keep-daily: '-1' is not a whole number")

      const keyArg = await cli(['--path', 'data', '--api-key', key], { cwd: workspace })
      expect(keyArg.code).toBe(2)
      expect(keyArg.stderr).toContain('--api-key is not accepted')
      expect(keyArg.stderr).not.toContain(key)

      const noKey = await cli(['--path', 'data'], { cwd: workspace })
      expect(noKey.code).toBe(2)
      expect(noKey.stderr).toContain('set ONEFICHIER_API_KEY or use --key-file')

      const wrongKey = randomKey()
      const refused = await cli(['--path', 'data', '--api-url', standIn.apiUrl], {
        cwd: workspace,
        env: { ONEFICHIER_API_KEY: wrongKey },
      })
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z error: .*Not authenticated #247/m)
      expect(refused.stderr + refused.stdout).not.toContain(wrongKey)

      await standIn.seedFile(account, 'partial', stampName('p', '2020-01-01T00:00:00Z'), 'old')
      standIn.injectFault('file/rm.cgi', 'partial-rm')
      const partial = await cli(
        [
          '--path',
          'data',
          '--folder',
          'partial',
          '--name-prefix',
          'p',
          '--keep-last',
          '1',
          '--api-url',
          standIn.apiUrl,
        ],
        {
          cwd: workspace,
          env: { ONEFICHIER_API_KEY: key },
        },
      )
      expect(partial.code, partial.stderr).toBe(3)
      expect(partial.stderr).toContain('warning: Could not delete')
    },
  )

  it('encrypts with ONEFICHIER_ARCHIVE_PASSWORD and skips an unchanged run with --skip-unchanged', async () => {
    const secret = 'cron archive secret 42'
    const args = [
      '--path',
      'data',
      '--folder',
      'cron-enc',
      '--name-prefix',
      'enc',
      '--skip-unchanged',
      '--api-url',
      standIn.apiUrl,
    ]
    const first = await cli(args, {
      cwd: workspace,
      env: { ONEFICHIER_API_KEY: key, ONEFICHIER_ARCHIVE_PASSWORD: secret },
    })
    expect(first.code, first.stderr).toBe(0)
    const [stored] = standIn.filesIn(account, 'cron-enc')
    expect(readTree(extractWith7zip(stored.dataPath, secret))).toEqual(readTree(path.join(workspace, 'data')))
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    const second = await cli(args, {
      cwd: workspace,
      env: { ONEFICHIER_API_KEY: key, ONEFICHIER_ARCHIVE_PASSWORD: secret },
    })
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toContain(`Unchanged, nothing uploaded; newest backup ${stored.filename}`)
    expect(standIn.filesIn(account, 'cron-enc')).toHaveLength(1)
    expect(`${first.stdout}${first.stderr}${second.stdout}${second.stderr}`).not.toContain(secret)
  })

  it('refuses the archive password as an argument, and on-upload-failure artifact outside Actions', async () => {
    const password = await cli(['--path', 'data', '--archive-password', 'visible to ps aux'], {
      cwd: workspace,
      env: { ONEFICHIER_API_KEY: key },
    })
    expect(password.code).toBe(2)
    expect(password.stderr).toContain(
      '--archive-password is not accepted on the command line: set ONEFICHIER_ARCHIVE_PASSWORD instead.',
    )
    expect(password.stderr).not.toContain('visible to ps aux')
    const artifact = await cli(['--path', 'data', '--on-upload-failure', 'artifact'], {
      cwd: workspace,
      env: { ONEFICHIER_API_KEY: key },
    })
    expect(artifact.code).toBe(2)
    expect(artifact.stderr).toContain('--on-upload-failure artifact works only inside a GitHub Actions job')
  })

  it("every command reads the same series by default: the current directory's name, as backup writes it", async () => {
    const srv = path.join(await makeWorkspace({ 'srv/data/a.txt': { kind: 'file', content: 'x' } }), 'srv')
    const env = { ONEFICHIER_API_KEY: key }
    const repo = ['--folder', 'series/srv', '--api-url', standIn.apiUrl]
    const backup = await cli(['--path', 'data', ...repo], { cwd: srv, env })
    expect(backup.code, backup.stderr).toBe(0)
    expect(standIn.filesIn(account, 'series/srv').map((f) => f.filename)).toEqual([
      expect.stringMatching(/^srv-\d{8}T\d{6}Z\.zip$/),
    ])
    // Global flags before the command word, as after it.
    const listed = await cli(['--verbose', 'list', ...repo, '--json'], { cwd: srv, env })
    expect(listed.code, listed.stderr).toBe(0)
    const rows = JSON.parse(listed.stdout) as Array<{ 'file-name': string }>
    expect(rows.map((r) => r['file-name'])).toEqual([standIn.filesIn(account, 'series/srv')[0]?.filename])
    expect(listed.stderr).toContain('file/ls.cgi')
    const checked = await cli(['check', ...repo], { cwd: srv, env })
    expect(checked.code, checked.stderr).toBe(0)
    expect(checked.stdout).toContain('Checked 1 backup: 1 sound')
    // Plain `list`: restic's manners, a header, the rows, the count (into a pipe: timed lines).
    const plain = await cli(['list', ...repo], { cwd: srv, env })
    expect(plain.code, plain.stderr).toBe(0)
    expect(plain.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^TIME \(UTC\) +SIZE {2}NAME {2}URL$/),
      expect.stringMatching(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ +\d.* srv-\d{8}T\d{6}Z\.zip {2}https:\/\/1fichier\.com\/\?\w+$/,
      ),
      "1 backup of series srv in 'series/srv'",
    ])
  })

  it('--log-file appends every line with its time, --quiet or not, with no secret in it', async () => {
    const logFile = path.join(workspace, '..', `cli-${randomKey().slice(0, 8)}.log`)
    const args = ['--path', 'data', '--folder', 'logged', '--quiet', '--log-file', logFile, '--api-url', standIn.apiUrl]
    for (const label of ['one', 'two']) {
      const run = await cli([...args, '--label', label], { cwd: workspace, env: { ONEFICHIER_API_KEY: key } })
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout.trim().split('\n')).toHaveLength(1)
    }
    const lines = (await readFile(logFile, 'utf8')).trim().split('\n')
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \S/)
    // Both runs, whole: the quiet ones' info lines too.
    expect(lines.filter((l) => /Zipped 2 files/.test(l))).toHaveLength(2)
    expect(lines.filter((l) => / Backup \S+-(one|two)\.zip/.test(l))).toHaveLength(2)
    expect(lines.join('\n')).not.toContain(key)
    const unwritable = await cli([...args.slice(0, -4), '--log-file', '/proc/no/such/dir/x.log'], {
      cwd: workspace,
      env: { ONEFICHIER_API_KEY: key },
    })
    expect(unwritable.code).toBe(2)
    expect(unwritable.stderr).toMatch(
      /^error: --log-file \/proc\/no\/such\/dir\/x\.log cannot be opened for appending \(ENOENT\)/,
    )
  })

  it("a bad command line: one line naming the flag and the command's --help, exit 2, nothing asked", async () => {
    const before = standIn.requests.length
    const misspelt = await cli(['list', '--folder', 'f', '--keep-dialy', '7'], { cwd: workspace })
    expect(misspelt.code).toBe(2)
    expect(misspelt.stderr.trim()).toBe("error: Unknown option '--keep-dialy'. Did you mean --keep-daily? See --help.")
    const elsewhere = await cli(['list', '--to', 'x'], { cwd: workspace })
    expect(elsewhere.stderr.trim()).toBe("error: --to does not apply to 'list'. See 1fichier-backup list --help.")
    const help = await cli(['restore', '--help'], { cwd: workspace })
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: 1fichier-backup restore')
    expect(help.stdout).toContain('--overwrite')
    expect(help.stdout).not.toContain('--compression-level')
    expect(standIn.requests.length).toBe(before)
  })

  it('--help documents every action input as a flag', async () => {
    const { parse } = await import('yaml')
    const { readFileSync } = await import('node:fs')
    const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>
    }
    const run = await cli(['--help'], { cwd: workspace })
    expect(run.code).toBe(0)
    for (const input of Object.keys(action.inputs)) {
      if (input === 'api-key') expect(run.stdout).toContain('ONEFICHIER_API_KEY')
      else if (input === 'link-password') expect(run.stdout).toContain('ONEFICHIER_LINK_PASSWORD')
      else if (input === 'archive-password') expect(run.stdout).toContain('ONEFICHIER_ARCHIVE_PASSWORD')
      else expect(run.stdout).toContain(`--${input}`)
    }
  })

  it('no secret in any output, whatever the server sends back: the CLI redacts as the runner would mask', async () => {
    // A key with characters that URL-encoding changes.
    const odd = `${randomKey()}+/=`
    standIn.addAccount(odd)
    const linkPassword = 'cli-link-secret'
    await standIn.seedFile(standIn.accounts.get(odd)!, 'echo', 'notes.txt', 'the folder exists, so it is listed')
    for (const endpoint of [
      'folder/ls.cgi',
      'file/ls.cgi',
      'end.pl',
      'file/info.cgi',
      'upload/get_upload_server.cgi',
    ]) {
      standIn.faults.length = 0
      standIn.injectFault(endpoint, 'echo-auth', 9)
      const run = await cli(
        ['--path', 'data', '--folder', 'echo', '--retries', '2', '--api-url', standIn.apiUrl, '--verbose'],
        {
          cwd: workspace,
          env: { ONEFICHIER_API_KEY: odd, ONEFICHIER_LINK_PASSWORD: linkPassword },
        },
      )
      const all = `${run.stdout}${run.stderr}`
      expect([0, 1], all).toContain(run.code)
      for (const secret of [odd, encodeURIComponent(odd), linkPassword]) expect(all).not.toContain(secret)
      expect(all).toContain('Bearer ***')
    }
    standIn.faults.length = 0
  })

  it(
    'secrets from files (ONEFICHIER_*_FILE), used exactly ' + 'as stored; a key given as the key file is not echoed',
    async () => {
      const dir = path.join(workspace, '..')
      const keyFile = path.join(dir, `key-file-${Date.now()}`)
      const passwordFile = path.join(dir, `link-password-${Date.now()}`)
      await writeFile(keyFile, `${key}\n`)
      await writeFile(passwordFile, 'from-a-credential-file')
      const run = await cli(['--path', 'data', '--folder', 'from-files', '--api-url', standIn.apiUrl], {
        cwd: workspace,
        env: { ONEFICHIER_API_KEY_FILE: keyFile, ONEFICHIER_LINK_PASSWORD_FILE: passwordFile },
      })
      expect(run.code, run.stderr).toBe(0)
      const [stored] = standIn.filesIn(account, 'from-files')
      expect(stored.pass).toBe('from-a-credential-file')

      const pasted = await cli(['--path', 'data', '--key-file', key], { cwd: workspace })
      expect(pasted.code).toBe(2)
      expect(pasted.stderr).toContain('cannot read the file named by --key-file (ENOENT)')
      expect(pasted.stderr).not.toContain(key)

      const padded = await cli(['--path', 'data', '--api-url', standIn.apiUrl], {
        cwd: workspace,
        env: { ONEFICHIER_API_KEY: key, ONEFICHIER_LINK_PASSWORD: ' padded-secret' },
      })
      expect(padded.code).toBe(2)
      expect(padded.stderr).toContain('error: ONEFICHIER_LINK_PASSWORD: it starts or ends with white space')
      expect(padded.stderr).not.toContain('padded-secret')
    },
  )
})
