// The real service's manners (as rclone's backend and JDownloader's plugin see it:
// https://github.com/rclone/rclone/tree/master/backend/fichier), against the stand-in that now
// models them: files that appear late, locks that last and are extended by calls made during them,
// KO answers with HTTP 200, HTTP 401 for a bad key. Timings are the tests' scale (0.01) unless said.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StandIn, type Account, type LoggedRequest } from '../stand-in/server.ts'
import { type ActionRun, runAction, visibleLog } from '../helpers/action-process.ts'
import { makeWorkspace, randomKey, stampName } from '../helpers/workspace.ts'

let workspace: string
const stopped: StandIn[] = []

beforeAll(async () => {
  workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'service manners\n'.repeat(100) } })
})
afterAll(async () => {
  for (const s of stopped) await s.stop()
})

async function standIn(options: ConstructorParameters<typeof StandIn>[0]): Promise<StandIn> {
  const s = await new StandIn({ listIntervalMs: 250, lockMs: 250, ...options }).start()
  stopped.push(s)
  return s
}

async function seeded(
  s: StandIn,
  options: { securityLocked?: boolean } = {},
): Promise<{ apiKey: string; account: Account }> {
  const apiKey = randomKey()
  const account = s.addAccount(apiKey)
  if (options.securityLocked) account.securityLocked = true
  for (const t of ['2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'])
    await s.seedFile(account, 'svc', stampName('my-repo', t), t)
  return { apiKey, account }
}

function run(
  s: StandIn,
  apiKey: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction({
    workspace,
    inputs: {
      'api-key': apiKey,
      path: 'data/',
      folder: 'svc',
      retries: '3',
      'keep-last': '1',
      'api-url': s.apiUrl,
      ...inputs,
    },
    env,
    timeoutMs: 120_000,
  })
}

const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error::'))
const calls = (s: StandIn, endpoint: string) => s.requests.filter((r) => r.endpoint === endpoint)

/** The longest quiet time on the wire after the first answer with this status. */
function gapAfter(requests: LoggedRequest[], status: number): number {
  const at = requests.findIndex((r) => r.status === status)
  return at === -1 || at + 1 >= requests.length ? -1 : requests[at + 1].at - requests[at].at
}

describe('files that appear late', () => {
  it(
    'info.cgi says 404 and the listing lacks the file at ' + 'first: verification asks again, and it is a success',
    async () => {
      // Late by one listing, not by a time: how soon the first listing comes depends on the machine.
      const s = await standIn({ lateListings: 1 })
      const { apiKey, account } = await seeded(s)
      const result = await run(s, apiKey)
      expect(result.code, visibleLog(result)).toBe(0)
      expect(errorLines(result)).toEqual([])
      expect(result.stdout).toMatch(/can take a moment to show\); the folder listing confirmed it/)
      // One info.cgi for the new file, never more; the listings 30 s (scaled) apart.
      expect(calls(s, 'file/info.cgi')).toHaveLength(1)
      const listings = calls(s, 'file/ls.cgi')
      expect(listings.length).toBe(3)
      for (let i = 1; i < listings.length; i++) expect(listings[i].at - listings[i - 1].at).toBeGreaterThanOrEqual(250)
      expect(s.filesIn(account, 'svc').map((f) => f.filename)).toEqual([result.outputs['file-name']])
    },
  )

  it('a file that never shows within about 30 s: the run fails, and deletes nothing', async () => {
    const s = await standIn({ lateMs: 60_000 })
    const { apiKey, account } = await seeded(s)
    const result = await run(s, apiKey)
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      expect.stringMatching(/Could not confirm the upload: .*asked 2 times over about 30 s.*nothing was deleted/),
    ])
    expect(calls(s, 'file/rm.cgi')).toHaveLength(0)
    expect(s.filesIn(account, 'svc')).toHaveLength(3)
  })
})

describe('locks', () => {
  it.each(['flood', 'ip-locked', 'owner-locked', 'user-locked'] as const)(
    '%s: no call of any kind for the lock time, then the run goes on',
    async (kind) => {
      const s = await standIn({})
      const { apiKey } = await seeded(s)
      // On end.pl, with no other call in flight (during the zip, listing and node lookup overlap).
      s.injectFault('end.pl', kind, 1)
      const result = await run(s, apiKey)
      expect(result.code, visibleLog(result)).toBe(0)
      // 30 s at the tests' scale is 300 ms: a call sooner would have extended the lock.
      expect(gapAfter(s.requests, 403)).toBeGreaterThanOrEqual(290)
      expect(s.requests.filter((r) => r.status === 403)).toHaveLength(1)
    },
  )

  it(
    'a lock that persists: the error says 1fichier locked ' + 'the account or address, not that the key is bad',
    async () => {
      const s = await standIn({ lockMs: 5_000 })
      const { apiKey } = await seeded(s)
      s.injectFault('folder/ls.cgi', 'owner-locked', 1)
      const result = await run(s, apiKey)
      expect(result.code).toBe(1)
      expect(errorLines(result)).toEqual([
        expect.stringMatching(
          new RegExp(
            String.raw`Owner locked #649.*has locked the account or this address, often after too many ` +
              String.raw`requests.*The key itself is fine`,
          ),
        ),
      ])
      expect(errorLines(result)[0]).not.toMatch(/create a new key/)
    },
  )

  it('at real speed: a flood on the upload POST is followed by at least 30 s of silence on the wire', async () => {
    const s = await standIn({ lockMs: 30_000, listIntervalMs: 30_000 })
    const { apiKey } = await seeded(s)
    s.injectFault('upload.cgi', 'flood', 1)
    const result = await run(s, apiKey, { 'keep-last': '' }, { ONEFICHIER_BACKUP_TEST_TIME_SCALE: '1' })
    expect(result.code, visibleLog(result)).toBe(0)
    const upload = s.requests.findIndex((r) => r.endpoint === 'upload.cgi')
    expect(s.requests[upload].status).toBe(403)
    expect(s.requests[upload + 1].at - s.requests[upload].at).toBeGreaterThanOrEqual(30_000)
    // The upload path adds only its own steps: ask end.pl whether the file landed, then a fresh node.
    expect(
      s.requests
        .slice(upload + 1)
        .map((r) => r.endpoint)
        .slice(0, 3),
    ).toEqual(['end.pl', 'upload/get_upload_server.cgi', 'upload.cgi'])
  }, 120_000)
})

describe('the key', () => {
  it('an unknown key: HTTP 401 "Not authenticated #247", reported as the key, one call only', async () => {
    const s = await standIn({})
    const result = await run(s, randomKey())
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      expect.stringMatching(/Not authenticated #247.*create a new key at https:\/\/1fichier\.com\/console\/params\.pl/),
    ])
    expect(s.requests.map((r) => r.status)).toEqual([401])
  })

  it('a refused key stops the run before the zip is written', async () => {
    const s = await standIn({})
    const { randomBytes } = await import('node:crypto')
    const big = await makeWorkspace({
      'data/a.txt': { kind: 'file', content: 'first' },
      'data/z.bin': { kind: 'file', content: randomBytes(200 << 20) },
    })
    const started = Date.now()
    const result = await runAction({
      workspace: big,
      inputs: { 'api-key': randomKey(), path: 'data/', folder: 'svc', 'api-url': s.apiUrl },
      timeoutMs: 120_000,
    })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([expect.stringMatching(/Not authenticated #247/)])
    expect(result.stdout).not.toMatch(/Zipped \d+ files/)
    expect(Date.now() - started).toBeLessThan(20_000)
  }, 60_000)

  it('a key locked for security: "No such user #93", reported as the key', async () => {
    const s = await standIn({})
    const { apiKey } = await seeded(s, { securityLocked: true })
    const result = await run(s, apiKey)
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([expect.stringMatching(/No such user #93.*create a new key/)])
  })
})

describe('changes are never sent twice', () => {
  it(
    'rm.cgi answers KO with HTTP 200: not sent again; the folder ' +
      'is listed again, and the backup is reported as not deleted',
    async () => {
      const s = await standIn({})
      const { apiKey, account } = await seeded(s)
      s.injectFault('file/rm.cgi', 'ko-200', 9)
      const result = await run(s, apiKey)
      expect(result.code, visibleLog(result)).toBe(0)
      expect(calls(s, 'file/rm.cgi')).toHaveLength(2)
      expect(new Set(calls(s, 'file/rm.cgi').map((r) => r.at)).size).toBe(2)
      expect(calls(s, 'file/ls.cgi')).toHaveLength(2)
      expect(result.stdout).toMatch(/::warning::Could not delete my-repo-2025.*Temporary failure, please retry #999/)
      expect(s.filesIn(account, 'svc')).toHaveLength(3)
    },
  )

  it('rm.cgi deletes, then the answer is lost: the new listing shows it gone, and it counts as pruned', async () => {
    const s = await standIn({})
    const { apiKey, account } = await seeded(s)
    s.injectFault('file/rm.cgi', 'rm-then-reset', 9)
    const result = await run(s, apiKey)
    expect(result.code, visibleLog(result)).toBe(0)
    expect(calls(s, 'file/rm.cgi')).toHaveLength(2)
    expect(result.outputs['pruned-count']).toBe('2')
    expect(result.stdout).toMatch(/Deleted my-repo-2025\S+ \(its answer was lost; a new listing shows it gone\)/)
    expect(s.filesIn(account, 'svc').map((f) => f.filename)).toEqual([result.outputs['file-name']])
  })

  it(
    'mkdir.cgi answers KO with HTTP 200: the parent is ' + 'listed again before the folder is asked for again',
    async () => {
      const s = await standIn({})
      const { apiKey, account } = await seeded(s)
      s.injectFault('folder/mkdir.cgi', 'ko-200', 1)
      const result = await run(s, apiKey, { folder: 'svc/new' })
      expect(result.code, visibleLog(result)).toBe(0)
      const endpoints = s.requests.map((r) => r.endpoint)
      const first = endpoints.indexOf('folder/mkdir.cgi')
      expect(endpoints.slice(first, first + 3)).toEqual(['folder/mkdir.cgi', 'folder/ls.cgi', 'folder/mkdir.cgi'])
      expect(s.filesIn(account, 'svc/new').map((f) => f.filename)).toEqual([result.outputs['file-name']])
    },
  )
})

describe('the stand-in tells the truth', () => {
  it(
    'end.pl without the JSON header gives the HTML page ' + 'with its link table; folder/ls.cgi has no 30-s rule',
    async () => {
      const s = await standIn({ listIntervalMs: 30_000 })
      const { apiKey } = await seeded(s)
      const result = await run(s, apiKey, { 'keep-last': '' })
      expect(result.code, visibleLog(result)).toBe(0)
      const { request, Agent } = await import('undici')
      const { readFileSync } = await import('node:fs')
      const { CA_CERT_PATH } = await import('../stand-in/server.ts')
      const dispatcher = new Agent({ connect: { ca: readFileSync(CA_CERT_PATH) } })
      const xid = s.requests.find((r) => r.endpoint === 'end.pl')!.query
      const page = await (await request(`https://localhost:${s.port}/end.pl${xid}`, { dispatcher })).body.text()
      expect(page).toContain(`<td class="normal"><a href="${result.outputs.url}">`)
      expect(page).toMatch(/<td class="normal">\d+(\.\d+)? (o|Ko)<\/td>/)
      for (let i = 0; i < 2; i++) {
        const answer = await request(`https://localhost:${s.port}/v1/folder/ls.cgi`, {
          dispatcher,
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body: '{"folder_id":0}',
        })
        expect(answer.statusCode).toBe(200)
        await answer.body.text()
      }
      await dispatcher.close()
    },
  )
})
