// Which files of a folder listing are the series' backups: told apart by file id, never guessed.
import { seriesMembership } from '../core/naming.js'
import type { Backup } from '../core/retention.js'
import { fileIdOf } from '../onefichier/file-id.js'
import { type FileItem, toNumber } from '../onefichier/types.js'

export interface SeriesListing {
  /** One backup per file id, whatever the listing repeats. */
  series: Backup[]
  /** Names of the series' shape whose timestamp is not a real time: never touched. */
  unreadable: string[]
  /**
   * Series names the listing shows in a way that cannot be trusted (no file id, one id under several
   * names): never touched.
   */
  ambiguous: string[]
}

/**
 * The backups of a series in a listing. Files are told apart by id, so a file listed twice is one
 * backup; an id shown under several names, or a series name without an id, is left out of the
 * series (and so never deleted).
 */
export function seriesFromListing(items: readonly FileItem[], prefix: string): SeriesListing {
  const byId = new Map<string, FileItem[]>()
  const ambiguous: string[] = []
  // Whatever the types say, the listing is the server's: an item may be anything.
  for (const item of items as ReadonlyArray<FileItem | null | undefined>) {
    if (typeof item?.filename !== 'string' || typeof item.url !== 'string') continue
    const id = fileIdOf(item.url)
    if (id === null) {
      if (seriesMembership(prefix, item.filename).member) ambiguous.push(`'${item.filename}' (its link has no file id)`)
      continue
    }
    const same = byId.get(id)
    if (same) same.push(item)
    else byId.set(id, [item])
  }
  const series: Backup[] = []
  const unreadable: string[] = []
  for (const listed of byId.values()) {
    const names = new Set(listed.map((item) => item.filename))
    const members = [...names].filter((name) => seriesMembership(prefix, name).member)
    if (members.length === 0) continue
    if (names.size > 1) {
      ambiguous.push(`${[...names].map((n) => `'${n}'`).join(' and ')} (one file id under several names)`)
      continue
    }
    const item = listed[0]!
    const membership = seriesMembership(prefix, item.filename)
    if (!membership.member) continue
    if (membership.time === null) unreadable.push(item.filename)
    else series.push({ fileName: item.filename, url: item.url, time: membership.time, size: toNumber(item.size) })
  }
  return { series, unreadable, ambiguous }
}
