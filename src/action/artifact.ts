// on-upload-failure: artifact. The zip that could not reach 1fichier is kept as a workflow
// artifact of this run, as it is (no second zip around it). @actions/artifact is loaded only
// here, on that rare path, so it costs nothing at start-up.
import * as path from 'node:path'
import type { SavedArtifact } from '../backup/fallback.js'

export type { SavedArtifact } from '../backup/fallback.js'

export async function saveZipAsArtifact(zipPath: string, env: NodeJS.ProcessEnv = process.env): Promise<SavedArtifact> {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const client = new DefaultArtifactClient()
  const result = await client.uploadArtifact(path.basename(zipPath), [zipPath], path.dirname(zipPath), {
    skipArchive: true,
  })
  if (result.id === undefined) throw new Error('the artifact service gave no artifact id')
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const url =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${result.id}`
      : ''
  return { name: path.basename(zipPath), id: result.id, url, sha256: result.digest ?? '' }
}
