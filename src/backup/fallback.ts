// on-upload-failure: artifact. The upload failed for good: the zip is kept as a workflow artifact,
// and the run fails saying where it went. Only the action shell can (it needs the runner's service).
import { BackupError, messageOf } from '../core/errors.js'
import type { Log } from '../platform/log.js'

/** Where the zip went: what the run reports, and what the failure names. */
export interface SavedArtifact {
  name: string
  id: number
  url: string
  sha256: string
}

export async function keepAsArtifact(
  save: (zipPath: string) => Promise<SavedArtifact>,
  zipPath: string,
  error: unknown,
  log: Log,
  onSaved: (saved: SavedArtifact) => void,
): Promise<BackupError> {
  const message = messageOf(error)
  try {
    const saved = await log.group('Save the zip as a workflow artifact', () => save(zipPath))
    onSaved(saved)
    return new BackupError(
      `${message} The backup was saved instead as workflow artifact '${saved.name}' (id ` +
        `${saved.id}${saved.url ? `, ${saved.url}` : ''}); download it from the run's page. Nothing was pruned.`,
    )
  } catch (artifactError) {
    return new BackupError(
      `${message} Saving the zip as a workflow artifact failed too ` +
        `(${messageOf(artifactError)}). Nothing was pruned.`,
    )
  }
}
