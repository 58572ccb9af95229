// skip-unchanged: is the newest backup of the series already this content? Only a yes that is
// certain skips the upload; any doubt (no description, an unreadable answer, a size that does
// not match) means uploading, since an extra backup costs space while a missed one costs data.
import { type BackupDescription, parseDescription } from '../core/fingerprint.js'
import type { Config } from '../core/config.js'
import type { Session } from '../session/session.js'
import { seriesFromListing } from '../series/listing.js'
import { listingMayBeIncomplete } from '../onefichier/client.js'
import { OneFichierError } from '../onefichier/errors.js'
import { type Destination, type Lookup, destinationOf } from './destination.js'
import type { Backup } from '../core/retention.js'
import type { OneFichierApi } from '../onefichier/client.js'
import { type FileItem, toNumber } from '../onefichier/types.js'

export interface ExistingBackup extends Backup {
  size: number
  whirlpool: string
  sha256: string
}

export type Comparison = { unchanged: true; backup: ExistingBackup } | { unchanged: false; reason: string }

/**
 * The comparison, the folder it was made in (null: it does not exist yet), and the listing it read
 * (retention plans from it when nothing is uploaded).
 */
export type Compared = Comparison & { folderId: number | null; listing?: FileItem[] | undefined }

/** The compare stage: read-only calls; any failure here means "upload", never a failed run. */
export async function compareStage(
  session: Pick<Session<Config>, 'config' | 'client' | 'log'>,
  request: { lookup: Lookup; fingerprint: string; now: Date },
): Promise<Compared> {
  const { client, log } = session
  const upload = (folderId: number | null, reason: string, listing?: FileItem[]): Compared => ({
    folderId,
    unchanged: false,
    reason,
    listing,
  })
  let destination: Destination
  try {
    destination = await destinationOf(request.lookup, log)
  } catch (error) {
    if (!(error instanceof OneFichierError)) throw error
    return upload(null, `the folder could not be read (${error.message})`)
  }
  const { folder, listing, listingError } = destination
  if (folder.id === null) return upload(null, 'the folder does not exist yet')
  if (listing === undefined)
    return upload(folder.id, `the folder could not be listed (${listingError?.message ?? 'no listing'})`)
  if (listingMayBeIncomplete(listing))
    return upload(folder.id, `the folder listing has ${listing.length} files and may be incomplete`, listing)
  const prefix = session.config.namePrefix
  const comparison = await compareWithNewest(client, listing, prefix, request.fingerprint, request.now)
  return { folderId: folder.id, listing, ...comparison }
}

/** The verdict, in a sentence for the log and the summary. */
export function describeComparison(comparison: Comparison): string {
  return comparison.unchanged
    ? `Unchanged: the files are the same as in ${comparison.backup.fileName}, the newest backup; nothing is uploaded`
    : `Changed or unknown, so a new backup is uploaded: ${comparison.reason}`
}

async function compareWithNewest(
  client: OneFichierApi,
  listing: readonly FileItem[],
  prefix: string,
  fingerprint: string,
  now: Date,
): Promise<Comparison> {
  // Future-dated names (a wrong clock) are not "the newest backup": their content is unknown.
  const series = seriesFromListing(listing, prefix).series.filter((b) => b.time.getTime() <= now.getTime())
  if (series.length === 0) return { unchanged: false, reason: 'the series has no backup yet' }
  const newest = series.reduce((a, b) => (b.time.getTime() > a.time.getTime() ? b : a))
  const item = listing.find((i) => i.url === newest.url)!
  let description: BackupDescription | null
  let info
  try {
    info = await client.fileInfo(newest.url)
    description = parseDescription(info.description)
  } catch (error) {
    return { unchanged: false, reason: `reading ${newest.fileName}'s description failed (${(error as Error).message})` }
  }
  if (!description)
    return {
      unchanged: false,
      reason: `${newest.fileName} has no fingerprint in its description (made without skip-unchanged, or by hand)`,
    }
  if (description.fingerprint !== fingerprint)
    return { unchanged: false, reason: `the files differ from those in ${newest.fileName}` }
  const size = toNumber(info.size)
  const whirlpool = (info.checksum ?? item.checksum ?? '').toLowerCase()
  if (size === undefined || size !== toNumber(item.size) || !/^[0-9a-f]{128}$/.test(whirlpool)) {
    return { unchanged: false, reason: `1fichier's size or checksum of ${newest.fileName} could not be confirmed` }
  }
  return { unchanged: true, backup: { ...newest, size, whirlpool, sha256: description.sha256 } }
}

/** Writes the fingerprint into the new backup's description; a failure only costs one extra upload later. */
export async function recordFingerprint(
  session: Pick<Session, 'client' | 'log'>,
  url: string,
  description: string,
): Promise<void> {
  const { client, log } = session
  try {
    const updated = await client.setDescription(url, description)
    if (updated >= 1) log.info("Fingerprint saved in the backup's description, for skip-unchanged on the next run")
    else
      log.warning(
        '1fichier did not confirm the description change (updated: 0): the next run will upload again even if ' +
          'nothing changed',
      )
  } catch (error) {
    log.warning(
      `Could not save the fingerprint in the backup's description (${(error as Error).message}): the next run will ` +
        `upload again even if nothing changed`,
    )
  }
}
