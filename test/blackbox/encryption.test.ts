// archive-password: the bundled action encrypts, Debian's 7-Zip decrypts what the stand-in stored
// and every file, mode and link comes back; a wrong password is refused; no secret is ever shown.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { StandIn, type Account } from '../stand-in/server.ts'
import { runAction, visibleLog, type ActionRun } from '../helpers/action-process.ts'
import { extractWith7zip, makeWorkspace, randomKey, readTree, sevenZip, type TreeNode } from '../helpers/workspace.ts'

let standIn: StandIn
let apiKey: string
let account: Account
const PASSWORD = 'correct horse battery staple'

beforeAll(async () => {
  standIn = await new StandIn({ listIntervalMs: 0 }).start()
})
afterAll(async () => {
  await standIn.stop()
})
beforeEach(() => {
  apiKey = randomKey()
  account = standIn.addAccount(apiKey)
})

const TREE: Record<string, TreeNode> = {
  'data/notes.txt': { kind: 'file', content: 'secret notes\n'.repeat(20_000), mode: 0o600 },
  'data/tool.sh': { kind: 'file', content: '#!/bin/sh\necho hi\n', mode: 0o755 },
  'data/big.bin': {
    kind: 'file',
    content: Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => (i * 7919) % 256)),
    mode: 0o640,
  },
  'data/photo.jpg': { kind: 'file', content: Buffer.alloc(70_000, 7), mode: 0o644 },
  'data/empty.txt': { kind: 'file', content: '', mode: 0o644 },
  'data/sub/dir': { kind: 'directory', mode: 0o750 },
  'data/link': { kind: 'symlink', target: 'notes.txt' },
}

function expectNoSecrets(run: ActionRun, secrets: string[]): void {
  const visible = [visibleLog(run), run.summary, JSON.stringify(run.outputs)].join('\n')
  for (const secret of secrets) expect(visible).not.toContain(secret)
}

const storedPath = (url: string) => standIn.storedPath(account, url)

describe('archive-password', () => {
  it('uploads an AES-256 zip that 7-Zip decrypts to the exact files, modes and links', async () => {
    const workspace = await makeWorkspace(TREE)
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'data', 'archive-password': PASSWORD, 'api-url': standIn.apiUrl },
    })
    expect(run.code, visibleLog(run)).toBe(0)
    expectNoSecrets(run, [apiKey, PASSWORD])
    expect(run.stdout).toContain(`::add-mask::${PASSWORD}`)
    expect(run.summary).toContain('AES-256')

    const zip = storedPath(run.outputs.url)
    // 7-Zip sees every content entry as AES-256 encrypted; names are readable without the password.
    const listing = execFileSync(sevenZip(), ['l', '-slt', '-p', zip], { encoding: 'utf8' })
    const methods = [...listing.matchAll(/^Method = (.*)$/gm)].map((m) => m[1])
    expect(methods.filter((m) => m.startsWith('AES-256'))).toHaveLength(6) // 5 files + the link
    expect(methods).toContain('AES-256 Deflate')
    expect(methods).toContain('AES-256 Store') // photo.jpg and the link stay stored inside the encryption
    expect(listing).toContain('Path = notes.txt')

    // Decrypted by 7-Zip, the archive is the workspace's tree, byte for byte and mode for mode.
    const extracted = extractWith7zip(zip, PASSWORD)
    expect(readTree(extracted)).toEqual(readTree(`${workspace}/data`))
  })

  it('refuses a wrong password (7-Zip reports it) and the content is not in the zip in the clear', async () => {
    const workspace = await makeWorkspace(TREE)
    const run = await runAction({
      workspace,
      inputs: {
        'api-key': apiKey,
        path: 'data',
        'archive-password': PASSWORD,
        'api-url': standIn.apiUrl,
        'compression-level': '0',
      },
    })
    expect(run.code, visibleLog(run)).toBe(0)
    const zip = storedPath(run.outputs.url)
    expect(() => extractWith7zip(zip, 'not the password at all')).toThrow(/Wrong password/)
    // Even stored (level 0), no plaintext survives: the content is encrypted, not just compressed.
    const { readFileSync } = await import('node:fs')
    const bytes = readFileSync(zip)
    expect(bytes.includes(Buffer.from('secret notes'))).toBe(false)
    expect(bytes.includes(Buffer.from('echo hi'))).toBe(false)
    // Python's zipfile (an independent reader without AES) lists the names, each content entry
    // flagged encrypted with method 99 (AES); the directory is plain.
    const script =
      'import json,sys,zipfile; print(json.dumps([[i.filename, i.flag_bits & 1, i.compress_type] for ' +
      'i in zipfile.ZipFile(sys.argv[1]).infolist()]))'
    const entries = JSON.parse(execFileSync('python3', ['-c', script, zip], { encoding: 'utf8' })) as Array<
      [string, number, number]
    >
    expect(Object.fromEntries(entries.map(([name, encrypted, method]) => [name, [encrypted, method]]))).toEqual({
      'big.bin': [1, 99],
      'empty.txt': [1, 99],
      link: [1, 99],
      'notes.txt': [1, 99],
      'photo.jpg': [1, 99],
      'sub/': [0, 0],
      'sub/dir/': [0, 0],
      'tool.sh': [1, 99],
    })
  })

  it('detects tampering: a flipped byte in the encrypted data fails the authentication code', async () => {
    const workspace = await makeWorkspace({ 'data/notes.txt': TREE['data/notes.txt'] })
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'data', 'archive-password': PASSWORD, 'api-url': standIn.apiUrl },
    })
    expect(run.code, visibleLog(run)).toBe(0)
    const { readFileSync, writeFileSync } = await import('node:fs')
    const bytes = readFileSync(storedPath(run.outputs.url))
    const nameEnd = bytes.indexOf(Buffer.from('notes.txt')) + 'notes.txt'.length
    bytes[nameEnd + 11 + 9 + 40] ^= 0x01 // inside the data: past the extra fields, salt and check
    const tampered = `${storedPath(run.outputs.url)}.tampered.zip`
    writeFileSync(tampered, bytes)
    expect(() => extractWith7zip(tampered, PASSWORD)).toThrow(/Data Error|CRC Failed|Wrong password/)
  })

  it('rejects a short archive password without showing it', async () => {
    const workspace = await makeWorkspace(TREE)
    const run = await runAction({
      workspace,
      inputs: { 'api-key': apiKey, path: 'data', 'archive-password': 'short-pw', 'api-url': standIn.apiUrl },
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::Input 'archive-password': it is shorter than 12 characters/)
    expectNoSecrets(run, [apiKey, 'short-pw'])
    expect(standIn.filesIn(account, '')).toHaveLength(0)
  })
})
