// The plan against what the target already holds, file by file, by restic's --overwrite modes: what
// is created, replaced, left as it is, and (only with --delete, inside the restored paths) deleted.
// Reads the target; changes nothing. A path the target holds as a link is never written through: it
// is replaced (or, with `never`, it and what the backup has under it are left alone).
import { type Stats } from 'node:fs'
import { lstat, readdir, rmdir, unlink, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { BackupError } from '../core/errors.js'
import { escapeControl } from '../core/format.js'
import { type ArchivePlan, type PlannedNode, STAGING_PREFIX } from './plan.js'
import { type RawName, bytesOf, textOf } from './raw-name.js'

export const OVERWRITE_MODES = ['always', 'if-changed', 'if-newer', 'never'] as const
export type OverwriteMode = (typeof OVERWRITE_MODES)[number]

/**
 * create: not there; replace: there, and replaced; merge: a folder there, kept, its content planned
 * one by one; unchanged: the same size and time (if-changed); kept: there, and not overwritten by the
 * mode; skipped: under a path the target holds as a file or link that is kept.
 */
export type Action = 'create' | 'replace' | 'merge' | 'unchanged' | 'kept' | 'skipped'
const ACTIONS: readonly Action[] = ['create', 'replace', 'merge', 'unchanged', 'kept', 'skipped']

/** Whether the restore writes what has this action (it makes it new, or in place of what is there). */
export const writes = (action: Action | undefined): boolean => action === 'create' || action === 'replace'

/** Each planned node's action, a byte by its index (a Map of 100,000 nodes would weigh 4 MB more). */
export class Actions {
  private readonly codes: Uint8Array

  constructor(private readonly plan: ArchivePlan) {
    this.codes = new Uint8Array(plan.nodes.length)
  }

  get(node: PlannedNode): Action | undefined {
    const code = this.codes[this.indexOf(node)]!
    return code === 0 ? undefined : ACTIONS[code - 1]
  }

  set(node: PlannedNode, action: Action): void {
    this.codes[this.indexOf(node)] = ACTIONS.indexOf(action) + 1
  }

  /** Whether the restore writes `node`. */
  writes(node: PlannedNode): boolean {
    return writes(this.get(node))
  }

  // An entry is its own node in every plan made of it, and the latest plan numbers it: a node of
  // another plan must not read this plan's action at its index.
  private indexOf(node: PlannedNode): number {
    if (this.plan.nodes[node.index] !== node) throw new Error(`internal: '${node.display}' is not in this plan`)
    return node.index
  }
}

interface Deletion {
  path: RawName
  display: string
  kind: 'file' | 'directory' | 'symlink' | 'other'
}

export interface TargetPlan {
  actions: Actions
  deletions: Deletion[]
  /** Bytes the files to create or replace will take. */
  bytesToWrite: number
}

export interface TargetOptions {
  overwrite: OverwriteMode | null
  delete: boolean
  /** Whether a path not in the backup lies in what is restored (the include and exclude patterns). */
  restored: (relative: string) => boolean
}

/** Compares the plan with what `target` holds. `target` may be missing (then all is created). */
export async function planAgainstTarget(
  plan: ArchivePlan,
  target: string,
  options: TargetOptions,
): Promise<TargetPlan> {
  const actions = new Actions(plan)
  const rootAction: Action = 'merge'
  const parentAction = (node: PlannedNode): Action => {
    const slash = node.path.lastIndexOf('/')
    if (slash < 0) return rootAction
    return actions.get(plan.byKey.get(plan.keyOf(node.path.slice(0, slash)))!) ?? 'create'
  }
  let bytesToWrite = 0
  for (const node of plan.nodes) {
    const above = parentAction(node)
    let action: Action
    if (writes(above)) action = 'create'
    else if (above !== 'merge') action = 'skipped'
    else action = decide(node, await lstatOrNull(joinRelative(target, node.path)), options)
    actions.set(node, action)
    if (writes(action) && node.kind === 'file') bytesToWrite += node.size
  }
  const deletions = options.delete ? await findDeletions(plan, actions, target, options) : []
  return { actions, deletions, bytesToWrite }
}

function decide(node: PlannedNode, existing: Stats | null, options: TargetOptions): Action {
  if (!existing) return 'create'
  const mode = options.overwrite
  if (node.kind === 'directory') {
    if (existing.isDirectory()) return 'merge'
    return mode === 'never' ? 'skipped' : 'replace'
  }
  if (existing.isDirectory()) {
    if (mode === 'never') return 'kept'
    if (options.delete) return 'replace'
    throw new BackupError(
      `'${node.display}' is a folder in the target but a ${node.kind === 'symlink' ? 'link' : 'file'} in the ` +
        `backup: it is not replaced, as that would delete what the folder holds. Move it away, add --delete, or ` +
        `restore into another folder. Nothing was written.`,
    )
  }
  const sameType = node.kind === 'symlink' ? existing.isSymbolicLink() : existing.isFile()
  if (mode === 'never') return 'kept'
  if (!sameType || mode === 'always' || mode === null) return 'replace'
  const backupSeconds = node.mtime === null ? null : Math.floor(node.mtime)
  const targetSeconds = Math.floor(existing.mtimeMs / 1000)
  if (mode === 'if-newer') return backupSeconds !== null && backupSeconds > targetSeconds ? 'replace' : 'kept'
  // if-changed: restic's shortcut, a file of the same size and modification time is taken as the same.
  const same = backupSeconds === targetSeconds && (node.kind === 'symlink' || existing.size === node.size)
  return same && node.kind === 'file' ? 'unchanged' : 'replace'
}

/** With --delete: what the target holds inside the restored folders that the backup lacks. */
async function findDeletions(
  plan: ArchivePlan,
  actions: Actions,
  target: string,
  options: TargetOptions,
): Promise<Deletion[]> {
  const folders: RawName[] = ['']
  for (const node of plan.nodes) if (actions.get(node) === 'merge') folders.push(node.path)
  const deletions: Deletion[] = []
  for (const folder of folders) {
    const names = await readdir(joinRelative(target, folder), { encoding: 'buffer' }).catch(() => [] as Buffer[])
    for (const bytes of names) {
      const name = bytes.toString('latin1')
      const relative = folder.length === 0 ? name : `${folder}/${name}`
      if (folder.length === 0 && name.startsWith(STAGING_PREFIX)) continue
      if (plan.byKey.has(plan.keyOf(relative))) continue
      const text = textOf(relative)
      if (!options.restored(text)) continue
      const stats = await lstatOrNull(joinRelative(target, relative))
      if (!stats) continue
      deletions.push({
        path: relative,
        display: escapeControl(text),
        kind: stats.isSymbolicLink()
          ? 'symlink'
          : stats.isDirectory()
            ? 'directory'
            : stats.isFile()
              ? 'file'
              : 'other',
      })
    }
  }
  return deletions
}

/** The file system's path of `relative` under `root`, as bytes (the name's own, whatever their encoding). */
export function joinRelative(root: string, relative: RawName): Buffer {
  if (relative.length === 0) return Buffer.from(root)
  const native = path.sep === '/' ? bytesOf(relative) : Buffer.from(textOf(relative).replaceAll('/', path.sep))
  return Buffer.concat([Buffer.from(root + path.sep), native])
}

async function lstatOrNull(file: Buffer): Promise<Stats | null> {
  try {
    return await lstat(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return null
    throw error
  }
}

/** How the file system under `folder` compares names: probed with two files, removed at once. */
export async function probeFolding(folder: string): Promise<{ foldCase: boolean; foldUnicode: boolean }> {
  const probe = async (written: string, asked: string) => {
    const file = path.join(folder, written)
    await writeFile(file, '', { flag: 'wx' })
    try {
      return (await lstatOrNull(Buffer.from(path.join(folder, asked)))) !== null
    } finally {
      await unlink(file)
    }
  }
  return {
    foldCase: await probe('probe-case-a', 'PROBE-CASE-A'),
    foldUnicode: await probe('probe-\u00e9', 'probe-e\u0301'),
  }
}

/** Removes a folder the restore made, if it is still empty (a failed restore into a new folder). */
export async function removeIfEmpty(folder: string): Promise<void> {
  await rmdir(folder).catch(() => undefined)
}
