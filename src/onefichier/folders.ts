// A folder path (`backups/my-repo`) to a folder id, walking down from the root by listing each
// parent once and creating what is missing. There is no path lookup in the API.
import type { Log } from '../platform/log.js'
import { OneFichierError, isRetryable } from './errors.js'
import { retry } from './retry.js'
import { ROOT_FOLDER_ID, type OneFichierApi } from './client.js'
import { toNumber } from './types.js'

export interface ResolvedFolder {
  /** null when the folder does not exist and was not created (dry run). */
  id: number | null
  path: string
  created: string[]
}

export async function resolveFolder(
  client: OneFichierApi,
  segments: readonly string[],
  options: { create: boolean; log: Log; attempts?: number },
): Promise<ResolvedFolder> {
  const path = segments.join('/')
  const created: string[] = []
  let parentId = ROOT_FOLDER_ID
  for (const [depth, name] of segments.entries()) {
    const here = segments.slice(0, depth + 1).join('/')
    const existing = await findChild(client, parentId, name, here, options.log)
    if (existing !== undefined) {
      parentId = existing
      continue
    }
    if (!options.create) {
      options.log.info(`Folder '${here}' does not exist yet; it would be created`)
      return { id: null, path, created }
    }
    const made = await createOrFind(client, name, parentId, here, options.log, options.attempts ?? 5)
    parentId = made.id
    if (made.created) {
      created.push(here)
      options.log.info(`Created folder '${here}' (id ${parentId})`)
    }
  }
  return { id: parentId, path, created }
}

/** The id of the sub-folder `name` of `parentId` (the oldest, when 1fichier has several), if any. */
async function findChild(
  client: OneFichierApi,
  parentId: number,
  name: string,
  here: string,
  log: Log,
): Promise<number | undefined> {
  const matches = (await client.listFolders(parentId))
    .filter((f) => f.name === name && toNumber(f.id) !== undefined)
    .map((f) => toNumber(f.id)!)
    .sort((a, b) => a - b)
  if (matches.length > 1)
    log.warning(`1fichier has ${matches.length} folders named '${here}'; using the oldest (id ${matches[0]})`)
  return matches[0]
}

/**
 * mkdir is sent once per try: after any failure the parent is listed again, since the folder may
 * exist by now (a concurrent first run made it, or this call did before its answer was lost).
 */
async function createOrFind(
  client: OneFichierApi,
  name: string,
  parentId: number,
  here: string,
  log: Log,
  attempts: number,
): Promise<{ id: number; created: boolean }> {
  // The account's own faults (key, customer, quota): no listing would change them.
  const accountFault = (failure: OneFichierError) =>
    failure.kind === 'auth' || failure.kind === 'account' || failure.kind === 'quota'
  return retry<{ id: number; created: boolean }>(
    async () => ({ id: await client.makeFolder(name, parentId), created: true }),
    {
      attempts,
      // Any failure but the account's own may mean the folder is there by now: look before anything else.
      settle: async (failure) => {
        if (accountFault(failure)) return undefined
        const existing = await findChild(client, parentId, name, here, log)
        if (existing === undefined) return undefined
        log.info(`Folder '${here}' exists now (id ${existing}), made meanwhile; using it`)
        return { id: existing, created: false }
      },
      // Looked at, and not there: sending it again is safe when the answer was a glitch (a 5xx, or a KO with HTTP 200).
      retryable: (failure) =>
        isRetryable(failure.kind) ||
        (failure.kind === 'fatal' && (failure.httpStatus ?? 0) >= 200 && (failure.httpStatus ?? 0) < 300),
      beforeRetry: (failure, attempt) =>
        log.warning(
          `${failure.headline}; the folder is not there yet, so it is created again (attempt ` +
            `${attempt + 1} of ${attempts})`,
        ),
      giveUp: (failure, attempt) =>
        accountFault(failure)
          ? failure
          : new OneFichierError(
              failure.kind === 'flood' ? 'flood' : 'fatal',
              `creating folder '${here}'`,
              `${failure.detail}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}. Check that the path is valid ` +
                `and that a file of that name is not in the way`,
              failure.httpStatus,
            ),
    },
  )
}
