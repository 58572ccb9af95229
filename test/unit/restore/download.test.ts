// useDownload against msw: one token reused for every resume while it lives, a new one when it is
// refused or has expired; never more than the listed size written; a page where the file should be is
// never taken for the backup; #611 says a link password is needed at once; what was checked is said.
import { mkdtemp, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { HttpRequestInterceptor } from '@mswjs/interceptors/http'
import { whirlpool } from 'hash-wasm'
import { http, HttpResponse } from 'msw'
import { InterceptorSource, defineNetwork } from 'msw/experimental'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { OneFichierClient } from '../../../src/onefichier/client.js'
import { Transport } from '../../../src/onefichier/transport.js'
import { MemoryLog } from '../../helpers/memory-log.ts'
import { type DownloadOptions, useDownload } from '../../../src/restore/download.js'
import type { ListedBackup } from '../../../src/series/read.js'

const API = 'https://api.test.invalid/v1'
const NODE = 'https://node.test.invalid'
const KEY = 'msw-download-key-0123456789abcdef'
const LINK_PASSWORD = 'link password value 42'
const network = defineNetwork({
  sources: [new InterceptorSource({ interceptors: [new HttpRequestInterceptor()] })],
  context: { quiet: true },
  onUnhandledFrame: 'error',
})
beforeAll(() => network.enable())
afterEach(() => network.resetHandlers())
afterAll(() => network.disable())

const CONTENT = Buffer.from('the backup zip, byte for byte. '.repeat(2000))
const BACKUP: ListedBackup = {
  fileName: 'site-20261201T000000Z.zip',
  url: 'https://1fichier.com/?abcdefghij',
  time: new Date('2026-12-01T00:00:00Z'),
  size: CONTENT.length,
  whirlpool: '',
}

/** get_token.cgi handing out numbered URLs, counting the calls and keeping what was sent. */
function tokens() {
  const state = { calls: 0, bodies: [] as unknown[] }
  network.use(
    http.post(`${API}/download/get_token.cgi`, async ({ request }) => {
      state.bodies.push(await request.json())
      state.calls++
      return HttpResponse.json({ status: 'OK', url: `${NODE}/t${state.calls}` })
    }),
  )
  return state
}

/** A body that sends `bytes` and then breaks, as a dropped connection does. */
function breaking(bytes: Buffer): ReadableStream<Uint8Array> {
  let sent = false
  return new ReadableStream({
    pull(controller) {
      if (sent) controller.error(new Error('connection reset'))
      else controller.enqueue(new Uint8Array(bytes))
      sent = true
    },
  })
}

function setup(now?: () => number) {
  const log = new MemoryLog()
  const transport = new Transport({
    apiUrl: API,
    apiKey: KEY,
    retries: 4,
    stallTimeoutMs: 10_000,
    timeScale: 0.001,
    log,
  })
  const client = new OneFichierClient(transport)
  return { client, log, options: { linkPassword: '', cdn: false, retries: 4, log, ...(now ? { now } : {}) } }
}

const target = async () => path.join(await mkdtemp(path.join(tmpdir(), 'download-')), 'backup.zip')

/** The download alone: the work on it only says what was checked. */
const downloadOnly = (client: OneFichierClient, backup: ListedBackup, file: string, options: DownloadOptions) =>
  useDownload(client, backup, file, options, async (download) => download.checked)

describe('useDownload', () => {
  it('tries a dropped download again on the same token, and says it compared the size only', async () => {
    const asked = tokens()
    const ranges: Array<string | null> = []
    const tokensUsed: string[] = []
    network.use(
      http.get(`${NODE}/:token`, ({ params, request }) => {
        tokensUsed.push(String(params.token))
        const range = request.headers.get('range')
        ranges.push(range)
        const from = range ? Number(/bytes=(\d+)-/.exec(range)![1]) : 0
        if (ranges.length < 3)
          return new HttpResponse(breaking(CONTENT.subarray(from, from + 10_000)), { status: from ? 206 : 200 })
        return new HttpResponse(CONTENT.subarray(from), { status: 206 })
      }),
    )
    const { client, log, options } = setup()
    const file = await target()
    expect(await downloadOnly(client, BACKUP, file, options)).toBe('size only')
    expect((await readFile(file)).equals(CONTENT)).toBe(true)
    // msw drops the body before its first byte, so each try starts over (Range resumes: test/blackbox/restore).
    expect(ranges).toHaveLength(3)
    expect(tokensUsed).toEqual(['t1', 't1', 't1'])
    expect(asked.calls).toBe(1)
    expect(asked.bodies[0]).toMatchObject({ url: BACKUP.url, no_ssl: 0 })
    expect(log.lines.join('\n')).toMatch(/its size matches 1fichier's \(the listing gives no Whirlpool to compare\)/)
    expect(log.lines.join('\n')).not.toMatch(/Whirlpool match/)
  })

  it('checks the Whirlpool of the whole file: in one go, after a start-over, and a changed byte', async () => {
    const withWhirlpool = { ...BACKUP, whirlpool: await whirlpool(CONTENT) }
    const bodies: Buffer[] = []
    tokens()
    network.use(http.get(`${NODE}/:token`, () => new HttpResponse(bodies.shift() ?? CONTENT)))
    const { client, log, options } = setup()
    // In one go.
    expect(await downloadOnly(client, withWhirlpool, await target(), options)).toBe('size and Whirlpool')
    // A node that sends too much: the next try starts over, and the Whirlpool is still the file's.
    bodies.push(Buffer.concat([CONTENT, CONTENT]))
    const file = await target()
    expect(await downloadOnly(client, withWhirlpool, file, options)).toBe('size and Whirlpool')
    expect((await readFile(file)).equals(CONTENT)).toBe(true)
    expect(log.lines.filter((l) => l.includes("size and Whirlpool match 1fichier's"))).toHaveLength(2)
    // One byte changed, twice: refused.
    const changed = Buffer.from(CONTENT)
    changed[1000] ^= 1
    bodies.push(changed, changed)
    const error = (await downloadOnly(client, withWhirlpool, await target(), options).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(
      /is corrupted \(its Whirlpool .* is not 1fichier's .*\) after 2 tries; nothing was restored/,
    )
  })

  it('hands the file on at once; what lasts waits for the Whirlpool, and work on bad bytes is done again', async () => {
    const withWhirlpool = { ...BACKUP, whirlpool: await whirlpool(CONTENT) }
    const changed = Buffer.from(CONTENT)
    changed[1000] ^= 1
    const bodies: Buffer[] = []
    const asked = tokens()
    network.use(http.get(`${NODE}/:token`, () => new HttpResponse(bodies.shift() ?? CONTENT)))
    const { client, log, options } = setup()

    // The work waits for the check before what lasts: the bad bytes' check fails it, the good ones' lets it on.
    bodies.push(changed)
    const seen: Array<{ good: boolean; verified: string }> = []
    const result = await useDownload(client, withWhirlpool, await target(), options, async (download) => {
      const good = (await readFile(download.file)).equals(CONTENT)
      const verified = await download.verified().then(
        () => 'matched',
        (e: unknown) => (e as Error).message,
      )
      seen.push({ good, verified })
      if (verified !== 'matched') throw new Error(verified)
      return 'placed'
    })
    expect(result).toBe('placed')
    expect(seen).toEqual([
      {
        good: false,
        verified: expect.stringMatching(/The download is corrupted \(its Whirlpool .* is not 1fichier's/),
      },
      { good: true, verified: 'matched' },
    ])
    expect(asked.calls).toBe(2)
    expect(log.lines.join('\n')).toMatch(/corrupted .*downloading it again with a new token/)

    // A failure on bad bytes (a CRC error, say) is the download's: fetched again, the work done again.
    bodies.push(changed)
    let runs = 0
    const again = await useDownload(client, withWhirlpool, await target(), options, async (download) => {
      runs++
      if (!(await readFile(download.file)).equals(CONTENT)) throw new Error('a CRC-32 does not match')
      return 'checked'
    })
    expect([again, runs]).toEqual(['checked', 2])

    // A failure on good bytes is the work's own, said as it is, with no second download.
    const before = asked.calls
    const failure = (await useDownload(client, withWhirlpool, await target(), options, async () => {
      throw new Error('the target is full')
    }).catch((e: unknown) => e)) as Error
    expect(failure.message).toBe('the target is full')
    expect(asked.calls).toBe(before + 1)
  })

  it('asks a new token only when the old one has expired (5 minutes) or is refused (#715)', async () => {
    const asked = tokens()
    let clock = 0
    const seen: string[] = []
    network.use(
      http.get(`${NODE}/:token`, ({ params, request }) => {
        seen.push(String(params.token))
        const range = request.headers.get('range')
        const from = range ? Number(/bytes=(\d+)-/.exec(range)![1]) : 0
        if (seen.length === 1) {
          clock += 5 * 60_000
          return new HttpResponse(breaking(CONTENT.subarray(0, 5000)), { status: 200 })
        }
        if (seen.length === 2)
          return new HttpResponse('<html>Invalid download token #715</html>', {
            status: 403,
            headers: { 'content-type': 'text/html' },
          })
        return new HttpResponse(CONTENT.subarray(from), { status: from ? 206 : 200 })
      }),
    )
    const { client, options } = setup(() => clock)
    const file = await target()
    await downloadOnly(client, BACKUP, file, options)
    expect((await readFile(file)).equals(CONTENT)).toBe(true)
    expect(seen).toEqual(['t1', 't2', 't3'])
    expect(asked.calls).toBe(3)
  })

  it('never writes more than the listed size, whatever the node sends', async () => {
    tokens()
    network.use(http.get(`${NODE}/:token`, () => new HttpResponse(Buffer.concat([CONTENT, CONTENT, CONTENT]))))
    const { client, options } = setup()
    const file = await target()
    const error = (await downloadOnly(client, BACKUP, file, options).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/more than the listed .* bytes/)
    const left = await stat(file).catch(() => null)
    expect(left === null || left.size <= CONTENT.length).toBe(true)
  })

  it('an HTML page where the file should be is never taken for the backup', async () => {
    tokens()
    const page = '<html><body><h1>Maintenance</h1>Back soon</body></html>'
    network.use(
      http.get(
        `${NODE}/:token`,
        () => new HttpResponse(page, { status: 200, headers: { 'content-type': 'text/html' } }),
      ),
    )
    const { client, options } = setup()
    const file = await target()
    const error = (await downloadOnly(client, BACKUP, file, options).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/answered HTTP 200 with "Maintenance Back soon" instead of the file/)
    expect(await stat(file).catch(() => null)).toBeNull()
  })

  it('#611 (a link password is needed) is said at once, with no retry, and no password appears', async () => {
    let calls = 0
    network.use(
      http.post(`${API}/download/get_token.cgi`, () => {
        calls++
        return HttpResponse.json({ status: 'KO', message: 'Password required #611' }, { status: 403 })
      }),
    )
    const { client, options } = setup()
    const error = (await downloadOnly(client, BACKUP, await target(), {
      ...options,
      linkPassword: LINK_PASSWORD,
    }).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/download password; set ONEFICHIER_LINK_PASSWORD/)
    expect(calls).toBe(1)
    expect(error.message).not.toContain(LINK_PASSWORD)
    expect(error.message).not.toContain(KEY)
  })

  it('#913 names CDN credit and Premium GOLD; #887 on the node is waited out, then resumed', async () => {
    network.use(
      http.post(`${API}/download/get_token.cgi`, () =>
        HttpResponse.json({ status: 'KO', message: 'Resource not allowed from this IP #913' }, { status: 403 }),
      ),
    )
    const { client, options } = setup()
    const refused = (await downloadOnly(client, BACKUP, await target(), options).catch((e: unknown) => e)) as Error
    expect(refused.message).toMatch(/CDN credit.*Premium GOLD|Premium GOLD.*CDN credit/)

    network.resetHandlers()
    tokens()
    let gets = 0
    network.use(
      http.get(`${NODE}/:token`, () =>
        ++gets === 1
          ? new HttpResponse('<html>Downloads from several locations simultaneously #887</html>', {
              status: 403,
              headers: { 'content-type': 'text/html' },
            })
          : new HttpResponse(CONTENT),
      ),
    )
    const second = setup()
    const file = await target()
    await downloadOnly(second.client, BACKUP, file, second.options)
    expect((await readFile(file)).equals(CONTENT)).toBe(true)
    expect(gets).toBe(2)
  })
})
