// What the CLI prints at the end of a backup: --json's one document, with typed values.
import { type RunResult, zipOf } from '../backup/result.js'

/** --json: the outputs with their real types (numbers, booleans, lists); a dry run adds the planned deletions. */
export function jsonResult(result: RunResult): Record<string, unknown> {
  const retention = result.retention
  const named = (b: { fileName: string; url: string }) => ({ 'file-name': b.fileName, url: b.url })
  return {
    status: result.status,
    'file-name': result.status === 'no-files' ? '' : result.fileName,
    url: result.url,
    size: zipOf(result).size,
    sha256: zipOf(result).sha256,
    whirlpool: zipOf(result).whirlpool,
    'file-count': result.fileCount,
    'folder-id': result.folderId,
    encrypted: result.encrypted,
    unchanged: result.status === 'unchanged',
    pruned: (retention?.pruned ?? []).map(named),
    'pruned-count': retention?.pruned.length ?? 0,
    'kept-count': retention?.plan ? retention.plan.keep.length + retention.notPruned.length : null,
    'not-pruned': (retention?.notPruned ?? []).map((n) => ({ ...named(n.backup), reason: n.reason })),
    ...(result.status === 'dry-run'
      ? { 'planned-deletions': (retention?.plan?.remove ?? []).map((d) => named(d.backup)) }
      : {}),
    'retention-skipped': retention?.skipped ?? null,
    'missing-files': result.missing.map((m) => ({ name: m.name, reason: m.reason })),
    'duration-ms': result.durationMs,
  }
}

export function retentionIncomplete(result: RunResult): boolean {
  const retention = result.retention
  return retention !== null && (retention.plan === null || retention.notPruned.length > 0)
}
