// SHA-256 and Whirlpool of a stream as it passes: the archive is hashed while it is written,
// never read back. Whirlpool is 1fichier's checksum (Node's OpenSSL 3 lacks it: hash-wasm).
import { createHash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { createWhirlpool } from 'hash-wasm'

export interface Digests {
  size: number
  sha256: string
  whirlpool: string
}

export class DigestStream extends Transform {
  private readonly sha256 = createHash('sha256')
  private size = 0

  private constructor(private readonly whirlpool: Awaited<ReturnType<typeof createWhirlpool>>) {
    super()
  }

  static async create(): Promise<DigestStream> {
    const whirlpool = await createWhirlpool()
    whirlpool.init()
    return new DigestStream(whirlpool)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sha256.update(chunk)
    this.whirlpool.update(chunk)
    this.size += chunk.length
    callback(null, chunk)
  }

  /** Valid once the stream has ended. */
  digests(): Digests {
    return { size: this.size, sha256: this.sha256.copy().digest('hex'), whirlpool: this.whirlpool.digest('hex') }
  }
}
