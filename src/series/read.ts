// The series as the commands that read it back see it: the destination folder looked up (never
// created), listed once, and its backups newest first with what 1fichier says of each.
import { showFolder } from '../core/format.js'
import { BackupError, NoBackupFoundError } from '../core/errors.js'
import type { Session } from '../session/session.js'
import { seriesFromListing } from './listing.js'
import type { Backup } from '../core/retention.js'
import { listingMayBeIncomplete } from '../onefichier/client.js'
import { fileIdOf } from '../onefichier/file-id.js'
import { resolveFolder } from '../onefichier/folders.js'
import { type FileItem, toNumber } from '../onefichier/types.js'

export interface ListedBackup extends Backup {
  size: number
  /** 1fichier's Whirlpool of the file, lowercase hex ('' when the listing has none). */
  whirlpool: string
}

export interface Series {
  folderId: number
  listing: FileItem[]
  /** Newest first. */
  backups: ListedBackup[]
  /** false when the listing may lack files (prune's rule): no "latest" is picked from it. */
  complete: boolean
}

/** The destination folder does not exist: there is no series to read. */
export class NoSeriesError extends NoBackupFoundError {
  override name = 'NoSeriesError'
}

export async function readSeries(session: Pick<Session, 'client' | 'config' | 'log'>): Promise<Series> {
  const { client, log } = session
  const { folder, namePrefix: prefix } = session.config
  const resolved = await resolveFolder(client, folder, { create: false, log })
  if (resolved.id === null)
    throw new NoSeriesError(`The folder ${showFolder(folder)} does not exist in the 1fichier account: check --folder.`)
  const listing = await client.listFiles(resolved.id)
  const { series, unreadable, ambiguous } = seriesFromListing(listing, prefix)
  for (const name of unreadable)
    log.warning(`'${name}' looks like a backup of this series but its timestamp is not a real time; it is left out`)
  for (const what of ambiguous) log.warning(`The listing shows ${what}; it is left out`)
  const backups = series
    .map((b): ListedBackup => {
      const item = listing.find((i) => fileIdOf(i.url) === fileIdOf(b.url))
      const checksum = typeof item?.checksum === 'string' ? item.checksum.trim().toLowerCase() : ''
      return { ...b, size: toNumber(item?.size) ?? -1, whirlpool: checksum }
    })
    .sort((a, b) => b.time.getTime() - a.time.getTime() || (a.fileName < b.fileName ? 1 : -1))
  const complete = !listingMayBeIncomplete(listing)
  if (!complete) {
    log.warning(
      `The listing of ${showFolder(folder)} has ${listing.length} files and may be incomplete (1fichier ` +
        `returns at most 5,000, or it counted more than it listed): newer backups may be missing from it`,
    )
  }
  return { folderId: resolved.id, listing, backups, complete }
}

/** `latest` (the newest not dated in the future), `all`, or one file name. */
export function chooseBackups(series: Series, choice: string, now: Date, where: string): ListedBackup[] {
  if (choice === 'all') return series.backups
  if (choice === 'latest') {
    if (!series.complete) {
      throw new BackupError(
        `The listing of ${where} may be incomplete, so the newest backup cannot be known: name one with --backup ` +
          `FILE-NAME (see 'list'), or move other files out of the folder.`,
      )
    }
    const latest = series.backups.find((b) => b.time.getTime() <= now.getTime())
    return latest ? [latest] : []
  }
  const named = series.backups.find((b) => b.fileName === choice)
  if (!named) throw new BackupError(`No backup named ${choice} in ${where}: run 'list' to see the series.`)
  return [named]
}
