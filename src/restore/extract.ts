// A checked zip written into its target, held to tar's and restic's standard: the whole zip planned
// before a byte is written (plan.ts), compared with what the target holds (target.ts), written into
// a staging folder inside the target with files created exclusively and never through a link, links
// last, then moved into place through a journal (staging.ts) that undoes every change when anything
// fails or a signal comes. Folders get their modes and times last, deepest first.
import type { Stats } from 'node:fs'
import { type BatchedFileWriter, CREATE_NEW, writeWholeFile } from './file-writes.js'
import { lstat, lutimes, mkdir, open, readdir, realpath, statfs, symlink, utimes, chmod } from 'node:fs/promises'
import * as path from 'node:path'
import { BackupError } from '../core/errors.js'
import { UsageError } from '../core/failure.js'
import { escapeControl, formatBytes } from '../core/format.js'
import type { Log } from '../platform/log.js'
import { restoreFailure } from './fs-failure.js'
import {
  type ArchivePlan,
  PathFilter,
  type PlanRules,
  type PlannedNode,
  STAGING_PREFIX,
  byDepth,
  planArchive,
} from './plan.js'
import { Staging } from './staging.js'
import {
  type Actions,
  type OverwriteMode,
  type TargetPlan,
  joinRelative,
  planAgainstTarget,
  probeFolding,
  removeIfEmpty,
  writes,
} from './target.js'
import { type RawName, textOf } from './raw-name.js'
import type { BatchedChecks } from './shared-checks.js'
import {
  type ArchiveEntry,
  type OpenArchive,
  drainChecked,
  encryptedWithoutPassword,
  readsWhole,
} from './zip-reader.js'

export interface RestoreOptions {
  password: string | undefined
  /** null: the target must be empty (or new). */
  overwrite: OverwriteMode | null
  /** Remove what the target holds inside the restored paths that the backup lacks. */
  delete: boolean
  dryRun: boolean
  include: readonly string[]
  exclude: readonly string[]
  keepSpecialBits: boolean
  log: Log
  signal?: AbortSignal | undefined
  /** Resolves once the download is known to be 1fichier's bytes: nothing is moved into the target before. */
  verified?: (() => Promise<void>) | undefined
  /** On the archive worker: small files are written by the parent thread (file-writes.ts). */
  fileWriter?: BatchedFileWriter | undefined
}

export interface RestoreReport {
  files: number
  directories: number
  links: number
  /** Bytes of the files written. */
  bytes: number
  created: number
  replaced: number
  unchanged: number
  /** There, and not overwritten (the mode), or under such a path. */
  kept: number
  deleted: number
  /** With dryRun: each path and what would happen to it. */
  changes: Array<{ path: string; action: 'create' | 'replace' | 'delete' | 'keep' | 'unchanged' }>
}

/** Checks every entry without writing anything (restic's check --read-data), after the same plan as a restore. */
export async function checkAll(
  archive: OpenArchive,
  password: string | undefined,
  signal?: AbortSignal,
  shared?: BatchedChecks,
): Promise<{ plan: ArchivePlan }> {
  const plan = planArchive(archive.entries, defaultRules(null, false))
  requirePassword(archive.entries, password)
  const pace = new Pace(signal)
  for (const entry of archive.entries) {
    if (pace.due()) await pace.breathe()
    if (entry.kind === 'directory') continue
    // On the archive worker, the parent thread checks the small entries it has room for.
    if (shared && readsWhole(entry) && shared.take(entry)) continue
    if (!archive.contentSync(entry)) await drainChecked(archive.content(entry, password))
  }
  await shared?.drain()
  return { plan }
}

/** The folder a restore writes into: checked before anything is downloaded. */
export async function checkTarget(to: string, overwrite: OverwriteMode | null): Promise<void> {
  let stats: Stats
  try {
    stats = await lstat(to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw restoreFailure(error, to, 'Nothing was written.') ?? error
  }
  if (stats.isSymbolicLink()) stats = await lstat(await realpath(to))
  if (!stats.isDirectory()) throw new BackupError(`'${escapeControl(to)}' is a file, not a folder: give another --to.`)
  const names = (await readdir(to)).filter((n) => !n.startsWith(STAGING_PREFIX))
  if (names.length > 0 && overwrite === null) {
    throw new UsageError(
      `'${escapeControl(to)}' is not empty: restore into an empty or new folder, or choose what happens to files ` +
        `that are there with --overwrite always|if-changed|if-newer|never (files the backup lacks are kept).`,
    )
  }
}

export async function restoreInto(archive: OpenArchive, to: string, options: RestoreOptions): Promise<RestoreReport> {
  requirePassword(archive.entries, options.password)
  const filter =
    options.include.length > 0 || options.exclude.length > 0 ? new PathFilter(options.include, options.exclude) : null
  const existing = await lstat(to).then(
    () => true,
    () => false,
  )
  if (options.dryRun) {
    const target = existing ? await realpath(to) : path.resolve(to)
    const plan = planArchive(archive.entries, defaultRules(filter, options.keepSpecialBits))
    return report(plan, await planAgainstTarget(plan, target, targetOptions(options, filter)), true)
  }
  const made = existing ? null : await makeTarget(to)
  const target = await realpath(to)
  let staging: Staging | null = null
  try {
    if (!made) await Staging.recoverLeftovers(target, options.log)
    staging = await Staging.create(target)
    const folding = await probeFolding(staging.root)
    const rules: PlanRules = { ...defaultRules(filter, options.keepSpecialBits), ...folding }
    const plan = planArchive(archive.entries, rules)
    const changes = await planAgainstTarget(plan, target, targetOptions(options, filter))
    await checkRoom(target, changes, plan)
    await writeStaged(archive, plan, changes.actions, staging, options)
    await options.verified?.()
    await placeAll(plan, changes, staging, options.signal)
    staging.commit()
    await setFolderTimes(plan, changes.actions, staging, options.log)
    return report(plan, changes, false)
  } catch (error) {
    const undone = await undoAll(staging, made, target, options.log)
    throw restoreFailure(error, target, undone) ?? error
  } finally {
    await staging?.remove()
  }
}

function targetOptions(options: RestoreOptions, filter: PathFilter | null) {
  return {
    overwrite: options.overwrite,
    delete: options.delete,
    restored: (relative: string) => filter?.selects(relative) ?? true,
  }
}

/** The rules of this machine's OS; case folding as macOS and Windows do by default, until probed. */
function defaultRules(filter: PathFilter | null, keepSpecialBits: boolean): PlanRules {
  const folds = process.platform === 'darwin' || process.platform === 'win32'
  return {
    platform: process.platform,
    foldCase: folds,
    foldUnicode: process.platform === 'darwin',
    filter,
    keepSpecialBits,
  }
}

function requirePassword(entries: readonly ArchiveEntry[], password: string | undefined): void {
  if (password) return
  const encrypted = entries.find((e) => e.aesKeyBytes !== null)
  if (encrypted) throw encryptedWithoutPassword(encrypted)
}

/** A new target folder (and the folders above it), with the default mode; returns the topmost one made. */
async function makeTarget(to: string): Promise<string> {
  try {
    return (await mkdir(to, { recursive: true })) ?? path.resolve(to)
  } catch (error) {
    throw restoreFailure(error, path.resolve(to), 'Nothing was written.') ?? error
  }
}

async function checkRoom(target: string, changes: TargetPlan, plan: ArchivePlan): Promise<void> {
  const stats = await statfs(target)
  const free = stats.bavail * stats.bsize
  // A block per file and folder on top of the data: what small files really take.
  const needed = changes.bytesToWrite + (plan.files + plan.directories + plan.links) * stats.bsize
  if (needed > free) {
    throw new BackupError(
      `The restore needs about ${formatBytes(needed)} in '${escapeControl(target)}', whose file system has ` +
        `${formatBytes(free)} free: free space there, or restore elsewhere. Nothing was written.`,
    )
  }
}

/** Every entry to create or replace, into the staging folder: files first, then links. */
async function writeStaged(
  archive: OpenArchive,
  plan: ArchivePlan,
  actions: Actions,
  staging: Staging,
  options: RestoreOptions,
): Promise<void> {
  // The plan's nodes are walked twice rather than copied (a MB per copy at 100,000 nodes).
  const made = new Set<string>()
  const folder = async (relative: RawName) => {
    await mkdir(staging.staged(relative), { recursive: true, mode: 0o700 })
    made.add(relative)
  }
  const parentOf = (relative: RawName) => relative.slice(0, Math.max(0, relative.lastIndexOf('/')))
  const pace = new Pace(options.signal)
  const writer = options.fileWriter
  try {
    // Awaited only where there is something to wait for: an await per file is 100,000 promises.
    for (const node of plan.nodes) {
      if (pace.due()) await pace.breathe()
      if (!actions.writes(node)) continue
      if (node.kind === 'directory') {
        if (!made.has(node.path)) await folder(node.path)
      } else if (node.kind === 'file') {
        const parent = parentOf(node.path)
        if (!made.has(parent)) await folder(parent)
        const where = staging.staged(node.path)
        const whole = archive.contentSync(node.entry!)
        const mode = node.mode ?? 0o644
        if (!whole) await writeStreamed(archive, node, where, options)
        else if (!writer) writeWholeFile(whole, where, mode, node.mtime)
        else {
          writer.add(whole, where, mode, node.mtime)
          if (writer.full) await writer.room()
        }
      }
    }
    // Every file is written before any link is made (a link never points the way for a file).
    await writer?.drain()
  } catch (error) {
    // Nothing may still be writing into the staging while it is undone.
    await writer?.settle()
    throw error
  }
  const folders = new Set(plan.nodes.filter((n) => n.kind === 'directory').map((n) => plan.keyOf(n.path)))
  for (const node of plan.nodes) {
    options.signal?.throwIfAborted()
    if (node.kind !== 'symlink' || !actions.writes(node)) continue
    await folder(parentOf(node.path))
    const target = await readLinkTarget(archive, node, options.password)
    const staged = staging.staged(node.path)
    await symlink(target, staged, pointsAtFolder(node.path, target, folders, plan) ? 'dir' : 'file')
    if (node.mtime !== null) await lutimes(staged, node.mtime, node.mtime)
  }
}

// Files are created exclusively, never through a link; mode and time set on the open file, after its data.

async function writeStreamed(archive: OpenArchive, node: PlannedNode, where: Buffer, options: RestoreOptions) {
  const handle = await open(where, CREATE_NEW, 0o600)
  try {
    const content = archive.content(node.entry!, options.password)
    try {
      for await (const chunk of content) {
        options.signal?.throwIfAborted()
        await handle.write(chunk as Buffer)
      }
    } finally {
      content.destroy()
    }
    await handle.chmod(node.mode ?? 0o644)
    if (node.mtime !== null) await handle.utimes(node.mtime, node.mtime)
  } finally {
    await handle.close()
  }
}

/** Gives the event loop a turn every few milliseconds of synchronous work, so that a signal is heard. */
class Pace {
  private last = performance.now()
  constructor(private readonly signal: AbortSignal | undefined) {}

  /** Whether it is time for a turn; throws if the signal fired. */
  due(): boolean {
    this.signal?.throwIfAborted()
    return performance.now() - this.last > 20
  }

  async breathe(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve))
    this.last = performance.now()
    this.signal?.throwIfAborted()
  }
}

const MAX_LINK_TARGET = 4096

async function readLinkTarget(archive: OpenArchive, node: PlannedNode, password: string | undefined): Promise<string> {
  const chunks: Buffer[] = []
  let length = 0
  const whole = archive.contentSync(node.entry!)
  for await (const chunk of whole ? [Buffer.from(whole)] : archive.content(node.entry!, password)) {
    chunks.push(chunk as Buffer)
    length += (chunk as Buffer).length
    if (length > MAX_LINK_TARGET)
      throw new BackupError(`The backup's link '${node.display}' has a target longer than ${MAX_LINK_TARGET} bytes.`)
  }
  const target = Buffer.concat(chunks).toString('utf8')
  if (target === '' || target.includes('\0'))
    throw new BackupError(`The backup's link '${node.display}' has an empty target or a NUL byte in it.`)
  return target
}

/** Windows makes folder links and file links apart: a link to a folder of the backup is a folder link. */
function pointsAtFolder(link: RawName, target: string, folders: Set<string>, plan: ArchivePlan): boolean {
  if (path.posix.isAbsolute(target)) return false
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(textOf(link)), target))
  return folders.has(plan.keyOf(Buffer.from(resolved).toString('latin1')))
}

/**
 * Into the target: each replaced original moved aside, then each topmost staged entry put in place
 * (one rename for a whole new folder), links last; with --delete, what the backup lacks moved aside.
 */
async function placeAll(plan: ArchivePlan, changes: TargetPlan, staging: Staging, signal?: AbortSignal) {
  const { actions } = changes
  const topmost = plan.nodes.filter((node) => {
    if (!actions.writes(node)) return false
    const slash = node.path.lastIndexOf('/')
    return slash < 0 || actions.get(plan.byKey.get(plan.keyOf(node.path.slice(0, slash)))!) === 'merge'
  })
  const ordered = [...topmost.filter((n) => n.kind !== 'symlink'), ...topmost.filter((n) => n.kind === 'symlink')]
  for (const node of ordered) {
    signal?.throwIfAborted()
    if (actions.get(node) === 'replace') await staging.moveAside(node.path)
    await staging.place(node.path)
  }
  for (const deletion of changes.deletions) {
    signal?.throwIfAborted()
    await staging.moveAside(deletion.path)
  }
}

/** Folders the restore made get their modes and times last, deepest first (a read-only one held its content). */
async function setFolderTimes(plan: ArchivePlan, actions: Actions, staging: Staging, log: Log) {
  const folders = byDepth(plan.nodes.filter((n) => n.kind === 'directory' && actions.writes(n))).reverse()
  for (const node of folders) {
    const where = joinRelative(staging.target, node.path)
    try {
      if (node.mode !== null) await chmod(where, node.mode)
      if (node.mtime !== null) await utimes(where, node.mtime, node.mtime)
    } catch (error) {
      // The content is in place: a folder whose mode cannot be set is said, not undone (as tar does).
      log.warning(`Could not set the mode or time of '${node.display}': ${(error as Error).message}`)
    }
  }
}

/** Undoes what the journal holds; returns what to tell the user about the target. */
async function undoAll(staging: Staging | null, made: string | null, target: string, log: Log): Promise<string> {
  try {
    await staging?.rollback()
  } catch (error) {
    log.error(`Undoing the restore failed: ${(error as Error).message}`)
    return (
      `Undoing it failed too: the originals it had moved are in '${escapeControl(staging?.root ?? target)}/aside'; ` +
      `they were left there.`
    )
  }
  if (made) {
    await staging?.remove()
    await removeEmptyUpTo(target, made)
    return 'Nothing was written.'
  }
  return 'The target was left as it was.'
}

/** Removes the folders a failed restore made, from the target up to the topmost one it made. */
async function removeEmptyUpTo(target: string, topmost: string): Promise<void> {
  let folder = target
  for (;;) {
    await removeIfEmpty(folder)
    if (folder === topmost || path.dirname(folder) === folder || !folder.startsWith(topmost)) return
    folder = path.dirname(folder)
  }
}

function report(plan: ArchivePlan, changes: TargetPlan, dryRun: boolean): RestoreReport {
  const out: RestoreReport = {
    files: 0,
    directories: 0,
    links: 0,
    bytes: 0,
    created: 0,
    replaced: 0,
    unchanged: 0,
    kept: 0,
    deleted: changes.deletions.length,
    changes: [],
  }
  for (const node of plan.nodes) {
    const action = changes.actions.get(node)!
    if (action === 'create') out.created++
    else if (action === 'replace') out.replaced++
    else if (action === 'unchanged') out.unchanged++
    else if (action === 'kept' || action === 'skipped') out.kept++
    if (writes(action)) {
      if (node.kind === 'file') {
        out.files++
        out.bytes += node.size
      } else if (node.kind === 'directory') out.directories++
      else out.links++
    }
    if (dryRun && action !== 'merge') {
      const shown = action === 'skipped' || action === 'kept' ? 'keep' : action
      out.changes.push({ path: node.display, action: shown })
    }
  }
  if (dryRun) for (const d of changes.deletions) out.changes.push({ path: d.display, action: 'delete' })
  return out
}
