// Black-box: the bundled dist/index.js as a separate Node 24 process, inputs as the runner sets
// them, against the loopback TLS stand-in. What the stand-in received is unzipped by Python's
// zipfile and compared, file by file and mode by mode, with what was selected.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { StandIn, type Account } from '../stand-in/server.ts'
import { runAction, visibleLog, type ActionRun } from '../helpers/action-process.ts'
import {
  extractWith7zip,
  inspectZip,
  makeWorkspace,
  opensslWhirlpool,
  randomKey,
  readTree,
  sha256,
  type TreeNode,
} from '../helpers/workspace.ts'

let standIn: StandIn
let apiKey: string
let account: Account

beforeAll(async () => {
  // A lock lasts 30 s at the tests' time scale (0.01), less a margin for a loaded machine.
  standIn = await new StandIn({ listIntervalMs: 0, lockMs: 250 }).start()
})
afterAll(async () => {
  await standIn.stop()
})
beforeEach(() => {
  apiKey = randomKey()
  account = standIn.addAccount(apiKey)
  standIn.faults.length = 0
  standIn.requests.length = 0
})

function expectNoKey(run: ActionRun, key = apiKey): void {
  // The runner consumes ::add-mask:: lines; everything else a user can see must not hold the key.
  const visible = [visibleLog(run), run.summary, JSON.stringify(run.outputs)].join('\n')
  expect(visible).not.toContain(key)
  for (const request of standIn.requests) expect(request.query).not.toContain(key)
}

function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error::'))
}

const content = {
  readme: 'hello backup\n'.repeat(100),
  script: '#!/bin/sh\necho run\n',
  secret: 'only-owner-can-read\n',
  data: Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251)),
}

const TREE: Record<string, TreeNode> = {
  'data/readme.txt': { kind: 'file', content: content.readme, mode: 0o644 },
  'data/bin/run.sh': { kind: 'file', content: content.script, mode: 0o755 },
  'data/private/key.txt': { kind: 'file', content: content.secret, mode: 0o600 },
  'data/blob.bin': { kind: 'file', content: content.data, mode: 0o640 },
  'data/photo.jpg': { kind: 'file', content: content.data, mode: 0o644 },
  'data/empty-dir': { kind: 'directory', mode: 0o750 },
  'data/link-relative': { kind: 'symlink', target: 'readme.txt' },
  'data/link-absolute': { kind: 'symlink', target: '/etc/hostname' },
  'data/.hidden': { kind: 'file', content: 'dot file' },
  'data/cache/tmp.bin': { kind: 'file', content: 'cache' },
  'other/notes.md': { kind: 'file', content: '# notes' },
}

async function storedZip(url: string): Promise<string> {
  return standIn.storedPath(account, url)
}

describe('a full backup', () => {
  it('keeps multi-MiB files intact through reused read and upload buffers', async () => {
    // 9 MiB of random bytes (stored chunks) and 5 MiB of text (deflated chunks with dictionaries):
    // the zip is over 4 MiB, so the upload's ring of four 1 MiB buffers is refilled more than once.
    const random = Buffer.from(Array.from({ length: 9 * 1024 * 1024 + 123 }, () => Math.floor(Math.random() * 256)))
    const text = Buffer.from('line of backup text with some words 0123456789\n'.repeat(110_000))
    const workspace = await makeWorkspace({
      'big/random.bin': { kind: 'file', content: random },
      'big/text.log': { kind: 'file', content: text },
    })
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'big/', folder: 'backups/big', 'api-url': standIn.apiUrl },
    })
    expect(run.code, visibleLog(run)).toBe(0)
    const [file] = standIn.filesIn(account, 'backups/big')
    const bytes = await readFile(file.dataPath)
    expect(bytes.length).toBeGreaterThan(9 * 1024 * 1024)
    expect(run.outputs.sha256).toBe(sha256(bytes))
    const entries = inspectZip(file.dataPath)
    expect(entries.map((e) => [e.name, e.sha256, e.size])).toEqual([
      ['random.bin', sha256(random), random.length],
      ['text.log', sha256(text), text.length],
    ])
  })

  it("runs on Node's default settings, in the very process the runner started", async () => {
    const workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'a\n' } })
    const inputs = { 'api-key': apiKey, path: 'data/', folder: 'backups/runtime', 'api-url': standIn.apiUrl }
    const run = await runAction({ workspace, inputs, env: { RUNNER_DEBUG: '1' } })
    expect(run.code, visibleLog(run)).toBe(0)
    const line = run.stdout.split('\n').find((l) => l.startsWith('::debug::Runtime: '))
    // No re-execution: the pid is the one the runner started, and nothing was added to Node's flags or glibc's.
    expect(line).toBe(
      `::debug::Runtime: Node ${process.version} (pid ${run.pid}) on ${process.platform}-${process.arch}`,
    )
    expect(run.outputs['file-count']).toBe('1')
    expectNoKey(run)
  })

  it('uploads a verified zip with every selected file, mode and link, and reports it', async () => {
    const workspace = await makeWorkspace(TREE)
    const run = await runAction({
      workspace,
      inputs: {
        'api-key': apiKey,
        path: 'data/\n!data/cache/**',
        folder: 'backups/my-repo',
        'api-url': standIn.apiUrl,
      },
    })
    expect(run.code, visibleLog(run)).toBe(0)
    expectNoKey(run)

    // Outputs
    expect(run.outputs['file-name']).toMatch(/^my-repo-\d{8}T\d{6}Z\.zip$/)
    expect(run.outputs['file-count']).toBe('7')
    const stored = standIn.filesIn(account, 'backups/my-repo')
    expect(stored.map((f) => f.filename)).toEqual([run.outputs['file-name']])
    const [file] = stored
    expect(run.outputs.url).toBe(file.url)
    expect(run.outputs['folder-id']).toBe(String(standIn.findFolder(account, 'backups/my-repo')))
    const bytes = await readFile(file.dataPath)
    expect(run.outputs.size).toBe(String(bytes.length))
    expect(run.outputs.sha256).toBe(sha256(bytes))
    expect(run.outputs.whirlpool).toBe(opensslWhirlpool(file.dataPath))
    expect(run.outputs.pruned).toBe('[]')
    expect(run.outputs['pruned-count']).toBe('0')

    // Contents: root is data/ (upload-artifact's rule); hidden and excluded files are out.
    const entries = inspectZip(file.dataPath)
    expect(entries.map(({ compress_type: _c, ...rest }) => rest)).toEqual([
      { name: 'bin', kind: 'directory', mode: 0o755 },
      { name: 'bin/run.sh', kind: 'file', mode: 0o755, sha256: sha256(content.script), size: content.script.length },
      { name: 'blob.bin', kind: 'file', mode: 0o640, sha256: sha256(content.data), size: content.data.length },
      { name: 'empty-dir', kind: 'directory', mode: 0o750 },
      { name: 'link-absolute', kind: 'symlink', mode: 0o777, target: '/etc/hostname' },
      { name: 'link-relative', kind: 'symlink', mode: 0o777, target: 'readme.txt' },
      { name: 'photo.jpg', kind: 'file', mode: 0o644, sha256: sha256(content.data), size: content.data.length },
      { name: 'private', kind: 'directory', mode: 0o755 },
      {
        name: 'private/key.txt',
        kind: 'file',
        mode: 0o600,
        sha256: sha256(content.secret),
        size: content.secret.length,
      },
      { name: 'readme.txt', kind: 'file', mode: 0o644, sha256: sha256(content.readme), size: content.readme.length },
    ])
    // Already compressed files are stored (method 0), the rest deflated (8).
    expect(entries.find((e) => e.name === 'photo.jpg')!.compress_type).toBe(0)
    expect(entries.find((e) => e.name === 'readme.txt')!.compress_type).toBe(8)

    // The wire: folder resolved by listing parents, created, upload with did before file[].
    const upload = standIn.requests.find((r) => r.endpoint === 'upload.cgi')!
    expect(upload.formFields).toEqual(['did', 'file[]'])
    expect(upload.headers['content-length']).toBeDefined()
    expect(upload.headers['transfer-encoding']).toBeUndefined()
    expect(upload.headers.authorization).toBe('Bearer <key>')
    expect(standIn.requests.find((r) => r.endpoint === 'end.pl')!.headers.json).toBe('1')

    // Summary: link, size, file count, duration.
    expect(run.summary).toContain(file.url)
    expect(run.summary).toMatch(/\| Size \| .*\(\d+ bytes\)/)
    expect(run.summary).toContain('| Files | 7 |')
    expect(run.summary).toMatch(/\| Duration \| /)
  })

  it('takes hidden files and link targets when asked, and uses the parent of a single file as root', async () => {
    const workspace = await makeWorkspace(TREE)
    const run = await runAction({
      workspace,
      inputs: {
        'api-key': apiKey,
        path: 'data/\n!data/cache/**\n!data/link-absolute',
        'include-hidden-files': 'true',
        'follow-symlinks': 'true',
        'name-prefix': 'full',
        label: 'v1.2.3',
        'api-url': standIn.apiUrl,
      },
    })
    expect(run.code, visibleLog(run)).toBe(0)
    expect(run.outputs['file-name']).toMatch(/^full-\d{8}T\d{6}Z-v1\.2\.3\.zip$/)
    const entries = inspectZip(await storedZip(run.outputs.url))
    expect(entries.find((e) => e.name === '.hidden')).toMatchObject({ kind: 'file', sha256: sha256('dot file') })
    // The followed link holds the target's content.
    expect(entries.find((e) => e.name === 'link-relative')).toMatchObject({
      kind: 'file',
      sha256: sha256(content.readme),
    })
    // Uploaded to the root when folder is empty.
    expect(run.outputs['folder-id']).toBe('0')

    const single = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'data/bin/run.sh', 'name-prefix': 'single', 'api-url': standIn.apiUrl },
    })
    expect(single.code, visibleLog(single)).toBe(0)
    expect(inspectZip(await storedZip(single.outputs.url)).map((e) => e.name)).toEqual(['run.sh'])

    const several = await runAction({
      workspace,
      inputs: {
        'api-key': apiKey,
        path: 'data/bin/run.sh\nother/notes.md',
        'name-prefix': 'several',
        'api-url': standIn.apiUrl,
      },
    })
    expect(several.code, visibleLog(several)).toBe(0)
    expect(inspectZip(await storedZip(several.outputs.url)).map((e) => e.name)).toEqual([
      'data/bin/run.sh',
      'other/notes.md',
    ])
  })

  it('leaves its own working folder out when the runner temp is inside the backed-up tree', async () => {
    const workspace = await makeWorkspace({
      'site/index.html': { kind: 'file', content: '<p>hi</p>' },
      'runner-temp/.keep': { kind: 'file', content: '' },
    })
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: '.\n!runner-temp/.keep', 'api-url': standIn.apiUrl },
      env: { RUNNER_TEMP: `${workspace}/runner-temp` },
    })
    expect(run.code, visibleLog(run)).toBe(0)
    // Not the zip being written, nor the folder it is written in (nor anything else in it).
    expect(inspectZip(await storedZip(run.outputs.url)).map((e) => e.name)).toEqual([
      'runner-temp',
      'site',
      'site/index.html',
    ])
  })

  it('refuses to follow a link out of the workspace', async () => {
    const workspace = await makeWorkspace({
      'data/ok.txt': { kind: 'file', content: 'x' },
      'data/etc': { kind: 'symlink', target: '/etc/hostname' },
    })
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'data', 'follow-symlinks': 'true', 'api-url': standIn.apiUrl },
    })
    expect(run.code).toBe(1)
    expect(errorLines(run).join('\n')).toMatch(/'etc' is a symbolic link to '\/etc\/hostname', outside the workspace/)
    expect(account.files).toHaveLength(0)
    expectNoKey(run)
  })

  it('sets the download password and checks it was applied', async () => {
    const workspace = await makeWorkspace({ 'a.txt': { kind: 'file', content: 'a' } })
    const password = 'link-secret-123'
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'a.txt', 'link-password': password, 'api-url': standIn.apiUrl },
    })
    expect(run.code, visibleLog(run)).toBe(0)
    expect(account.files[0].pass).toBe(password)
    expect(standIn.requests.find((r) => r.endpoint === 'upload.cgi')!.formFields).toEqual(['did', 'dpass', 'file[]'])
    expect(visibleLog(run)).not.toContain(password)
    expect(run.stdout).toContain(`::add-mask::${password}`)
  })
})

describe('when nothing matches', () => {
  const cases = [
    ['error', 1, /No files were found with the provided path/],
    ['warn', 0, /::warning::No files were found/],
    ['ignore', 0, /No files were found/],
  ] as const
  for (const [mode, code, pattern] of cases) {
    it(`if-no-files-found: ${mode}`, async () => {
      const workspace = await makeWorkspace({ 'a.txt': { kind: 'file', content: 'a' } })
      const run = await runAction({
        workspace,
        inputs: { 'api-key': apiKey, path: 'missing/**', 'if-no-files-found': mode, 'api-url': standIn.apiUrl },
      })
      expect(run.code).toBe(code)
      expect(run.stdout).toMatch(pattern)
      expect(standIn.requests.filter((r) => r.endpoint === 'upload.cgi')).toHaveLength(0)
      expect([undefined, '']).toContain(run.outputs.url)
    })
  }
})

describe('dry run', () => {
  it('zips and reports, but creates, uploads and deletes nothing', async () => {
    const workspace = await makeWorkspace({ 'a.txt': { kind: 'file', content: 'a' } })
    const before = standIn.requests.length
    const run = await runAction({
      workspace,
      inputs: {
        'api-key': apiKey,
        path: 'a.txt',
        folder: 'new/folder',
        'dry-run': 'true',
        'keep-last': '2',
        'api-url': standIn.apiUrl,
      },
    })
    expect(run.code, visibleLog(run)).toBe(0)
    const calls = standIn.requests.slice(before).map((r) => r.endpoint)
    expect(calls).toEqual(['user/info.cgi', 'folder/ls.cgi'])
    expect(account.folders.size).toBe(0)
    expect(run.outputs.url).toBe('')
    expect(run.outputs.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(run.stdout).toContain("Folder 'new' does not exist yet; it would be created")
    expect(run.summary).toContain('Dry run')
  })
})

describe('failures a user must be told about', () => {
  it('an upload that 1fichier dropped into the root fails the step and says where the file is', async () => {
    standIn.ensureFolder(account, 'backups')
    standIn.injectFault('upload.cgi', 'drop-did')
    const workspace = await makeWorkspace({ 'a.txt': { kind: 'file', content: 'a' } })
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'a.txt', folder: 'backups', 'keep-last': '1', 'api-url': standIn.apiUrl },
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/landed in the wrong folder: 1fichier put it in folder id 0 instead of 'backups'/)
    expect(errors[0]).toContain(account.files[0].url)
    // Nothing is deleted, and the misplaced backup is left alone.
    expect(standIn.requests.some((r) => r.endpoint === 'file/rm.cgi')).toBe(false)
    expect(account.files).toHaveLength(1)
    expectNoKey(run)
  })

  it('a checksum mismatch fails the step and removes the corrupt copy', async () => {
    standIn.injectFault('end.pl', 'wrong-checksum')
    const workspace = await makeWorkspace({ 'a.txt': { kind: 'file', content: 'a' } })
    const run = await runAction({ workspace, inputs: { 'api-key': apiKey, path: 'a.txt', 'api-url': standIn.apiUrl } })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([expect.stringMatching(/^::error::Checksum mismatch: .*the bad copy was deleted/)])
    expect(account.files).toHaveLength(0)
    expectNoKey(run)
  })

  it('a refused key fails at once with what to do, and the key appears nowhere', async () => {
    const workspace = await makeWorkspace({ 'a.txt': { kind: 'file', content: 'a' } })
    const wrongKey = randomKey()
    const before = standIn.requests.length
    const run = await runAction({
      workspace,
      inputs: { 'api-key': wrongKey, path: 'a.txt', folder: 'x', 'api-url': standIn.apiUrl },
    })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringMatching(/Not authenticated #247.*https:\/\/1fichier\.com\/console\/params\.pl/),
    ])
    expect(standIn.requests.length - before).toBe(1) // no retry of an auth failure
    expectNoKey(run, wrongKey)
  })

  it('an account that is not Premium is told so', async () => {
    const key = randomKey()
    standIn.addAccount(key, { customer: false })
    const workspace = await makeWorkspace({ 'a.txt': { kind: 'file', content: 'a' } })
    const run = await runAction({ workspace, inputs: { 'api-key': key, path: 'a.txt', 'api-url': standIn.apiUrl } })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([expect.stringMatching(/Must be a customer.*Premium or Access subscription/)])
    expectNoKey(run, key)
  })

  it('a full quota is reported with what to do', async () => {
    const key = randomKey()
    standIn.addAccount(key, { quotaBytes: 10 })
    const workspace = await makeWorkspace({ 'a.txt': { kind: 'file', content: 'a'.repeat(1000) } })
    const run = await runAction({ workspace, inputs: { 'api-key': key, path: 'a.txt', 'api-url': standIn.apiUrl } })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([expect.stringMatching(/quota exceeded.*free space or raise the quota/)])
    expectNoKey(run, key)
  })

  it('a flood lock that does not lift fails after the retries with advice', async () => {
    standIn.injectFault('folder/ls.cgi', 'flood', 10)
    const workspace = await makeWorkspace({ 'a.txt': { kind: 'file', content: 'a' } })
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'a.txt', folder: 'f', retries: '3', 'api-url': standIn.apiUrl },
    })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`Flood detected: IP Locked #374.*after 3 attempts.*has locked the account or this ` +
            String.raw`address.*wait \(an hour is safe\) and run again`,
        ),
      ),
    ])
    expect(standIn.requests.filter((r) => r.endpoint === 'folder/ls.cgi')).toHaveLength(3)
    expectNoKey(run)
  })

  it('bad inputs fail before any network call, naming each input', async () => {
    const workspace = await makeWorkspace({ 'a.txt': { kind: 'file', content: 'a' } })
    const before = standIn.requests.length
    const run = await runAction({
      workspace,
      inputs: {
        'api-key': apiKey,
        path: 'a.txt',
        'compression-level': '11',
        'keep-daily': '-1',
        folder: 'a/../b',
        'api-url': standIn.apiUrl,
      },
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run).join('\n')
    expect(errors).toContain("Input 'compression-level': 11 is outside 0 to 9")
    expect(errors).toContain("Input 'keep-daily': '-1' is not a whole number")
    expect(errors).toContain("Input 'folder': 'a/../b' contains '..'")
    expect(standIn.requests.length).toBe(before)
    expectNoKey(run)
  })
})

describe('pacing on the wire', () => {
  it('paces calls at real speed, so a server that allows 3 calls a second never sees a flood', async () => {
    // The pacer starts calls 400 ms apart; arrivals can be closer by the first call's extra latency
    // (TLS handshake), so the check is the documented limit: 3 calls a second.
    const strict = await new StandIn({ listIntervalMs: 30_000, minCallGapMs: 334 }).start()
    try {
      const key = randomKey()
      const strictAccount = strict.addAccount(key)
      await strict.seedFile(strictAccount, 'b/c', 'my-repo-20200101T000000Z.zip', 'old')
      const workspace = await makeWorkspace({ 'a.txt': { kind: 'file', content: 'a' } })
      const run = await runAction({
        workspace,
        inputs: { 'api-key': key, path: 'a.txt', folder: 'b/c', 'keep-last': '1', 'api-url': strict.apiUrl },
        env: { ONEFICHIER_BACKUP_TEST_TIME_SCALE: '1' },
      })
      expect(run.code, visibleLog(run)).toBe(0)
      expect(run.stdout).not.toContain('Flood detected')
      // Every call went through: the account, lists, the folder's files before the upload (the node
      // is asked for meanwhile), upload, result, info, deletion.
      const endpoints = strict.requests.map((r) => r.endpoint)
      expect([...endpoints.slice(0, 3), ...endpoints.slice(3, 5).sort(), ...endpoints.slice(5)]).toEqual([
        'user/info.cgi',
        'folder/ls.cgi',
        'folder/ls.cgi',
        'file/ls.cgi',
        'upload/get_upload_server.cgi',
        'upload.cgi',
        'end.pl',
        'file/info.cgi',
        'file/rm.cgi',
      ])
      expect(strict.filesIn(strictAccount, 'b/c').map((f) => f.filename)).toEqual([run.outputs['file-name']])
    } finally {
      await strict.stop()
    }
  })
})

describe('many small files (deflated on worker threads)', () => {
  it('zips 3,000 small files through the bundled action exactly, also encrypted and fingerprinted', async () => {
    const tree: Record<string, TreeNode> = {}
    for (let i = 0; i < 3000; i++) {
      tree[`many/d${i % 17}/f${i}.txt`] = {
        kind: 'file',
        content: `file ${i}\n`.repeat(i % 50),
        mode: i % 3 === 0 ? 0o755 : 0o644,
      }
    }
    const workspace = await makeWorkspace(tree)
    const run = await runAction({ workspace, inputs: { 'api-key': apiKey, path: 'many/', 'api-url': standIn.apiUrl } })
    expect(run.code, visibleLog(run)).toBe(0)
    expect(run.outputs['file-count']).toBe('3000')
    const files = inspectZip(await storedZip(run.outputs.url)).filter((e) => e.kind === 'file')
    expect(files).toHaveLength(3000)
    for (const entry of files) {
      const i = Number(/f(\d+)\.txt$/.exec(entry.name)![1])
      expect(entry.name).toBe(`d${i % 17}/f${i}.txt`)
      expect(entry.sha256).toBe(sha256(`file ${i}\n`.repeat(i % 50)))
      expect(entry.mode).toBe(i % 3 === 0 ? 0o755 : 0o644)
    }

    // The same tree encrypted and with skip-unchanged: the worker path hands back the raw bytes too.
    const secret = 'many small files secret'
    const inputs = {
      'api-key': apiKey,
      path: 'many/',
      'api-url': standIn.apiUrl,
      folder: 'enc',
      'archive-password': secret,
      'skip-unchanged': 'true',
    }
    const encrypted = await runAction({ workspace, inputs })
    expect(encrypted.code, visibleLog(encrypted)).toBe(0)
    const extracted = extractWith7zip(await storedZip(encrypted.outputs.url), secret)
    expect(readTree(extracted)).toEqual(readTree(`${workspace}/many`))
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    const again = await runAction({ workspace, inputs })
    expect(again.code, visibleLog(again)).toBe(0)
    expect(again.outputs.unchanged).toBe('true')
  })
})
