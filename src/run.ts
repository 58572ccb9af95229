// One backup, start to end: select -> zip -> upload -> verify -> prune. Both shells (action, CLI)
// call this with a Config and a Log; data flows one way and nothing is deleted before verification.
import { mkdtemp, rm } from 'node:fs/promises'
import * as path from 'node:path'
import { writeArchive, type ArchiveResult } from './archive.js'
import { type Config, retentionActive } from './config.js'
import { BackupError, NoFilesError } from './errors.js'
import type { Log } from './log.js'
import { backupFileName } from './naming.js'
import { applyRetention, type RetentionOutcome } from './prune.js'
import { selectFiles, type Selection } from './select.js'
import { verifyUpload, type VerifiedUpload } from './verify.js'
import { OneFichierClient, ROOT_FOLDER_ID } from './onefichier/client.js'
import { OneFichierError } from './onefichier/errors.js'
import { resolveFolder } from './onefichier/folders.js'
import { Transport } from './onefichier/transport.js'
import { uploadWithRetries } from './upload.js'
import { formatBytes, formatDuration } from './format.js'

export interface RunContext {
  config: Config
  log: Log
  /** Relative `path` lines are read from here; followed links never leave it. */
  workspace: string
  /** The zip is written under here (outside the workspace). */
  tempDir: string
  startedAt: Date
  /** 1 in production; tests shrink every wait with it. */
  timeScale?: number
  signal?: AbortSignal
}

export type RunStatus = 'uploaded' | 'dry-run' | 'no-files'

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
  durationMs: number
  stagesMs: Partial<Record<'select' | 'zip' | 'upload' | 'verify' | 'prune', number>>
}

async function timed<T>(stages: RunResult['stagesMs'], stage: keyof RunResult['stagesMs'], body: () => Promise<T>): Promise<T> {
  const start = performance.now()
  try {
    return await body()
  } finally {
    stages[stage] = Math.round(performance.now() - start)
  }
}

export async function runBackup(ctx: RunContext): Promise<RunResult> {
  const { config, log } = ctx
  const stagesMs: RunResult['stagesMs'] = {}
  const fileName = backupFileName(config.namePrefix, ctx.startedAt, config.label)
  const workDir = await mkdtemp(path.join(ctx.tempDir, '1fichier-backup-'))
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
  try {
    const selection = await timed(stagesMs, 'select', () =>
      log.group('Select files', () => select(ctx, zipPath)),
    )
    if (selection.fileCount === 0) {
      const message = `No files were found with the provided path:\n${config.patterns}\nCheck the paths (relative to ${ctx.workspace}); hidden files need include-hidden-files: true.`
      if (config.ifNoFilesFound === 'error') throw new NoFilesError(message.replace(/\n/g, ' '))
      if (config.ifNoFilesFound === 'warn') log.warning(`${message} No backup was made.`)
      else log.info(`${message} No backup was made.`)
      return finish({ ...base, status: 'no-files' })
    }

    const archive = await timed(stagesMs, 'zip', () =>
      log.group('Zip', async () => {
        const started = performance.now()
        const result = await writeArchive(selection.entries, zipPath, {
          compressionLevel: config.compressionLevel,
          signal: ctx.signal,
        })
        const seconds = (performance.now() - started) / 1000
        log.info(
          `Zipped ${selection.fileCount} files (${formatBytes(selection.totalBytes)}) into ${fileName}: ${formatBytes(result.size)} in ${formatDuration(seconds * 1000)}`,
        )
        log.info(`SHA-256 ${result.sha256}`)
        log.info(`Whirlpool ${result.whirlpool}`)
        return result
      }),
    )
    const zipped = { ...base, size: archive.size, sha256: archive.sha256, whirlpool: archive.whirlpool, fileCount: selection.fileCount }

    if (config.dryRun) {
      return finish({ ...zipped, status: 'dry-run', ...(await dryRunPlan(ctx, client, fileName)) })
    }

    const { folderId, verified } = await uploadAndVerify(ctx, client, archive, fileName, stagesMs)
    const done = { ...zipped, url: verified.url, folderId }
    log.info(`Backup uploaded and verified: ${verified.url}`)

    let retention: RetentionOutcome | null = null
    if (retentionActive(config.retention)) {
      ctx.signal?.throwIfAborted()
      retention = await timed(stagesMs, 'prune', () =>
        log.group('Prune', () =>
          applyRetention({
            client,
            folderId,
            prefix: config.namePrefix,
            policy: config.retention,
            now: ctx.startedAt,
            newBackup: { fileName, url: verified.url, time: ctx.startedAt },
            dryRun: false,
            log,
            signal: ctx.signal,
          }),
        ),
      )
    } else if (Object.keys(config.retention).length > 0) {
      log.info('Every keep-* input is 0: retention is off, nothing is deleted')
    }
    return finish({ ...done, status: 'uploaded', retention })
  } finally {
    await transport.close()
    await rm(workDir, { recursive: true, force: true })
  }
}

async function select(ctx: RunContext, zipPath: string): Promise<Selection> {
  const { config, log } = ctx
  const selection = await selectFiles(config.patterns, {
    includeHiddenFiles: config.includeHiddenFiles,
    followSymlinks: config.followSymlinks,
    workspace: ctx.workspace,
    exclude: [zipPath],
  })
  for (const warning of selection.credentialWarnings) {
    log.warning(`Credential guard: ${warning}; exclude it with a !pattern line unless you mean to back it up`)
  }
  log.info(`Selected ${selection.fileCount} files (${formatBytes(selection.totalBytes)}) under ${selection.root}`)
  for (const entry of selection.entries) log.debug(`  ${entry.kind} ${entry.name}`)
  return selection
}

async function uploadAndVerify(
  ctx: RunContext,
  client: OneFichierClient,
  archive: ArchiveResult,
  fileName: string,
  stagesMs: RunResult['stagesMs'],
): Promise<{ folderId: number; verified: VerifiedUpload }> {
  const { config, log } = ctx
  const { folderId, link } = await timed(stagesMs, 'upload', () =>
    log.group('Upload', async () => {
      const folder = await resolveFolder(client, config.folder, { create: true, log })
      const folderId = folder.id ?? ROOT_FOLDER_ID
      log.info(`Destination: '${folder.path || '/'}' (folder id ${folderId})`)
      const link = await uploadWithRetries(client, {
        filePath: archive.path,
        fileName,
        size: archive.size,
        folderId,
        linkPassword: config.linkPassword,
        retries: config.retries,
        log,
        signal: ctx.signal,
      })
      return { folderId, link }
    }),
  )
  const verified = await timed(stagesMs, 'verify', () =>
    log.group('Verify', async () => {
      const verified = await verifyUpload(client, link, {
        ...archive,
        fileName,
        folderId,
        folderPath: config.folder.join('/'),
        passwordSet: config.linkPassword !== '',
      })
      log.info(`1fichier's size and Whirlpool match the zip; it is in folder id ${folderId}`)
      return verified
    }),
  )
  return { folderId, verified }
}

/** Dry run: read-only calls only (no folder is created), then the plan as a real run would make it. */
async function dryRunPlan(
  ctx: RunContext,
  client: OneFichierClient,
  fileName: string,
): Promise<Pick<RunResult, 'folderId' | 'retention'>> {
  const { config, log } = ctx
  log.info(`Dry run: ${fileName} would be uploaded to '${config.folder.join('/') || '/'}'; nothing is uploaded or deleted`)
  if (!retentionActive(config.retention)) return { folderId: null, retention: null }
  return log.group('Prune (dry run)', async () => {
    let folderId: number | null = null
    try {
      folderId = (await resolveFolder(client, config.folder, { create: false, log })).id
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
    })
    return { folderId, retention }
  })
}
