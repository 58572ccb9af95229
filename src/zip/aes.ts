// WinZip AE-2 encryption (https://www.winzip.com/en/support/aes-encryption/), the AES zip format
// that 7-Zip, WinZip, pyzipper and libarchive read. Per entry: a random salt; PBKDF2-HMAC-SHA1
// (1,000 rounds) turns password + salt into an AES-256 key, an HMAC key and a 2-byte password
// check; the data is AES-CTR with a little-endian counter starting at 1; a 10-byte HMAC-SHA1 of
// the ciphertext closes it. AE-2 leaves the CRC field 0 (the HMAC authenticates instead).
import { createCipheriv, createHmac, pbkdf2, randomBytes, timingSafeEqual, type Cipheriv } from 'node:crypto'
import { endianness } from 'node:os'
import { promisify } from 'node:util'

const pbkdf2Async = promisify(pbkdf2)

import { AES_EXTRA_ID, AES_METHOD } from './format.js'

export { AES_EXTRA_ID, AES_METHOD }
const KEY_BYTES = 32 // AES-256, what this tool writes
const SALT_BYTES = 16
/** WinZip's strength byte (1, 2, 3) to the key length; the salt is half the key. */
export const AES_KEY_BYTES: Record<number, number> = { 1: 16, 2: 24, 3: 32 }
const BLOCK = 16
export const AES_MAC_BYTES = 10
/** Salt and password check before the data, MAC after it. */
export const AES_OVERHEAD = SALT_BYTES + 2 + AES_MAC_BYTES

/** The 0x9901 extra field: AE-2, vendor "AE", AES-256, and the real compression method. */
export const AES_EXTRA_LENGTH = 11

export function aesExtraField(actualMethod: number): Buffer {
  const extra = Buffer.alloc(AES_EXTRA_LENGTH)
  extra.writeUInt16LE(AES_EXTRA_ID, 0)
  extra.writeUInt16LE(7, 2)
  extra.writeUInt16LE(2, 4) // AE-2
  extra.write('AE', 6, 'latin1')
  extra.writeUInt8(3, 8) // 256-bit key
  extra.writeUInt16LE(actualMethod, 9)
  return extra
}

/** One entry's encryption: its own salt, so no two entries share a keystream. */
export class EntryCipher {
  private readonly ecb: Cipheriv
  private readonly mac: ReturnType<typeof createHmac>
  private counter = 1
  /** Keystream bytes left over from the last block of the previous update. */
  private spare: Buffer = Buffer.alloc(0)

  private constructor(
    key: Buffer,
    macKey: Buffer,
    /** Salt and password check, written before the encrypted data. */
    readonly preamble: Buffer,
    /** Reading: the code authenticates the ciphertext, which is then the input. */
    private readonly reading = false,
  ) {
    this.ecb = createCipheriv(`aes-${key.length * 8}-ecb`, key, null).setAutoPadding(false)
    this.mac = createHmac('sha1', macKey)
  }

  static async create(password: string): Promise<EntryCipher> {
    // The counter blocks are laid out with a Uint32Array, whose byte order is the machine's.
    if (endianness() !== 'LE') throw new Error('archive-password needs a little-endian machine (x64, arm64)')
    const salt = randomBytes(SALT_BYTES)
    const derived = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, 1000, 2 * KEY_BYTES + 2, 'sha1')
    const preamble = Buffer.concat([salt, derived.subarray(2 * KEY_BYTES)])
    return new EntryCipher(derived.subarray(0, KEY_BYTES), derived.subarray(KEY_BYTES, 2 * KEY_BYTES), preamble)
  }

  /**
   * For reading an entry back: from its salt and password check; null when the password does not fit.
   * `keyBytes` is 16, 24 or 32 (AES-128, -192, -256; the salt is half as long).
   */
  static async forReading(password: string, preamble: Buffer, keyBytes = KEY_BYTES): Promise<EntryCipher | null> {
    if (endianness() !== 'LE') throw new Error('archive-password needs a little-endian machine (x64, arm64)')
    const saltBytes = keyBytes / 2
    const salt = preamble.subarray(0, saltBytes)
    const derived = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, 1000, 2 * keyBytes + 2, 'sha1')
    if (!derived.subarray(2 * keyBytes).equals(preamble.subarray(saltBytes, saltBytes + 2))) return null
    return new EntryCipher(
      derived.subarray(0, keyBytes),
      derived.subarray(keyBytes, 2 * keyBytes),
      Buffer.from(preamble),
      true,
    )
  }

  /** Encrypts the next bytes of the entry (a new buffer; `data` is left as it is). */
  update(data: Buffer): Buffer {
    if (this.reading) this.mac.update(data)
    // Unpooled, so its words are aligned for the 32-bit XOR below.
    const out = Buffer.allocUnsafeSlow(data.length)
    data.copy(out)
    const done = Math.min(this.spare.length, data.length)
    for (let i = 0; i < done; i++) out[i]! ^= this.spare[i]!
    this.spare = this.spare.subarray(done)
    if (done < data.length) {
      const keystream = this.keystream(Math.ceil((data.length - done) / BLOCK))
      xorInPlace(out, done, keystream)
      // At most 15 bytes are kept for the next call (copied, so the keystream itself can go).
      this.spare = Buffer.from(keystream.subarray(data.length - done))
    }
    if (!this.reading) this.mac.update(out)
    return out
  }

  /** The authentication code, written after the encrypted data. */
  final(): Buffer {
    return this.mac.digest().subarray(0, AES_MAC_BYTES)
  }

  /** `blocks` blocks of keystream: AES of the counter, counting from 1, little-endian (not Node's CTR order). */
  private keystream(blocks: number): Buffer {
    const counters = new Uint32Array(blocks * 4)
    for (let i = 0; i < blocks; i++) {
      counters[i * 4] = this.counter % 0x1_0000_0000
      counters[i * 4 + 1] = Math.floor(this.counter / 0x1_0000_0000)
      this.counter++
    }
    return this.ecb.update(Buffer.from(counters.buffer))
  }
}

/** out[start..] ^= keystream, a word at a time where both are aligned. */
function xorInPlace(out: Buffer, start: number, keystream: Buffer): void {
  const length = out.length - start
  let i = 0
  const outOffset = out.byteOffset + start
  if (outOffset % 4 === 0 && keystream.byteOffset % 4 === 0) {
    const words = length >>> 2
    const a = new Int32Array(out.buffer, outOffset, words)
    const b = new Int32Array(keystream.buffer, keystream.byteOffset, words)
    for (let w = 0; w < words; w++) a[w]! ^= b[w]!
    i = words * 4
  }
  for (; i < length; i++) out[start + i]! ^= keystream[i]!
}

/** The archive password does not open an AE-2 entry (its 2-byte password check differs). */
export class AesPasswordError extends Error {
  override name = 'AesPasswordError'
}

/**
 * Reads one AE-2 entry's stored bytes, in order, in pieces of any size: the salt and password
 * check first, then the ciphertext (decrypted), and the 10-byte authentication code last, which is
 * always held back from the output and checked by `finish()`.
 */
export class AesEntryReader {
  private head = Buffer.alloc(0)
  private tail = Buffer.alloc(0)
  private cipher: EntryCipher | undefined

  /** `keyBytes`: 32 for AES-256 (what this tool writes), 24 or 16 for zips of other tools. */
  constructor(
    private readonly password: string,
    private readonly keyBytes = KEY_BYTES,
  ) {}

  /** The plaintext of the next stored bytes (empty while the preamble or the code is gathered). */
  async read(chunk: Buffer): Promise<Buffer> {
    let data = chunk
    if (!this.cipher) {
      this.head = Buffer.concat([this.head, chunk])
      const preamble = this.keyBytes / 2 + 2
      if (this.head.length < preamble) return Buffer.alloc(0)
      const cipher = await EntryCipher.forReading(this.password, this.head.subarray(0, preamble), this.keyBytes)
      if (!cipher) throw new AesPasswordError('its password check does not match the archive password')
      this.cipher = cipher
      data = this.head.subarray(preamble)
    }
    const all = Buffer.concat([this.tail, data])
    const keep = Math.min(all.length, AES_MAC_BYTES)
    this.tail = Buffer.from(all.subarray(all.length - keep))
    const body = all.subarray(0, all.length - keep)
    return body.length > 0 ? this.cipher.update(body) : Buffer.alloc(0)
  }

  /** What is wrong with the entry once all of it was read, or null when its code checks out. */
  finish(): 'cut short' | 'wrong authentication code' | null {
    if (!this.cipher) return 'cut short'
    const expected = this.cipher.final()
    return this.tail.length === expected.length && timingSafeEqual(this.tail, expected)
      ? null
      : 'wrong authentication code'
  }
}
