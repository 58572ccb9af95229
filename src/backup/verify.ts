// The uploaded copy must be the zip that was written, in the folder it was sent to: end.pl's size
// and Whirlpool first, then file/info.cgi (1fichier silently drops a bad `did` into the root).
import type { Digests } from '../platform/digest.js'

/** What is known of the local zip: its size and checksums. */
type LocalZip = Digests & { size: number }
import { type DeletionOutcome, type DeletionTarget, deleteFile } from '../series/deletion.js'
import { VerificationError } from '../core/errors.js'
import { sameFile } from '../onefichier/file-id.js'
import type { OneFichierApi } from '../onefichier/client.js'
import { OneFichierError } from '../onefichier/errors.js'
import { type FileInfo, type FileItem, type UploadLink, toNumber } from '../onefichier/types.js'
import { formatBytes, formatDuration, showFolder } from '../core/format.js'
import type { Session } from '../session/session.js'
import type { Uploaded } from './upload.js'

/** Listings asked for a file that is not shown yet: the second comes the 30-s listing rule after the first. */
const LATE_FILE_LISTINGS = 2

export interface VerifiedUpload {
  url: string
  fileName: string
  folderId: number
  /** Why file/info.cgi could not be used, when the listing confirmed the upload instead (late: it said 404). */
  fallback?: { reason: string; late: boolean }
  /** The listing that confirmed it, when one did: newer than the upload stage's, so retention plans from it. */
  listing?: FileItem[]
}

async function verifyFromListing(
  client: OneFichierApi,
  url: string,
  expected: LocalZip & {
    fileName: string
    folderId: number
    folderPath: string
    before?: readonly FileItem[] | undefined
  },
  cause: OneFichierError,
): Promise<VerifiedUpload> {
  // A listing made before the upload cannot show it: the client lists anew after its own upload
  // (or reuses the one made after it). A file can take some seconds to show after its upload: a
  // listing that lacks it is asked again once, the 30-s listing rule later (the pacer spaces them),
  // before anything is concluded.
  let item: FileItem | undefined
  let listing: FileItem[] = []
  for (let attempt = 1; attempt <= LATE_FILE_LISTINGS && !item; attempt++) {
    try {
      listing = await client.listFiles(expected.folderId, { fresh: attempt > 1 })
    } catch (error) {
      throw new VerificationError(
        `Could not confirm the upload: file/info.cgi failed (${cause.detail}) and so did the folder listing ` +
          `(${(error as Error).message}). The file may be at ${url}; nothing was deleted.`,
      )
    }
    item = listing.find((i) => sameFile(i.url, url) && i.filename === expected.fileName)
  }
  if (!item) {
    throw new VerificationError(
      `Could not confirm the upload: file/info.cgi failed (${cause.detail}) and ${url} is not in the listing of ` +
        `${showFolder(expected.folderPath)}, asked ${LATE_FILE_LISTINGS} times over about 30 s. It may have landed ` +
        `elsewhere, or 1fichier is slow to show it; nothing was deleted.`,
    )
  }
  const mismatch = compareDigests('1fichier (file/ls.cgi)', expected, item.size, item.checksum)
  if (mismatch) throw await badCopy(client, mismatch, { url, fileName: item.filename }, expected)
  return {
    url,
    fileName: item.filename,
    folderId: expected.folderId,
    fallback: { reason: cause.headline, late: cause.kind === 'not-found' },
    listing,
  }
}

/**
 * A copy that is not the zip is no backup, and with our name it would take a retention slot: it is
 * removed, but only when it is provably this run's upload (deletion.ts); else it is reported.
 */
async function badCopy(
  client: OneFichierApi,
  mismatch: string,
  copy: DeletionTarget,
  expected: { fileName: string; before?: readonly FileItem[] | undefined },
): Promise<VerificationError> {
  const outcome = await deleteFile(client, copy, {
    kind: 'own-bad-upload',
    before: expected.before,
    fileName: expected.fileName,
  }).catch((error: unknown): DeletionOutcome => ({
    deleted: false,
    reason: `the deletion failed (${(error as Error).message})`,
  }))
  const what = outcome.deleted
    ? 'the bad copy was deleted'
    : `the copy at ${copy.url} was not deleted (${outcome.reason}); check it and delete it by hand if it is this run's`
  return new VerificationError(
    `Checksum mismatch: ${mismatch}. The upload was corrupted on the way; ${what}. Nothing else was deleted; run ` +
      `the job again.`,
  )
}

function compareDigests(where: string, local: LocalZip, size: unknown, whirlpool: unknown): string | null {
  const remoteSize = toNumber(size)
  if (remoteSize !== local.size) return `${where} reports ${remoteSize ?? 'no'} bytes, the zip has ${local.size}`
  const remoteHash = typeof whirlpool === 'string' ? whirlpool.trim().toLowerCase() : ''
  if (remoteHash !== local.whirlpool) {
    return (
      `${where} reports Whirlpool ${remoteHash.slice(0, 16) || 'none'}..., the zip has ` +
      `${local.whirlpool.slice(0, 16)}...`
    )
  }
  return null
}

async function verifyUpload(
  client: OneFichierApi,
  link: UploadLink,
  expected: LocalZip & {
    fileName: string
    folderId: number
    folderPath: string
    passwordSet: boolean
    /** The folder's listing made before the upload: what proves a bad copy is this run's own. */
    before?: readonly FileItem[] | undefined
  },
): Promise<VerifiedUpload> {
  const url = link.download
  const fromEnd = compareDigests('1fichier (end.pl)', expected, link.size, link.whirlpool)
  let info: FileInfo | undefined
  if (!fromEnd) {
    try {
      // Once for the new file (frequent info.cgi calls provoke locks); any failure falls back on the listing.
      info = await client.fileInfo(url, { once: true })
    } catch (error) {
      // file/info.cgi failing is no proof of anything: the folder's own listing can still show
      // where the file is (and then serves retention too).
      if (!(error instanceof OneFichierError) || error.kind === 'auth' || error.kind === 'account') throw error
      return verifyFromListing(client, url, expected, error)
    }
  }
  const mismatch = fromEnd ?? compareDigests('1fichier (file/info.cgi)', expected, info?.size, info?.checksum)
  if (mismatch) throw await badCopy(client, mismatch, { url, fileName: link.filename }, expected)
  const folderId = toNumber(info?.folder_id)
  if (folderId !== expected.folderId) {
    throw new VerificationError(
      `The upload landed in the wrong folder: 1fichier put it in folder id ${folderId ?? 'unknown'} instead of ` +
        `${showFolder(expected.folderPath)} (id ${expected.folderId}). The backup is safe at ${url}; move it by ` +
        `hand. Check that the folder still exists.`,
    )
  }
  if (expected.passwordSet && toNumber(info?.pass) === 0) {
    throw new VerificationError(
      `The download password was not applied to ${url}: the file is public. Set a password on it in 1fichier's file ` +
        `manager.`,
    )
  }
  const fileName = typeof info?.filename === 'string' && info.filename !== '' ? info.filename : link.filename
  if (fileName !== expected.fileName) {
    throw new VerificationError(
      `1fichier stored the backup as '${fileName}' instead of '${expected.fileName}'; it would not be part of its ` +
        `series. It is at ${url}.`,
    )
  }
  return { url, fileName, folderId }
}

/** The verify stage: the upload checked, and what checked it said in the log. */
export async function verifyStage(
  session: Pick<Session, 'client' | 'log'>,
  input: { uploaded: Uploaded; expected: { fileName: string; folderPath: string; passwordSet: boolean } },
): Promise<VerifiedUpload> {
  const { client, log } = session
  const { uploaded, expected } = input
  const started = performance.now()
  const verified = await verifyUpload(client, uploaded.link, {
    ...uploaded.local,
    ...expected,
    folderId: uploaded.folderId,
    before: uploaded.before,
  })
  // A file that 1fichier does not show yet right after its upload is normal: said, not warned of.
  if (verified.fallback?.late)
    log.info(`${verified.fallback.reason} (a new file can take a moment to show); the folder listing confirmed it`)
  else if (verified.fallback)
    log.warning(`${verified.fallback.reason}; the folder listing confirmed the upload instead`)
  log.info(
    `Verified in ${formatDuration(performance.now() - started)}: 1fichier's size ` +
      `(${formatBytes(uploaded.local.size)}) and Whirlpool match the zip; it is in folder id ${uploaded.folderId}`,
  )
  return verified
}
