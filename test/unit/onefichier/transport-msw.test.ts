// The HTTP layer against msw: what goes on the wire, and how answers are judged. msw's
// HttpRequestInterceptor sees undici.request (through msw/experimental's InterceptorSource).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { http, HttpResponse } from 'msw'
import { defineNetwork, InterceptorSource } from 'msw/experimental'
import { HttpRequestInterceptor } from '@mswjs/interceptors/http'
import { OneFichierClient } from '../../../src/onefichier/client.js'
import { OneFichierError } from '../../../src/onefichier/errors.js'
import { Transport } from '../../../src/onefichier/transport.js'
import { MemoryLog } from '../../helpers/memory-log.ts'

const API = 'https://api.test.invalid/v1'
const KEY = 'msw-test-key-0123456789abcdefABCD'
const network = defineNetwork({
  sources: [new InterceptorSource({ interceptors: [new HttpRequestInterceptor()] })],
  context: { quiet: true },
  onUnhandledFrame: 'error',
})

beforeAll(() => network.enable())
afterEach(() => network.resetHandlers())
afterAll(() => network.disable())

function client(retries = 3) {
  const log = new MemoryLog()
  const transport = new Transport({ apiUrl: API, apiKey: KEY, retries, stallTimeoutMs: 10_000, timeScale: 0.001, log })
  return { client: new OneFichierClient(transport), log }
}

describe('1fichier transport (msw)', () => {
  it('POSTs JSON with the Bearer key and reads the folder list', async () => {
    const seen: Array<{ method: string; auth: string | null; type: string | null; body: unknown }> = []
    network.use(
      http.post(`${API}/folder/ls.cgi`, async ({ request }) => {
        seen.push({
          method: request.method,
          auth: request.headers.get('authorization'),
          type: request.headers.get('content-type'),
          body: await request.json(),
        })
        return HttpResponse.json({ status: 'OK', folder_id: 0, sub_folders: [{ id: 12, name: 'backups' }] })
      }),
    )
    const { client: c } = client()
    const folders = await c.listFolders(0)
    expect(folders).toEqual([{ id: 12, name: 'backups' }])
    expect(seen).toEqual([{ method: 'POST', auth: `Bearer ${KEY}`, type: 'application/json', body: { folder_id: 0 } }])
  })

  it('treats a KO answer with HTTP 200 as an error', async () => {
    network.use(
      http.post(`${API}/folder/mkdir.cgi`, () => HttpResponse.json({ status: 'KO', message: 'Invalid name #620' })),
    )
    const { client: c } = client()
    const error = await c.makeFolder('x', 0).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OneFichierError)
    expect((error as Error).message).toContain('Invalid name #620')
    expect((error as Error).message).not.toContain(KEY)
  })

  it('retries a flood lock and succeeds', async () => {
    let calls = 0
    network.use(
      http.post(`${API}/file/ls.cgi`, () => {
        calls++
        return calls === 1
          ? HttpResponse.json({ status: 'KO', message: 'Flood detected: IP Locked #374' }, { status: 403 })
          : HttpResponse.json({ status: 'OK', items: [] })
      }),
    )
    const { client: c, log } = client()
    await expect(c.listFiles(7)).resolves.toEqual([])
    expect(calls).toBe(2)
    expect(log.lines.join('\n')).toMatch(/Flood detected.*retrying/)
  })

  it('does not retry a refused key (#93) and says how to fix it', async () => {
    let calls = 0
    network.use(
      http.post(`${API}/file/info.cgi`, () => {
        calls++
        return HttpResponse.json({ status: 'KO', message: 'No such user #93' }, { status: 403 })
      }),
    )
    const { client: c } = client(5)
    const error = (await c.fileInfo('https://1fichier.com/?abc').catch((e: unknown) => e)) as OneFichierError
    expect(calls).toBe(1)
    expect(error.kind).toBe('auth')
    expect(error.message).toContain('https://1fichier.com/console/params.pl')
  })

  it('sends JSON: 1 as a header to end.pl and retries an HTML answer', async () => {
    const headers: Array<string | null> = []
    let calls = 0
    network.use(
      http.get('https://up9.test.invalid/end.pl', ({ request }) => {
        headers.push(request.headers.get('json'))
        calls++
        if (calls === 1) return new HttpResponse('<html>wait</html>', { headers: { 'content-type': 'text/html' } })
        return HttpResponse.json({
          incoming: 0,
          links: [{ download: 'https://1fichier.com/?x1', filename: 'a.zip', size: '3', whirlpool: 'ab' }],
        })
      }),
    )
    const { client: c } = client()
    const { link } = await c.uploadResult({ url: 'up9.test.invalid', id: 'abc' }, 'a.zip')
    expect(link?.download).toBe('https://1fichier.com/?x1')
    expect(headers).toEqual(['1', '1'])
  })

  it("waits out another run's listing of the same folder (the state file), and says so", async () => {
    let listedAt = 0
    network.use(
      http.post(`${API}/file/ls.cgi`, () => {
        listedAt = Date.now()
        return HttpResponse.json({ status: 'OK', items: [] })
      }),
    )
    const log = new MemoryLog()
    const otherRun = Date.now()
    const remembered = new Map<string, number>([['file/ls.cgi:7', otherRun]])
    const memory = {
      recall: (key: string) => Promise.resolve(remembered.get(key)),
      remember: (key: string, at: number) => Promise.resolve(void remembered.set(key, at)),
    }
    // At a tenth of real time, the 31-s rule is 3.1 s.
    const transport = new Transport({
      apiUrl: API,
      apiKey: KEY,
      retries: 3,
      stallTimeoutMs: 10_000,
      timeScale: 0.1,
      log,
      memory,
    })
    await new OneFichierClient(transport).listFiles(7)
    expect(listedAt - otherRun).toBeGreaterThanOrEqual(3_100 - 5)
    expect(log.lines.filter((l) => !l.startsWith('debug:'))).toEqual([
      expect.stringMatching(
        /^Waiting \d s before listing folder 7: 1fichier allows one every 31 s and another run made one 0 s ago$/,
      ),
    ])
    // This run's own listing is remembered for the next run.
    expect(remembered.get('file/ls.cgi:7')).toBeGreaterThan(otherRun)
  })
})
