// The backup's prune stage: retention (series/retention.ts) after a verified backup.
import type { OneFichierApi } from '../onefichier/client.js'
import { type PruneRequest, type RetentionOutcome, applyRetention } from '../series/retention.js'

/** The prune stage after a verified backup (new, or the unchanged newest one, which is then protected). */
export async function pruneStage(
  client: OneFichierApi,
  request: Omit<PruneRequest, 'client' | 'dryRun'>,
): Promise<RetentionOutcome> {
  request.signal?.throwIfAborted()
  const retention = await request.log.group('Prune', () => applyRetention({ ...request, client, dryRun: false }))
  // A cancel during pruning fails the step, saying what was and was not deleted.
  request.signal?.throwIfAborted()
  return retention
}
