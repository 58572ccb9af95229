// What the walk hands to the zip: one file, directory or link, named as it goes into the archive.
// Pure types, shared by select/, zip/ and the fingerprint.

interface EntryBase {
  /** Absolute path on disk (for a name that is not valid UTF-8, with U+FFFD: see `raw`). */
  source: string
  /** A path with a name that is not valid UTF-8: the bytes to open it by, and to name it in the zip. */
  raw?: { source: Buffer; name: Buffer }
  /** Path inside the archive, `/`-separated, relative to the root. */
  name: string
  /** Unix permission bits (with setuid/setgid/sticky). */
  mode: number
  mtime: Date
}

export type Entry =
  | (EntryBase & { kind: 'file'; size: number })
  | (EntryBase & { kind: 'directory' })
  | (EntryBase & { kind: 'symlink'; target: string })

/** Sees what is zipped: every entry, then (for files) its data in order, then its end. */
export interface ContentObserver {
  entry(entry: Entry): void
  data(chunk: Buffer): void
  end(): void
}
