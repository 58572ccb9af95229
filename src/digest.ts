// SHA-256 and Whirlpool of the finished zip, read back from the file while it is being uploaded.
// Whirlpool (1fichier's checksum) is slow: hashed while zipping it took a core from deflate; hashed
// beside the upload, which waits on the network, it costs next to nothing. It runs in a child Node
// process with OpenSSL's legacy provider (about twice as fast as WebAssembly); where that is not
// available, hash-wasm does it in this process.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createWhirlpool } from 'hash-wasm'

export interface Digests {
  sha256: string
  whirlpool: string
}

export type DigestEngine = 'openssl-child' | 'wasm'

export interface DigestJob {
  /** Resolves once the whole file is hashed. */
  readonly result: Promise<Digests & { engine: DigestEngine }>
  /** Stops the hashing (the run is over or cancelled); `result` then rejects. */
  cancel(): void
}

// Hashes the file named by argv[1]; prints "<sha256> <whirlpool>", or exits 3 without Whirlpool.
const CHILD_SCRIPT = `
const c = require('node:crypto'), fs = require('node:fs')
let w
try { w = c.createHash('whirlpool') } catch { process.exit(3) }
const s = c.createHash('sha256')
fs.createReadStream(process.argv[1], { highWaterMark: 1 << 20 })
  .on('data', (d) => { s.update(d); w.update(d) })
  .on('error', () => process.exit(4))
  .on('end', () => process.stdout.write(s.digest('hex') + ' ' + w.digest('hex') + '\\n'))
`

const CHILD_UNAVAILABLE = 3

/** Starts hashing `file` at once. `preferChild: false` keeps it in this process (hash-wasm). */
export function digestFile(file: string, options: { preferChild?: boolean } = {}): DigestJob {
  const abort = new AbortController()
  const result = (async () => {
    if (options.preferChild !== false) {
      const child = await inChild(file, abort.signal)
      if (child) return { ...child, engine: 'openssl-child' as const }
    }
    return { ...(await inProcess(file, abort.signal)), engine: 'wasm' as const }
  })()
  // A failure surfaces where the result is awaited; until then it must not be unhandled.
  result.catch(() => undefined)
  return { result, cancel: () => abort.abort(new Error('hashing cancelled')) }
}

/** null when this Node has no Whirlpool in OpenSSL (or cannot start a child). */
async function inChild(file: string, signal: AbortSignal): Promise<Digests | null> {
  let output = ''
  // The child needs nothing from our environment (and must not see the key).
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', CHILD_SCRIPT, file], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: {},
    signal,
  })
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  const code = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null))
    child.on('close', resolve)
  })
  signal.throwIfAborted()
  if (code === CHILD_UNAVAILABLE || code === null) return null
  const match = /^([0-9a-f]{64}) ([0-9a-f]{128})$/.exec(output.trim())
  if (code !== 0 || !match) throw new Error(`hashing the zip failed (the hashing process exited with ${code})`)
  return { sha256: match[1]!, whirlpool: match[2]! }
}

async function inProcess(file: string, signal: AbortSignal): Promise<Digests> {
  const sha256 = createHash('sha256')
  const whirlpool = await createWhirlpool()
  whirlpool.init()
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, signal })) {
    sha256.update(chunk as Buffer)
    whirlpool.update(chunk as Buffer)
  }
  return { sha256: sha256.digest('hex'), whirlpool: whirlpool.digest('hex') }
}
