// The account pre-flight: a forbidden or full account stops the run before the zip is written;
// files that expire, a subscription that ends are said; the answer is kept 5 minutes (user/info.cgi
// allows no more) and any failure of that call alone is advice.
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkAccount, judgeAccount } from '../../../src/backup/account.js'
import { type RunContext, runBackup } from '../../../src/backup/run.js'
import { parseConfig } from '../../../src/core/config.js'
import { BackupError } from '../../../src/core/errors.js'
import { accountFacts } from '../../../src/onefichier/account.js'
import { MemoryLog } from '../../helpers/memory-log.ts'
import { RunState } from '../../../src/state/run-state.js'
import { FakeOneFichier } from '../../helpers/fake-client.ts'
import { makeWorkspace } from '../../helpers/workspace.ts'

const NOW = new Date('2026-06-15T12:00:00Z')
const KEY = 'account-test-secret-key-0123456789'

async function state(): Promise<RunState> {
  const dir = await mkdtemp(path.join(tmpdir(), 'account-state-'))
  return new RunState(
    { path: dir, setting: 'test' },
    { apiUrl: 'https://api.1fichier.com/v1', apiKey: KEY },
    new MemoryLog(),
  )
}

describe("user/info.cgi's answer", () => {
  it('is read leniently: numbers or numeric strings, flags as 0/1, missing fields left out', () => {
    expect(
      accountFacts({ offer: '2', upload_forbidden: '0', overquota: 1, subscription_end: '2026-07-01 00:00:00' }),
    ).toEqual({ offer: 2, uploadForbidden: false, overQuota: true, subscriptionEnd: '2026-07-01 00:00:00' })
    expect(accountFacts({ offer: 'gold', upload_forbidden: 'maybe', subscription_end: null })).toEqual({})
  })
})

describe('judging the account', () => {
  it('uploads forbidden or over quota: the run stops with what to do, nothing done', () => {
    expect(() => judgeAccount({ offer: 1, uploadForbidden: true }, NOW)).toThrow(
      /forbids uploads .*upload_forbidden.*prune.*Nothing was zipped, uploaded or deleted/,
    )
    expect(() => judgeAccount({ overQuota: true, coldStorage: 5, allowedColdStorage: 4 }, NOW)).toThrow(
      /over its storage quota \(user\/info\.cgi: overquota, 5 of 4 used\)/,
    )
  })

  it('a free or Access account is told that 1fichier deletes files 30 days after their last download', () => {
    expect(judgeAccount({ offer: 0 }, NOW)).toEqual([
      expect.stringMatching(/free .*30 days .*retention is not the only/),
    ])
    expect(judgeAccount({ offer: 2 }, NOW)).toEqual([expect.stringMatching(/Access .*older offers table.*30 days/)])
    expect(judgeAccount({ offer: 1 }, NOW)).toEqual([])
    expect(judgeAccount({ offer: 3 }, NOW)).toEqual([])
    expect(judgeAccount({}, NOW)).toEqual([])
  })

  it('a subscription that ends within 14 days, or has ended, is mentioned', () => {
    expect(judgeAccount({ offer: 1, subscriptionEnd: '2026-06-20 10:00:00' }, NOW)).toEqual([
      expect.stringMatching(/ends on 2026-06-20 \(in 4 days\)/),
    ])
    expect(judgeAccount({ offer: 1, subscriptionEnd: '2026-06-01 10:00:00' }, NOW)).toEqual([
      expect.stringMatching(/ended on 2026-06-01/),
    ])
    expect(judgeAccount({ offer: 1, subscriptionEnd: '2026-12-01 10:00:00' }, NOW)).toEqual([])
  })
})

describe('the pre-flight', () => {
  it('asks once per 5 minutes per account: the answer is kept in the state file and reused', async () => {
    const fake = new FakeOneFichier()
    fake.account = { offer: 0 }
    const session = { client: fake, state: await state(), log: new MemoryLog(), signal: undefined }
    const t = Date.now()
    expect(await checkAccount(session, t)).toHaveLength(1)
    expect(await checkAccount(session, t + 4 * 60_000)).toHaveLength(1)
    expect(fake.calls).toEqual(['user/info.cgi'])
    await checkAccount(session, t + 5 * 60_000 + 1)
    expect(fake.calls).toEqual(['user/info.cgi', 'user/info.cgi'])
  })

  it('a flood answer (any failure of this call alone) is advice: the run goes on, not asked again soon', async () => {
    const fake = new FakeOneFichier()
    fake.accountFails = true
    const log = new MemoryLog()
    const session = { client: fake, state: await state(), log, signal: undefined }
    const t = Date.now()
    expect(await checkAccount(session, t)).toEqual([])
    expect(log.lines).toEqual([
      expect.stringMatching(/^Asking 1fichier about the account .*Flood detected.*goes on without it$/),
    ])
    expect(await checkAccount(session, t + 60_000)).toEqual([])
    expect(fake.calls).toEqual(['user/info.cgi'])
  })

  it("another account's call from here less than a minute ago: not asked (1 call a minute per IP)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'account-state-'))
    const stateOf = (apiKey: string) =>
      new RunState({ path: dir, setting: 'test' }, { apiUrl: 'https://api.1fichier.com/v1', apiKey }, new MemoryLog())
    const sessionOf = (client: FakeOneFichier, apiKey: string) => ({
      client,
      state: stateOf(apiKey),
      log: new MemoryLog(),
      signal: undefined,
    })
    const first = new FakeOneFichier()
    const second = new FakeOneFichier()
    const t = Date.now()
    await checkAccount(sessionOf(first, `${KEY}-a`), t)
    await checkAccount(sessionOf(second, `${KEY}-b`), t + 30_000)
    expect([first.calls, second.calls]).toEqual([['user/info.cgi'], []])
    await checkAccount(sessionOf(second, `${KEY}-b`), t + 61_000)
    expect(second.calls).toEqual(['user/info.cgi'])
  })

  it('uploads forbidden: the run stops before the zip is written, and nothing is uploaded', async () => {
    const fake = new FakeOneFichier()
    fake.account = { offer: 1, uploadForbidden: true }
    const workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'a' } })
    const tempDir = await mkdtemp(path.join(tmpdir(), 'run-temp-'))
    const inputs: Record<string, string> = { 'api-key': KEY, path: path.join(workspace, 'data/'), folder: 'bk' }
    const log = new MemoryLog()
    const ctx: RunContext = {
      config: parseConfig((name) => inputs[name] ?? ''),
      log,
      workspace,
      tempDir,
      startedAt: NOW,
      client: fake,
    }
    await expect(runBackup(ctx)).rejects.toThrow(BackupError)
    expect(fake.calls).toEqual(['user/info.cgi'])
    expect(log.lines.some((l) => l.startsWith('Zipped'))).toBe(false)
    expect(await readdir(tempDir)).toEqual([])
  })

  it("a free account's notice is in the result (summary, --json), and the backup is made", async () => {
    const fake = new FakeOneFichier()
    fake.account = { offer: 0 }
    const workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'a' } })
    const tempDir = await mkdtemp(path.join(tmpdir(), 'run-temp-'))
    const inputs: Record<string, string> = { 'api-key': KEY, path: path.join(workspace, 'data/'), folder: 'bk' }
    const log = new MemoryLog()
    const config = parseConfig((name) => inputs[name] ?? '')
    const result = await runBackup({ config, log, workspace, tempDir, startedAt: NOW, client: fake })
    expect(result.status).toBe('uploaded')
    expect(result.notices).toEqual([expect.stringMatching(/free 1fichier account.*30 days/)])
    expect(log.lines).toContain(`warning: ${result.notices[0]}`)
  })
})
