// The stand-in checked by a client nobody here wrote: Debian's rclone and its 1fichier backend.
// rclone creates a folder, uploads, lists with Whirlpool hashes and deletes against the stand-in
// (through a CONNECT proxy), and the requests it sends are compared with the ones our action sends.
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { execFileSync } from 'node:child_process'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CA_CERT_PATH, StandIn, type LoggedRequest } from '../stand-in/server.ts'
import { startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.ts'
import { runAction, visibleLog } from '../helpers/action-process.ts'
import { makeWorkspace, opensslWhirlpool, randomKey } from '../helpers/workspace.ts'

const run = promisify(execFile)
const hasRclone = (() => {
  try {
    execFileSync('rclone', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
// CI installs rclone (.ci/run): there a missing rclone is a failure, not a skip.
const describeRclone = hasRclone || process.env.CI ? describe : describe.skip

let standIn: StandIn
let proxy: ConnectProxy
const key = randomKey()

beforeAll(async () => {
  // The upload node is reported as a 1fichier host, so rclone goes through the proxy for it too.
  standIn = await new StandIn({ listIntervalMs: 0, uploadNodeHost: 'up2.1fichier.com' }).start()
  standIn.addAccount(key)
  proxy = await startConnectProxy(standIn)
})
afterAll(async () => {
  await proxy.close()
  await standIn.stop()
})

async function rclone(...args: string[]): Promise<string> {
  const { stdout } = await run(
    'rclone',
    ['--ca-cert', CA_CERT_PATH, '--low-level-retries', '2', '--retries', '1', '--contimeout', '10s', ...args],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        HTTPS_PROXY: proxy.url,
        NO_PROXY: '',
        RCLONE_CONFIG: '/dev/null',
        RCLONE_CONFIG_STANDIN_TYPE: 'fichier',
        RCLONE_CONFIG_STANDIN_API_KEY: key,
      },
      timeout: 60_000,
    },
  )
  return stdout
}

/** What matters of a request for comparison: method, endpoint, the JSON header and body keys. */
function shape(r: LoggedRequest) {
  return {
    method: r.method,
    endpoint: r.endpoint,
    contentType: (r.headers['content-type'] ?? '').replace(/boundary=.*/, 'boundary=…'),
    json: r.headers.json,
    auth: r.headers.authorization,
    jsonKeys: r.jsonKeys,
    formFields: r.formFields,
    chunked: r.headers['transfer-encoding'] === 'chunked',
  }
}

describeRclone('rclone (1fichier backend) against the stand-in', () => {
  let rcloneRequests: LoggedRequest[] = []
  let oursRequests: LoggedRequest[] = []

  it('creates a folder, uploads, lists with Whirlpool and deletes', async () => {
    const workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'rclone and us' } })
    const file = path.join(workspace, 'upload.zip')
    await writeFile(file, 'not really a zip, but bytes to upload\n'.repeat(100))

    standIn.requests.length = 0
    await rclone('mkdir', 'standin:rc/inner')
    await rclone('copyto', file, 'standin:rc/inner/upload.zip')
    const listing = JSON.parse(await rclone('lsjson', '--hash', 'standin:rc/inner')) as Array<{
      Name: string
      Size: number
      Hashes?: Record<string, string>
    }>
    expect(listing).toHaveLength(1)
    expect(listing[0]).toMatchObject({ Name: 'upload.zip', Size: 3800 })
    // rclone reads the stand-in's checksum as 1fichier's Whirlpool and it equals OpenSSL's.
    expect(listing[0].Hashes?.whirlpool).toBe(opensslWhirlpool(file))
    await rclone('deletefile', 'standin:rc/inner/upload.zip')
    expect(JSON.parse(await rclone('lsjson', 'standin:rc/inner'))).toEqual([])
    rcloneRequests = [...standIn.requests]
    if (process.env.SHOW_RCLONE) console.log(rcloneRequests.map((r) => JSON.stringify(shape(r))).join('\n'))
    expect(proxy.tunnels.some((t) => t.startsWith('api.1fichier.com:'))).toBe(true)
    expect(proxy.tunnels.some((t) => t.startsWith('up2.1fichier.com:'))).toBe(true)
  })

  it('our action sends what rclone sends, endpoint by endpoint', async () => {
    expect(rcloneRequests.length).toBeGreaterThan(0)
    const workspace = await makeWorkspace({ 'data/a.txt': { kind: 'file', content: 'rclone and us' } })
    // Two runs: one into a new folder (mkdir.cgi), one into a folder holding an older backup that
    // keep-last 1 prunes (rm.cgi). The upload node is reached by its reported name through the proxy.
    await standIn.seedFile(standIn.accounts.get(key)!, 'ours/old', 'my-repo-20200101T000000Z.zip', 'old')
    standIn.requests.length = 0
    for (const folder of ['ours/new', 'ours/old']) {
      const result = await runAction({
        workspace,
        inputs: { 'api-key': key, path: 'data/', folder, 'keep-last': '1', 'api-url': standIn.apiUrl },
        env: { HTTPS_PROXY: proxy.url },
      })
      expect(result.code, visibleLog(result)).toBe(0)
    }
    expect(standIn.filesIn(standIn.accounts.get(key)!, 'ours/old').map((f) => f.filename)).not.toContain(
      'my-repo-20200101T000000Z.zip',
    )
    oursRequests = [...standIn.requests]

    const shapes = (requests: LoggedRequest[]) => {
      const map = new Map<string, string[]>()
      for (const r of requests) map.set(r.endpoint, [...(map.get(r.endpoint) ?? []), JSON.stringify(shape(r))])
      return map
    }
    const theirs = shapes(rcloneRequests)
    const ours = shapes(oursRequests)
    // Every endpoint rclone used for these operations, we use too...
    expect([...theirs.keys()].sort()).toEqual(
      [
        'end.pl',
        'file/ls.cgi',
        'file/rm.cgi',
        'folder/ls.cgi',
        'folder/mkdir.cgi',
        'upload.cgi',
        'upload/get_upload_server.cgi',
      ].sort(),
    )
    expect([...ours.keys()].filter((e) => theirs.has(e)).sort()).toEqual([...theirs.keys()].sort())
    // ...and each request we send has the shape of one rclone sends (method, content type, the
    // JSON: 1 header, JSON keys, multipart field order, no chunked upload). (rclone's first end.pl
    // GET is Go following upload.cgi's redirect; its real result call is the one with JSON: 1.)
    for (const [endpoint, ourShapes] of ours) {
      if (!theirs.has(endpoint)) continue
      for (const s of new Set(ourShapes)) expect(theirs.get(endpoint), `our ${endpoint} request ${s}`).toContain(s)
    }
    // file/info.cgi is ours alone (rclone does not verify folders); it is POST + JSON like the rest.
    expect(
      ours
        .get('file/info.cgi')
        ?.every((s) => s.includes('"method":"POST"') && s.includes('"contentType":"application/json"')),
    ).toBe(true)
  })

  it('rclone downloads from the stand-in (get_token.cgi, then the token URL) the bytes our restore reads', async () => {
    const account = standIn.accounts.get(key)!
    const stored = await standIn.seedFile(
      account,
      'rc/dl',
      'site-20260101T000000Z.zip',
      Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 253)),
    )
    standIn.requests.length = 0
    const out = path.join(await makeWorkspace({}), 'copy.zip')
    await rclone('copyto', 'standin:rc/dl/site-20260101T000000Z.zip', out)
    const { readFileSync } = await import('node:fs')
    expect(readFileSync(out).equals(readFileSync(stored.dataPath))).toBe(true)
    const token = standIn.requests.find((r) => r.endpoint === 'download/get_token.cgi')
    expect(token?.jsonKeys).toEqual(expect.arrayContaining(['single', 'url']))
    expect(standIn.requests.some((r) => r.endpoint === 'download')).toBe(true)
  })
})
