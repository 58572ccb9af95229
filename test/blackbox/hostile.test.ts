// The bundled action against a stand-in that lies or misbehaves as a hostile server would: it
// repeats files, shows them under other domains, hands back links that are not the upload, renames
// the upload, echoes the key in its messages, races folder creation. Nothing that is not provably
// in the series is ever deleted, no secret is ever shown, and the outcome is always the true one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StandIn, type Account, type FaultKind } from '../stand-in/server.ts'
import { type ActionRun, runAction, visibleLog } from '../helpers/action-process.ts'
import { makeWorkspace, randomKey, stampName } from '../helpers/workspace.ts'

let standIn: StandIn
let workspace: string

beforeAll(async () => {
  // The 30-s listing rule at the tests' time scale (0.01), less a margin for a loaded machine.
  standIn = await new StandIn({ listIntervalMs: 250, lockMs: 250 }).start()
  workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'hostile\n'.repeat(500) } })
})
afterAll(async () => {
  await standIn.stop()
})

const SEEDS = ['2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z', '2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z'].map(
  (t) => stampName('my-repo', t),
)
// A key with characters that URL-encoding changes, so that its encoded form is looked for too.
const key = () => `${randomKey()}+/=`
const LINK_PASSWORD = 'hostile-link-secret'
const ARCHIVE_PASSWORD = 'hostile archive secret'

async function seeded(): Promise<{ apiKey: string; account: Account }> {
  const apiKey = key()
  const account = standIn.addAccount(apiKey)
  for (const name of SEEDS) await standIn.seedFile(account, 'backups/h', name, name)
  await standIn.seedFile(account, 'backups/h', 'notes.txt', 'somebody else')
  await standIn.seedFile(account, 'backups/h', `${SEEDS[0].replace('.zip', '')} (1).zip`, 'a look-alike')
  standIn.faults.length = 0
  standIn.clearLock()
  standIn.requests.length = 0
  return { apiKey, account }
}

async function run(
  apiKey: string,
  faults: Array<[string, FaultKind, number]>,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  for (const fault of faults) standIn.injectFault(...fault)
  return runAction({
    workspace,
    inputs: {
      'api-key': apiKey,
      path: 'data/',
      folder: 'backups/h',
      retries: '3',
      'keep-last': '2',
      'api-url': standIn.apiUrl,
      'link-password': LINK_PASSWORD,
      'archive-password': ARCHIVE_PASSWORD,
      ...inputs,
    },
    timeoutMs: 90_000,
  })
}

/** No secret, in any form, in anything a user or a log can see (the runner's mask commands aside). */
function expectNoSecret(result: ActionRun, apiKey: string): void {
  const seen = result.allText
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const secret of [apiKey, LINK_PASSWORD, ARCHIVE_PASSWORD]) {
    expect(seen).not.toContain(secret)
    expect(seen).not.toContain(encodeURIComponent(secret))
  }
}

const errorLines = (result: ActionRun) => result.stdout.split('\n').filter((l) => l.startsWith('::error::'))
const names = (account: Account) =>
  standIn
    .filesIn(account, 'backups/h')
    .map((f) => f.filename)
    .sort()

describe('a hostile server', () => {
  it('lists every file twice, shuffled: one decision per file, the kept ones stay', async () => {
    const { apiKey, account } = await seeded()
    const result = await run(apiKey, [['file/ls.cgi', 'list-duplicates', 1]])
    expect(result.code, visibleLog(result)).toBe(0)
    expectNoSecret(result, apiKey)
    // keep-last 2: the new backup and the newest seed; the three older seeds go, each once.
    expect(names(account)).toEqual(
      [SEEDS[0].replace('.zip', ' (1).zip'), SEEDS[3], result.outputs['file-name'], 'notes.txt'].sort(),
    )
    expect(standIn.requests.filter((r) => r.endpoint === 'file/rm.cgi')).toHaveLength(3)
    expect(result.outputs['pruned-count']).toBe('3')
    expect(result.summary.match(/\| `my-repo-2025/g)?.length).toBe(2)
  })

  it('shows the files under another 1fichier domain: they are still known by their id', async () => {
    const { apiKey, account } = await seeded()
    const result = await run(apiKey, [['file/ls.cgi', 'other-domain', 1]])
    expect(result.code, visibleLog(result)).toBe(0)
    expect(names(account), visibleLog(result)).toEqual(
      [SEEDS[0].replace('.zip', ' (1).zip'), SEEDS[3], result.outputs['file-name'], 'notes.txt'].sort(),
    )
  })

  it(
    "answers end.pl with somebody else's file: the upload " + 'is found in the folder, the other file is untouched',
    async () => {
      const { apiKey, account } = await seeded()
      const result = await run(apiKey, [['end.pl', 'foreign-link', 9]])
      expect(result.code, visibleLog(result)).toBe(0)
      expectNoSecret(result, apiKey)
      const fresh = account.files.find((f) => f.filename === result.outputs['file-name'])
      expect(fresh?.url).toBe(result.outputs.url)
      expect(names(account)).toContain('notes.txt')
      expect(result.stdout).toContain('notes.txt')
    },
  )

  it(
    'answers end.pl with an older backup under our name ' + 'and a bad checksum: it fails, and deletes nothing',
    async () => {
      const { apiKey, account } = await seeded()
      const before = names(account)
      const result = await run(apiKey, [['end.pl', 'old-backup-link', 9]])
      expect(result.code).toBe(1)
      expectNoSecret(result, apiKey)
      expect(errorLines(result)).toHaveLength(1)
      expect(errorLines(result)[0]).toMatch(
        /Checksum mismatch.*was not deleted \(left alone: it was in the folder before this run's upload\)/,
      )
      expect(standIn.requests.filter((r) => r.endpoint === 'file/rm.cgi')).toHaveLength(0)
      // Every seed is still there (the upload itself too: its landing could not be confirmed).
      for (const name of before) expect(names(account)).toContain(name)
    },
  )

  it('renames the upload: the renamed copy is reported with its link, never counted or pruned', async () => {
    const { apiKey, account } = await seeded()
    const before = names(account)
    const result = await run(apiKey, [['upload.cgi', 'renamed', 1]])
    expect(result.code).toBe(1)
    expectNoSecret(result, apiKey)
    const renamed = account.files.find((f) => f.filename.endsWith(' (1).zip') && !before.includes(f.filename))!
    expect(renamed).toBeDefined()
    expect(errorLines(result)).toHaveLength(1)
    expect(errorLines(result)[0]).toContain(renamed.url)
    expect(errorLines(result)[0]).toMatch(/not this backup, left alone/)
    expect(standIn.requests.filter((r) => r.endpoint === 'file/rm.cgi')).toHaveLength(0)
    expect([undefined, '']).toContain(result.outputs.url)
    expect(names(account)).toEqual([...before, renamed.filename].sort())
  })

  it.each([
    'folder/ls.cgi',
    'file/ls.cgi',
    'upload.cgi',
    'end.pl',
    'file/info.cgi',
    'file/rm.cgi',
    'upload/get_upload_server.cgi',
  ])('echoes the Authorization header in its messages on %s: the key appears nowhere', async (endpoint) => {
    const { apiKey } = await seeded()
    const result = await run(apiKey, [[endpoint, 'echo-auth', 9]], { 'api-url': standIn.apiUrl })
    expect([0, 1]).toContain(result.code)
    expectNoSecret(result, apiKey)
    expect(visibleLog(result)).toContain('Bearer ***')
  })

  it('races the creation of a new folder: "already exists" means the folder is used', async () => {
    const { apiKey, account } = await seeded()
    const result = await run(apiKey, [['folder/mkdir.cgi', 'mkdir-race', 1]], { folder: 'backups/new-one' })
    expect(result.code, visibleLog(result)).toBe(0)
    expect(standIn.filesIn(account, 'backups/new-one').map((f) => f.filename)).toEqual([result.outputs['file-name']])
    expect(result.stdout).toMatch(/Folder 'backups\/new-one' exists now/)
  })

  it('two first runs into one new folder at once: both succeed, into the same folder', async () => {
    const { apiKey, account } = await seeded()
    const [a, b] = await Promise.all([
      run(apiKey, [], { folder: 'fresh/series', 'name-prefix': 'first', 'keep-last': '' }),
      run(apiKey, [], { folder: 'fresh/series', 'name-prefix': 'second', 'keep-last': '' }),
    ])
    expect(a.code, visibleLog(a)).toBe(0)
    expect(b.code, visibleLog(b)).toBe(0)
    expect(a.outputs['folder-id']).toBe(b.outputs['folder-id'])
    expect(
      standIn
        .filesIn(account, 'fresh/series')
        .map((f) => f.filename)
        .sort(),
    ).toEqual([a.outputs['file-name'], b.outputs['file-name']].sort())
  })
})

describe('a careless user', () => {
  it('one bad input gives exactly one error line, and no request is made', async () => {
    const { apiKey } = await seeded()
    const result = await run(apiKey, [], { 'keep-daily': 'seven' })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      expect.stringMatching(/^::error::Input 'keep-daily': 'seven' is not a whole number/),
    ])
    expect(standIn.requests).toHaveLength(0)
  })

  it('a link password with white space around it is refused, naming the input, never trimmed', async () => {
    const { apiKey } = await seeded()
    const result = await run(apiKey, [], { 'link-password': ` ${LINK_PASSWORD} ` })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      expect.stringMatching(/^::error::Input 'link-password': it starts or ends with white space/),
    ])
    expectNoSecret(result, apiKey)
    expect(standIn.requests).toHaveLength(0)
  })

  it('a key with a trailing line break is refused up front, naming api-key', async () => {
    const { apiKey } = await seeded()
    const result = await run(`${apiKey}\n`, [])
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([
      expect.stringMatching(/^::error::Input 'api-key': it is not printable ASCII without spaces/),
    ])
    expectNoSecret(result, apiKey)
    expect(standIn.requests).toHaveLength(0)
  })

  it('the key pasted into another input is not echoed', async () => {
    const { apiKey } = await seeded()
    const result = await run(apiKey, [], { label: apiKey })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toHaveLength(1)
    expect(errorLines(result)[0]).toContain("Input 'label'")
    expectNoSecret(result, apiKey)
  })

  it('plain http is refused for anything but this machine', async () => {
    const { apiKey } = await seeded()
    const result = await run(apiKey, [], { 'api-url': 'http://api.example.com/v1' })
    expect(result.code).toBe(1)
    expect(errorLines(result)).toEqual([expect.stringMatching(/^::error::Input 'api-url': .*must use https/)])
  })

  it('a backup that is done is a success even when the outputs file cannot be written', async () => {
    const { apiKey, account } = await seeded()
    const result = await run(apiKey, [], { 'keep-last': '' })
    expect(result.code).toBe(0)
    const again = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'data/', folder: 'backups/h', 'api-url': standIn.apiUrl, label: 'second' },
      env: { GITHUB_OUTPUT: '/nonexistent-dir/output', GITHUB_STEP_SUMMARY: '/nonexistent-dir/summary' },
    })
    expect(again.code, visibleLog(again)).toBe(0)
    expect(errorLines(again)).toEqual([])
    expect(again.stdout).toMatch(/::warning::Could not write the step outputs/)
    expect(again.stdout).toMatch(/::warning::Could not write the job summary/)
    expect(account.files.some((f) => f.filename.endsWith('-second.zip'))).toBe(true)
  })
})
