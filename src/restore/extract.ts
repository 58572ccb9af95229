// A checked zip written out: contents, Unix modes, symbolic links (as links) and directories, first
// into a folder beside the target, then moved into place, so that a failed restore leaves nothing
// in the target. Every entry is checked (CRC-32 or AES code) as it is written.
import { createWriteStream } from 'node:fs'
import { chmod, lstat, mkdir, mkdtemp, readdir, rename, rm, symlink } from 'node:fs/promises'
import * as path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { BackupError } from '../core/errors.js'
import { type OpenArchive, drainChecked } from './zip-reader.js'

export interface ExtractOptions {
  password: string | undefined
  overwrite: boolean
}

export interface Extracted {
  fileCount: number
  bytes: number
}

/** Refuses a non-empty target without overwrite, before anything is downloaded or written. */
export async function checkTarget(target: string, overwrite: boolean): Promise<void> {
  const entries = await readdir(target).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return []
    if (code === 'ENOTDIR') throw new BackupError(`'${target}' is a file, not a folder: give another --to.`)
    throw error
  })
  if (entries.length > 0 && !overwrite) {
    throw new BackupError(
      `'${target}' is not empty: restore into an empty or new folder, or add --overwrite to replace what the backup ` +
        `holds there.`,
    )
  }
}

export async function extractInto(archive: OpenArchive, target: string, options: ExtractOptions): Promise<Extracted> {
  const parent = path.dirname(path.resolve(target))
  await mkdir(parent, { recursive: true })
  const staging = await mkdtemp(path.join(parent, `.${path.basename(target)}.restore-`))
  try {
    const result = await writeAll(archive, staging, options.password)
    await moveIntoPlace(staging, target, options.overwrite)
    return result
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/** Checks every entry without writing anything (restic's check --read-data). */
export async function checkAll(archive: OpenArchive, password: string | undefined): Promise<Extracted> {
  let fileCount = 0
  let bytes = 0
  for (const entry of archive.entries) {
    if (entry.kind === 'directory') continue
    await drainChecked(await archive.content(entry, password))
    fileCount++
    bytes += entry.size
  }
  return { fileCount, bytes }
}

async function writeAll(archive: OpenArchive, root: string, password: string | undefined): Promise<Extracted> {
  const rootBytes = Buffer.from(root + path.sep)
  const at = (name: Buffer) => Buffer.concat([rootBytes, name])
  const directories: Array<{ where: Buffer; mode: number | null }> = []
  let fileCount = 0
  let bytes = 0
  for (const entry of archive.entries) {
    const where = at(entry.name)
    await mkdir(parentOf(where), { recursive: true })
    if (entry.kind === 'directory') {
      await mkdir(where, { recursive: true })
      directories.push({ where, mode: entry.mode })
      continue
    }
    const content = await archive.content(entry, password)
    if (entry.kind === 'symlink') {
      const chunks: Buffer[] = []
      for await (const chunk of content) chunks.push(chunk as Buffer)
      await symlink(Buffer.concat(chunks).toString('utf8'), where)
    } else {
      await pipeline(content, createWriteStream(where, { mode: 0o600 }))
      if (entry.mode !== null) await chmod(where, entry.mode)
      bytes += entry.size
    }
    fileCount++
  }
  // Directories last, deepest first: a read-only one must not stop what goes inside it.
  for (const { where, mode } of directories.reverse()) if (mode !== null) await chmod(where, mode)
  return { fileCount, bytes }
}

function parentOf(file: Buffer): Buffer {
  const slash = file.lastIndexOf(0x2f)
  return file.subarray(0, slash)
}

/** A new or empty target takes the staging folder whole; with overwrite, each top-level entry replaces its namesake. */
async function moveIntoPlace(staging: string, target: string, overwrite: boolean): Promise<void> {
  const existing = await readdir(target).catch(() => null)
  if (existing === null || existing.length === 0) {
    if (existing !== null) await rm(target, { recursive: true, force: true })
    await rename(staging, target)
    await mkdir(staging) // the caller removes it
    return
  }
  if (!overwrite)
    throw new BackupError(`'${target}' is not empty (it changed during the restore); nothing was written there.`)
  for (const name of await readdir(staging, { encoding: 'buffer' })) {
    const from = Buffer.concat([Buffer.from(staging + path.sep), name])
    const to = Buffer.concat([Buffer.from(target + path.sep), name])
    if (await lstat(to).catch(() => null)) await rm(to, { recursive: true, force: true })
    await rename(from, to)
  }
}
