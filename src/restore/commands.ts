// The way back, as commands on the same engine as the backup: list the series, prune it by the
// retention rules alone (restic's forget), check backups by downloading and reading every entry
// (restic's check --read-data), and restore one into a folder.
import { showFolder } from '../core/format.js'
import { mkdtemp, rm } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { type RepositoryConfig, retentionActive } from '../core/config.js'
import { NoBackupFoundError, diskFailure, messageOf } from '../core/errors.js'
import { UsageError } from '../core/failure.js'
import type { Log } from '../platform/log.js'
import { type RetentionOutcome, applyRetention } from '../series/retention.js'
import { planRetention } from '../core/retention.js'
import type { OneFichierApi } from '../onefichier/client.js'
import { Session } from '../session/session.js'
import type { StateDirectory } from '../state/state-dir.js'
import { type Download, useDownload } from './download.js'
import { checkArchive, restoreArchive } from './archive-job.js'
import { type RestoreReport, checkTarget } from './extract.js'
import type { OverwriteMode } from './target.js'
import { type ListedBackup, chooseBackups, readSeries } from '../series/read.js'

export interface CommandContext {
  config: RepositoryConfig
  log: Log
  now: Date
  timeScale: number
  signal?: AbortSignal | undefined
  /** Downloads are kept here while they are checked (default: the system's temporary folder). */
  tempDir?: string
  /** The setting that chose tempDir, named in a disk error (RUNNER_TEMP, TMPDIR). */
  tempDirSetting?: string
  /** The state shared with other runs (listing times, series locks); none: this run's own calls only. */
  stateDir?: StateDirectory | undefined
  /** The 1fichier client; by default one over HTTP to config.apiUrl (tests hand in a fake). */
  client?: OneFichierApi | undefined
}

export interface ListedRow {
  'file-name': string
  url: string
  size: number
  time: string
  /** Which rules keep it, when keep-* rules were given. */
  'kept-by'?: string[]
}

const where = (config: RepositoryConfig) => `${showFolder(config.folder)} (series ${config.namePrefix})`

/** `list`: the series, newest first; with keep-* rules, which rule keeps each. */
export async function listCommand(ctx: CommandContext): Promise<ListedRow[]> {
  await using session = Session.open(ctx)
  const series = await readSeries(session)
  const plan = retentionActive(ctx.config.retention)
    ? planRetention(series.backups, ctx.config.retention, { now: ctx.now })
    : null
  return series.backups.map((b) => {
    const row: ListedRow = { 'file-name': b.fileName, url: b.url, size: b.size, time: b.time.toISOString() }
    const decision = plan?.decisions.find((d) => d.backup.url === b.url)
    if (decision) row['kept-by'] = decision.reasons
    return row
  })
}

/** `prune`: retention alone, with the same plan, reasons and safety as after a backup. */
export async function pruneCommand(ctx: CommandContext): Promise<RetentionOutcome> {
  if (!retentionActive(ctx.config.retention)) {
    throw new UsageError(
      'prune needs at least one keep-* rule above 0 (e.g. --keep-daily 7): without one every backup would go.',
    )
  }
  await using session = Session.open(ctx)
  const lock = await session.lockSeries('prune')
  try {
    return await pruneSeries(session, ctx.now)
  } finally {
    await lock?.release()
  }
}

async function pruneSeries(session: Session<RepositoryConfig>, now: Date): Promise<RetentionOutcome> {
  const { config, client, log, signal } = session
  const series = await readSeries(session)
  return log.group(`Prune${config.dryRun ? ' (dry run)' : ''}`, () =>
    applyRetention({
      client,
      folderId: series.folderId,
      prefix: config.namePrefix,
      policy: config.retention,
      now,
      newBackup: null,
      dryRun: config.dryRun,
      log,
      signal,
    }),
  )
}

export interface CheckedBackup {
  'file-name': string
  url: string
  ok: boolean
  problem?: string
  'file-count'?: number
  /** What was compared: the download against the listing, then every entry against its own checksum. */
  checked?: string
}

/** `check`: download and verify every backup chosen, each reported even after another failed; extract nothing. */
export async function checkCommand(ctx: CommandContext): Promise<CheckedBackup[]> {
  await using session = Session.open(ctx)
  const series = await readSeries(session)
  const chosen = chooseBackups(series, ctx.config.backup, ctx.now, where(ctx.config))
  if (chosen.length === 0) throw new NoBackupError(`The series has no backup in ${where(ctx.config)}.`)
  if (ctx.config.cdn) ctx.log.info('--cdn: each download spends CDN credit of the account')
  else if (process.env.GITHUB_ACTIONS === 'true')
    ctx.log.info(
      'On a GitHub-hosted runner 1fichier refuses API downloads unless CDN credit is spent (--cdn): ' +
        'check downloads every backup it checks, and with --cdn each one spends CDN credit.',
    )
  const results: CheckedBackup[] = []
  for (const backup of chosen) {
    ctx.signal?.throwIfAborted()
    results.push(await ctx.log.group(`Check ${backup.fileName}`, () => checkOne(session.client, ctx, backup)))
  }
  return results
}

async function checkOne(client: OneFichierApi, ctx: CommandContext, backup: ListedBackup): Promise<CheckedBackup> {
  const base = { 'file-name': backup.fileName, url: backup.url }
  try {
    const { count, checked } = await withDownload(client, ctx, backup, async (download) => {
      const password = ctx.config.archivePassword || undefined
      const { count, aes } = await checkArchive(download.file, password, ctx.log, ctx.signal)
      return { count, checked: `${download.checked}, then every entry's ${entryCheck(aes)}` }
    })
    ctx.log.info(`${backup.fileName}: sound (${checked}; ${count} files and links)`)
    return { ...base, ok: true, 'file-count': count, checked }
  } catch (error) {
    // A cancel stops the whole check; any other failure is this backup's, and the next one is checked.
    if (ctx.signal?.aborted) throw error
    const problem = messageOf(error)
    ctx.log.error(`${backup.fileName}: ${problem}`)
    return { ...base, ok: false, problem }
  }
}

/** What each entry was checked against: its CRC-32, or the authentication code of an AES entry. */
const entryCheck = (aes: boolean) => (aes ? 'CRC-32 or AES authentication code' : 'CRC-32')

export interface RestoreRequest {
  to: string
  overwrite: OverwriteMode | null
  delete: boolean
  dryRun: boolean
  include: string[]
  exclude: string[]
  keepSpecialBits: boolean
}

export interface Restored {
  'file-name': string
  url: string
  size: number
  /** The backup's time (from its name), ISO 8601 UTC. */
  time: string
  'file-count': number
  path: string
  checked: string
  'dry-run': boolean
  created: number
  replaced: number
  unchanged: number
  kept: number
  deleted: number
  changes?: RestoreReport['changes']
}

/** The series has no backup to restore or check. */
export class NoBackupError extends NoBackupFoundError {
  override name = 'NoBackupError'
}

/** `restore`: one backup into `to`, planned whole and written through a journal that a failure undoes. */
export async function restoreCommand(ctx: CommandContext, request: RestoreRequest): Promise<Restored | null> {
  await checkTarget(request.to, request.overwrite)
  await using session = Session.open(ctx)
  const { client } = session
  const series = await readSeries(session)
  const [backup] = chooseBackups(series, ctx.config.backup, ctx.now, where(ctx.config))
  if (!backup) return null
  const verb = request.dryRun ? 'Restore (dry run)' : 'Restore'
  return await ctx.log.group(`${verb} ${backup.fileName}`, () =>
    withDownload(client, ctx, backup, async (download) => {
      const { report, aes } = await restoreArchive(download.file, request.to, {
        password: ctx.config.archivePassword || undefined,
        overwrite: request.overwrite,
        delete: request.delete,
        dryRun: request.dryRun,
        include: request.include,
        exclude: request.exclude,
        keepSpecialBits: request.keepSpecialBits,
        verified: download.verified,
        log: ctx.log,
        signal: ctx.signal,
      })
      const count = report.files + report.links + report.directories
      ctx.log.info(
        request.dryRun
          ? `Dry run: would create ${report.created}, replace ${report.replaced}, delete ${report.deleted}, leave ` +
              `${report.kept + report.unchanged} as they are`
          : `Restored ${backup.fileName} into ${request.to}: ${report.created} created, ` +
              `${report.replaced} replaced, ${report.deleted} deleted, ` +
              `${report.kept + report.unchanged} left as they were`,
      )
      const restored: Restored = {
        'file-name': backup.fileName,
        url: backup.url,
        size: backup.size,
        time: backup.time.toISOString(),
        'file-count': count,
        path: request.to,
        checked: `${download.checked}, then every entry's ${entryCheck(aes)}`,
        'dry-run': request.dryRun,
        created: report.created,
        replaced: report.replaced,
        unchanged: report.unchanged,
        kept: report.kept,
        deleted: report.deleted,
      }
      if (request.dryRun) restored.changes = report.changes
      return restored
    }),
  )
}

/** Downloads a backup to a temporary file, hands it to `body` while it is checked, and always removes it after. */
async function withDownload<T>(
  client: OneFichierApi,
  ctx: CommandContext,
  backup: ListedBackup,
  body: (download: Download) => Promise<T>,
): Promise<T> {
  const temp = { path: ctx.tempDir ?? os.tmpdir(), setting: ctx.tempDirSetting ?? 'TMPDIR' }
  // A full or read-only temporary disk is said as such, with the setting that moves it.
  const onDisk = (error: unknown, doing: string) => diskFailure(error, temp, doing, NOTHING_RESTORED) ?? error
  const dir = await mkdtemp(path.join(temp.path, '1fichier-restore-')).catch((error: unknown) => {
    throw onDisk(error, 'Making the temporary folder for the download')
  })
  try {
    const options = {
      linkPassword: ctx.config.linkPassword,
      cdn: ctx.config.cdn,
      retries: ctx.config.retries,
      log: ctx.log,
      signal: ctx.signal,
      fileFailure: (error: unknown) => onDisk(error, `Downloading ${backup.fileName}`),
    }
    return await useDownload(client, backup, path.join(dir, 'backup.zip'), options, (download) => {
      ctx.signal?.throwIfAborted()
      return body(download)
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const NOTHING_RESTORED = 'The target was not touched.'
