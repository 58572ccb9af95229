// The client's memory of a folder's listing and of a prefetched upload node, over a stub transport
// that records each API call: the API allows one file/ls.cgi per folder per 30 s, so a listing is
// reused until this client changes the folder, and a prefetched node serves one upload only.
import { describe, expect, it } from 'vitest'
import { OneFichierClient } from '../../../src/onefichier/client.js'
import type { Transport } from '../../../src/onefichier/transport.js'

function stubClient() {
  const calls: string[] = []
  let listed = 0
  const transport = {
    options: { stallTimeoutMs: 60_000 },
    api: async (endpoint: string) => {
      calls.push(endpoint)
      if (endpoint === 'file/ls.cgi')
        return { items: [{ url: `https://1fichier.com/?abcde${listed++}`, filename: 'a', size: 1 }] }
      if (endpoint === 'upload/get_upload_server.cgi') return { url: 'up-1.1fichier.com', id: `id${calls.length}` }
      if (endpoint === 'file/rm.cgi') return { removed: 1 }
      return {}
    },
    once: async <T>(attempt: () => Promise<T>) => attempt(),
    send: async () => ({ status: 302, headers: {}, body: '' }),
  } as unknown as Transport
  return { client: new OneFichierClient(transport), calls }
}

describe('the client remembers', () => {
  it('a listing, until the folder is changed through it or a fresh one is asked for', async () => {
    const { client, calls } = stubClient()
    const first = await client.listFiles(7)
    expect(await client.listFiles(7)).toBe(first)
    expect(calls.filter((c) => c === 'file/ls.cgi')).toHaveLength(1)
    await client.listFiles(8)
    expect(calls.filter((c) => c === 'file/ls.cgi')).toHaveLength(2)

    // A removal of a file it showed makes the listing out of date.
    await client.removeFile(first[0].url)
    const second = await client.listFiles(7)
    expect(second).not.toBe(first)
    expect(await client.listFiles(7, { fresh: true })).not.toBe(second)
    expect(calls.filter((c) => c === 'file/ls.cgi')).toHaveLength(4)
    // Folder 8 was not touched: still the same listing.
    await client.listFiles(8)
    expect(calls.filter((c) => c === 'file/ls.cgi')).toHaveLength(4)
  })

  it('a prefetched upload node, for one upload only', async () => {
    const { client, calls } = stubClient()
    client.prefetchUploadServer()
    const first = await client.getUploadServer()
    const second = await client.getUploadServer()
    expect(calls.filter((c) => c === 'upload/get_upload_server.cgi')).toHaveLength(2)
    expect(second.id).not.toBe(first.id)
  })
})
