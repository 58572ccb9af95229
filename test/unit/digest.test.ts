// Both Whirlpool engines (OpenSSL in a child process, hash-wasm in process) agree with OpenSSL's CLI.
import { randomBytes } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { DigestStream } from '../../src/digest.js'
import { opensslWhirlpool, sha256 } from '../helpers/workspace.ts'

describe('DigestStream', () => {
  const data = randomBytes(3 * 1024 * 1024 + 17)
  it.each([true, false])('preferChild %s matches openssl dgst and node sha256', async (preferChild) => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'dg-')), 'data')
    await writeFile(file, data)
    const digest = await DigestStream.create({ preferChild })
    expect(digest.whirlpoolEngine).toBe(preferChild ? 'openssl-child' : 'wasm')
    const chunks = Array.from({ length: Math.ceil(data.length / 65536) }, (_, i) => data.subarray(i * 65536, (i + 1) * 65536))
    await pipeline(Readable.from(chunks), digest, new Writable({ write: (_c, _e, cb) => cb() }))
    expect(await digest.digests()).toEqual({ size: data.length, sha256: sha256(data), whirlpool: opensslWhirlpool(file) })
  })
})
