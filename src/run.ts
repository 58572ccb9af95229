// One backup, start to end: select -> zip -> upload -> verify -> prune. Both shells (action, CLI)
// call this with a Config and a Log; data flows one way and nothing is deleted before verification.
import { mkdtemp, rm } from 'node:fs/promises'
import * as path from 'node:path'
import { writeArchive, type ArchiveResult } from './archive.js'
import { type Config, retentionActive } from './config.js'
import { BackupError, NoFilesError, type TempFolder, diskFailure } from './errors.js'
import type { Log } from './log.js'
import { backupFileName } from './naming.js'
import { applyRetention, type RetentionOutcome } from './prune.js'
import { type MissingFile, describeReadError, openSelection } from './select.js'
import { verifyUpload, type VerifiedUpload } from './verify.js'
import { OneFichierClient, ROOT_FOLDER_ID } from './onefichier/client.js'
import { OneFichierError } from './onefichier/errors.js'
import { type ResolvedFolder, resolveFolder } from './onefichier/folders.js'
import { Transport } from './onefichier/transport.js'
import { UploadResultMissing, describeLinks, uploadWithRetries } from './upload.js'
import { fileIdOf, sameFile } from './onefichier/file-id.js'
import { type FileItem, type UploadLink, type UploadServer, toNumber } from './onefichier/types.js'
import type { Backup } from './retention.js'
import { formatBytes, formatDuration } from './format.js'
import { ContentFingerprint, formatDescription } from './fingerprint.js'
import { type DigestJob, type Digests, digestFile } from './digest.js'
import { ZipCheckError, ZipReadBack } from './zip/read-back.js'
import { DeferredLog } from './log.js'
import { type Comparison, compareWithNewest, recordFingerprint } from './unchanged.js'
import { LISTING_LIMIT } from './prune.js'
import type { SavedArtifact } from './artifact.js'

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
  /** 1 in production; tests shrink every wait with it. */
  timeScale?: number
  signal?: AbortSignal
  /** Filled in as the run goes, so a cancelled run can say what state it left. */
  progress?: RunProgress
  /** How often upload progress is logged (default 5 s). */
  progressEveryMs?: number
  /** on-upload-failure: artifact; only the action shell can (it needs the runner's artifact service). */
  saveAsArtifact?: (zipPath: string) => Promise<SavedArtifact>
}

type Stage = 'select' | 'zip' | 'compare' | 'upload' | 'verify' | 'prune'

export interface RunProgress {
  stage: Stage | 'start' | 'done'
  /** Set once the new backup is uploaded and verified. */
  verifiedUrl?: string
  /** Backups whose deletion 1fichier confirmed. */
  deleted: string[]
  /** Where the zip went when the upload failed and on-upload-failure is artifact. */
  artifact?: SavedArtifact
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

export type RunStatus = 'uploaded' | 'unchanged' | 'dry-run' | 'no-files'

export interface RunResult {
  status: RunStatus
  fileName: string
  url: string
  size: number
  sha256: string
  whirlpool: string
  fileCount: number
  folderId: number | null
  folderPath: string
  retention: RetentionOutcome | null
  /** skip-unchanged's verdict, in a sentence (empty when it is off). */
  comparison: string
  /** The zip's contents are AES-encrypted (archive-password). */
  encrypted: boolean
  /** Selected files that could not be read (gone, a loop, no permission): not in the backup. */
  missing: MissingFile[]
  durationMs: number
  stagesMs: Partial<Record<Stage, number>>
}

/** Runs one stage: marks it as the current one, and records how long it took. */
async function timed<T>(
  progress: RunProgress,
  stages: RunResult['stagesMs'],
  stage: Stage,
  body: () => Promise<T>,
): Promise<T> {
  progress.stage = stage
  const start = performance.now()
  try {
    return await body()
  } finally {
    stages[stage] = Math.round(performance.now() - start)
  }
}

export async function runBackup(ctx: RunContext): Promise<RunResult> {
  const { config, log } = ctx
  const progress = ctx.progress ?? { stage: 'start', deleted: [] }
  const stagesMs: RunResult['stagesMs'] = {}
  const fileName = backupFileName(config.namePrefix, ctx.startedAt, config.label)
  const temp: TempFolder = { path: ctx.tempDir, setting: ctx.tempDirSetting ?? 'TMPDIR' }
  let workDir: string
  try {
    workDir = await mkdtemp(path.join(ctx.tempDir, '1fichier-backup-'))
  } catch (error) {
    throw diskFailure(error, temp, 'Making the temporary folder for the zip') ?? error
  }
  const zipPath = path.join(workDir, fileName)
  const base = {
    fileName,
    url: '',
    size: 0,
    sha256: '',
    whirlpool: '',
    fileCount: 0,
    folderId: null as number | null,
    folderPath: config.folder.join('/'),
    retention: null as RetentionOutcome | null,
    comparison: '',
    encrypted: config.archivePassword !== '',
    missing: [] as MissingFile[],
    stagesMs,
  }
  const finish = (result: Omit<RunResult, 'durationMs'>): RunResult => ({
    ...result,
    durationMs: Date.now() - ctx.startedAt.getTime(),
  })
  const transport = new Transport({
    apiUrl: config.apiUrl,
    apiKey: config.apiKey,
    retries: config.retries,
    stallTimeoutMs: config.stallTimeoutMs,
    timeScale: ctx.timeScale ?? 1,
    log,
    signal: ctx.signal,
  })
  const client = new OneFichierClient(transport)
  let digestJob: DigestJob | undefined
  try {
    const selection = await timed(progress, stagesMs, 'select', () =>
      openSelection(config.patterns, {
        includeHiddenFiles: config.includeHiddenFiles,
        followSymlinks: config.followSymlinks,
        workspace: ctx.workspace,
        exclude: [workDir],
        onMissing: (name, reason) =>
          log.warning(`'${name}' is missing from the backup: ${reason}; the backup goes on without it`),
      }),
    )
    const fingerprint = config.skipUnchanged
      ? new ContentFingerprint({
          apiKey: config.apiKey,
          archivePassword: config.archivePassword,
          linkPassword: config.linkPassword,
        })
      : undefined
    // The walk goes on while the zip is written: files are zipped as they are found. Once there is
    // a file to back up, the folder (and for skip-unchanged its listing) is looked up meanwhile.
    let destination: DestinationLookup | undefined
    // A refused key, a locked or non-Premium account stops the zip at once: no point writing it.
    const refused = new AbortController()
    const zipSignal = ctx.signal ? AbortSignal.any([ctx.signal, refused.signal]) : refused.signal
    const listEntries = log.debugEnabled ?? true
    const entries = (async function* () {
      for await (const entry of selection.entries) {
        if (!destination && entry.kind !== 'directory')
          destination = lookUpDestination(ctx, client, (error) => refused.abort(error))
        if (listEntries) log.debug(`  ${entry.kind} ${entry.name}`)
        yield entry
      }
    })()
    const archive = await timed(progress, stagesMs, 'zip', () =>
      log.group('Select and zip', async () => {
        const started = performance.now()
        const tally = selection.tally
        const result = await writeArchive(entries, zipPath, {
          compressionLevel: config.compressionLevel,
          signal: zipSignal,
          password: config.archivePassword || undefined,
          observer: fingerprint,
          // A file gone by the time its turn comes is left out, like one the walk could not read.
          onUnreadable: (entry, error) => {
            tally.fileCount--
            if (entry.kind === 'file') tally.totalBytes -= entry.size
            tally.missing.push({ name: entry.name, reason: describeReadError(error) })
            log.warning(
              `'${entry.name}' is missing from the backup: ${describeReadError(error)}; the backup goes on without it`,
            )
          },
          onSizeChanged: (entry, size) =>
            log.warning(
              `'${entry.name}' changed size while it was read; the backup holds the ${formatBytes(size)} that were ` +
                `read`,
            ),
        }).catch((error: unknown) => {
          if (refused.signal.aborted && !ctx.signal?.aborted) throw refused.signal.reason
          throw diskFailure(error, temp, 'Writing the zip') ?? error
        })
        const { fileCount, totalBytes, credentialWarnings } = tally
        for (const warning of credentialWarnings) {
          log.warning(`Credential guard: ${warning}; exclude it with a !pattern line unless you mean to back it up`)
        }
        log.info(`Selected ${fileCount} files (${formatBytes(totalBytes)}) under ${selection.root}`)
        if (fileCount === 0) return result
        if (config.archivePassword) log.info('Contents encrypted with AES-256 (WinZip AE-2); entry names stay readable')
        log.info(
          `Zipped ${fileCount} files (${formatBytes(totalBytes)}) into ${fileName}: ${formatBytes(result.size)} in ` +
            `${formatDuration(performance.now() - started)}`,
        )
        return result
      }),
    )
    // Set inside the generator above at the first file (TypeScript's narrowing cannot see that).
    const lookup = destination as DestinationLookup | undefined
    if (!lookup || selection.tally.fileCount === 0) {
      const message =
        `No files were found with the provided path:\n${config.patterns}\nCheck the paths (relative ` +
        `to ${ctx.workspace}); hidden files need include-hidden-files: true.`
      if (config.ifNoFilesFound === 'error') throw new NoFilesError(message.replace(/\n/g, ' '))
      if (config.ifNoFilesFound === 'warn') log.warning(`${message} No backup was made.`)
      else log.info(`${message} No backup was made.`)
      return finish({ ...base, status: 'no-files' })
    }
    const zipped = {
      ...base,
      size: archive.size,
      fileCount: selection.tally.fileCount,
      missing: selection.tally.missing,
    }
    checkServiceLimits(archive.size, fileName)

    const compared = fingerprint
      ? await timed(progress, stagesMs, 'compare', () =>
          log.group('Compare with the newest backup', () => compare(ctx, client, lookup, fingerprint.digest())),
        )
      : undefined
    const comparison = compared ? describeComparison(compared.comparison) : ''
    if (comparison) log.info(config.dryRun ? `Dry run: ${comparison}` : comparison)

    // An unchanged backup is not uploaded: its zip need not be hashed.
    if (compared?.comparison.unchanged && !config.dryRun) {
      const existing = compared.comparison.backup
      const retention = await prune(ctx, client, progress, stagesMs, compared.folderId!, existing, compared.listing)
      progress.stage = 'done'
      return finish({
        ...zipped,
        status: 'unchanged',
        comparison,
        fileName: existing.fileName,
        url: existing.url,
        size: existing.size,
        sha256: existing.sha256,
        whirlpool: existing.whirlpool,
        folderId: compared.folderId,
        retention,
      })
    }

    // Checksums are taken from the file while the upload runs (digest.ts), and the same read checks
    // that the zip reads back: every entry's CRC-32 (or AES code) and the central directory.
    const readBack = await openReadBack(zipPath, archive.size, config.archivePassword)
    digestJob = digestFile(zipPath, { reader: readBack })
    const digests = waitForDigests(digestJob, readBack, log)

    if (config.dryRun) {
      const plan = await dryRunPlan(ctx, client, lookup, fileName, compared?.listing)
      return finish({ ...zipped, ...(await digests()), status: 'dry-run', comparison, ...plan })
    }

    let uploaded: Awaited<ReturnType<typeof uploadAndVerify>>
    try {
      uploaded = await uploadAndVerify(ctx, client, lookup, archive, digests, fileName, stagesMs, progress)
    } catch (error) {
      if (config.onUploadFailure !== 'artifact' || !ctx.saveAsArtifact || ctx.signal?.aborted) throw error
      throw await keepAsArtifact(ctx, zipPath, error, progress)
    }
    const { folderId, verified } = uploaded
    progress.verifiedUrl = verified.url
    const done = { ...zipped, ...uploaded.digests, url: verified.url, folderId, comparison }
    log.info(`Backup uploaded and verified: ${verified.url}`)
    if (fingerprint) {
      await recordFingerprint(
        client,
        verified.url,
        formatDescription({ fingerprint: fingerprint.digest(), sha256: uploaded.digests.sha256 }),
        log,
      )
    }
    // Retention plans from the freshest listing this run made: after the upload if there is one.
    const listing = uploaded.listing ?? uploaded.before

    const retention = await prune(
      ctx,
      client,
      progress,
      stagesMs,
      folderId,
      { fileName, url: verified.url, time: ctx.startedAt },
      listing,
    )
    progress.stage = 'done'
    return finish({ ...done, status: 'uploaded', retention })
  } finally {
    digestJob?.cancel()
    await transport.close()
    await rm(workDir, { recursive: true, force: true })
  }
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

/** The destination, looked up in the background; its log lines wait for the stage that uses it. */
interface DestinationLookup {
  folder: () => Promise<ResolvedFolder>
  /** The folder's files before the upload (undefined when the folder does not exist yet, or in a plain dry run). */
  listing: Promise<FileItem[] | undefined> | undefined
  /** An upload node asked for meanwhile, while still fresh (null: ask when uploading). */
  uploadServer: () => Promise<UploadServer | null>
  log: DeferredLog
}

/** A node asked for during the zip is used only this soon after: how long 1fichier keeps one is not documented. */
const PREFETCHED_SERVER_MAX_AGE_MS = 60_000

function lookUpDestination(
  ctx: RunContext,
  client: OneFichierClient,
  onRefused: (error: OneFichierError) => void,
): DestinationLookup {
  const { config } = ctx
  const log = new DeferredLog(ctx.log)
  let started: Promise<ResolvedFolder> | undefined
  const folder = () => {
    // A dry run only reads: no folder is created.
    started ??= resolveFolder(client, config.folder, { create: !config.dryRun, log })
    // A failure surfaces where it is awaited; a refusal of the key or account at once.
    started.catch((error: unknown) => {
      if (
        error instanceof OneFichierError &&
        (error.kind === 'auth' || error.kind === 'account' || error.kind === 'flood')
      )
        onRefused(error)
    })
    return started
  }
  // A dry run without retention or skip-unchanged never needs the folder: it is not even looked up.
  if (!config.dryRun || config.skipUnchanged || retentionActive(config.retention)) void folder()
  // The folder's files before the upload: what retention plans from, what skip-unchanged compares
  // with, and what proves that a bad copy is this run's own (a folder this run created is empty).
  const listing =
    !config.dryRun || config.skipUnchanged
      ? folder().then((f) => (f.id === null ? undefined : f.created.includes(f.path) ? [] : client.listFiles(f.id)))
      : undefined
  listing?.catch(() => undefined)
  // A plain run also asks for its upload node meanwhile (the API's pacing would otherwise add a
  // wait before the upload). Not when it may not upload at all (dry run, skip-unchanged).
  let fetchedAt = 0
  const server =
    config.dryRun || config.skipUnchanged
      ? Promise.resolve(null)
      : folder()
          .then(() => client.getUploadServer())
          .then((s) => ((fetchedAt = Date.now()), s))
          .catch(() => null)
  const uploadServer = async () => {
    const prefetched = await server
    return prefetched && Date.now() - fetchedAt < PREFETCHED_SERVER_MAX_AGE_MS ? prefetched : null
  }
  return { folder, listing, uploadServer, log }
}

/** The zip's directory, read from its end before anything is uploaded: a zip without one is no backup. */
async function openReadBack(zipPath: string, size: number, password: string): Promise<ZipReadBack> {
  try {
    return await ZipReadBack.open(zipPath, size, password || undefined)
  } catch (error) {
    if (!(error instanceof ZipCheckError)) throw error
    throw new BackupError(
      `The zip that was written does not read back (${error.message}): nothing was uploaded or deleted. This is a ` +
        `bug; please report it.`,
    )
  }
}

/**
 * The checksums, when the hashing that runs beside the upload is done (logged once), and the proof
 * that the zip reads back: nothing is verified as a backup, nor pruned, before it.
 */
function waitForDigests(job: DigestJob, readBack: ZipReadBack, log: Log): () => Promise<Digests> {
  let logged = false
  return async () => {
    const started = performance.now()
    const { engine, ...digests } = await job.result
    try {
      await readBack.finish()
    } catch (error) {
      if (!(error instanceof ZipCheckError)) throw error
      throw new BackupError(
        `The zip does not read back as it was written (${error.message}): it is not a sound backup, so nothing was ` +
          `verified or deleted. If it was uploaded, delete that copy by hand. This is a bug; please report it.`,
      )
    }
    if (!logged) {
      logged = true
      const waited = performance.now() - started
      log.info(`SHA-256 ${digests.sha256}`)
      log.info(`Whirlpool ${digests.whirlpool}`)
      log.info(`Read back: all ${readBack.checked} entries check out (CRC-32 or AES code, and the central directory)`)
      log.info(
        `Checksums ready ` +
          `${waited < 10 ? 'before the upload ended' : `${formatDuration(waited)} after the upload ended`} ` +
          `(${engine})`,
      )
    }
    return digests
  }
}

/** Retention after a verified backup (new, or the unchanged newest one, which is then protected). */
async function prune(
  ctx: RunContext,
  client: OneFichierClient,
  progress: RunProgress,
  stagesMs: RunResult['stagesMs'],
  folderId: number,
  newBackup: Backup,
  listing: FileItem[] | undefined,
): Promise<RetentionOutcome | null> {
  const { config, log } = ctx
  if (!retentionActive(config.retention)) {
    if (Object.keys(config.retention).length > 0)
      log.info('Every keep-* input is 0: retention is off, nothing is deleted')
    return null
  }
  ctx.signal?.throwIfAborted()
  const retention = await timed(progress, stagesMs, 'prune', () =>
    log.group('Prune', () =>
      applyRetention({
        client,
        folderId,
        prefix: config.namePrefix,
        policy: config.retention,
        now: ctx.startedAt,
        newBackup,
        dryRun: false,
        log,
        signal: ctx.signal,
        listing,
        onDeleted: (backup) => progress.deleted.push(backup.fileName),
      }),
    ),
  )
  // A cancel during pruning fails the step, saying what was and was not deleted.
  ctx.signal?.throwIfAborted()
  return retention
}

interface Compared {
  folderId: number | null
  /** The folder's listing, reused by retention (the API allows one per folder per 30 s). */
  listing: FileItem[] | undefined
  comparison: Comparison
}

/** skip-unchanged: read-only calls; any failure here means "upload", never a failed run. */
async function compare(
  ctx: RunContext,
  client: OneFichierClient,
  destination: DestinationLookup,
  fingerprint: string,
): Promise<Compared> {
  const { config } = ctx
  const upload = (folderId: number | null, reason: string, listing?: FileItem[]): Compared => ({
    folderId,
    listing,
    comparison: { unchanged: false, reason },
  })
  let folderId: number | null
  try {
    folderId = (await destination.folder()).id
  } catch (error) {
    if (!(error instanceof OneFichierError)) throw error
    return upload(null, `the folder could not be read (${error.message})`)
  }
  if (folderId === null) return upload(null, 'the folder does not exist yet')
  let listing: FileItem[]
  try {
    listing = (await destination.listing) ?? []
  } catch (error) {
    if (!(error instanceof OneFichierError)) throw error
    return upload(folderId, `the folder could not be listed (${error.message})`)
  }
  if (listing.length >= LISTING_LIMIT)
    return upload(folderId, `the folder listing has ${listing.length} files and may be incomplete`, listing)
  return {
    folderId,
    listing,
    comparison: await compareWithNewest(client, listing, config.namePrefix, fingerprint, ctx.startedAt),
  }
}

function describeComparison(comparison: Comparison): string {
  return comparison.unchanged
    ? `Unchanged: the files are the same as in ${comparison.backup.fileName}, the newest backup; nothing is uploaded`
    : `Changed or unknown, so a new backup is uploaded: ${comparison.reason}`
}

/** The upload failed for good: keep the zip as a workflow artifact, and fail saying where it went. */
async function keepAsArtifact(
  ctx: RunContext,
  zipPath: string,
  error: unknown,
  progress: RunProgress,
): Promise<BackupError> {
  const message = (error as Error)?.message ?? String(error)
  try {
    const saved = await ctx.log.group('Save the zip as a workflow artifact', () => ctx.saveAsArtifact!(zipPath))
    progress.artifact = saved
    return new BackupError(
      `${message} The backup was saved instead as workflow artifact '${saved.name}' (id ` +
        `${saved.id}${saved.url ? `, ${saved.url}` : ''}); download it from the run's page. Nothing was pruned.`,
    )
  } catch (artifactError) {
    return new BackupError(
      `${message} Saving the zip as a workflow artifact failed too ` +
        `(${(artifactError as Error)?.message ?? String(artifactError)}). Nothing was pruned.`,
    )
  }
}

async function uploadAndVerify(
  ctx: RunContext,
  client: OneFichierClient,
  destination: DestinationLookup,
  archive: ArchiveResult,
  digests: () => Promise<Digests>,
  fileName: string,
  stagesMs: RunResult['stagesMs'],
  progress: RunProgress,
): Promise<{
  folderId: number
  verified: VerifiedUpload
  listing: FileItem[] | undefined
  before: FileItem[] | undefined
  digests: Digests
}> {
  const { config, log } = ctx
  let before: FileItem[] | undefined
  const { folderId, link, listing, local } = await timed(progress, stagesMs, 'upload', () =>
    log.group('Upload', async () => {
      destination.log.replay(log)
      const folder = await destination.folder()
      destination.log.replay(log)
      const folderId = folder.id ?? ROOT_FOLDER_ID
      log.info(`Destination: '${folder.path || '/'}' (folder id ${folderId})`)
      before = await destination.listing?.catch((error: unknown) => {
        log.warning(
          `Listing the folder before the upload failed (${(error as Error).message}); it is listed again for retention`,
        )
        return undefined
      })
      let link: UploadLink
      try {
        link = await uploadWithRetries(client, {
          filePath: archive.path,
          fileName,
          size: archive.size,
          folderId,
          linkPassword: config.linkPassword,
          retries: config.retries,
          log,
          signal: ctx.signal,
          progressEveryMs: ctx.progressEveryMs,
          prefetchedServer: destination.uploadServer,
        })
      } catch (error) {
        if (!(error instanceof UploadResultMissing)) throw error
        const local = { ...archive, ...(await digests()) }
        return { folderId, local, ...(await findInFolder(client, folderId, fileName, local, error, before, log)) }
      }
      return { folderId, link, listing: undefined, local: { ...archive, ...(await digests()) } }
    }),
  )
  const verified = await timed(progress, stagesMs, 'verify', () =>
    log.group('Verify', async () => {
      const started = performance.now()
      const verified = await verifyUpload(client, link, {
        ...local,
        fileName,
        folderId,
        folderPath: config.folder.join('/'),
        passwordSet: config.linkPassword !== '',
        listing,
        before,
      })
      // A file that 1fichier does not show yet right after its upload is normal: said, not warned of.
      if (verified.fallback?.late)
        log.info(`${verified.fallback.reason} (a new file can take a moment to show); the folder listing confirmed it`)
      else if (verified.fallback)
        log.warning(`${verified.fallback.reason}; the folder listing confirmed the upload instead`)
      log.info(
        `Verified in ${formatDuration(performance.now() - started)}: 1fichier's size (${formatBytes(archive.size)}) ` +
          `and Whirlpool match the zip; it is in folder id ${folderId}`,
      )
      return verified
    }),
  )
  return {
    folderId,
    verified,
    listing: listing ?? verified.listing,
    before,
    digests: { sha256: local.sha256, whirlpool: local.whirlpool },
  }
}

/**
 * end.pl never answered with the link: look for the file in the folder itself. The listing is
 * kept, so that retention plans from it instead of listing the folder again (1 per 30 s).
 */
async function findInFolder(
  client: OneFichierClient,
  folderId: number,
  fileName: string,
  archive: ArchiveResult & Digests,
  cause: UploadResultMissing,
  before: readonly FileItem[] | undefined,
  log: Log,
): Promise<{ link: UploadLink; listing: FileItem[] }> {
  log.warning(`${cause.message.split('. ')[0]}; looking for the file in the folder instead`)
  const foreign =
    cause.foreign.length > 0
      ? ` end.pl reported only ${describeLinks(cause.foreign)}: not this backup, left alone.`
      : ''
  let listing: FileItem[]
  try {
    listing = await client.listFiles(folderId)
  } catch (error) {
    throw new BackupError(
      `The upload's result is unknown: end.pl gave no link and the folder could not be listed ` +
        `(${(error as Error).message}).${foreign} Nothing was deleted; check the folder for ${fileName}.`,
    )
  }
  // Ours: our exact name, the zip's size and Whirlpool, and not in the folder before the upload.
  const match = listing.find(
    (item) =>
      item.filename === fileName &&
      toNumber(item.size) === archive.size &&
      item.checksum?.toLowerCase() === archive.whirlpool &&
      fileIdOf(item.url) !== null &&
      !before?.some((old) => sameFile(old.url, item.url)),
  )
  if (!match) {
    throw new BackupError(
      `The upload's result is unknown: end.pl gave no link (${cause.cause.detail}) and ${fileName} with the zip's ` +
        `size and Whirlpool is not in the folder.${foreign} Nothing was deleted; run the job again.`,
    )
  }
  log.info(`Found ${fileName} in the folder with the zip's size and Whirlpool`)
  return {
    link: { download: match.url, filename: match.filename, size: match.size, whirlpool: match.checksum ?? '' },
    listing,
  }
}

/** Dry run: read-only calls only (no folder is created), then the plan as a real run would make it. */
async function dryRunPlan(
  ctx: RunContext,
  client: OneFichierClient,
  destination: DestinationLookup,
  fileName: string,
  listing: FileItem[] | undefined,
): Promise<Pick<RunResult, 'folderId' | 'retention'>> {
  const { config, log } = ctx
  log.info(
    `Dry run: ${fileName} would be uploaded to '${config.folder.join('/') || '/'}'; nothing is uploaded or deleted`,
  )
  if (!retentionActive(config.retention)) return { folderId: null, retention: null }
  return log.group('Prune (dry run)', async () => {
    let folderId: number | null = null
    try {
      folderId = (await destination.folder()).id
      destination.log.replay(log)
    } catch (error) {
      if (!(error instanceof OneFichierError)) throw error
      throw new BackupError(`Dry run could not read the destination folder: ${error.message}`)
    }
    const retention = await applyRetention({
      client,
      folderId,
      prefix: config.namePrefix,
      policy: config.retention,
      now: ctx.startedAt,
      newBackup: { fileName, url: '(new backup)', time: ctx.startedAt },
      dryRun: true,
      log,
      listing,
    })
    return { folderId, retention }
  })
}
