// The zip stage: the selection, as the walk finds it, written to the temporary zip (archive.ts),
// with every file that turns out unreadable or changed on the way told to the user. A refusal of
// the key (from the destination lookup, running meanwhile) stops it at once.
import type { Config } from '../core/config.js'
import { type TempFolder, diskFailure } from '../core/errors.js'
import type { ContentObserver } from '../core/entry.js'
import { count, formatBytes, formatDuration } from '../core/format.js'
import { type Log, logStatus } from '../platform/log.js'
import type { Session } from '../session/session.js'
import { type MissingFile, type SelectionStream, describeReadError } from '../select/select.js'
import { type ArchiveResult, writeArchive } from './archive.js'

export interface Zipped {
  archive: ArchiveResult
  fileCount: number
  totalBytes: number
  missing: MissingFile[]
}

export interface ZipInput {
  /** The walk, under way: files are zipped as they are found. */
  selection: SelectionStream
  zipPath: string
  temp: TempFolder
  /** Aborted when 1fichier refused the key or the account: no point finishing the zip. */
  refused?: AbortSignal | undefined
  observer?: ContentObserver | undefined
  /** How often the zip's progress is logged (default 5 s); a zip done sooner logs none. */
  progressEveryMs?: number | undefined
}

export async function zipStage(
  session: Pick<Session<Config>, 'config' | 'log' | 'signal'>,
  input: ZipInput,
): Promise<Zipped> {
  const { config, log } = session
  const { selection, refused } = input
  const started = performance.now()
  const tally = selection.tally
  const signals = [session.signal, refused].filter((s): s is AbortSignal => s !== undefined)
  const entries = logEntries(selection.entries, log)
  const archive = await writeArchive(entries, input.zipPath, {
    compressionLevel: config.compressionLevel,
    signal: signals.length > 0 ? AbortSignal.any(signals) : undefined,
    password: config.archivePassword || undefined,
    observer: input.observer,
    progressEveryMs: input.progressEveryMs ?? 5_000,
    onProgress: ({ entryCount, zipBytes }) =>
      logStatus(
        log,
        `Zipping: ${entryCount} entries in, ${formatBytes(zipBytes)} written, ` +
          `${formatBytes(zipBytes / Math.max((performance.now() - started) / 1000, 0.001))}/s`,
      ),
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
        `'${entry.name}' changed size while it was read; the backup holds the ${formatBytes(size)} that were read`,
      ),
  }).catch((error: unknown) => {
    if (refused?.aborted && !session.signal?.aborted) throw refused.reason
    throw diskFailure(error, input.temp, 'Writing the zip') ?? error
  })
  const { fileCount, totalBytes, credentialWarnings, missing } = tally
  for (const warning of credentialWarnings)
    log.warning(`Credential guard: ${warning}; exclude it with a !pattern line unless you mean to back it up`)
  log.info(`Selected ${count(fileCount, 'file')} (${formatBytes(totalBytes)}) under ${selection.root}`)
  if (fileCount > 0) {
    if (config.archivePassword) log.info('Contents encrypted with AES-256 (WinZip AE-2); entry names stay readable')
    log.info(
      `Zipped ${count(fileCount, 'file')} (${formatBytes(totalBytes)}) into ${archive.path.split(/[\\/]/).pop()}: ` +
        `${formatBytes(archive.size)} in ${formatDuration(performance.now() - started)}`,
    )
  }
  return { archive, fileCount, totalBytes, missing }
}

/** Each entry in the debug log as it goes into the zip; without debug, the entries as they are (no step per file). */
function logEntries<T extends { kind: string; name: string }>(entries: AsyncIterable<T>, log: Log): AsyncIterable<T> {
  if (!(log.debugEnabled ?? true)) return entries
  return (async function* () {
    for await (const entry of entries) {
      log.debug(`  ${entry.kind} ${entry.name}`)
      yield entry
    }
  })()
}
