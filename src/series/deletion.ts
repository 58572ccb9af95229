// The one place that deletes a file (file/rm.cgi). Whatever a caller decided, a deletion goes
// ahead only with a proof that the file is ours, checked here against this run's own listing of
// the destination folder; any doubt leaves the file alone, with the reason.
import { seriesMembership } from '../core/naming.js'
import type { OneFichierApi } from '../onefichier/client.js'
import { fileIdOf } from '../onefichier/file-id.js'
import type { FileItem } from '../onefichier/types.js'

export interface DeletionTarget {
  url: string
  fileName: string
}

export type DeletionProof =
  /** Retention: a backup of the series, in this run's listing, that no rule keeps. */
  | {
      kind: 'retention'
      /** The destination folder's listing, made by this run. */
      listing: readonly FileItem[]
      prefix: string
      /** File ids that a rule keeps, and the new backup's: never deleted. */
      keep: ReadonlySet<string>
    }
  /** A copy that failed verification: only when it is provably this run's own upload. */
  | {
      kind: 'own-bad-upload'
      /** The folder's listing made by this run before the upload (undefined: none was made). */
      before: readonly FileItem[] | undefined
      /** This run's exact file name. */
      fileName: string
    }

export type DeletionOutcome = { deleted: true } | { deleted: false; reason: string }

/** Why the proof does not hold, or null when it does. Pure: tested over random listings. */
export function refusal(target: DeletionTarget, proof: DeletionProof): string | null {
  const id = fileIdOf(target.url)
  if (id === null) return 'its link has no file id'
  if (proof.kind === 'own-bad-upload') {
    if (target.fileName !== proof.fileName) return `its name '${target.fileName}' is not this run's`
    if (proof.before === undefined)
      return "the folder was not listed before the upload, so it cannot be proven to be this run's copy"
    if (proof.before.some((item) => fileIdOf(item.url) === id)) return "it was in the folder before this run's upload"
    return null
  }
  if (proof.keep.has(id)) return 'a retention rule keeps it, or it is the new backup'
  const listed = proof.listing.filter((item) => fileIdOf(item.url) === id)
  if (listed.length === 0) return "it is not in this run's listing of the folder"
  for (const item of listed) {
    if (typeof item.filename !== 'string' || !seriesMembership(proof.prefix, item.filename).member) {
      return 'the listing also shows it under a name outside the series'
    }
  }
  if (!listed.some((item) => item.filename === target.fileName)) return 'the listing shows it under another name'
  return null
}

/** Deletes one file when its proof holds; 1fichier's `removed` count confirms it. */
export async function deleteFile(
  client: OneFichierApi,
  target: DeletionTarget,
  proof: DeletionProof,
): Promise<DeletionOutcome> {
  const why = refusal(target, proof)
  if (why !== null) return { deleted: false, reason: `left alone: ${why}` }
  const removed = await client.removeFile(target.url)
  return removed >= 1 ? { deleted: true } : { deleted: false, reason: '1fichier confirmed no deletion (removed: 0)' }
}
