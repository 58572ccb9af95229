// The destination folder, looked up while the zip is written: run.ts starts the lookup once the
// selection has a match, so that a refused key (or a locked, non-Premium account) stops the zip at
// once, and so that the API's pacing does not add up before the upload. The stage that uses the
// folder awaits it (destinationOf), and only then says what the lookup logged, so the log reads in order.
import type { Config } from '../core/config.js'
import { DeferredLog, type Log } from '../platform/log.js'
import type { OneFichierApi } from '../onefichier/client.js'
import type { Session } from '../session/session.js'
import { OneFichierError } from '../onefichier/errors.js'
import { type ResolvedFolder, resolveFolder } from '../onefichier/folders.js'
import type { FileItem } from '../onefichier/types.js'

/** What the lookup found. */
export interface Destination {
  /** The folder, found or created (a dry run creates nothing: its id is then null). */
  folder: ResolvedFolder
  /**
   * The folder's files before the upload: what retention plans from, what skip-unchanged compares
   * with, and what proves that a bad copy is this run's own (a folder this run created is empty).
   * undefined when it was not listed: not needed, a folder that does not exist, or a failure (listingError).
   */
  listing: FileItem[] | undefined
  /** Why 1fichier could not list the folder (the run goes on: the upload does not need the listing). */
  listingError?: OneFichierError
}

/** A lookup under way. */
export interface Lookup {
  /** The destination; rejected with what stopped the lookup (a refused key, a folder that cannot be made). */
  readonly destination: Promise<Destination>
  /** Aborted with the error when 1fichier refused the key or the account: the zip need not be finished. */
  readonly refused: AbortSignal
  /** What the lookup logged so far, said by destinationOf. */
  readonly log: DeferredLog
}

/** Starts the lookup now; nothing else in the run starts a request before the upload stage. */
export function startLookup(session: Pick<Session<Config>, 'config' | 'client' | 'log'>): Lookup {
  const { config, client } = session
  const deferred = new DeferredLog(session.log)
  const refusal = new AbortController()
  const destination = lookUp(config, client, deferred)
  // The one place the lookup's failure is heard before a stage awaits it: a refusal stops the zip.
  destination.catch((error: unknown) => {
    if (isRefusal(error)) refusal.abort(error)
  })
  return { destination, refused: refusal.signal, log: deferred }
}

/** Waits for the lookup, then says what it logged meanwhile (once), whether it succeeded or not. */
export async function destinationOf(lookup: Lookup, log: Log): Promise<Destination> {
  try {
    return await lookup.destination
  } finally {
    lookup.log.replay(log)
  }
}

async function lookUp(config: Config, client: OneFichierApi, log: Log): Promise<Destination> {
  // A dry run only reads: no folder is created.
  const folder = await resolveFolder(client, config.folder, { create: !config.dryRun, log })
  // A plain run asks for its upload node meanwhile; not when it may not upload at all.
  if (!config.dryRun && !config.skipUnchanged) client.prefetchUploadServer()
  // A dry run lists only to compare (its retention plan lists the folder itself).
  if (folder.id === null || (config.dryRun && !config.skipUnchanged)) return { folder, listing: undefined }
  if (folder.created.includes(folder.path)) return { folder, listing: [] }
  try {
    return { folder, listing: await client.listFiles(folder.id) }
  } catch (error) {
    if (!(error instanceof OneFichierError)) throw error
    return { folder, listing: undefined, listingError: error }
  }
}

/** Refusals that no later call can get past: the zip need not be finished. */
function isRefusal(error: unknown): error is OneFichierError {
  return (
    error instanceof OneFichierError && (error.kind === 'auth' || error.kind === 'account' || error.kind === 'flood')
  )
}
