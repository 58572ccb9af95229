// The backup's prune stage: retention (series/retention.ts) after a verified backup.
import type { Config } from '../core/config.js'
import type { Session } from '../session/session.js'
import { type PruneRequest, type RetentionOutcome, applyRetention } from '../series/retention.js'

/** What the stage is given beside the session: the folder, the run's latest listing of it, the new backup. */
export type PruneInput = Pick<PruneRequest, 'folderId' | 'listing' | 'now' | 'newBackup' | 'onDeleted'>

/** The prune stage after a verified backup (new, or the unchanged newest one, which is then protected). */
export async function pruneStage(
  session: Pick<Session<Config>, 'config' | 'client' | 'log' | 'signal'>,
  input: PruneInput,
): Promise<RetentionOutcome> {
  const { config, client, log, signal } = session
  signal?.throwIfAborted()
  const request = { ...input, client, log, signal, prefix: config.namePrefix, policy: config.retention, dryRun: false }
  const retention = await log.group('Prune', () => applyRetention(request))
  // A cancel during pruning fails the step, saying what was and was not deleted.
  signal?.throwIfAborted()
  return retention
}
