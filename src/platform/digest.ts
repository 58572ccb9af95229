// SHA-256 and Whirlpool of the finished zip, read back from the file while it is being uploaded.
// Whirlpool (1fichier's checksum) is slow: hashed while zipping it took a core from deflate; hashed
// beside the upload, which waits on the network, it costs next to nothing. It runs in a child Node
// process with OpenSSL's legacy provider (about twice as fast as WebAssembly); where that is not
// available, hash-wasm does it in this process.
import { type ChildProcessByStdio, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { isSea } from 'node:sea'
import type { Readable, Writable } from 'node:stream'
import { createWhirlpool } from 'hash-wasm'

export interface Digests {
  sha256: string
  whirlpool: string
}

type DigestEngine = 'openssl-child' | 'wasm'

export interface DigestJob {
  /** Resolves once the whole file is hashed. */
  readonly result: Promise<Digests & { engine: DigestEngine }>
  /** Stops the hashing (the run is over or cancelled); `result` then rejects. */
  cancel(): void
}

// Hashes what arrives on stdin; says "ready" once Whirlpool is there (else exits 3), and prints
// the Whirlpool at the end.
const CHILD_SCRIPT = `
const c = require('node:crypto')
let w
try { w = c.createHash('whirlpool') } catch { process.exit(3) }
process.stdout.write('ready\\n')
process.stdin.on('data', (d) => w.update(d)).on('end', () => process.stdout.write(w.digest('hex') + '\\n'))
`

const CHILD_UNAVAILABLE = 3

// Hashes the file named by its argument as it grows: each line on stdin is a length up to which its
// bytes are final, "end" says it is whole; then prints the Whirlpool (exits 3 when OpenSSL has none).
const GROWING_FILE_SCRIPT = `
const c = require('node:crypto')
const fs = require('node:fs')
let w
try { w = c.createHash('whirlpool') } catch { process.exit(3) }
const buffer = Buffer.allocUnsafe(1 << 20)
let fd = null, hashed = 0, ready = 0, ended = false, rest = ''
process.stdin.on('data', (d) => {
  const lines = (rest + d).split('\\n')
  rest = lines.pop()
  for (const line of lines) line === 'end' ? (ended = true) : (ready = Math.max(ready, Number(line)))
  if (fd === null) fd = fs.openSync(process.argv[1], 'r')
  while (hashed < ready) {
    const n = fs.readSync(fd, buffer, 0, Math.min(buffer.length, ready - hashed), hashed)
    if (n <= 0) process.exit(4)
    w.update(buffer.subarray(0, n))
    hashed += n
  }
  if (ended) process.stdout.write(w.digest('hex') + '\\n')
})
`

export interface DigestOptions {
  /** false keeps Whirlpool in this process (hash-wasm). */
  preferChild?: boolean
  /**
   * Sees every byte of the file in order, in the same read (the zip's read-back check). The chunk's
   * memory is used again once `feed` resolves: whatever it keeps of it, it copies.
   */
  reader?: { feed(chunk: Buffer): Promise<void> }
}

const READ_SIZE = 1 << 20

/**
 * Starts reading `file` at once: SHA-256 here, Whirlpool in a child Node with OpenSSL's legacy
 * provider (about twice as fast as WebAssembly) fed through a pipe, or with hash-wasm here. The
 * file is read once, whatever else (`reader`) looks at its bytes.
 */
export function digestFile(file: string, options: DigestOptions = {}): DigestJob {
  const digest = new StreamingDigest(options)
  const result = (async () => {
    try {
      for await (const chunk of readInTurns(file, digest.signal)) {
        await digest.update(chunk)
        await options.reader?.feed(chunk)
      }
    } catch (error) {
      digest.cancel()
      throw error
    }
    return digest.result()
  })()
  // A failure surfaces where the result is awaited; until then it must not be unhandled.
  result.catch(() => undefined)
  return { result, cancel: () => digest.cancel() }
}

/**
 * The Whirlpool of a file while it is written from its start (a download): `grown(length)` says its
 * bytes up to `length` are final, `digest(length)` that it is whole. A child Node with OpenSSL's legacy
 * provider reads and hashes them as they come, beside this process, so the digest is ready soon after
 * the last write. Where no such child runs (the standalone executable, an OpenSSL without Whirlpool),
 * hash-wasm reads the whole file here at the end.
 */
export class GrowingFileWhirlpool {
  private readonly child: ChildProcessByStdio<Writable, Readable, null> | null
  /** The child's Whirlpool; null when it could not start (hash-wasm then does the work). */
  private readonly fromChild: Promise<string | null>

  constructor(
    private readonly file: string,
    private readonly signal: AbortSignal,
  ) {
    if (isSea()) {
      // The standalone executable is no `node`: started again, it runs the CLI, not `-e`.
      this.child = null
      this.fromChild = Promise.resolve(null)
      return
    }
    const { child, closed } = hashChild(GROWING_FILE_SCRIPT, [file], signal)
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    this.child = child
    this.fromChild = closed.then((code) => {
      const match = /^[0-9a-f]{128}$/.exec(output.trim())
      if (code === 0 && match) return match[0]
      if (code === CHILD_UNAVAILABLE || code === null) return null
      throw new Error(`hashing the download failed (the hashing process exited with ${code})`)
    })
    // A failure surfaces where the digest is awaited; until then it must not be unhandled.
    this.fromChild.catch(() => undefined)
  }

  /** The file's bytes up to `length` are written and will not change. */
  grown(length: number): void {
    this.child?.stdin.write(`${length}\n`)
  }

  /** Stops the child (the file starts over, or the work is done or cancelled). */
  cancel(): void {
    this.child?.kill()
  }

  /** The Whirlpool of the whole file, `length` bytes long. */
  async digest(length: number): Promise<string> {
    this.child?.stdin.end(`${length}\nend\n`)
    const whirlpool = await this.fromChild
    this.signal.throwIfAborted()
    if (whirlpool !== null) return whirlpool
    const job = digestFile(this.file, { preferChild: false })
    const stop = () => job.cancel()
    this.signal.addEventListener('abort', stop, { once: true })
    try {
      return (await job.result).whirlpool
    } finally {
      this.signal.removeEventListener('abort', stop)
    }
  }
}

/**
 * SHA-256 and Whirlpool of bytes handed in order as they come (digestFile's), with the engines it
 * uses. Whirlpool's engine starts at once.
 */
class StreamingDigest {
  private readonly abort = new AbortController()
  private readonly sha256 = createHash('sha256')
  private readonly whirlpool: Promise<WhirlpoolSink>

  constructor(options: Pick<DigestOptions, 'preferChild'> = {}) {
    const signal = this.abort.signal
    this.whirlpool = (async () =>
      (options.preferChild !== false ? await childWhirlpool(signal) : null) ?? (await wasmWhirlpool()))()
    // A failure surfaces at the next update or at the result; until then it must not be unhandled.
    this.whirlpool.catch(() => undefined)
  }

  /** Aborted once the digest is cancelled. */
  get signal(): AbortSignal {
    return this.abort.signal
  }

  /** Resolves once the chunk is taken: its memory may then be used again. */
  async update(chunk: Buffer): Promise<void> {
    this.sha256.update(chunk)
    await (await this.whirlpool).update(chunk)
  }

  async result(): Promise<Digests & { engine: DigestEngine }> {
    const whirlpool = await this.whirlpool
    return { sha256: this.sha256.digest('hex'), whirlpool: await whirlpool.digest(), engine: whirlpool.engine }
  }

  /** Stops the hashing (the run is over or cancelled, or the bytes will not all come in order). */
  cancel(): void {
    if (this.abort.signal.aborted) return
    this.abort.abort(new Error('hashing cancelled'))
    this.whirlpool.then(
      (sink) => sink.abort(),
      () => undefined,
    )
  }
}

/**
 * The file in 1 MiB chunks, read into two buffers in turn: the next read runs while a chunk is
 * hashed, and no chunk is a new allocation (a fresh 1 MiB per read piled up as garbage, ~50 MB).
 * A chunk is valid until the loop asks for the one after the next.
 */
async function* readInTurns(file: string, signal: AbortSignal): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffers = [Buffer.allocUnsafe(READ_SIZE), Buffer.allocUnsafe(READ_SIZE)]
    let position = 0
    const readAt = async (buffer: Buffer) => {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position)
      position += bytesRead
      return buffer.subarray(0, bytesRead)
    }
    let next = readAt(buffers[0]!)
    for (let turn = 1; ; turn++) {
      const chunk = await next
      signal.throwIfAborted()
      if (chunk.length === 0) return
      // The other buffer's chunk was handled in full before this one was handed out.
      next = readAt(buffers[turn % 2]!)
      next.catch(() => undefined)
      yield chunk
    }
  } finally {
    await handle.close()
  }
}

/**
 * A child Node with OpenSSL's legacy provider running `script` (the file's path, when any, its only
 * argument); it needs nothing from our environment (and must not see the key). `closed` gives its
 * exit code, or null when it could not start.
 */
function hashChild(script: string, args: string[], signal: AbortSignal) {
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', script, ...args], {
    stdio: ['pipe', 'pipe', 'ignore'],
    env: {},
    signal,
  })
  child.stdin.on('error', () => undefined)
  const closed = new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null))
    child.on('close', resolve)
  })
  return { child, closed }
}

interface WhirlpoolSink {
  engine: DigestEngine
  update(chunk: Buffer): Promise<void>
  digest(): Promise<string>
  abort(): void
}

/** null when this Node has no Whirlpool in OpenSSL (or cannot start a child). */
async function childWhirlpool(signal: AbortSignal): Promise<WhirlpoolSink | null> {
  // The standalone executable is no `node`: started again, it runs the CLI, not `-e`.
  if (isSea()) return null
  const { child, closed } = hashChild(CHILD_SCRIPT, [], signal)
  let output = ''
  const ready = new Promise<boolean>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString()
      if (output.startsWith('ready\n')) resolve(true)
    })
    void closed.then(() => resolve(false))
  })
  if (!(await ready)) {
    const code = await closed
    signal.throwIfAborted()
    if (code === CHILD_UNAVAILABLE || code === null) return null
    throw new Error(`hashing the zip failed (the hashing process exited with ${code})`)
  }
  return {
    engine: 'openssl-child',
    // Resolves once the chunk is in the pipe: its buffer is then free to be read into again.
    update: (chunk) =>
      new Promise<void>((resolve, reject) => child.stdin.write(chunk, (error) => (error ? reject(error) : resolve()))),
    digest: async () => {
      child.stdin.end()
      const code = await closed
      signal.throwIfAborted()
      const match = /^ready\n([0-9a-f]{128})$/.exec(output.trim())
      if (code !== 0 || !match) throw new Error(`hashing the zip failed (the hashing process exited with ${code})`)
      return match[1]!
    },
    abort: () => child.kill(),
  }
}

async function wasmWhirlpool(): Promise<WhirlpoolSink> {
  const whirlpool = await createWhirlpool()
  whirlpool.init()
  return {
    engine: 'wasm',
    update: async (chunk) => void whirlpool.update(chunk),
    digest: async () => whirlpool.digest('hex'),
    abort: () => undefined,
  }
}
