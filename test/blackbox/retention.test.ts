// Black-box retention: the bundled action against a stand-in folder seeded with a series spanning
// months, other series and unrelated files. After each run exactly the expected files remain.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { StandIn, type Account } from '../stand-in/server.ts'
import { runAction, visibleLog } from '../helpers/action-process.ts'
import { makeWorkspace, randomKey, stampName } from '../helpers/workspace.ts'

let standIn: StandIn
let apiKey: string
let account: Account
let workspace: string
/** A row of the summary's retention table: the backup, its size (as the listing gave it), then `rest`. */
const summaryRow = (fileName: string, rest: string) =>
  new RegExp(
    `\\| \`${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` \\| \\d+(\\.\\d+)? (B|KiB|MiB) \\| ` +
      rest.replace(/[|]/g, '\\|'),
  )

const FOLDER = 'backups/my-repo'

beforeAll(async () => {
  standIn = await new StandIn({ listIntervalMs: 0 }).start()
  workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'a' } })
})
afterAll(async () => {
  await standIn.stop()
})

// Seeds, newest first. With keep-daily 3, keep-monthly 4, keep-yearly 2 and a new backup made now
// (2026 or later), restic's walk keeps: new (day, month, year), A (day 2, 2025-12, year 2025),
// C (day 3), E (2025-11), G (2025-10). The rest of the series goes.
const SERIES = {
  A: stampName('my-repo', '2025-12-31T23:00:00Z'),
  B: stampName('my-repo', '2025-12-31T10:00:00Z'),
  C: stampName('my-repo', '2025-12-30T10:00:00Z'),
  D: stampName('my-repo', '2025-12-01T10:00:00Z'),
  E: stampName('my-repo', '2025-11-15T10:00:00Z', 'v1.2.0'),
  F: stampName('my-repo', '2025-11-01T10:00:00Z'),
  G: stampName('my-repo', '2025-10-10T10:00:00Z'),
  H: stampName('my-repo', '2025-06-06T10:00:00Z'),
  K: stampName('my-repo', '2025-01-01T00:00:00Z', 'v1'),
  I: stampName('my-repo', '2024-12-25T10:00:00Z'),
  J: stampName('my-repo', '2024-01-01T10:00:00Z'),
}
const UNRELATED = [
  stampName('other', '2020-01-01T00:00:00Z'), // another series
  stampName('my-repo-app', '2020-01-01T00:00:00Z'), // a prefix that starts with ours
  'my-repo-20251332T000000Z.zip', // our shape, but not a real time
  'my-repo-20200101T000000Z.zip.bak', // not the whole name
  'my-repo-latest.zip',
  'notes.txt',
]
const POLICY = { 'keep-daily': '3', 'keep-monthly': '4', 'keep-yearly': '2' }

beforeEach(async () => {
  apiKey = randomKey()
  account = standIn.addAccount(apiKey)
  standIn.faults.length = 0
  standIn.requests.length = 0
  for (const name of [...Object.values(SERIES), ...UNRELATED])
    await standIn.seedFile(account, FOLDER, name, `content of ${name}`)
})

const names = () =>
  standIn
    .filesIn(account, FOLDER)
    .map((f) => f.filename)
    .sort()
const calls = (endpoint: string) => standIn.requests.filter((r) => r.endpoint === endpoint)

function run(inputs: Record<string, string> = {}) {
  return runAction({
    workspace,
    inputs: { 'api-key': apiKey, path: 'data/', folder: FOLDER, 'api-url': standIn.apiUrl, ...POLICY, ...inputs },
  })
}

describe('retention', () => {
  it('keeps exactly what the rules say and never touches other files', async () => {
    const result = await run()
    expect(result.code, visibleLog(result)).toBe(0)
    const newName = result.outputs['file-name']
    expect(names()).toEqual([newName, SERIES.A, SERIES.C, SERIES.E, SERIES.G, ...UNRELATED].sort())

    // Outputs: the pruned list with URLs, and the counts.
    const pruned = JSON.parse(result.outputs.pruned) as Array<{ 'file-name': string; url: string }>
    expect(pruned.map((p) => p['file-name']).sort()).toEqual(
      [SERIES.B, SERIES.D, SERIES.F, SERIES.H, SERIES.K, SERIES.I, SERIES.J].sort(),
    )
    expect(pruned.every((p) => /^https:\/\/1fichier\.com\/\?\w+$/.test(p.url))).toBe(true)
    expect(result.outputs['pruned-count']).toBe('7')
    expect(result.outputs['kept-count']).toBe('5')

    // One listing serves the plan; every deletion is one confirmed rm.cgi call.
    expect(calls('file/ls.cgi')).toHaveLength(1)
    expect(calls('file/rm.cgi')).toHaveLength(7)
    // The plan is logged with reasons, and the summary has the table.
    expect(result.stdout).toContain(`keep   ${SERIES.A}  (daily 2025-12-31, monthly 2025-12, yearly 2025)`)
    expect(result.stdout).toContain(`delete ${SERIES.B}`)
    expect(result.stdout).toMatch(
      new RegExp(
        String.raw`::warning::'my-repo-20251332T000000Z\.zip' looks like a backup of this series but ` +
          String.raw`its timestamp is not a real time`,
      ),
    )
    expect(result.summary).toMatch(summaryRow(SERIES.E, 'kept | monthly 2025-11 |'))
    expect(result.summary).toMatch(summaryRow(SERIES.J, 'deleted |'))
  })

  it('dry run prints the same plan and deletes nothing, uploads nothing', async () => {
    const before = names()
    const result = await run({ 'dry-run': 'true' })
    expect(result.code, visibleLog(result)).toBe(0)
    expect(names()).toEqual(before)
    expect(calls('upload.cgi')).toHaveLength(0)
    expect(calls('file/rm.cgi')).toHaveLength(0)
    expect(result.stdout).toMatch(/Retention plan: keep 5, delete 7 \(dry run\)/)
    expect(result.stdout).toContain(`delete ${SERIES.J}`)
    expect(result.summary).toMatch(summaryRow(SERIES.J, 'would be deleted |'))
    expect(result.outputs['pruned-count']).toBe('0')
  })

  it('a failed upload deletes nothing', async () => {
    standIn.injectFault('upload.cgi', 'http-500', 10)
    const before = names()
    const result = await run({ retries: '2' })
    expect(result.code).toBe(1)
    expect(names()).toEqual(before)
    // The folder is listed once, before the upload (what retention would plan from); nothing after.
    expect(calls('file/ls.cgi')).toHaveLength(1)
    expect(calls('file/rm.cgi')).toHaveLength(0)
    expect(result.stdout).toMatch(/::error::upload to 1fichier failed: 1fichier answered HTTP 500/)
  })

  it('a failed listing means no deletion, and the step says so', async () => {
    standIn.injectFault('file/ls.cgi', 'ko-200', 10)
    const before = names()
    const result = await run()
    expect(result.code, visibleLog(result)).toBe(0)
    expect(names()).toEqual([...before, result.outputs['file-name']].sort())
    expect(calls('file/rm.cgi')).toHaveLength(0)
    expect(result.stdout).toMatch(/::warning::Retention skipped: listing the folder failed .*nothing was deleted/)
    expect(result.outputs['kept-count']).toBe('')
  })

  it('an unconfirmed deletion is reported, not hidden', async () => {
    standIn.injectFault('file/rm.cgi', 'partial-rm', 2)
    const result = await run()
    expect(result.code, visibleLog(result)).toBe(0)
    expect(result.outputs['pruned-count']).toBe('5')
    expect(result.stdout).toMatch(/::warning::Could not delete .*removed: 0/)
    expect(result.stdout).toMatch(/::warning::Retention deleted 5 of 7 backups/)
    expect(names()).toHaveLength(5 + 2 + UNRELATED.length)
    expect(result.summary).toContain('not deleted: 1fichier confirmed no deletion')
  })

  it('a backup dated in the future is never deleted, and the user is warned', async () => {
    const future = stampName('my-repo', '2099-01-01T00:00:00Z')
    await standIn.seedFile(account, FOLDER, future, 'from a wrong clock')
    const result = await run({ 'keep-last': '1', 'keep-daily': '', 'keep-monthly': '', 'keep-yearly': '' })
    expect(result.code, visibleLog(result)).toBe(0)
    // keep-last 1 goes to the future backup (restic counts it); the new one is protected.
    expect(names()).toEqual([future, result.outputs['file-name'], ...UNRELATED].sort())
    expect(result.stdout).toMatch(new RegExp(`::warning::'${future}' is dated in the future`))
  })

  it('keep-within is measured from the newest backup', async () => {
    const result = await run({ 'keep-within': '1y', 'keep-daily': '', 'keep-monthly': '', 'keep-yearly': '' })
    expect(result.code, visibleLog(result)).toBe(0)
    const kept = names().filter((n) => Object.values(SERIES).includes(n))
    // Only backups newer than (now - 1 year) survive: the 2025 seeds survive when the run is before 2026-12-31.
    const cutoff = new Date()
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - 1)
    const expected = Object.values(SERIES).filter((n) => {
      const m = /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(n)!
      return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) > cutoff.getTime() - 5_000
    })
    expect(kept.sort()).toEqual(expected.sort())
  })
})
