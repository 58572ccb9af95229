// Retention against the live folder: one complete listing is the only basis; the pure plan
// decides; every deletion is confirmed by 1fichier's `removed` count. Any doubt means no deletion.
import type { Log } from './log.js'
import { seriesMembership } from './naming.js'
import { type Backup, type RetentionPlan, type RetentionPolicy, planRetention } from './retention.js'
import type { OneFichierClient } from './onefichier/client.js'
import type { FileItem } from './onefichier/types.js'

/** The API documents at most 5,000 results per folder listing: a full page may be cut short. */
export const LISTING_LIMIT = 5_000

export interface RetentionOutcome {
  /** null when no plan could be made safely (see skipped). */
  plan: RetentionPlan | null
  skipped?: string
  /** Backups whose deletion 1fichier confirmed. */
  pruned: Backup[]
  /** Deletions that were asked for and not confirmed. */
  notPruned: Array<{ backup: Backup; reason: string }>
}

export interface SeriesListing {
  series: Backup[]
  /** Names of the series' shape whose timestamp is not a real time: never touched. */
  unreadable: string[]
}

export function seriesFromListing(items: readonly FileItem[], prefix: string): SeriesListing {
  const series: Backup[] = []
  const unreadable: string[] = []
  for (const item of items) {
    if (typeof item?.filename !== 'string' || typeof item.url !== 'string') continue
    const membership = seriesMembership(prefix, item.filename)
    if (!membership.member) continue
    if (membership.time === null) unreadable.push(item.filename)
    else series.push({ fileName: item.filename, url: item.url, time: membership.time })
  }
  return { series, unreadable }
}

export interface PruneRequest {
  client: OneFichierClient
  /** null: the folder does not exist yet (dry run); the series is then just the new backup. */
  folderId: number | null
  prefix: string
  policy: RetentionPolicy
  now: Date
  /** The backup of this run; always in the plan, never deleted. */
  newBackup: Backup
  dryRun: boolean
  log: Log
  signal?: AbortSignal | undefined
  /** A complete listing of the folder made in this run already (the API allows 1 per 30 s). */
  listing?: FileItem[] | undefined
  /** Told of each confirmed deletion as it happens. */
  onDeleted?: (backup: Backup) => void
}

export function describePlan(plan: RetentionPlan): string[] {
  return plan.decisions.map(
    (d) => `${d.keep ? 'keep  ' : 'delete'} ${d.backup.fileName}${d.keep ? `  (${d.reasons.join(', ')})` : ''}`,
  )
}

export async function applyRetention(req: PruneRequest): Promise<RetentionOutcome> {
  const { client, log } = req
  let items: FileItem[] = req.listing ?? []
  if (req.folderId !== null && req.listing === undefined) {
    try {
      items = await client.listFiles(req.folderId)
    } catch (error) {
      const skipped = `listing the folder failed (${(error as Error).message}); nothing was deleted`
      log.warning(`Retention skipped: ${skipped}`)
      return { plan: null, skipped, pruned: [], notPruned: [] }
    }
  }
  if (items.length >= LISTING_LIMIT) {
    const skipped = `the folder listing has ${items.length} files, the most 1fichier returns, so it may be incomplete; nothing was deleted. Move other files out of the backup folder`
    log.warning(`Retention skipped: ${skipped}`)
    return { plan: null, skipped, pruned: [], notPruned: [] }
  }
  const { series, unreadable } = seriesFromListing(items, req.prefix)
  for (const name of unreadable) log.warning(`'${name}' looks like a backup of this series but its timestamp is not a real time; it is left alone`)
  // A listing can lag behind the upload: the new backup joins the series even when not listed yet.
  if (!series.some((b) => b.url === req.newBackup.url)) series.push(req.newBackup)

  const plan = planRetention(series, req.policy, { now: req.now, protect: new Set([req.newBackup.url]) })
  for (const backup of plan.future) {
    log.warning(`'${backup.fileName}' is dated in the future (a wrong clock?); it is kept and takes no slot from the others' deletion`)
  }
  await log.group(`Retention plan: keep ${plan.keep.length}, delete ${plan.remove.length}${req.dryRun ? ' (dry run)' : ''}`, async () => {
    for (const line of describePlan(plan)) log.info(line)
  })
  if (req.dryRun || plan.remove.length === 0) return { plan, pruned: [], notPruned: [] }

  const pruned: Backup[] = []
  const notPruned: Array<{ backup: Backup; reason: string }> = []
  for (const [index, decision] of plan.remove.entries()) {
    if (req.signal?.aborted) {
      for (const rest of plan.remove.slice(index)) notPruned.push({ backup: rest.backup, reason: 'cancelled before deletion' })
      break
    }
    try {
      const removed = await client.removeFile(decision.backup.url)
      if (removed >= 1) {
        pruned.push(decision.backup)
        req.onDeleted?.(decision.backup)
        log.info(`Deleted ${decision.backup.fileName}`)
      } else {
        notPruned.push({ backup: decision.backup, reason: '1fichier confirmed no deletion (removed: 0)' })
      }
    } catch (error) {
      if (req.signal?.aborted) {
        for (const rest of plan.remove.slice(index)) notPruned.push({ backup: rest.backup, reason: 'cancelled' })
        break
      }
      notPruned.push({ backup: decision.backup, reason: (error as Error).message })
    }
  }
  for (const { backup, reason } of notPruned) log.warning(`Could not delete ${backup.fileName}: ${reason}`)
  if (notPruned.length > 0) {
    log.warning(`Retention deleted ${pruned.length} of ${plan.remove.length} backups; the rest will be tried on the next run`)
  }
  return { plan, pruned, notPruned }
}
