// What a run returns, a union by status, and the clock that times its stages and builds it. The
// progress (stage, verified link, confirmed deletions) is kept as the run goes, so that a cancelled
// run can still say what state it left.
import type { Config } from '../core/config.js'
import type { Log } from '../platform/log.js'
import type { MissingFile } from '../select/select.js'
import type { Digests } from '../platform/digest.js'
import type { DryRunPlan } from './dry-run.js'
import type { SavedArtifact } from './fallback.js'
import type { RetentionOutcome } from '../series/retention.js'
import type { ExistingBackup } from './unchanged.js'
import type { Zipped } from './zip-stage.js'

export type Stage = 'select' | 'zip' | 'compare' | 'upload' | 'verify' | 'prune'

export interface RunProgress {
  stage: Stage | 'start' | 'done'
  /** Set once the new backup is uploaded and verified. */
  verifiedUrl?: string
  /** Backups whose deletion 1fichier confirmed. */
  deleted: string[]
  /** Where the zip went when the upload failed and on-upload-failure is artifact. */
  artifact?: SavedArtifact
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

/** Times each stage, records the progress, and builds the result. */
export class StageClock {
  readonly fileName: string
  readonly folderPath: string
  private readonly namePrefix: string
  private readonly progress: RunProgress
  private readonly stagesMs: RunFacts['stagesMs'] = {}
  private readonly startedAt: Date
  private readonly encrypted: boolean
  private zip: Pick<RunFacts, 'fileCount' | 'missing'> & { size: number } = { fileCount: 0, missing: [], size: 0 }
  private comparison = ''
  private readonly notices: string[] = []

  constructor(ctx: { config: Config; startedAt: Date; progress?: RunProgress | undefined }, fileName: string) {
    this.fileName = fileName
    this.folderPath = ctx.config.folder.join('/')
    this.namePrefix = ctx.config.namePrefix
    this.encrypted = ctx.config.archivePassword !== ''
    this.startedAt = ctx.startedAt
    this.progress = ctx.progress ?? { stage: 'start', deleted: [] }
  }

  /** Runs one stage: marks it as the current one, and records how long it took. */
  async stage<T>(stage: Stage, body: () => Promise<T>): Promise<T> {
    this.progress.stage = stage
    const start = performance.now()
    try {
      return await body()
    } finally {
      this.stagesMs[stage] = Math.round(performance.now() - start)
    }
  }

  zipped(zipped: Zipped): void {
    this.zip = { fileCount: zipped.fileCount, missing: zipped.missing, size: zipped.archive.size }
  }

  /** skip-unchanged's verdict: logged, and kept for the result. */
  compared(sentence: string, dryRun: boolean, log: Log): void {
    log.info(dryRun ? `Dry run: ${sentence}` : sentence)
    this.comparison = sentence
  }

  /** A notice about the account: a warning in the log, kept for the summary and --json. */
  notice(text: string, log: Log): void {
    log.warning(text)
    this.notices.push(text)
  }

  verified(url: string): void {
    this.progress.verifiedUrl = url
  }

  deleted(fileName: string): void {
    this.progress.deleted.push(fileName)
  }

  savedAs(artifact: SavedArtifact): void {
    this.progress.artifact = artifact
  }

  noFiles(): RunResult {
    return { ...this.facts(), status: 'no-files', url: '', folderId: null, retention: null }
  }

  dryRun(digests: Digests, plan: DryRunPlan): RunResult {
    return { ...this.facts(), ...digests, size: this.zip.size, status: 'dry-run', url: '', ...plan }
  }

  unchanged(existing: ExistingBackup, folderId: number, retention: RetentionOutcome | null): RunResult {
    const { fileName, url, size, sha256, whirlpool } = existing
    return { ...this.done(), fileName, url, size, sha256, whirlpool, folderId, retention, status: 'unchanged' }
  }

  uploaded(backup: Digests & { size: number; url: string; folderId: number; retention: RetentionOutcome | null }) {
    const { size, url, sha256, whirlpool, folderId, retention } = backup
    const result: RunResult = { ...this.done(), size, url, sha256, whirlpool, folderId, retention, status: 'uploaded' }
    return result
  }

  private done(): RunFacts {
    this.progress.stage = 'done'
    return this.facts()
  }

  private facts(): RunFacts {
    return {
      fileName: this.fileName,
      namePrefix: this.namePrefix,
      fileCount: this.zip.fileCount,
      folderPath: this.folderPath,
      encrypted: this.encrypted,
      missing: this.zip.missing,
      comparison: this.comparison,
      notices: this.notices,
      durationMs: Date.now() - this.startedAt.getTime(),
      stagesMs: this.stagesMs,
    }
  }
}

/** What a run that stopped early leaves behind, in one sentence for the log. */
export function describeProgress(progress: RunProgress): string {
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
