// The way back, as a user runs it: the CLI's list, restore, check and prune against the stand-in.
// Round trips are compared file by file (content, mode, link target); hostile zips are refused
// whole before anything is written; corrupted and dropped downloads are fetched again or resumed.
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CA_CERT_PATH, StandIn, type Account } from '../stand-in/server.ts'
import { REPO_ROOT } from '../helpers/action-process.ts'
import { runToEnd } from '../helpers/process.ts'
import { makeWorkspace, randomKey, readTree, stampName } from '../helpers/workspace.ts'

const CLI = path.join(REPO_ROOT, 'dist/cli/index.js')
const ARCHIVE_PASSWORD = 'restore archive secret'
let standIn: StandIn
let key: string
let account: Account
let workspace: string

async function cli(args: string[], env: Record<string, string> = {}, cwd = workspace) {
  const { code, stdout, stderr } = await runToEnd(process.execPath, [CLI, ...args], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      NODE_EXTRA_CA_CERTS: CA_CERT_PATH,
      ONEFICHIER_BACKUP_TEST_TIME_SCALE: '0.01',
      ONEFICHIER_API_KEY: key,
      ...env,
    },
  })
  for (const secret of [key, ARCHIVE_PASSWORD]) expect(`${stdout}${stderr}`).not.toContain(secret)
  return { code, stdout, stderr }
}

const repo = (folder: string, prefix = 'site') => [
  '--folder',
  folder,
  '--name-prefix',
  prefix,
  '--api-url',
  standIn.apiUrl,
]
const emptyDir = () => path.join(mkdtempSync(path.join(tmpdir(), 'restore-')), 'to')

/** A zip made by Python's zipfile, for shapes our writer never makes (hostile entries). */
function pythonZip(entries: Array<{ name: string; data: string; link?: boolean }>): Buffer {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'pyzip-')), 'x.zip')
  const script = `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    for e in json.loads(sys.argv[2]):
        info = zipfile.ZipInfo(e['name'])
        info.create_system = 3
        info.external_attr = ((0o120777 if e.get('link') else 0o100644) << 16)
        z.writestr(info, e['data'])
`
  execFileSync('python3', ['-c', script, out, JSON.stringify(entries)])
  return readFileSync(out)
}

beforeAll(async () => {
  standIn = await new StandIn({ listIntervalMs: 0, lockMs: 250 }).start()
  key = randomKey()
  account = standIn.addAccount(key)
  workspace = await makeWorkspace({
    'data/index.html': { kind: 'file', content: '<h1>hello</h1>\n'.repeat(300) },
    'data/bin/run.sh': { kind: 'file', content: '#!/bin/sh\necho hi\n', mode: 0o755 },
    'data/secret.key': { kind: 'file', content: 'private', mode: 0o600 },
    'data/blob.bin': {
      kind: 'file',
      content: Buffer.from(Array.from({ length: 3 << 20 }, (_, i) => (i * 7919) % 251)),
    },
    'data/empty/': { kind: 'directory', mode: 0o750 },
    'data/link-rel': { kind: 'symlink', target: 'index.html' },
    'data/link-abs': { kind: 'symlink', target: '/etc/hostname' },
  })
})
afterAll(async () => {
  await standIn.stop()
})

describe('restore', () => {
  it('round trip: contents, modes, links and folders come back as they were', async () => {
    const backup = await cli(['--path', 'data', ...repo('rt')])
    expect(backup.code, backup.stderr).toBe(0)
    const to = emptyDir()
    const restored = await cli(['restore', ...repo('rt'), '--to', to, '--json'])
    expect(restored.code, restored.stderr).toBe(0)
    const result = JSON.parse(restored.stdout) as Record<string, unknown>
    expect(result['file-count']).toBe(8)
    expect(readTree(to)).toEqual(readTree(path.join(workspace, 'data')))
    // Nothing is left beside the target.
    expect(readdirSync(path.dirname(to))).toEqual(['to'])
  })

  it('AES zips with the right password; a wrong one fails and writes nothing', async () => {
    expect(
      (await cli(['--path', 'data', ...repo('aes')], { ONEFICHIER_ARCHIVE_PASSWORD: ARCHIVE_PASSWORD })).code,
    ).toBe(0)
    const args = ['restore', ...repo('aes')]
    const to = emptyDir()
    const good = await cli([...args, '--to', to], { ONEFICHIER_ARCHIVE_PASSWORD: ARCHIVE_PASSWORD })
    expect(good.code, good.stderr).toBe(0)
    expect(readTree(to)).toEqual(readTree(path.join(workspace, 'data')))
    const wrongTo = emptyDir()
    const wrong = await cli([...args, '--to', wrongTo], { ONEFICHIER_ARCHIVE_PASSWORD: 'not the archive secret' })
    // restic's code for a wrong password.
    expect(wrong.code).toBe(12)
    expect(wrong.stderr).toMatch(/does not open with this archive password/)
    expect(existsSync(wrongTo)).toBe(false)
    expect(readdirSync(path.dirname(wrongTo))).toEqual([])
    const none = await cli([...args, '--to', emptyDir()])
    expect(none.code).toBe(12)
    expect(none.stderr).toMatch(/is encrypted \(archive-password\): set ONEFICHIER_ARCHIVE_PASSWORD/)
  })

  it.each([
    ['an absolute name', [{ name: '/tmp/evil-absolute', data: 'x' }], /is an absolute path/],
    [
      'a name going up',
      [
        { name: 'ok.txt', data: 'fine' },
        { name: 'a/../../evil-up', data: 'x' },
      ],
      /goes up with '\.\.'/,
    ],
    [
      'a path through a link entry',
      [
        { name: 'link', data: '/tmp', link: true },
        { name: 'link/evil-through-link', data: 'x' },
      ],
      /lies under 'link', a link entry/,
    ],
  ])('refuses a zip with %s as a whole, before anything is written', async (_what, entries, why) => {
    const folder = `hostile-${Math.random().toString(36).slice(2)}`
    await standIn.seedFile(
      account,
      folder,
      stampName('site', '2026-01-01T00:00:00Z'),
      pythonZip(entries),
      new Date('2026-01-01T00:00:00Z'),
    )
    const to = emptyDir()
    const run = await cli(['restore', ...repo(folder), '--to', to])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(why)
    expect(run.stderr).toMatch(/refused as a whole and nothing was written/)
    expect(existsSync(to)).toBe(false)
    expect(existsSync('/tmp/evil-absolute') || existsSync(path.join(path.dirname(to), '..', 'evil-up'))).toBe(false)
  })

  it('a corrupted download is fetched again with a new token; a dropped one resumes with Range', async () => {
    expect((await cli(['--path', 'data', ...repo('flaky', 'flaky')])).code).toBe(0)
    standIn.injectFault('download', 'download-corrupt', 1)
    standIn.requests.length = 0
    const once = await cli(['restore', ...repo('flaky', 'flaky'), '--to', emptyDir()])
    expect(once.code, once.stderr).toBe(0)
    expect(once.stderr).toMatch(/corrupted .*downloading it again with a new token/)
    expect(standIn.requests.filter((r) => r.endpoint === 'download/get_token.cgi')).toHaveLength(2)

    standIn.injectFault('download', 'download-drop', 1)
    standIn.requests.length = 0
    const dropped = await cli(['restore', ...repo('flaky', 'flaky'), '--to', emptyDir()])
    expect(dropped.code, dropped.stderr).toBe(0)
    const downloads = standIn.requests.filter((r) => r.endpoint === 'download')
    expect(downloads).toHaveLength(2)
    expect(downloads[1].headers.range).toMatch(/^bytes=[1-9]\d*-$/)

    standIn.injectFault('download', 'download-corrupt', 9)
    const to = emptyDir()
    const refused = await cli(['restore', ...repo('flaky', 'flaky'), '--to', to])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/is corrupted .* after 2 tries; nothing was restored/)
    expect(existsSync(to)).toBe(false)
    standIn.faults.length = 0
  })

  // Needs a user that permissions bind: root switches to nobody for the restore; a non-root run is one.
  const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : []
  it('a folder the user may not write to (EACCES): one line naming it, the target left exactly as it was', async () => {
    expect((await cli(['--path', 'data', ...repo('perm', 'perm')])).code).toBe(0)
    const parent = mkdtempSync(path.join(tmpdir(), 'restore-perm-'))
    const to = path.join(parent, 'to')
    const state = mkdtempSync(path.join(tmpdir(), 'restore-perm-state-'))
    await mkdir(path.join(to, 'bin'), { recursive: true })
    writeFileSync(path.join(to, 'index.html'), 'old index\n')
    writeFileSync(path.join(to, 'bin', 'run.sh'), 'old script\n')
    if (asUser.length > 0) execFileSync('chown', ['-R', 'nobody', to, state])
    chmodSync(parent, 0o755)
    chmodSync(path.join(to, 'bin'), 0o555)
    const before = readTree(to)
    const [command, ...args] = [
      ...asUser,
      process.execPath,
      CLI,
      'restore',
      ...repo('perm', 'perm'),
      '--to',
      to,
      '--overwrite',
      'always',
    ]
    const run = await runToEnd(command, args, {
      cwd: parent,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: parent,
        NODE_EXTRA_CA_CERTS: CA_CERT_PATH,
        ONEFICHIER_BACKUP_TEST_TIME_SCALE: '0.01',
        ONEFICHIER_BACKUP_STATE_DIR: state,
        ONEFICHIER_API_KEY: key,
      },
    })
    expect(run.code, run.stderr).toBe(1)
    const errors = run.stderr.split('\n').filter((l) => l.includes('error: '))
    expect(errors).toEqual([expect.stringMatching(/Restoring into .*bin.* failed \(EACCES\)/)])
    // Exactly as it was: the old files, no new one, no staging folder left behind.
    expect(readTree(to)).toEqual(before)
    expect(readdirSync(to).sort()).toEqual(['bin', 'index.html'])
    chmodSync(path.join(to, 'bin'), 0o755)
  })

  it('a non-empty folder needs --overwrite; #913 gets its own advice', async () => {
    expect((await cli(['--path', 'data', ...repo('ow', 'ow')])).code).toBe(0)
    const to = emptyDir()
    await mkdir(to)
    execFileSync('touch', [path.join(to, 'mine.txt')])
    const refused = await cli(['restore', ...repo('ow', 'ow'), '--to', to])
    // A usage error: the flag that is needed is missing.
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/is not empty: .* --overwrite always\|if-changed\|if-newer\|never/)
    const over = await cli(['restore', ...repo('ow', 'ow'), '--to', to, '--overwrite', 'always'])
    expect(over.code, over.stderr).toBe(0)
    expect(readdirSync(to).sort()).toEqual([
      'bin',
      'blob.bin',
      'empty',
      'index.html',
      'link-abs',
      'link-rel',
      'mine.txt',
      'secret.key',
    ])
    standIn.injectFault('download/get_token.cgi', 'datacenter', 1)
    const dc = await cli(['restore', ...repo('ow', 'ow'), '--to', emptyDir()])
    expect(dc.code).toBe(1)
    expect(dc.stderr).toMatch(/#913.*datacenter addresses, which a GitHub-hosted runner is.*Use --cdn/)
  })
})

describe('check, list, prune', () => {
  it('check verifies every entry and exits 1 on a damaged backup; list --json gives typed values', async () => {
    expect((await cli(['--path', 'data', ...repo('chk', 'chk')])).code).toBe(0)
    const good = standIn.filesIn(account, 'chk')[0]
    // A damaged zip whose listing agrees with its bytes: only reading every entry finds it.
    const damaged = Buffer.from(readFileSync(good.dataPath))
    damaged[200] ^= 0xff
    await standIn.seedFile(account, 'chk', stampName('chk', '2020-01-01T00:00:00Z'), damaged)
    const all = await cli(['check', ...repo('chk', 'chk'), '--backup', 'all', '--json'])
    expect(all.stdout, all.stderr).not.toBe('')
    expect(all.code).toBe(1)
    const results = JSON.parse(all.stdout) as Array<{ 'file-name': string; ok: boolean; problem?: string }>
    expect(results.map((r) => r.ok)).toEqual([true, false])
    expect(results[1].problem).toMatch(/CRC-32|not a readable zip|cannot be read|damaged/)
    const latest = await cli(['check', ...repo('chk', 'chk')])
    expect(latest.code, latest.stderr).toBe(0)

    const list = await cli(['list', ...repo('chk', 'chk'), '--json', '--keep-last', '1'])
    expect(list.code, list.stderr).toBe(0)
    const rows = JSON.parse(list.stdout) as Array<Record<string, unknown>>
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ 'file-name': good.filename, url: good.url, size: good.size, 'kept-by': ['last 1'] })
    expect(rows[1]).toMatchObject({ time: '2020-01-01T00:00:00.000Z', 'kept-by': [] })
  })

  it('prune alone: a dry run plans, a real run deletes only what no rule keeps', async () => {
    for (const t of ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'])
      await standIn.seedFile(account, 'pr', stampName('pr', t), t)
    await standIn.seedFile(account, 'pr', 'notes.txt', 'not ours')
    const dry = await cli(['prune', ...repo('pr', 'pr'), '--keep-last', '1', '--dry-run', '--json'])
    expect(dry.code, dry.stderr).toBe(0)
    expect((JSON.parse(dry.stdout) as { 'planned-deletions': unknown[] })['planned-deletions']).toHaveLength(2)
    expect(standIn.filesIn(account, 'pr')).toHaveLength(4)
    const real = await cli(['prune', ...repo('pr', 'pr'), '--keep-last', '1'])
    expect(real.code, real.stderr).toBe(0)
    expect(
      standIn
        .filesIn(account, 'pr')
        .map((f) => f.filename)
        .sort(),
    ).toEqual(['notes.txt', stampName('pr', '2026-03-01T00:00:00Z')])
    // restic's within-<period> rules and unlimited counts, as flags.
    const within = await cli([
      'list',
      ...repo('pr', 'pr'),
      '--json',
      '--keep-within-daily',
      '30d',
      '--keep-monthly',
      'unlimited',
    ])
    expect(within.code, within.stderr).toBe(0)
    expect((JSON.parse(within.stdout) as Array<{ 'kept-by': string[] }>)[0]['kept-by']).toEqual([
      'within-daily 30d: 2026-03-01',
      'monthly 2026-03',
    ])
    const none = await cli(['prune', ...repo('pr', 'pr')])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/prune needs at least one keep-\* rule/)
  })
})

describe('listings, failures as documents, signals', () => {
  it('a listing that may be incomplete is said, and "latest" is never picked from it', async () => {
    for (const t of ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'])
      await standIn.seedFile(account, 'short', stampName('short', t), t)
    standIn.injectFault('file/ls.cgi', 'list-undercount', 1)
    const list = await cli(['list', ...repo('short', 'short')])
    expect(list.code, list.stderr).toBe(0)
    expect(list.stderr).toMatch(/may be incomplete/)
    standIn.injectFault('file/ls.cgi', 'list-undercount', 1)
    const to = emptyDir()
    const latest = await cli(['restore', ...repo('short', 'short'), '--to', to, '--json'])
    expect(latest.code).toBe(1)
    expect(latest.stderr).toMatch(/may be incomplete, so the newest backup cannot be known: name one with --backup/)
    expect(JSON.parse(latest.stdout)).toMatchObject({ status: 'failed', 'exit-code': 1 })
    expect(existsSync(to)).toBe(false)
  })

  it('with --json, list, restore, check and prune print one document on failure too', async () => {
    for (const args of [
      ['list', ...repo('no-such-folder', 'x'), '--json'],
      ['restore', ...repo('no-such-folder', 'x'), '--to', emptyDir(), '--json'],
      ['check', ...repo('no-such-folder', 'x'), '--json'],
      ['prune', ...repo('no-such-folder', 'x'), '--keep-last', '1', '--json'],
    ]) {
      const run = await cli(args)
      // No backup found: restic's code for a missing repository.
      expect(run.code, args[0]).toBe(10)
      const document = JSON.parse(run.stdout) as { status: string; error: string; 'exit-code': number }
      expect(document.status).toBe('failed')
      expect(document.error).not.toBe('')
      expect(document['exit-code']).toBe(run.code)
    }
  })

  it('SIGTERM during the download exits 143, writes nothing and leaves no download behind', async () => {
    expect((await cli(['--path', 'data', ...repo('sig', 'sig')])).code).toBe(0)
    standIn.injectFault('download', 'stall', 1)
    standIn.requests.length = 0
    const temp = mkdtempSync(path.join(tmpdir(), 'sig-tmp-'))
    const to = emptyDir()
    const child = spawn(process.execPath, [CLI, 'restore', ...repo('sig', 'sig'), '--to', to], {
      cwd: workspace,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: workspace,
        TMPDIR: temp,
        NODE_EXTRA_CA_CERTS: CA_CERT_PATH,
        ONEFICHIER_BACKUP_TEST_TIME_SCALE: '0.01',
        ONEFICHIER_API_KEY: key,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    // Waits for the event (the node has the request), not for a time.
    while (!standIn.requests.some((r) => r.endpoint === 'download')) await new Promise((r) => setTimeout(r, 20))
    child.kill('SIGTERM')
    expect(await exited).toBe(143)
    expect(stderr).toMatch(/Cancelled; the target was left as it was/)
    expect(existsSync(to)).toBe(false)
    expect(readdirSync(temp)).toEqual([])
    standIn.faults.length = 0
  })
})
