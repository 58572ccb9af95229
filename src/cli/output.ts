// What the CLI prints at the end of a backup: --json's one document, with typed values.
import { type RunResult, named, outputValues } from '../backup/result.js'

/** --json: the outputs with their real types (numbers, booleans, lists); a dry run adds the planned deletions. */
export function jsonResult(result: RunResult): Record<string, unknown> {
  const retention = result.retention
  return {
    status: result.status,
    ...outputValues(result),
    encrypted: result.encrypted,
    'not-pruned': (retention?.notPruned ?? []).map((n) => ({ ...named(n.backup), reason: n.reason })),
    ...(result.status === 'dry-run'
      ? { 'planned-deletions': (retention?.plan?.remove ?? []).map((d) => named(d.backup)) }
      : {}),
    'retention-skipped': retention?.skipped ?? null,
    'missing-files': result.missing.map((m) => ({ name: m.name, reason: m.reason })),
    'account-warnings': result.notices,
    'duration-ms': result.durationMs,
  }
}

export function retentionIncomplete(result: RunResult): boolean {
  const retention = result.retention
  return retention !== null && (retention.plan === null || retention.notPruned.length > 0)
}
