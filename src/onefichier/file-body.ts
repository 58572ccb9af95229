// The upload body: the zip read into a few buffers used over and over, not a fresh 1 MiB buffer
// per read (dead buffers pile up until V8 collects them, tens of MB of them).
//
// Reuse is safe because undici pulls an iterable body one chunk at a time (client-h1.js,
// writeIterable): it asks for the next chunk only once socket.write() of this one returned true,
// which for a chunk above the socket's high-water mark means the write already finished, or once
// the socket drained, which means every write finished. Besides, a buffer is refilled only after
// RING - 1 further chunks have gone out. A mistake here could only change bytes on the wire, and
// the verification after the upload (size and Whirlpool from 1fichier) would catch it.
import { open } from 'node:fs/promises'

const CHUNK_SIZE = 1 << 20
const RING = 4

export interface FileBodyOptions {
  preamble: Buffer
  epilogue: Buffer
  /** Called with the file bytes read so far, after each chunk. */
  onChunk?: (fileBytesSoFar: number) => void
}

export async function* fileBody(filePath: string, options: FileBodyOptions): AsyncGenerator<Buffer> {
  yield options.preamble
  const file = await open(filePath, 'r')
  try {
    const ring = Array.from({ length: RING }, () => Buffer.allocUnsafeSlow(CHUNK_SIZE))
    let position = 0
    for (let turn = 0; ; turn++) {
      const buffer = ring[turn % RING]!
      const { bytesRead } = await file.read(buffer, 0, CHUNK_SIZE, position)
      if (bytesRead === 0) break
      position += bytesRead
      options.onChunk?.(position)
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await file.close()
  }
  yield options.epilogue
}
