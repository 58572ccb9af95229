// One backup, start to end: select -> zip -> (compare) -> upload -> verify -> prune. Both shells
// (action, CLI) call this with a Config and a Log; data flows one way, each stage is one call that
// returns a value, and nothing is deleted before verification. Modelled on actions/toolkit's
// packages/artifact/src/internal/upload/upload-artifact.ts.
import { mkdtemp, rm } from 'node:fs/promises'
import * as path from 'node:path'
import { type Config, retentionActive } from '../core/config.js'
import { BackupError, NoFilesError, type TempFolder, diskFailure } from '../core/errors.js'
import { ContentFingerprint, formatDescription } from '../core/fingerprint.js'
import { formatBytes } from '../core/format.js'
import { backupFileName } from '../core/naming.js'
import type { Log } from '../platform/log.js'
import type { OneFichierApi } from '../onefichier/client.js'
import { Session } from '../session/session.js'
import type { StateDirectory } from '../state/state-dir.js'
import type { SeriesLock } from '../state/series-lock.js'
import { checkAccount } from './account.js'
import { type SelectionStream, openSelection } from '../select/select.js'
import { Checksums } from './checksums.js'
import { startLookup } from './destination.js'
import { dryRunPlan } from './dry-run.js'
import { type SavedArtifact, keepAsArtifact } from './fallback.js'
import type { RetentionOutcome } from '../series/retention.js'
import { type PruneInput, pruneStage } from './prune.js'
import { type RunEvent, type RunOutcome, type RunResult, RunEvents, buildResult } from './result.js'
import { type Compared, compareStage, describeComparison, recordFingerprint } from './unchanged.js'
import { uploadStage } from './upload.js'
import { verifyStage } from './verify.js'
import { zipStage } from './zip-stage.js'

export { type RunResult } from './result.js'

/** A backup's session: its settings are the whole Config. */
type BackupSession = Session<Config>

export interface RunContext {
  config: Config
  log: Log
  /** Relative `path` lines are read from here; followed links never leave it. */
  workspace: string
  /** The zip is written under here (outside the workspace). */
  tempDir: string
  /** The setting that chose tempDir, named in a disk error (RUNNER_TEMP, TMPDIR). */
  tempDirSetting?: string
  startedAt: Date
  /** 1 in production; tests shrink every wait with it (honoured for a loopback api-url only). */
  timeScale?: number
  signal?: AbortSignal
  /** Hears the run's events as they happen (a shell folds them to say, after a cancel, what state the run left). */
  onEvent?: (event: RunEvent) => void
  /** How often zip and upload progress is logged (default 5 s). */
  progressEveryMs?: number
  /** on-upload-failure: artifact; only the action shell can (it needs the runner's artifact service). */
  saveAsArtifact?: (zipPath: string) => Promise<SavedArtifact>
  /** The 1fichier client; by default one over HTTP to config.apiUrl (tests hand in a fake). */
  client?: OneFichierApi
  /**
   * Where the state shared with other runs is kept (listing times, the account's answer, the
   * series lock); none: this run knows only its own calls and takes no lock.
   */
  stateDir?: StateDirectory | undefined
}

export async function runBackup(ctx: RunContext): Promise<RunResult> {
  const { config, log } = ctx
  const fileName = backupFileName(config.namePrefix, ctx.startedAt, config.label)
  const events = new RunEvents(ctx.onEvent)
  const result = (outcome: RunOutcome) => {
    if (outcome.status === 'unchanged' || outcome.status === 'uploaded') events.emit({ kind: 'done' })
    return buildResult({ fileName, config }, events.progress, outcome, Date.now() - ctx.startedAt.getTime())
  }
  const temp: TempFolder = { path: ctx.tempDir, setting: ctx.tempDirSetting ?? 'TMPDIR' }
  const workDir = await makeWorkDir(temp)
  const zipPath = path.join(workDir, fileName)
  await using session = Session.open(ctx)
  const progressEvery = { progressEveryMs: ctx.progressEveryMs }
  const now = ctx.startedAt
  let checksums: Checksums | undefined
  let lock: SeriesLock | undefined
  try {
    lock = await session.lockSeries('backup')
    const selection = await events.stage('select', () => openTree(ctx, workDir))
    const hasFiles = await selection.hasFiles()
    // Before the zip is written: a full or forbidden account stops the run now, not after the upload.
    if (hasFiles) {
      for (const text of await checkAccount(session)) {
        log.warning(text)
        events.emit({ kind: 'notice', text })
      }
    }
    // A dry run without retention or skip-unchanged never needs the folder: it is not even looked up.
    const needsFolder = !config.dryRun || config.skipUnchanged || retentionActive(config.retention)
    const lookup = hasFiles && needsFolder ? startLookup(session) : null
    const fingerprint = config.skipUnchanged ? new ContentFingerprint(config) : undefined
    const zipInput = { selection, zipPath, temp, refused: lookup?.refused, observer: fingerprint, ...progressEvery }
    const zipped = await events.stage('zip', () => log.group('Select and zip', () => zipStage(session, zipInput)))
    if (!hasFiles || zipped.fileCount === 0) {
      reportNoFiles(ctx)
      return result({ status: 'no-files' })
    }
    events.emit({ kind: 'zipped', fileCount: zipped.fileCount, missing: zipped.missing, size: zipped.archive.size })
    checkServiceLimits(zipped.archive.size, fileName)
    const compared =
      fingerprint && lookup
        ? await events.stage('compare', () =>
            log.group('Compare with the newest backup', () =>
              compareStage(session, { lookup, fingerprint: fingerprint.digest(), now }),
            ),
          )
        : undefined
    if (compared) {
      const sentence = describeComparison(compared)
      log.info(config.dryRun ? `Dry run: ${sentence}` : sentence)
      events.emit({ kind: 'compared', sentence })
    }
    if (compared?.unchanged && !config.dryRun) return result(await keepUnchanged(session, events, compared, now))

    const digests = (checksums = await Checksums.start(zipped.archive, config.archivePassword, log))
    // (Only a dry run can be without a lookup.)
    if (config.dryRun || !lookup) {
      const plan = await dryRunPlan(session, { lookup, fileName, now, size: zipped.archive.size })
      return result({ status: 'dry-run', digests: await digests.result(), plan })
    }
    const uploadInput = { lookup, archive: zipped.archive, fileName, checksums: digests, ...progressEvery }
    const uploaded = await events
      .stage('upload', () => log.group('Upload', () => uploadStage(session, uploadInput)))
      .catch((error: unknown) => failUpload(ctx, events, zipPath, error))
    const expected = { fileName, folderPath: config.folder.join('/'), passwordSet: config.linkPassword !== '' }
    const verified = await events.stage('verify', () =>
      log.group('Verify', () => verifyStage(session, { uploaded, expected })),
    )
    events.emit({ kind: 'verified', url: verified.url })
    log.info(`Backup uploaded and verified: ${verified.url}`)
    if (fingerprint) {
      const description = formatDescription({ fingerprint: fingerprint.digest(), sha256: uploaded.local.sha256 })
      await recordFingerprint(session, verified.url, description)
    }
    const newBackup = { fileName, url: verified.url, time: now, size: zipped.archive.size }
    const listing = verified.listing ?? uploaded.listing
    const retention = await prune(session, events, { folderId: uploaded.folderId, listing, now, newBackup })
    const { size, sha256, whirlpool } = uploaded.local
    return result({
      status: 'uploaded',
      size,
      sha256,
      whirlpool,
      url: verified.url,
      folderId: uploaded.folderId,
      retention,
    })
  } finally {
    checksums?.cancel()
    await lock?.release()
    await rm(workDir, { recursive: true, force: true })
  }
}

async function makeWorkDir(temp: TempFolder): Promise<string> {
  try {
    return await mkdtemp(path.join(temp.path, '1fichier-backup-'))
  } catch (error) {
    throw diskFailure(error, temp, 'Making the temporary folder for the zip') ?? error
  }
}

/** The walk starts here and goes on while the zip is written: files are zipped as they are found. */
function openTree(ctx: RunContext, workDir: string): Promise<SelectionStream> {
  return openSelection(ctx.config.patterns, {
    includeHiddenFiles: ctx.config.includeHiddenFiles,
    followSymlinks: ctx.config.followSymlinks,
    workspace: ctx.workspace,
    // The zip being written, and the state folder (its lock and state file change during the run).
    exclude: ctx.stateDir ? [workDir, ctx.stateDir.path] : [workDir],
    onMissing: (name, reason) =>
      ctx.log.warning(`'${name}' is missing from the backup: ${reason}; the backup goes on without it`),
  })
}

/** if-no-files-found: error, warn or ignore. */
function reportNoFiles(ctx: RunContext): void {
  const { config, log } = ctx
  const message =
    `No files were found with the provided path:\n${config.patterns}\nCheck the paths (relative ` +
    `to ${ctx.workspace}); hidden files need include-hidden-files (--include-hidden-files on the command line).`
  if (config.ifNoFilesFound === 'error') throw new NoFilesError(message.replace(/\n/g, ' '))
  if (config.ifNoFilesFound === 'warn') log.warning(`${message} No backup was made.`)
  else log.info(`${message} No backup was made.`)
}

/** skip-unchanged found the newest backup to be this content: nothing is uploaded, and it is protected. */
async function keepUnchanged(
  session: BackupSession,
  events: RunEvents,
  compared: Compared & { unchanged: true },
  now: Date,
): Promise<RunOutcome> {
  const existing = compared.backup
  const folderId = compared.folderId!
  const retention = await prune(session, events, { folderId, listing: compared.listing, now, newBackup: existing })
  return { status: 'unchanged', existing, folderId, retention }
}

/**
 * Retention after a verified backup, timed as the prune stage; null when every rule is off. It plans
 * from the run's latest listing of the folder when there is one (the API allows one per 30 s).
 */
async function prune(
  session: BackupSession,
  events: RunEvents,
  input: Omit<PruneInput, 'onDeleted'>,
): Promise<RetentionOutcome | null> {
  const { config, log } = session
  if (!retentionActive(config.retention)) {
    if (Object.keys(config.retention).length > 0)
      log.info('Every keep-* input is 0: retention is off, nothing is deleted')
    return null
  }
  return events.stage('prune', () =>
    pruneStage(session, {
      ...input,
      onDeleted: (backup) => events.emit({ kind: 'deleted', fileName: backup.fileName }),
    }),
  )
}

/** The upload failed for good: on-upload-failure: artifact keeps the zip; either way the run fails. */
async function failUpload(ctx: RunContext, events: RunEvents, zipPath: string, error: unknown): Promise<never> {
  if (ctx.config.onUploadFailure !== 'artifact' || !ctx.saveAsArtifact || ctx.signal?.aborted) throw error
  throw await keepAsArtifact(ctx.saveAsArtifact, zipPath, error, ctx.log, (artifact) =>
    events.emit({ kind: 'artifact', artifact }),
  )
}

/** 1fichier refuses empty files and files over 300 GB (rclone's limits): said before any upload. */
export const MAX_UPLOAD_BYTES = 300e9

export function checkServiceLimits(size: number, fileName: string): void {
  if (size === 0)
    throw new BackupError(
      `The zip ${fileName} is empty (0 bytes) and 1fichier refuses empty files; nothing was uploaded or deleted.`,
    )
  if (size > MAX_UPLOAD_BYTES) {
    throw new BackupError(
      `The zip ${fileName} is ${formatBytes(size)}, over the 300 GB that 1fichier accepts for one file. Split the ` +
        `backup into several series (one step per part of the tree, each with its own name-prefix), or exclude large ` +
        `files. Nothing was uploaded or deleted.`,
    )
  }
}
