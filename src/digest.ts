// SHA-256 and Whirlpool of a stream as it passes: the archive is hashed while it is written,
// never read back. Whirlpool is 1fichier's checksum and it is slow, so it runs beside the zip
// writer, in a child Node process with OpenSSL's legacy provider (about twice as fast as
// WebAssembly); where that is not available, hash-wasm does it in this process.
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { Transform, type Readable, type TransformCallback, type Writable } from 'node:stream'
import { createWhirlpool } from 'hash-wasm'

export interface Digests {
  size: number
  sha256: string
  whirlpool: string
}

interface WhirlpoolHasher {
  /** Resolves when the hasher can take more (backpressure). */
  update(chunk: Buffer): Promise<void> | void
  digest(): Promise<string>
  dispose(): void
}

// Reads stdin, prints the Whirlpool hex digest. The first line says whether OpenSSL has it.
const CHILD_SCRIPT = `
const c = require('node:crypto')
let h
try { h = c.createHash('whirlpool') } catch { process.stdout.write('unavailable\\n'); process.exit(3) }
process.stdout.write('ready\\n')
process.stdin.on('data', (d) => h.update(d))
process.stdin.on('end', () => process.stdout.write(h.digest('hex') + '\\n'))
`

class ChildWhirlpool implements WhirlpoolHasher {
  private output = ''
  private constructor(private readonly child: ChildProcessByStdio<Writable, Readable, null>) {
    child.stdout.on('data', (d: Buffer) => (this.output += d.toString()))
  }

  static async start(): Promise<ChildWhirlpool | null> {
    let child: ChildProcessByStdio<Writable, Readable, null>
    try {
      child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', CHILD_SCRIPT], {
        stdio: ['pipe', 'pipe', 'ignore'],
        // The child needs nothing from our environment (and must not see the key).
        env: {},
      })
    } catch {
      return null
    }
    const hasher = new ChildWhirlpool(child)
    const ready = await Promise.race([
      new Promise<boolean>((resolve) => {
        const check = () => {
          if (hasher.output.includes('\n')) resolve(hasher.output.startsWith('ready'))
        }
        child.stdout.on('data', check)
      }),
      once(child, 'exit').then(() => false),
      once(child, 'error').then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000).unref()),
    ]).catch(() => false)
    if (!ready) {
      hasher.dispose()
      return null
    }
    hasher.output = ''
    child.stdin.on('error', () => undefined)
    return hasher
  }

  update(chunk: Buffer): Promise<void> | void {
    if (!this.child.stdin.write(chunk)) return once(this.child.stdin, 'drain').then(() => undefined)
  }

  async digest(): Promise<string> {
    this.child.stdin.end()
    const [code] = (await once(this.child, 'close')) as [number | null]
    const hex = this.output.trim()
    if (code !== 0 || !/^[0-9a-f]{128}$/.test(hex)) throw new Error('the Whirlpool hashing process failed')
    return hex
  }

  dispose(): void {
    if (this.child.exitCode === null) this.child.kill()
  }
}

class WasmWhirlpool implements WhirlpoolHasher {
  private constructor(private readonly hasher: Awaited<ReturnType<typeof createWhirlpool>>) {}
  static async start(): Promise<WasmWhirlpool> {
    const hasher = await createWhirlpool()
    hasher.init()
    return new WasmWhirlpool(hasher)
  }
  update(chunk: Buffer): void {
    this.hasher.update(chunk)
  }
  async digest(): Promise<string> {
    return this.hasher.digest('hex')
  }
  dispose(): void {}
}

export class DigestStream extends Transform {
  private readonly sha256 = createHash('sha256')
  private size = 0

  private constructor(private readonly whirlpool: WhirlpoolHasher) {
    super()
  }

  /** `preferChild: false` keeps everything in this process (hash-wasm). */
  static async create(options: { preferChild?: boolean } = {}): Promise<DigestStream> {
    const child = options.preferChild === false ? null : await ChildWhirlpool.start()
    return new DigestStream(child ?? (await WasmWhirlpool.start()))
  }

  /** Which Whirlpool implementation runs, for the debug log and tests. */
  get whirlpoolEngine(): 'openssl-child' | 'wasm' {
    return this.whirlpool instanceof ChildWhirlpool ? 'openssl-child' : 'wasm'
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sha256.update(chunk)
    this.size += chunk.length
    const pending = this.whirlpool.update(chunk)
    if (pending) pending.then(() => callback(null, chunk), callback)
    else callback(null, chunk)
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // A normal end also destroys the stream: the hasher then still has to hand over its digest.
    if (error) this.whirlpool.dispose()
    callback(error)
  }

  /** Call once the stream has ended. */
  async digests(): Promise<Digests> {
    return { size: this.size, sha256: this.sha256.digest('hex'), whirlpool: await this.whirlpool.digest() }
  }
}
