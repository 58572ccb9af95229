// The selection to a zip file on disk, streamed (never held in memory). Unix modes are kept; links
// are stored as links with their target as written. The checksums are taken afterwards (digest.ts).
import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import * as path from 'node:path'
import type { ContentObserver, Entry } from '../core/entry.js'
import { type ZipOptions, writeZip } from '../zip/zip-writer.js'

export interface ArchiveResult {
  path: string
  size: number
  entryCount: number
}

export interface ArchiveOptions {
  compressionLevel: number
  signal?: AbortSignal | undefined
  /** AES-256 (WinZip AE-2) password for the entries' contents. */
  password?: string | undefined
  /** Sees every entry and its bytes as they are zipped (skip-unchanged's fingerprint). */
  observer?: ContentObserver | undefined
  /** Called every `progressEveryMs` while the zip is written. */
  onProgress?: ((progress: { entryCount: number; zipBytes: number }) => void) | undefined
  progressEveryMs?: number | undefined
  onUnreadable?: ZipOptions['onUnreadable']
  onSizeChanged?: ZipOptions['onSizeChanged']
  sequential?: ZipOptions['sequential']
}

// Deflating these again costs time and saves nothing: they are stored as they are.
const ALREADY_COMPRESSED = new Set(
  (
    'zip gz tgz bz2 tbz2 xz txz zst tzst lz lz4 lzma 7z rar br cab jar war apk deb rpm dmg iso whl nupkg ' +
    'jpg jpeg png gif webp avif heic heif jxl mp3 m4a aac ogg oga opus flac mp4 m4v mkv mov avi webm wmv ' +
    'woff woff2 pdf docx xlsx pptx odt ods odp epub'
  ).split(' '),
)

function isAlreadyCompressed(name: string): boolean {
  return ALREADY_COMPRESSED.has(path.extname(name).slice(1).toLowerCase())
}

export async function writeArchive(
  entries: Iterable<Entry> | AsyncIterable<Entry>,
  destination: string,
  options: ArchiveOptions,
): Promise<ArchiveResult> {
  let entryCount = 0
  const file = createWriteStream(destination, { mode: 0o600, highWaterMark: 1 << 20 })
  const { onProgress } = options
  const ticker = onProgress
    ? setInterval(() => onProgress({ entryCount, zipBytes: file.bytesWritten }), options.progressEveryMs ?? 5_000)
    : undefined
  ticker?.unref()
  let size: number
  try {
    size = await writeZip(entries, file, {
      compressionLevel: options.compressionLevel,
      store: (entry) => isAlreadyCompressed(entry.name),
      signal: options.signal,
      password: options.password,
      observer: options.observer,
      onUnreadable: options.onUnreadable,
      onSizeChanged: options.onSizeChanged,
      onEntry: () => entryCount++,
      sequential: options.sequential,
      // A large central directory waits beside the zip until its end (zip-writer.ts); removed after.
      spillPath: `${destination}.central`,
    })
    file.end()
    await finished(file)
  } catch (error) {
    // A write still in flight fails once the stream is destroyed: that late error is expected and
    // must not be an unhandled 'error' event (it would crash the process, e.g. on a cancel).
    file.on('error', () => undefined)
    file.destroy()
    throw error
  } finally {
    clearInterval(ticker)
  }
  return { path: destination, size, entryCount }
}
