// The selection to a zip file on disk, streamed (never held in memory), hashed as it is written.
// Unix modes are kept; links are stored as links with their target as written.
import { createReadStream, createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import * as path from 'node:path'
import { ZipArchive } from 'archiver'
import { DigestStream, type Digests } from './digest.js'
import type { Entry } from './select.js'

export interface ArchiveResult extends Digests {
  path: string
  entryCount: number
}

export interface ArchiveOptions {
  compressionLevel: number
  signal?: AbortSignal | undefined
  onEntry?: (entry: Entry, index: number) => void
}

// Deflating these again costs time and saves nothing: they are stored as they are.
const ALREADY_COMPRESSED = new Set(
  (
    'zip gz tgz bz2 tbz2 xz txz zst tzst lz lz4 lzma 7z rar br cab jar war apk deb rpm dmg iso whl nupkg ' +
    'jpg jpeg png gif webp avif heic heif jxl mp3 m4a aac ogg oga opus flac mp4 m4v mkv mov avi webm wmv ' +
    'woff woff2 pdf docx xlsx pptx odt ods odp epub'
  ).split(' '),
)

export function isAlreadyCompressed(name: string): boolean {
  return ALREADY_COMPRESSED.has(path.extname(name).slice(1).toLowerCase())
}

/** Opens the file only when the archiver reaches it, so thousands of entries hold no descriptors. */
function lazyFileStream(file: string): Readable {
  return Readable.from(
    (async function* () {
      yield* createReadStream(file, { highWaterMark: 1 << 20 })
    })(),
    { objectMode: false },
  )
}

export async function writeArchive(entries: readonly Entry[], destination: string, options: ArchiveOptions): Promise<ArchiveResult> {
  const zip = new ZipArchive({ zlib: { level: options.compressionLevel }, store: options.compressionLevel === 0 })
  const digest = await DigestStream.create()
  const written = pipeline(zip, digest, createWriteStream(destination, { mode: 0o600 }), { signal: options.signal })
  // Entries are queued; archiver pulls each source in order.
  for (const [index, entry] of entries.entries()) {
    options.onEntry?.(entry, index)
    const common = { name: entry.name, mode: entry.mode, date: entry.mtime }
    if (entry.kind === 'directory') {
      zip.append(Buffer.alloc(0), { ...common, name: `${entry.name}/`, type: 'directory' } as never)
    } else if (entry.kind === 'symlink') {
      zip.symlink(entry.name, entry.target, entry.mode)
    } else {
      const store = options.compressionLevel === 0 || isAlreadyCompressed(entry.name)
      zip.append(lazyFileStream(entry.source), { ...common, store } as never)
    }
  }
  await Promise.all([zip.finalize(), written])
  return { path: destination, entryCount: entries.length, ...digest.digests() }
}
