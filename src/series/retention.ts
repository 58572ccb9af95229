// Retention against the live folder: one complete listing is the only basis; the pure plan
// decides; every deletion is confirmed by 1fichier's `removed` count. Any doubt means no deletion.
import { type DeletionProof, deleteFile } from './deletion.js'
import type { Log } from '../platform/log.js'
import { fileIdOf, sameFile } from '../onefichier/file-id.js'
import { type Backup, type RetentionPlan, type RetentionPolicy, planRetention } from '../core/retention.js'
import { LISTING_LIMIT, type OneFichierApi, listingMayBeIncomplete } from '../onefichier/client.js'
import type { FileItem } from '../onefichier/types.js'
import { seriesFromListing } from './listing.js'

export interface RetentionOutcome {
  /** null when no plan could be made safely (see skipped). */
  plan: RetentionPlan | null
  skipped?: string
  /** Backups whose deletion 1fichier confirmed. */
  pruned: Backup[]
  /** Deletions that were asked for and not confirmed. */
  notPruned: Array<{ backup: Backup; reason: string }>
}

export interface PruneRequest {
  client: OneFichierApi
  /** null: the folder does not exist yet (dry run); the series is then just the new backup. */
  folderId: number | null
  prefix: string
  policy: RetentionPolicy
  now: Date
  /** The backup of this run; always in the plan, never deleted (null: prune alone). */
  newBackup: Backup | null
  /**
   * The latest listing this run made of the folder, even from before its own upload (the new backup
   * joins the series below whether it shows or not): the API allows one listing per 30 s. Absent: listed here.
   */
  listing?: readonly FileItem[] | undefined
  dryRun: boolean
  log: Log
  signal?: AbortSignal | undefined
  /** Told of each confirmed deletion as it happens. */
  onDeleted?: (backup: Backup) => void
}

function describePlan(plan: RetentionPlan): string[] {
  return plan.decisions.map(
    (d) => `${d.keep ? 'keep  ' : 'delete'} ${d.backup.fileName}${d.keep ? `  (${d.reasons.join(', ')})` : ''}`,
  )
}

export async function applyRetention(req: PruneRequest): Promise<RetentionOutcome> {
  const { client, log } = req
  let items: readonly FileItem[] = []
  if (req.folderId !== null) {
    try {
      items = req.listing ?? (await client.listFiles(req.folderId))
    } catch (error) {
      const skipped = `listing the folder failed (${(error as Error).message}); nothing was deleted`
      log.warning(`Retention skipped: ${skipped}`)
      return { plan: null, skipped, pruned: [], notPruned: [] }
    }
  }
  if (listingMayBeIncomplete(items)) {
    const skipped =
      `the folder listing has ${items.length} files and may be incomplete (the most 1fichier returns is ` +
      `${LISTING_LIMIT}, or it counted more than it listed); nothing was deleted. Move other files out of the backup ` +
      `folder`
    log.warning(`Retention skipped: ${skipped}`)
    return { plan: null, skipped, pruned: [], notPruned: [] }
  }
  const { series: listed, unreadable, ambiguous } = seriesFromListing(items, req.prefix)
  for (const name of unreadable)
    log.warning(`'${name}' looks like a backup of this series but its timestamp is not a real time; it is left alone`)
  for (const what of ambiguous) log.warning(`The listing shows ${what}; it is left alone`)
  // The new backup stands for its own id; a listing can lag behind the upload, so it joins the
  // series even when not listed yet.
  // (prune alone has no new backup: the series is the listing.)
  const newId = req.newBackup ? fileIdOf(req.newBackup.url) : null
  const series = listed.filter((b) => newId === null || fileIdOf(b.url) !== newId)
  if (req.newBackup) series.push(req.newBackup)

  const plan = planRetention(series, req.policy, {
    now: req.now,
    protect: new Set(req.newBackup ? [req.newBackup.url] : []),
  })
  for (const backup of plan.future) {
    log.warning(
      `'${backup.fileName}' is dated in the future (a wrong clock?); it is kept and takes no slot from the others' ` +
        `deletion`,
    )
  }
  await log.group(
    `Retention plan: keep ${plan.keep.length}, delete ${plan.remove.length}${req.dryRun ? ' (dry run)' : ''}`,
    async () => {
      for (const line of describePlan(plan)) log.info(line)
    },
  )
  if (req.dryRun || plan.remove.length === 0) return { plan, pruned: [], notPruned: [] }

  // Whatever the plan says, the deletion itself checks the file against this listing (deletion.ts).
  const keep = new Set(
    [...plan.keep.map((d) => d.backup.url), req.newBackup?.url].map(fileIdOf).filter((id): id is string => id !== null),
  )
  const proof: DeletionProof = { kind: 'retention', listing: items, prefix: req.prefix, keep }
  const pruned: Backup[] = []
  const notPruned: Array<{ backup: Backup; reason: string }> = []
  // rm.cgi is sent once; when its answer is lost, the folder is listed again to see what happened.
  const unsure: Array<{ backup: Backup; reason: string }> = []
  const confirmed = (backup: Backup, how = '') => {
    pruned.push(backup)
    req.onDeleted?.(backup)
    log.info(`Deleted ${backup.fileName}${how}`)
  }
  for (const [index, decision] of plan.remove.entries()) {
    if (req.signal?.aborted) {
      for (const rest of plan.remove.slice(index))
        notPruned.push({ backup: rest.backup, reason: 'cancelled before deletion' })
      break
    }
    try {
      const outcome = await deleteFile(client, decision.backup, proof)
      if (outcome.deleted) confirmed(decision.backup)
      else notPruned.push({ backup: decision.backup, reason: outcome.reason })
    } catch (error) {
      if (req.signal?.aborted) {
        for (const rest of plan.remove.slice(index)) notPruned.push({ backup: rest.backup, reason: 'cancelled' })
        break
      }
      unsure.push({ backup: decision.backup, reason: (error as Error).message })
    }
  }
  if (unsure.length > 0) notPruned.push(...(await lookAgain(client, req, unsure, confirmed)))
  for (const { backup, reason } of notPruned) log.warning(`Could not delete ${backup.fileName}: ${reason}`)
  if (notPruned.length > 0) {
    log.warning(
      `Retention deleted ${pruned.length} of ${plan.remove.length} backups; the rest will be tried on the next run`,
    )
  }
  return { plan, pruned, notPruned }
}

/** After rm.cgi answers that were lost: a fresh listing tells which deletions took effect. */
async function lookAgain(
  client: OneFichierApi,
  req: PruneRequest,
  unsure: Array<{ backup: Backup; reason: string }>,
  confirmed: (backup: Backup, how: string) => void,
): Promise<Array<{ backup: Backup; reason: string }>> {
  if (req.folderId === null || req.signal?.aborted) return unsure
  let after: FileItem[]
  try {
    // A fresh one: the removals made the listing this run took out of date.
    after = await client.listFiles(req.folderId)
  } catch (error) {
    return unsure.map(({ backup, reason }) => ({
      backup,
      reason: `${reason}; listing the folder again failed too (${(error as Error).message})`,
    }))
  }
  const left: Array<{ backup: Backup; reason: string }> = []
  for (const item of unsure) {
    if (after.some((file) => sameFile(file.url, item.backup.url))) left.push(item)
    else confirmed(item.backup, ' (its answer was lost; a new listing shows it gone)')
  }
  return left
}
