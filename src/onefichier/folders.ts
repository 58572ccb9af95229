// A folder path (`backups/my-repo`) to a folder id, walking down from the root by listing each
// parent once and creating what is missing. There is no path lookup in the API.
import type { Log } from '../log.js'
import { OneFichierError } from './errors.js'
import { ROOT_FOLDER_ID, type OneFichierClient } from './client.js'
import { toNumber } from './types.js'

export interface ResolvedFolder {
  /** null when the folder does not exist and was not created (dry run). */
  id: number | null
  path: string
  created: string[]
}

export async function resolveFolder(
  client: OneFichierClient,
  segments: readonly string[],
  options: { create: boolean; log: Log },
): Promise<ResolvedFolder> {
  const path = segments.join('/')
  const created: string[] = []
  let parentId = ROOT_FOLDER_ID
  for (const [depth, name] of segments.entries()) {
    const here = segments.slice(0, depth + 1).join('/')
    const matches = (await client.listFolders(parentId))
      .filter((f) => f.name === name && toNumber(f.id) !== undefined)
      .map((f) => toNumber(f.id)!)
      .sort((a, b) => a - b)
    if (matches.length > 1) {
      options.log.warning(`1fichier has ${matches.length} folders named '${here}'; using the oldest (id ${matches[0]})`)
    }
    if (matches[0] !== undefined) {
      parentId = matches[0]
      continue
    }
    if (!options.create) {
      options.log.info(`Folder '${here}' does not exist yet; it would be created`)
      return { id: null, path, created }
    }
    try {
      parentId = await client.makeFolder(name, parentId)
    } catch (error) {
      if (!(error instanceof OneFichierError)) throw error
      throw new OneFichierError(
        error.kind === 'retryable' || error.kind === 'fatal' || error.kind === 'not-found' ? 'fatal' : error.kind,
        `creating folder '${here}'`,
        `${error.detail}. Check that the path is valid and that a file of that name is not in the way`,
        error.httpStatus,
      )
    }
    created.push(here)
    options.log.info(`Created folder '${here}' (id ${parentId})`)
  }
  return { id: parentId, path, created }
}
