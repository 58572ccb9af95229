// The fault matrix: the bundled action through every fault the stand-in can inject, on every
// endpoint it calls. Each run either succeeds with exactly one new verified backup, or fails with
// one clear error line and nothing deleted. The key appears nowhere, whatever failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StandIn, type FaultKind } from '../stand-in/server.ts'
import { runAction, visibleLog } from '../helpers/action-process.ts'
import { makeWorkspace, randomKey, stampName } from '../helpers/workspace.ts'
import { seriesMembership } from '../../src/core/naming.js'

let standIn: StandIn
let workspace: string

beforeAll(async () => {
  // The 30-s listing rule, at the tests' time scale (0.01), less a margin for a loaded machine:
  // a listing sooner is a flood.
  // Each run stands for a runner of its own (its own address): user/info.cgi's per-IP limit is off.
  standIn = await new StandIn({ listIntervalMs: 250, lockMs: 250, slowMs: 1_500, accountInfoIpIntervalMs: 0 }).start()
  workspace = await makeWorkspace({
    'data/a.txt': { kind: 'file', content: 'fault matrix\n'.repeat(2000) },
    'data/b.bin': { kind: 'file', content: Buffer.alloc(70_000, 7) },
  })
})
afterAll(async () => {
  await standIn.stop()
})

type Outcome = 'ok' | 'fail'
// [endpoint, fault, times, expected outcome, what the error line must say, a second fault]
const MATRIX: Array<[string, FaultKind, number, Outcome, RegExp?, [string, FaultKind, number]?]> = [
  ['folder/ls.cgi', 'http-500', 1, 'ok'],
  ['folder/ls.cgi', 'flood', 2, 'ok'],
  ['folder/ls.cgi', 'retry-after', 1, 'ok'],
  ['folder/ls.cgi', 'reset', 1, 'ok'],
  ['folder/ls.cgi', 'html', 1, 'ok'],
  ['folder/ls.cgi', 'slow', 1, 'ok'],
  // A KO with HTTP 200 on a call that only reads is retried like a 5xx.
  ['folder/ls.cgi', 'ko-200', 1, 'ok'],
  ['folder/ls.cgi', 'ko-200', 9, 'fail', /Temporary failure, please retry #999.*after 3 attempts/],
  ['file/info.cgi', 'ko-200', 1, 'ok'],
  ['upload/get_upload_server.cgi', 'ko-200', 1, 'ok'],
  // On a call that changes something, it is not sent again: the state is looked at instead.
  ['folder/mkdir.cgi', 'ko-200', 1, 'ok'],
  ['file/rm.cgi', 'ko-200', 1, 'ok'],
  // Locks in every form are waited out, then the call is made again.
  ['file/info.cgi', 'owner-locked', 1, 'ok'],
  ['folder/ls.cgi', 'ip-locked', 1, 'ok'],
  ['upload/get_upload_server.cgi', 'user-locked', 1, 'ok'],
  ['folder/ls.cgi', 'flood', 9, 'fail', /has locked the account or this address, often after too many requests/],
  ['folder/ls.cgi', 'http-500', 9, 'fail', /folder\/ls\.cgi failed: 1fichier answered HTTP 500 .*after 3 attempts/],
  ['folder/ls.cgi', 'stall', 1, 'ok'],
  ['folder/mkdir.cgi', 'http-500', 1, 'ok'],
  ['folder/mkdir.cgi', 'flood', 1, 'ok'],
  ['upload/get_upload_server.cgi', 'http-500', 2, 'ok'],
  ['upload/get_upload_server.cgi', 'html', 1, 'ok'],
  ['upload/get_upload_server.cgi', 'reset', 1, 'ok'],
  ['upload.cgi', 'http-500', 1, 'ok'],
  ['upload.cgi', 'flood', 1, 'ok'],
  ['upload.cgi', 'reset', 2, 'ok'],
  ['upload.cgi', 'reset-after-body', 1, 'ok'],
  ['upload.cgi', 'stall', 1, 'ok'],
  ['upload.cgi', 'http-500', 9, 'fail', /upload to 1fichier failed: 1fichier answered HTTP 500 .*after 3 attempts/],
  ['upload.cgi', 'drop-did', 1, 'fail', /landed in the wrong folder/],
  ['end.pl', 'html', 2, 'ok'],
  ['end.pl', 'empty-links', 2, 'ok'],
  ['end.pl', 'http-500', 1, 'ok'],
  ['end.pl', 'reset', 1, 'ok'],
  // end.pl never gives the link: the file is found in the folder listing (which retention reuses).
  ['end.pl', 'empty-links', 9, 'ok'],
  [
    'end.pl',
    'html',
    9,
    'fail',
    /result is unknown: end\.pl gave no link .*could not be listed/,
    ['file/ls.cgi', 'http-500', 9],
  ],
  // Neither end.pl nor file/info.cgi answers: the one listing both finds and verifies the file.
  ['end.pl', 'empty-links', 9, 'ok', undefined, ['file/info.cgi', 'http-500', 9]],
  ['end.pl', 'wrong-checksum', 1, 'fail', /Checksum mismatch/],
  ['file/info.cgi', 'http-500', 1, 'ok'],
  ['file/info.cgi', 'reset', 1, 'ok'],
  ['file/info.cgi', 'flood', 1, 'ok'],
  ['file/info.cgi', 'wrong-checksum', 1, 'fail', /Checksum mismatch/],
  // file/info.cgi never answers: the folder listing confirms the upload (and serves retention).
  ['file/info.cgi', 'http-500', 9, 'ok'],
  [
    'file/info.cgi',
    'http-500',
    9,
    'fail',
    /Could not confirm the upload: .*nothing was deleted/,
    ['file/ls.cgi', 'http-500', 9],
  ],
  ['file/ls.cgi', 'http-500', 1, 'ok'],
  ['file/ls.cgi', 'reset', 9, 'ok'], // listing fails: the backup stands, nothing is pruned
  ['file/ls.cgi', 'ko-200', 1, 'ok'],
  ['file/rm.cgi', 'partial-rm', 1, 'ok'],
  ['file/rm.cgi', 'http-500', 1, 'ok'],
  ['file/rm.cgi', 'reset', 9, 'ok'],
  ['*', 'flood', 2, 'ok'],
  // The first is the account's pre-flight (user/info.cgi: asked once, advice only), then 3 attempts.
  ['*', 'http-500', 4, 'fail', /failed: 1fichier answered HTTP 500 .*after 3 attempts/],
]

const ARCHIVE_PASSWORD = 'matrix archive secret'
const LINK_PASSWORD = 'matrix-link-secret'
const SEEDS = [
  stampName('my-repo', '2024-01-01T00:00:00Z'),
  stampName('my-repo', '2024-06-01T00:00:00Z'),
  stampName('my-repo', '2025-01-01T00:00:00Z'),
]

describe('fault matrix', () => {
  it.each(MATRIX)('%s %s x%i -> %s', async (endpoint, fault, times, outcome, message, second) => {
    const apiKey = randomKey()
    const account = standIn.addAccount(apiKey)
    for (const name of SEEDS) await standIn.seedFile(account, 'backups/x', name, name)
    await standIn.seedFile(account, 'backups/x', 'notes.txt', 'unrelated')
    standIn.faults.length = 0
    standIn.clearLock()
    standIn.requests.length = 0
    standIn.injectFault(endpoint, fault, times)
    if (second) standIn.injectFault(...second)
    const run = await runAction({
      workspace,
      inputs: {
        'api-key': apiKey,
        path: 'data/',
        folder: 'backups/x',
        retries: '3',
        'stall-timeout-seconds': '5',
        'keep-last': '1',
        'api-url': standIn.apiUrl,
        'archive-password': ARCHIVE_PASSWORD,
        'link-password': LINK_PASSWORD,
      },
      timeoutMs: 90_000,
    })
    const log = visibleLog(run)
    // The key and both passwords: nowhere a user or a log could see them.
    const seen = run.allText
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    for (const secret of [apiKey, ARCHIVE_PASSWORD, LINK_PASSWORD]) expect(seen).not.toContain(secret)

    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'))
    // One listing of the folder before the upload, and one after only when the upload or its check
    // needs it; never two within the 30-s rule (scaled), unless the listing itself failed.
    if (endpoint !== 'file/ls.cgi' && second?.[0] !== 'file/ls.cgi') {
      const listings = standIn.requests.filter((r) => r.endpoint === 'file/ls.cgi')
      expect(listings.length).toBeLessThanOrEqual(2)
      for (let i = 1; i < listings.length; i++) expect(listings[i].at - listings[i - 1].at).toBeGreaterThanOrEqual(250)
      if (!['flood', 'ip-locked', 'owner-locked', 'user-locked'].includes(fault))
        expect(run.stdout).not.toContain('Flood detected')
    }
    const series = account.files.filter((f) => seriesMembership('my-repo', f.filename).member)
    const inFolder = standIn.filesIn(account, 'backups/x').map((f) => f.filename)
    const fresh = standIn
      .filesIn(account, 'backups/x')
      .filter((f) => !SEEDS.includes(f.filename) && f.filename !== 'notes.txt')
    expect(inFolder).toContain('notes.txt')
    if (outcome === 'ok') {
      expect(run.code, log).toBe(0)
      expect(errors).toEqual([])
      // Exactly one new backup, the verified one, in the folder (none misplaced elsewhere).
      expect(fresh.map((f) => f.filename)).toEqual([run.outputs['file-name']])
      expect(fresh[0].whirlpool).toBe(run.outputs.whirlpool)
      expect(fresh[0].url).toBe(run.outputs.url)
      expect(series).toHaveLength(inFolder.length - 1)
      // keep-last 1: the seeds that remain are exactly those whose deletion was not confirmed.
      const pruned = (JSON.parse(run.outputs.pruned) as Array<{ 'file-name': string }>).map((p) => p['file-name'])
      expect(inFolder.filter((n) => SEEDS.includes(n)).sort()).toEqual(SEEDS.filter((n) => !pruned.includes(n)).sort())
      if (pruned.length < SEEDS.length)
        expect(run.stdout).toMatch(/::warning::(Retention skipped|Could not delete|Retention deleted)/)
    } else {
      expect(run.code, log).toBe(1)
      expect(errors, log).toHaveLength(1)
      expect(errors[0]).toMatch(message!)
      expect(run.stderr).not.toMatch(/\n\s+at /) // no stack trace
      expect(standIn.requests.length).toBeGreaterThan(0)
      // Nothing deleted but a corrupt copy of this run's own upload.
      const rm = standIn.requests.filter((r) => r.endpoint === 'file/rm.cgi')
      expect(rm.length).toBeLessThanOrEqual(fault === 'wrong-checksum' ? 1 : 0)
      // A file whose landing could not be confirmed may be there; it is never a reason to delete.
      expect(fresh.length).toBeLessThanOrEqual(endpoint === 'end.pl' || endpoint === 'file/info.cgi' ? 1 : 0)
      expect(inFolder.filter((n) => SEEDS.includes(n)).sort()).toEqual([...SEEDS].sort())
    }
  })
})
