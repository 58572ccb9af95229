// The whole selection at once, for tests that need it all before zipping (the run streams it).
import { type Entry, type SelectOptions, openSelection } from '../../src/select/select.js'

export interface Selection {
  root: string
  entries: Entry[]
  /** Files and links (directories are not counted). */
  fileCount: number
  totalBytes: number
  /** Paths that look like credentials, with a word on each. */
  credentialWarnings: string[]
}

export async function selectFiles(patterns: string, options: SelectOptions): Promise<Selection> {
  const stream = await openSelection(patterns, options)
  const entries: Entry[] = []
  for await (const entry of stream.entries) entries.push(entry)
  return { root: stream.root, entries, ...stream.tally }
}
