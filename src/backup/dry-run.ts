// A dry run: read-only calls only (no folder is created), then the plan as a real run would make it.
import { showFolder } from '../core/format.js'
import { type Config, retentionActive } from '../core/config.js'
import { BackupError } from '../core/errors.js'
import type { Session } from '../session/session.js'
import { OneFichierError } from '../onefichier/errors.js'
import { type Destination, type Lookup, destinationOf } from './destination.js'
import { type RetentionOutcome, applyRetention } from '../series/retention.js'

export interface DryRunPlan {
  folderId: number | null
  retention: RetentionOutcome | null
}

export async function dryRunPlan(
  session: Pick<Session<Config>, 'config' | 'client' | 'log'>,
  input: { lookup: Lookup | null; fileName: string; now: Date; size: number },
): Promise<DryRunPlan> {
  const { config, client, log } = session
  const { lookup, fileName, now, size } = input
  log.info(`Dry run: ${fileName} would be uploaded to ${showFolder(config.folder)}; nothing is uploaded or deleted`)
  if (!lookup || !retentionActive(config.retention)) return { folderId: null, retention: null }
  return log.group('Prune (dry run)', async () => {
    let destination: Destination
    try {
      destination = await destinationOf(lookup, log)
    } catch (error) {
      if (!(error instanceof OneFichierError)) throw error
      throw new BackupError(`Dry run could not read the destination folder: ${error.message}`)
    }
    const folderId = destination.folder.id
    const retention = await applyRetention({
      client,
      folderId,
      listing: destination.listing,
      prefix: config.namePrefix,
      policy: config.retention,
      now,
      newBackup: { fileName, url: '(new backup)', time: now, size },
      dryRun: true,
      log,
    })
    return { folderId, retention }
  })
}
