// The destination folder, looked up while the zip is written: started explicitly once the selection
// has a match, so that a refused key (or a locked, non-Premium account) stops the zip at once, and so
// that the API's pacing does not add up before the upload. Its log lines wait for the stage that
// uses it (DeferredLog), so the log reads in order.
import { type Config, retentionActive } from '../core/config.js'
import { DeferredLog, type Log } from '../platform/log.js'
import type { OneFichierApi } from '../onefichier/client.js'
import { OneFichierError } from '../onefichier/errors.js'
import { type ResolvedFolder, resolveFolder } from '../onefichier/folders.js'
import type { FileItem } from '../onefichier/types.js'

export interface Destination {
  /** The folder (found, or created unless this is a dry run). A failure surfaces here. */
  folder(): Promise<ResolvedFolder>
  /**
   * The folder's files before the upload: what retention plans from, what skip-unchanged compares
   * with, and what proves that a bad copy is this run's own (a folder this run created is empty).
   * undefined when the folder does not exist (dry run).
   */
  listing(): Promise<FileItem[] | undefined>
  /** Aborted with the error when 1fichier refused the key or the account. */
  refused: AbortSignal
  /** What the lookup logged so far, to replay into the stage that awaits it. */
  log: DeferredLog
}

/** Refusals that no later call can get past: the zip need not be finished. */
function isRefusal(error: unknown): error is OneFichierError {
  return (
    error instanceof OneFichierError && (error.kind === 'auth' || error.kind === 'account' || error.kind === 'flood')
  )
}

/** Starts the lookup now; nothing else in the run starts a request before the upload stage. */
export function startLookup(config: Config, client: OneFichierApi, log: Log): Destination {
  const deferred = new DeferredLog(log)
  const refusal = new AbortController()
  let folder: Promise<ResolvedFolder> | undefined
  const lookUp = () => {
    // A dry run only reads: no folder is created.
    folder ??= resolveFolder(client, config.folder, { create: !config.dryRun, log: deferred })
    folder.catch((error: unknown) => {
      if (isRefusal(error)) refusal.abort(error)
    })
    return folder
  }
  let listing: Promise<FileItem[] | undefined> | undefined
  const listFolder = () =>
    (listing ??= lookUp().then((f) =>
      f.id === null ? undefined : f.created.includes(f.path) ? [] : client.listFiles(f.id),
    ))
  // A dry run without retention or skip-unchanged never needs the folder: it is not even looked up.
  const needsFolder = !config.dryRun || config.skipUnchanged || retentionActive(config.retention)
  if (needsFolder) void lookUp()
  if (!config.dryRun || config.skipUnchanged) listFolder().catch(() => undefined)
  // A plain run also asks for its upload node meanwhile. Not when it may not upload at all.
  if (!config.dryRun && !config.skipUnchanged)
    lookUp().then(
      () => client.prefetchUploadServer(),
      () => undefined,
    )
  return { folder: lookUp, listing: listFolder, refused: refusal.signal, log: deferred }
}
