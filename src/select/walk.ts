// @actions/glob's search, with its pattern rules (patterns.ts, so every rule matches exactly as
// upload-artifact's does), but walked with synchronous lstat/readdir and the stats kept. Its own walk awaits one
// lstat at a time through libuv's pool (100,000 files: 5 s), then the caller had to stat
// everything again; this walk takes about a tenth of that. It yields to the event loop now and
// then, so a cancel is still heard. With follow-symlinks it stats instead, and passes over a link
// that leads back up the tree. A path it cannot read is told (onSkip) and passed over: the backup
// goes on without it.
import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs'
import * as path from 'node:path'
import { MATCH_DIRECTORY, MATCH_FILE, type PathPattern, matchAll, partialMatchAny } from './patterns.js'

export interface Found {
  path: string
  stats: Stats
  /** The path's bytes, when a name in it is not valid UTF-8 (`path` then holds U+FFFD for them). */
  raw?: Buffer
}

export interface WalkOptions {
  excludeHiddenFiles: boolean
  /** A path that cannot be read (gone, a loop, too long, no permission): told, then passed over. */
  onSkip: (path: string, error: NodeJS.ErrnoException) => void
  /** Directories never entered nor archived (the run's own working folder), by identity. */
  isExcludedDirectory?: (stats: Stats) => boolean
  /** follow-symlinks: a link is walked as what it points to (a loop back up the tree is passed over). */
  followSymlinks?: boolean
}

/** A directory on the way down, to tell a link that leads back up (a cycle) from a second way in. */
interface Ancestor {
  id: string
  parent: Ancestor | undefined
}

function isAncestor(chain: Ancestor | undefined, id: string): boolean {
  for (let a = chain; a; a = a.parent) if (a.id === id) return true
  return false
}

/**
 * What @actions/glob's `globber.glob()` returns for these patterns (with their implicit
 * descendants, patterns.ts) from these search paths, in the same order, with each path's lstat,
 * as it is found: the zip starts on the first files while the walk goes on.
 */
export async function* walkPatterns(
  patterns: PathPattern[],
  searchPaths: string[],
  options: WalkOptions,
): AsyncGenerator<Found> {
  const match = (itemPath: string) => matchAll(patterns, itemPath)
  const partialMatch = (itemPath: string) => partialMatchAny(patterns, itemPath)

  type Item = { path: string; raw?: Buffer | undefined; ancestors?: Ancestor | undefined }
  const stack: Item[] = []
  for (const searchPath of searchPaths) {
    try {
      lstatSync(searchPath)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw error
    }
    stack.unshift({ path: searchPath })
  }
  let visited = 0
  while (stack.length > 0) {
    if (++visited % 4096 === 0) await new Promise((resolve) => setImmediate(resolve))
    const item = stack.pop()!
    const itemPath = item.path
    const matched = match(itemPath)
    const partial = matched !== 0 || partialMatch(itemPath)
    if (!partial) continue
    let stats: Stats
    try {
      stats = options.followSymlinks ? statSync(item.raw ?? itemPath) : lstatSync(item.raw ?? itemPath)
    } catch (error) {
      // A broken link is passed over quietly, as @actions/glob's omitBrokenSymbolicLinks does.
      const code = (error as NodeJS.ErrnoException).code
      if (!(options.followSymlinks && code === 'ENOENT' && isBrokenLink(item.raw ?? itemPath)))
        options.onSkip(itemPath, error as NodeJS.ErrnoException)
      continue
    }
    if (options.excludeHiddenFiles && path.basename(itemPath).startsWith('.')) continue
    if (stats.isDirectory()) {
      if (options.isExcludedDirectory?.(stats)) continue
      const id = `${stats.dev}:${stats.ino}`
      if (options.followSymlinks && isAncestor(item.ancestors, id)) {
        options.onSkip(itemPath, Object.assign(new Error('a symbolic link leads back up the tree'), { code: 'ELOOP' }))
        continue
      }
      let children: Item[]
      try {
        children = readChildren(item)
      } catch (error) {
        options.onSkip(itemPath, error as NodeJS.ErrnoException)
        continue
      }
      if (matched & MATCH_DIRECTORY) yield found(item, stats)
      const ancestors = options.followSymlinks ? { id, parent: item.ancestors } : undefined
      for (let i = children.length - 1; i >= 0; i--)
        stack.push(ancestors ? { ...children[i]!, ancestors } : children[i]!)
    } else if (matched & MATCH_FILE) {
      yield found(item, stats)
    }
  }
}

function isBrokenLink(file: string | Buffer): boolean {
  try {
    return lstatSync(file).isSymbolicLink()
  } catch {
    return false
  }
}

function found(item: { path: string; raw?: Buffer | undefined }, stats: Stats): Found {
  return item.raw ? { path: item.path, stats, raw: item.raw } : { path: item.path, stats }
}

/**
 * A directory's children. A name that is not valid UTF-8 comes back from Node with U+FFFD in it,
 * and that string names no file: such a directory is read again as bytes, and those children keep
 * their raw path (Info-ZIP stores such names as their bytes too).
 */
function readChildren(dir: {
  path: string
  raw?: Buffer | undefined
}): Array<{ path: string; raw?: Buffer | undefined }> {
  const names = readdirSync(dir.raw ?? dir.path)
  if (dir.raw === undefined && !names.some((name) => name.includes('\uFFFD'))) {
    return names.map((name) => ({ path: path.join(dir.path, name) }))
  }
  const parent = dir.raw ?? Buffer.from(dir.path)
  return readdirSync(parent, { encoding: 'buffer' }).map((bytes) => {
    const name = bytes.toString('utf8')
    const raw = Buffer.concat([parent, Buffer.from(path.sep), bytes])
    return dir.raw === undefined && Buffer.from(name).equals(bytes)
      ? { path: path.join(dir.path, name) }
      : { path: path.join(dir.path, name), raw }
  })
}
