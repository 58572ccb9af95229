// The way back, as commands on the same engine as the backup: list the series, prune it by the
// retention rules alone (restic's forget), check backups by downloading and reading every entry
// (restic's check --read-data), and restore one into a folder.
import { mkdtemp, rm } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { type RepositoryConfig, retentionActive } from '../core/config.js'
import { BackupError } from '../core/errors.js'
import type { Log } from '../platform/log.js'
import { type RetentionOutcome, applyRetention } from '../backup/prune.js'
import { planRetention } from '../core/retention.js'
import { OneFichierClient } from '../onefichier/client.js'
import { Transport } from '../onefichier/transport.js'
import { downloadBackup } from './download.js'
import { checkAll, checkTarget, extractInto } from './extract.js'
import { type ListedBackup, chooseBackups, readSeries } from './series.js'
import { OpenArchive } from './zip-reader.js'

export interface CommandContext {
  config: RepositoryConfig
  log: Log
  now: Date
  timeScale: number
  signal?: AbortSignal | undefined
  /** Downloads are kept here while they are checked (default: the system's temporary folder). */
  tempDir?: string
}

export interface ListedRow {
  'file-name': string
  url: string
  size: number
  time: string
  /** Which rules keep it, when keep-* rules were given. */
  'kept-by'?: string[]
}

async function withClient<T>(ctx: CommandContext, body: (client: OneFichierClient) => Promise<T>): Promise<T> {
  const { config } = ctx
  const transport = new Transport({
    apiUrl: config.apiUrl,
    apiKey: config.apiKey,
    retries: config.retries,
    stallTimeoutMs: config.stallTimeoutMs,
    timeScale: ctx.timeScale,
    log: ctx.log,
    signal: ctx.signal,
  })
  try {
    return await body(new OneFichierClient(transport))
  } finally {
    await transport.close()
  }
}

const where = (config: RepositoryConfig) => `'${config.folder.join('/') || '/'}' (series ${config.namePrefix})`

/** `list`: the series, newest first; with keep-* rules, which rule keeps each. */
export async function listCommand(ctx: CommandContext): Promise<ListedRow[]> {
  return withClient(ctx, async (client) => {
    const series = await readSeries(client, ctx.config.folder, ctx.config.namePrefix, ctx.log)
    const plan = retentionActive(ctx.config.retention)
      ? planRetention(series.backups, ctx.config.retention, { now: ctx.now })
      : null
    return series.backups.map((b) => {
      const row: ListedRow = { 'file-name': b.fileName, url: b.url, size: b.size, time: b.time.toISOString() }
      const decision = plan?.decisions.find((d) => d.backup.url === b.url)
      if (decision) row['kept-by'] = decision.reasons
      return row
    })
  })
}

/** `prune`: retention alone, with the same plan, reasons and safety as after a backup. */
export async function pruneCommand(ctx: CommandContext): Promise<RetentionOutcome> {
  if (!retentionActive(ctx.config.retention)) {
    throw new BackupError(
      'prune needs at least one keep-* rule above 0 (e.g. --keep-daily 7): without one every backup would go.',
    )
  }
  return withClient(ctx, async (client) => {
    const series = await readSeries(client, ctx.config.folder, ctx.config.namePrefix, ctx.log)
    return ctx.log.group(`Prune${ctx.config.dryRun ? ' (dry run)' : ''}`, () =>
      applyRetention({
        client,
        folderId: series.folderId,
        prefix: ctx.config.namePrefix,
        policy: ctx.config.retention,
        now: ctx.now,
        newBackup: null,
        dryRun: ctx.config.dryRun,
        log: ctx.log,
        signal: ctx.signal,
      }),
    )
  })
}

export interface CheckedBackup {
  'file-name': string
  url: string
  ok: boolean
  problem?: string
  'file-count'?: number
}

/** `check`: download and verify Whirlpool and every entry; extract nothing. */
export async function checkCommand(ctx: CommandContext): Promise<CheckedBackup[]> {
  return withClient(ctx, async (client) => {
    const series = await readSeries(client, ctx.config.folder, ctx.config.namePrefix, ctx.log)
    const chosen = chooseBackups(series, ctx.config.backup, ctx.now, where(ctx.config))
    if (chosen.length === 0) throw new BackupError(`The series has no backup in ${where(ctx.config)}.`)
    const results: CheckedBackup[] = []
    for (const backup of chosen) {
      ctx.signal?.throwIfAborted()
      results.push(await ctx.log.group(`Check ${backup.fileName}`, () => checkOne(client, ctx, backup)))
    }
    return results
  })
}

async function checkOne(client: OneFichierClient, ctx: CommandContext, backup: ListedBackup): Promise<CheckedBackup> {
  const base = { 'file-name': backup.fileName, url: backup.url }
  try {
    const count = await withDownload(
      client,
      ctx,
      backup,
      async (archive) => (await checkAll(archive, ctx.config.archivePassword || undefined)).fileCount,
    )
    ctx.log.info(`${backup.fileName}: Whirlpool and all ${count} entries check out`)
    return { ...base, ok: true, 'file-count': count }
  } catch (error) {
    if (!(error instanceof BackupError)) throw error
    ctx.log.error(`${backup.fileName}: ${error.message}`)
    return { ...base, ok: false, problem: error.message }
  }
}

export interface Restored {
  'file-name': string
  url: string
  size: number
  'file-count': number
  path: string
}

/** `restore`: one backup into `target`, checked whole before it is moved into place. */
export async function restoreCommand(
  ctx: CommandContext,
  target: string,
  overwrite: boolean,
): Promise<Restored | null> {
  await checkTarget(target, overwrite)
  return withClient(ctx, async (client) => {
    const series = await readSeries(client, ctx.config.folder, ctx.config.namePrefix, ctx.log)
    const [backup] = chooseBackups(series, ctx.config.backup, ctx.now, where(ctx.config))
    if (!backup) return null
    const extracted = await ctx.log.group(`Restore ${backup.fileName}`, () =>
      withDownload(client, ctx, backup, (archive) =>
        extractInto(archive, target, { password: ctx.config.archivePassword || undefined, overwrite }),
      ),
    )
    ctx.log.info(`Restored ${extracted.fileCount} files of ${backup.fileName} into ${target}`)
    return {
      'file-name': backup.fileName,
      url: backup.url,
      size: backup.size,
      'file-count': extracted.fileCount,
      path: target,
    }
  })
}

/** Downloads a backup to a temporary file, checks it, opens it, and always removes it after. */
async function withDownload<T>(
  client: OneFichierClient,
  ctx: CommandContext,
  backup: ListedBackup,
  body: (archive: OpenArchive) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(ctx.tempDir ?? os.tmpdir(), '1fichier-restore-'))
  try {
    const file = path.join(dir, backup.fileName)
    await downloadBackup(client, backup, file, {
      linkPassword: ctx.config.linkPassword,
      cdn: ctx.config.cdn,
      retries: ctx.config.retries,
      log: ctx.log,
    })
    const archive = await OpenArchive.open(file)
    try {
      return await body(archive)
    } finally {
      archive.close()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
