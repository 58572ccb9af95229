// What a run tells as it goes (its events), what it has done (their fold), and what it returns (a union
// by status, built by a pure function from the fold and the run's end). A shell that listens to the
// events can say, after a cancel, what state the run left.
import type { Config } from '../core/config.js'
import type { MissingFile } from '../select/select.js'
import type { Digests } from '../platform/digest.js'
import type { DryRunPlan } from './dry-run.js'
import type { SavedArtifact } from './fallback.js'
import type { RetentionOutcome } from '../series/retention.js'
import type { ExistingBackup } from './unchanged.js'

export type Stage = 'select' | 'zip' | 'compare' | 'upload' | 'verify' | 'prune'

/** What the run tells its shell as it goes: the shell listens, the run's result is folded from the same. */
export type RunEvent =
  | { kind: 'stage'; stage: Stage }
  | { kind: 'stage-timed'; stage: Stage; ms: number }
  | { kind: 'zipped'; fileCount: number; missing: MissingFile[]; size: number }
  /** skip-unchanged's verdict, in a sentence. */
  | { kind: 'compared'; sentence: string }
  /** Something 1fichier said about the account that the user should know. */
  | { kind: 'notice'; text: string }
  | { kind: 'verified'; url: string }
  /** A deletion 1fichier confirmed. */
  | { kind: 'deleted'; fileName: string }
  /** Where the zip went when the upload failed and on-upload-failure is artifact. */
  | { kind: 'artifact'; artifact: SavedArtifact }
  | { kind: 'done' }

/** What a run has done so far: its events folded (recordEvent), for its result and for a cancel's report. */
export interface RunProgress {
  stage: Stage | 'start' | 'done'
  stagesMs: Partial<Record<Stage, number>>
  zip: { fileCount: number; missing: MissingFile[]; size: number }
  comparison: string
  notices: string[]
  /** Set once the new backup is uploaded and verified. */
  verifiedUrl?: string
  /** Backups whose deletion 1fichier confirmed. */
  deleted: string[]
  artifact?: SavedArtifact
}

export const NOTHING_DONE: RunProgress = {
  stage: 'start',
  stagesMs: {},
  zip: { fileCount: 0, missing: [], size: 0 },
  comparison: '',
  notices: [],
  deleted: [],
}

/** The progress after one more event; the progress given is not changed. */
export function recordEvent(progress: RunProgress, event: RunEvent): RunProgress {
  switch (event.kind) {
    case 'stage':
      return { ...progress, stage: event.stage }
    case 'stage-timed':
      return { ...progress, stagesMs: { ...progress.stagesMs, [event.stage]: event.ms } }
    case 'zipped':
      return { ...progress, zip: { fileCount: event.fileCount, missing: event.missing, size: event.size } }
    case 'compared':
      return { ...progress, comparison: event.sentence }
    case 'notice':
      return { ...progress, notices: [...progress.notices, event.text] }
    case 'verified':
      return { ...progress, verifiedUrl: event.url }
    case 'deleted':
      return { ...progress, deleted: [...progress.deleted, event.fileName] }
    case 'artifact':
      return { ...progress, artifact: event.artifact }
    case 'done':
      return { ...progress, stage: 'done' }
  }
}

/** What every run reports, whatever its outcome. */
interface RunFacts {
  fileName: string
  /** The series' name prefix (what a restore names). */
  namePrefix: string
  fileCount: number
  folderPath: string
  /** The zip's contents are AES-encrypted (archive-password). */
  encrypted: boolean
  /** Selected files that could not be read (gone, a loop, no permission): not in the backup. */
  missing: MissingFile[]
  /** skip-unchanged's verdict, in a sentence (empty when it is off). */
  comparison: string
  /** What 1fichier said about the account that the user should know (files that expire, a subscription that ends). */
  notices: string[]
  durationMs: number
  stagesMs: Partial<Record<Stage, number>>
}

/** A backup: the zip made in this run, or (unchanged) the newest one of the series. */
interface BackupFacts extends Digests {
  size: number
  retention: RetentionOutcome | null
}

export type RunResult =
  | (RunFacts & { status: 'no-files'; url: ''; folderId: null; retention: null })
  | (RunFacts & BackupFacts & { status: 'dry-run'; url: ''; folderId: number | null })
  | (RunFacts & BackupFacts & { status: 'unchanged' | 'uploaded'; url: string; folderId: number })

/** How the run ended, in the terms of its result. */
export type RunOutcome =
  | { status: 'no-files' }
  | { status: 'dry-run'; digests: Digests; plan: DryRunPlan }
  | { status: 'unchanged'; existing: ExistingBackup; folderId: number; retention: RetentionOutcome | null }
  | (Digests & { status: 'uploaded'; size: number; url: string; folderId: number; retention: RetentionOutcome | null })

/** Who the run is: its backup's name and the settings the result repeats. */
export interface RunIdentity {
  fileName: string
  config: Pick<Config, 'folder' | 'namePrefix' | 'archivePassword'>
}

/** The run's result from what it did (its folded events) and how it ended. */
export function buildResult(
  identity: RunIdentity,
  progress: RunProgress,
  outcome: RunOutcome,
  durationMs: number,
): RunResult {
  const facts: RunFacts = {
    fileName: identity.fileName,
    namePrefix: identity.config.namePrefix,
    fileCount: progress.zip.fileCount,
    folderPath: identity.config.folder.join('/'),
    encrypted: identity.config.archivePassword !== '',
    missing: progress.zip.missing,
    comparison: progress.comparison,
    notices: progress.notices,
    durationMs,
    stagesMs: progress.stagesMs,
  }
  switch (outcome.status) {
    case 'no-files':
      return { ...facts, status: 'no-files', url: '', folderId: null, retention: null }
    case 'dry-run':
      return { ...facts, ...outcome.digests, size: progress.zip.size, status: 'dry-run', url: '', ...outcome.plan }
    case 'unchanged': {
      const { fileName, url, size, sha256, whirlpool } = outcome.existing
      const { folderId, retention } = outcome
      return { ...facts, fileName, url, size, sha256, whirlpool, folderId, retention, status: 'unchanged' }
    }
    case 'uploaded': {
      const { size, url, sha256, whirlpool, folderId, retention } = outcome
      return { ...facts, size, url, sha256, whirlpool, folderId, retention, status: 'uploaded' }
    }
  }
}

/**
 * The run's side of its events: each one is folded into the run's own progress and handed to the
 * shell's listener. `stage` times a stage as the events 'stage' and 'stage-timed'.
 */
export class RunEvents {
  private folded: RunProgress = NOTHING_DONE

  constructor(private readonly listener: ((event: RunEvent) => void) | undefined) {}

  get progress(): RunProgress {
    return this.folded
  }

  emit(event: RunEvent): void {
    this.folded = recordEvent(this.folded, event)
    this.listener?.(event)
  }

  async stage<T>(stage: Stage, body: () => Promise<T>): Promise<T> {
    this.emit({ kind: 'stage', stage })
    const start = performance.now()
    try {
      return await body()
    } finally {
      this.emit({ kind: 'stage-timed', stage, ms: Math.round(performance.now() - start) })
    }
  }
}

/** What a run that stopped early leaves behind, in one sentence for the log. */
export function describeProgress(progress: Pick<RunProgress, 'stage' | 'verifiedUrl' | 'deleted'>): string {
  const backup = progress.verifiedUrl
    ? `The new backup was uploaded and verified: ${progress.verifiedUrl}.`
    : progress.stage === 'upload' || progress.stage === 'verify'
      ? 'The new backup was not verified; if the upload had finished, an unverified copy may be in the folder.'
      : 'No backup was uploaded.'
  const deleted =
    progress.deleted.length > 0
      ? `1fichier confirmed ${progress.deleted.length} deletions before the stop (${progress.deleted.join(', ')}); ` +
        `no other backup was deleted.`
      : progress.stage === 'prune'
        ? 'No deletion was confirmed before the stop (one in flight may still take effect); no other backup was ' +
          'deleted.'
        : 'Nothing was deleted.'
  return `Stopped during ${progress.stage}. ${backup} ${deleted} The temporary zip was removed.`
}

/** The zip's size and checksums, or none (0 and empty) when no files were found. */
function zipOf(result: RunResult): Digests & { size: number } {
  return result.status === 'no-files' ? { size: 0, sha256: '', whirlpool: '' } : result
}

/** A backup as the outputs name it. */
export const named = (b: { fileName: string; url: string }) => ({ 'file-name': b.fileName, url: b.url })

/**
 * The values both shells hand back, typed: the action writes them as step outputs (strings), the
 * CLI's --json as they are.
 */
export function outputValues(result: RunResult) {
  const retention = result.retention
  return {
    url: result.url,
    'file-name': result.status === 'no-files' ? '' : result.fileName,
    size: zipOf(result).size,
    sha256: zipOf(result).sha256,
    whirlpool: zipOf(result).whirlpool,
    'file-count': result.fileCount,
    'folder-id': result.folderId,
    pruned: (retention?.pruned ?? []).map(named),
    'pruned-count': retention?.pruned.length ?? 0,
    'kept-count': retention?.plan ? retention.plan.keep.length + retention.notPruned.length : null,
    unchanged: result.status === 'unchanged',
  }
}
