// The real service, round 3 (../shared/1fichier-api.md section 17), through the CLI as a cron job
// runs it, against the stand-in that models each behaviour: refused uploads answered as a page, the
// antivirus wait at end.pl, the account's state and its strict user/info.cgi limit, the 30-second
// listing rule across processes, and one run per series at a time.
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CA_CERT_PATH, StandIn } from '../stand-in/server.ts'
import { REPO_ROOT } from '../helpers/action-process.ts'
import { runToEnd } from '../helpers/process.ts'
import { makeWorkspace, randomKey, stampName } from '../helpers/workspace.ts'
import { accountTag } from '../../src/state/state-file.js'
import { lockFileOf } from '../../src/state/series-lock.js'

const CLI = path.join(REPO_ROOT, 'dist/cli/index.js')
const stopped: StandIn[] = []
let workspace: string

beforeAll(async () => {
  workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'round three\n'.repeat(500) } })
})
afterAll(async () => {
  for (const s of stopped) await s.stop()
})

/** A stand-in with the 30-s listing rule at the tests' time scale (0.01), less a margin. */
async function standIn(options: ConstructorParameters<typeof StandIn>[0] = {}): Promise<StandIn> {
  const s = await new StandIn({ listIntervalMs: 280, lockMs: 250, ...options }).start()
  stopped.push(s)
  return s
}

async function cli(s: StandIn, key: string, args: string[], stateDir: string, env: Record<string, string> = {}) {
  // At 0.01 of real time unless said: the 30-s rule is 0.31 s for the client.
  return runToEnd(process.execPath, [CLI, ...args, '--folder', 'r3', '--name-prefix', 'site', '--api-url', s.apiUrl], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: os.tmpdir(),
      NODE_EXTRA_CA_CERTS: CA_CERT_PATH,
      ONEFICHIER_BACKUP_TEST_TIME_SCALE: '0.01',
      ONEFICHIER_API_KEY: key,
      ONEFICHIER_BACKUP_STATE_DIR: stateDir,
      ...env,
    },
  })
}

const newStateDir = () => mkdtemp(path.join(os.tmpdir(), 'r3-state-'))
const calls = (s: StandIn, endpoint: string) => s.requests.filter((r) => r.endpoint === endpoint)
const log = (run: { stdout: string; stderr: string }) => `${run.stdout}\n${run.stderr}`

function expectNoKey(run: { stdout: string; stderr: string }, key: string): void {
  expect(log(run)).not.toContain(key)
  expect(log(run)).not.toContain(encodeURIComponent(key))
}

describe('refused uploads (HTTP 200 with a page, no redirect to end.pl)', () => {
  it('"Ne peut ouvrir le fichier destination": sent again to a fresh node; one file lands', async () => {
    const s = await standIn()
    const key = randomKey()
    const account = s.addAccount(key)
    s.injectFault('upload.cgi', 'refused-storage', 1)
    const run = await cli(s, key, ['--path', 'data', '--json'], await newStateDir())
    expect(run.code, log(run)).toBe(0)
    expect(log(run)).toMatch(/could not store the file \("Ne peut ouvrir le fichier destination"/)
    // A fresh node for the second attempt, and no end.pl probe of the refused one.
    expect(calls(s, 'upload/get_upload_server.cgi')).toHaveLength(2)
    expect(calls(s, 'upload.cgi')).toHaveLength(2)
    expect(calls(s, 'end.pl')).toHaveLength(1)
    expect(s.filesIn(account, 'r3')).toHaveLength(1)
    expectNoKey(run, key)
  })

  it('"Pas de fichier trouvé dans l\'envoi": not retried; the line says what was sent; nothing counted', async () => {
    const s = await standIn()
    const key = randomKey()
    const account = s.addAccount(key)
    await s.seedFile(account, 'r3', stampName('site', '2024-01-01T00:00:00Z'), 'old')
    s.injectFault('upload.cgi', 'refused-no-file', 1)
    const run = await cli(s, key, ['--path', 'data', '--keep-last', '1', '--json'], await newStateDir())
    expect(run.code, log(run)).toBe(1)
    const doc = JSON.parse(run.stdout) as { status: string; error: string }
    expect(doc.status).toBe('failed')
    expect(doc.error).toMatch(
      new RegExp(
        `found no file in the request \\("Pas de fichier trouvé dans l'envoi"\\); sent: multipart/form-data with ` +
          `did=\\d+, then file\\[\\] 'site-\\d{8}T\\d{6}Z\\.zip' \\(\\d+ bytes\\), Content-Length \\d+`,
      ),
    )
    expect(calls(s, 'upload.cgi')).toHaveLength(1)
    expect(calls(s, 'end.pl')).toHaveLength(0)
    // Nothing deleted: the old backup is still there.
    expect(s.filesIn(account, 'r3').map((f) => f.filename)).toEqual([stampName('site', '2024-01-01T00:00:00Z')])
    expectNoKey(run, key)
  })

  it('any other page: refused with its words, never counted as a success, no link printed', async () => {
    const s = await standIn()
    const key = randomKey()
    s.addAccount(key)
    s.injectFault('upload.cgi', 'refused-page', 1)
    const run = await cli(
      s,
      key,
      ['--path', 'data', '--link-password-file', '/dev/null'].slice(0, 2),
      await newStateDir(),
      {
        ONEFICHIER_LINK_PASSWORD: 'r3-link-secret',
      },
    )
    expect(run.code, log(run)).toBe(1)
    expect(log(run)).toMatch(
      /answered HTTP 200 with "Erreur inconnue, veuillez réessayer plus tard" instead of its redirect/,
    )
    expect(calls(s, 'upload.cgi')).toHaveLength(1)
    expect(log(run)).not.toMatch(/Backup uploaded and verified/)
    expect(log(run)).not.toContain('r3-link-secret')
    expectNoKey(run, key)
  })
})

describe('a refusal page that echoes the request', () => {
  it('its words are in the error line, the key is not (plain or URL-encoded), on the log and in --json', async () => {
    const s = await standIn()
    const key = randomKey()
    s.addAccount(key)
    s.injectFault('upload.cgi', 'refused-echo-auth', 1)
    const run = await cli(s, key, ['--path', 'data', '--json'], await newStateDir())
    expect(run.code, log(run)).toBe(1)
    const doc = JSON.parse(run.stdout) as { error: string }
    expect(doc.error).toMatch(/answered HTTP 200 with "Erreur : en-tête Bearer \S+ \(Bearer\S+\) refusé"/)
    expectNoKey(run, key)
  })
})

describe("end.pl's antivirus wait", () => {
  it('"Veuillez patienter" is waited out, paced, with a progress line; one upload, one backup', async () => {
    const s = await standIn()
    const key = randomKey()
    const account = s.addAccount(key)
    s.injectFault('end.pl', 'scan-wait', 4)
    const run = await cli(s, key, ['--path', 'data'], await newStateDir())
    expect(run.code, log(run)).toBe(0)
    expect(log(run)).toMatch(
      /1fichier is scanning the upload \(antivirus\): waiting for its link, \d+ s so far, at most 5 minutes/,
    )
    expect(calls(s, 'upload.cgi')).toHaveLength(1)
    expect(calls(s, 'end.pl')).toHaveLength(5)
    // Paced: never two end.pl calls closer than the pacer's floor.
    const at = calls(s, 'end.pl').map((r) => r.at)
    for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(3)
    expect(s.filesIn(account, 'r3')).toHaveLength(1)
  })
})

describe("the account's pre-flight (user/info.cgi)", () => {
  it('uploads forbidden: the run stops before the zip is written, with what to do', async () => {
    const s = await standIn()
    const key = randomKey()
    s.addAccount(key, { uploadForbidden: true })
    const run = await cli(s, key, ['--path', 'data'], await newStateDir())
    expect(run.code, log(run)).toBe(1)
    expect(log(run)).toMatch(
      /1fichier forbids uploads on this account \(user\/info\.cgi: upload_forbidden\).*Nothing was zipped/,
    )
    expect(log(run)).not.toMatch(/Zipped \d+ files/)
    expect(s.requests.map((r) => r.endpoint)).toEqual(['user/info.cgi'])
  })

  it('over quota: stopped before the zip, the usage named', async () => {
    const s = await standIn()
    const key = randomKey()
    const account = s.addAccount(key, { quotaBytes: 10 })
    await s.seedFile(account, 'r3', 'big.bin', 'more than ten bytes')
    const run = await cli(s, key, ['--path', 'data'], await newStateDir())
    expect(run.code, log(run)).toBe(1)
    expect(log(run)).toMatch(/forbids uploads|over its storage quota/)
    expect(calls(s, 'upload.cgi')).toHaveLength(0)
  })

  it('a free account: the backup is made, and --json and the log say files expire after 30 days', async () => {
    const s = await standIn()
    const key = randomKey()
    s.addAccount(key, { offer: 0 })
    const run = await cli(s, key, ['--path', 'data', '--json'], await newStateDir())
    expect(run.code, log(run)).toBe(0)
    const doc = JSON.parse(run.stdout) as { status: string; 'account-warnings': string[] }
    expect(doc.status).toBe('uploaded')
    expect(doc['account-warnings']).toEqual([
      expect.stringMatching(/free 1fichier account: .*30 days after their last download/),
    ])
    expect(run.stderr).toContain(doc['account-warnings'][0])
  })

  it('asked at most once per 5 minutes per account: the next run reuses the answer; no key kept', async () => {
    const s = await standIn()
    const key = randomKey()
    s.addAccount(key, { offer: 0 })
    const stateDir = await newStateDir()
    const first = await cli(s, key, ['--path', 'data', '--json'], stateDir)
    const second = await cli(s, key, ['--path', 'data', '--json'], stateDir)
    expect([first.code, second.code], log(second)).toEqual([0, 0])
    expect(calls(s, 'user/info.cgi')).toHaveLength(1)
    expect(s.requests.filter((r) => r.status === 403)).toEqual([])
    // The remembered answer still gives the notice.
    expect((JSON.parse(second.stdout) as { 'account-warnings': string[] })['account-warnings']).toHaveLength(1)
    const state = await readFile(path.join(stateDir, 'state.json'), 'utf8')
    expect(state).not.toContain(key)
    expect(state).not.toContain('user@example.com')
  })

  it('its flood answer (#38) never stops a backup', async () => {
    const s = await standIn()
    const key = randomKey()
    const account = s.addAccount(key)
    // Another client on this address called it a moment ago.
    s.injectFault('user/info.cgi', 'flood', 1)
    s.clearLock()
    const run = await cli(s, key, ['--path', 'data'], await newStateDir())
    expect(run.code, log(run)).toBe(0)
    expect(log(run)).toMatch(
      /Asking 1fichier about the account \(user\/info\.cgi\) failed: .*Flood detected.*goes on without it/,
    )
    expect(s.filesIn(account, 'r3')).toHaveLength(1)
  })
})

describe('the pre-flight never holds a backup', () => {
  it('a user/info.cgi that never answers is given up on (advice only), and the backup is made', async () => {
    const s = await standIn()
    const key = randomKey()
    const account = s.addAccount(key)
    s.injectFault('user/info.cgi', 'stall', 1)
    const run = await cli(s, key, ['--path', 'data'], await newStateDir())
    expect(run.code, log(run)).toBe(0)
    expect(log(run)).toMatch(
      /Asking 1fichier about the account \(user\/info\.cgi\) failed: .*network error \(ETIMEDOUT\)/,
    )
    expect(s.filesIn(account, 'r3')).toHaveLength(1)
  })
})

describe('the 30-second listing rule across processes', () => {
  // At 0.1 of real time the rule is 3 s on the stand-in (3.1 s for the client): longer than a
  // process takes to start, so that the next command really comes within it.
  const SCALE = { ONEFICHIER_BACKUP_TEST_TIME_SCALE: '0.1' }

  it('list right after a backup waits out the rest of the 30 s instead of being locked', async () => {
    const s = await standIn({ listIntervalMs: 3_000 })
    const key = randomKey()
    const account = s.addAccount(key)
    await s.seedFile(account, 'r3', stampName('site', '2024-01-01T00:00:00Z'), 'old')
    const stateDir = await newStateDir()
    const backup = await cli(s, key, ['--path', 'data', '--keep-last', '5'], stateDir, SCALE)
    const list = await cli(s, key, ['list', '--json', '--verbose'], stateDir, SCALE)
    const prune = await cli(s, key, ['prune', '--keep-last', '5', '--json'], stateDir, SCALE)
    expect([backup.code, list.code, prune.code], log(list)).toEqual([0, 0, 0])
    expect(s.requests.filter((r) => r.status === 403)).toEqual([])
    expect(JSON.parse(list.stdout)).toHaveLength(2)
    // file/ls.cgi of one folder: never two within the rule, whichever process made them.
    const listings = calls(s, 'file/ls.cgi').map((r) => r.at)
    for (let i = 1; i < listings.length; i++) expect(listings[i] - listings[i - 1]).toBeGreaterThanOrEqual(3_000)
    const state = await readFile(path.join(stateDir, 'state.json'), 'utf8')
    expect(state).not.toContain(key)
  })

  it('without the shared state (each run its own), the second run meets the lock: the state prevents it', async () => {
    const s = await standIn({ listIntervalMs: 3_000 })
    const key = randomKey()
    const account = s.addAccount(key)
    // A folder that exists already: the backup lists it (one it creates is known to be empty).
    await s.seedFile(account, 'r3', stampName('site', '2024-01-01T00:00:00Z'), 'old')
    await cli(s, key, ['--path', 'data', '--keep-last', '5'], await newStateDir(), SCALE)
    const list = await cli(s, key, ['list', '--json'], await newStateDir(), SCALE)
    expect(list.code, log(list)).toBe(0)
    expect(s.requests.filter((r) => r.endpoint === 'file/ls.cgi' && r.status === 403).length).toBeGreaterThan(0)
  })
})

describe('one run per series', () => {
  it('a backup or prune of a running series exits 11 naming the running one; a dead one is taken over', async () => {
    const s = await standIn()
    const key = randomKey()
    const account = s.addAccount(key)
    const stateDir = await newStateDir()
    const lock = lockFileOf(stateDir, accountTag(s.apiUrl, key), ['r3'], 'site')
    await mkdir(path.dirname(lock), { recursive: true })
    // This test's own process stands for the running backup.
    const holder = {
      pid: process.pid,
      host: os.hostname(),
      command: 'backup',
      series: "series site in 'r3'",
      startedAt: '2026-12-04T03:00:00.000Z',
    }
    await writeFile(lock, JSON.stringify(holder))
    const backup = await cli(s, key, ['--path', 'data', '--json'], stateDir)
    expect(backup.code, log(backup)).toBe(11)
    const doc = JSON.parse(backup.stdout) as { error: string; 'exit-code': number }
    expect(doc['exit-code']).toBe(11)
    expect(doc.error).toContain(`backup of series site in 'r3', process ${process.pid} on ${os.hostname()}`)
    const prune = await cli(s, key, ['prune', '--keep-last', '1'], stateDir)
    expect(prune.code).toBe(11)
    expect(s.requests).toEqual([])
    // Another series of the same account is free; a dry run takes no lock.
    expect((await cli(s, key, ['--path', 'data', '--dry-run'], stateDir)).code).toBe(0)
    // The holder died: its lock is taken over, and the backup runs.
    await writeFile(lock, JSON.stringify({ ...holder, pid: 2 ** 22 + 12345 }))
    const after = await cli(s, key, ['--path', 'data'], stateDir)
    expect(after.code, log(after)).toBe(0)
    expect(s.filesIn(account, 'r3')).toHaveLength(1)
    await expect(readFile(lock)).rejects.toThrow()
  })
})
