// Plain http goes only to this machine, and never through a proxy: the key would cross it in clear.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Transport } from '../../../src/onefichier/transport.js'
import { OneFichierClient } from '../../../src/onefichier/client.js'
import { MemoryLog } from '../../helpers/memory-log.ts'
import { parseConfig } from '../../../src/core/config.js'

let server: ReturnType<typeof createServer>
let port = 0
const seen: string[] = []
const saved = { HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy, NO_PROXY: process.env.NO_PROXY }

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'OK', items: [] }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  Object.assign(process.env, saved)
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]
  await new Promise((resolve) => server.close(resolve))
})

describe('plain http', () => {
  it('to a loopback api-url goes straight there, even with a proxy set for http', async () => {
    // A proxy that refuses every connection: going through it would fail the call.
    process.env.HTTP_PROXY = process.env.http_proxy = 'http://127.0.0.1:9'
    delete process.env.NO_PROXY
    const transport = new Transport({
      apiUrl: `http://127.0.0.1:${port}/v1`,
      apiKey: 'k'.repeat(32),
      retries: 1,
      stallTimeoutMs: 5_000,
      timeScale: 0,
      log: new MemoryLog(),
    })
    try {
      expect(await new OneFichierClient(transport).listFiles(0)).toEqual([])
    } finally {
      await transport.close()
    }
    expect(seen).toEqual(['POST /v1/file/ls.cgi'])
  })

  it('is refused for any other host', () => {
    for (const url of ['http://api.1fichier.com/v1', 'http://10.0.0.1/v1', 'http://localhost.example.com/v1']) {
      expect(() => parseConfig((n) => ({ 'api-key': 'k'.repeat(32), path: 'data', 'api-url': url })[n] ?? '')).toThrow(
        /must use https/,
      )
    }
    for (const url of ['http://localhost:1/v1', 'http://127.0.0.2:1/v1', 'http://[::1]:1/v1']) {
      expect(parseConfig((n) => ({ 'api-key': 'k'.repeat(32), path: 'data', 'api-url': url })[n] ?? '').apiUrl).toBe(
        url,
      )
    }
  })
})
