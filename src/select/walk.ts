// @actions/glob's search, with its pattern rules (patterns.ts, so every rule matches exactly as
// upload-artifact's does), but walked with synchronous lstat/readdir and the stats kept. Its own
// walk awaits one lstat at a time through libuv's pool (100,000 files: 5 s), then the caller had
// to stat everything again; this walk takes about a tenth of that. It yields to the event loop
// now and then, so a cancel is still heard. With follow-symlinks it stats instead, and passes over
// a link that leads back up the tree. A path it cannot read is told (onSkip) and passed over: the
// backup goes on without it.
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
  // The search paths first, as a directory of their own (their names are whole paths).
  const top: Frame = { prefix: '', names: searchPaths.filter(exists), raws: undefined, next: 0, ancestors: undefined }
  const stack: Frame[] = [top]
  let visited = 0
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!
    if (frame.next === frame.names.length) {
      stack.pop()
      continue
    }
    if (++visited % 4096 === 0) await new Promise((resolve) => setImmediate(resolve))
    const i = frame.next++
    const itemPath = frame.prefix + frame.names[i]!
    const raw = frame.raws?.[i]
    const matched = matchAll(patterns, itemPath)
    if (matched === 0 && !partialMatchAny(patterns, itemPath)) continue
    let stats: Stats
    try {
      stats = options.followSymlinks ? statSync(raw ?? itemPath) : lstatSync(raw ?? itemPath)
    } catch (error) {
      // A broken link is passed over quietly, as @actions/glob's omitBrokenSymbolicLinks does.
      const code = (error as NodeJS.ErrnoException).code
      if (!(options.followSymlinks && code === 'ENOENT' && isBrokenLink(raw ?? itemPath)))
        options.onSkip(itemPath, error as NodeJS.ErrnoException)
      continue
    }
    const name = frame === top ? path.basename(itemPath) : frame.names[i]!
    if (options.excludeHiddenFiles && name.startsWith('.')) continue
    if (stats.isDirectory()) {
      if (options.isExcludedDirectory?.(stats)) continue
      const id = `${stats.dev}:${stats.ino}`
      if (options.followSymlinks && isAncestor(frame.ancestors, id)) {
        options.onSkip(itemPath, Object.assign(new Error('a symbolic link leads back up the tree'), { code: 'ELOOP' }))
        continue
      }
      let children: Pick<Frame, 'names' | 'raws'>
      try {
        children = readChildren(itemPath, raw)
      } catch (error) {
        options.onSkip(itemPath, error as NodeJS.ErrnoException)
        continue
      }
      if (matched & MATCH_DIRECTORY) yield found(itemPath, stats, raw)
      const ancestors = options.followSymlinks ? { id, parent: frame.ancestors } : undefined
      const prefix = itemPath.endsWith(path.sep) ? itemPath : itemPath + path.sep
      stack.push({ prefix, ...children, next: 0, ancestors })
    } else if (matched & MATCH_FILE) {
      yield found(itemPath, stats, raw)
    }
  }
}

/**
 * A directory on the way down: its children's names, read once and visited in order (one object
 * per directory, not one per child: a directory of 1,000 small files stays 1,000 strings).
 */
interface Frame {
  /** The directory's path with a separator after it: a child's path is this and its name. */
  prefix: string
  names: string[]
  /** Where a name is not valid UTF-8: the child's path as bytes (its name then holds U+FFFD). */
  raws: Array<Buffer | undefined> | undefined
  next: number
  ancestors: Ancestor | undefined
}

function exists(searchPath: string): boolean {
  try {
    lstatSync(searchPath)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

function isBrokenLink(file: string | Buffer): boolean {
  try {
    return lstatSync(file).isSymbolicLink()
  } catch {
    return false
  }
}

function found(itemPath: string, stats: Stats, raw: Buffer | undefined): Found {
  return raw ? { path: itemPath, stats, raw } : { path: itemPath, stats }
}

/**
 * A directory's children. A name that is not valid UTF-8 comes back from Node with U+FFFD in it,
 * and that string names no file: such a directory is read again as bytes, and those children keep
 * their raw path (Info-ZIP stores such names as their bytes too).
 */
function readChildren(dirPath: string, dirRaw: Buffer | undefined): Pick<Frame, 'names' | 'raws'> {
  const names = readdirSync(dirRaw ?? dirPath)
  if (dirRaw === undefined && !names.some((name) => name.includes('\uFFFD'))) return { names, raws: undefined }
  const parent = dirRaw ?? Buffer.from(dirPath)
  const children = readdirSync(parent, { encoding: 'buffer' })
  const decoded = children.map((bytes) => bytes.toString('utf8'))
  return {
    names: decoded,
    // Children of a raw folder are raw too; elsewhere only a name that does not survive decoding.
    raws: children.map((bytes, i) =>
      dirRaw === undefined && Buffer.from(decoded[i]!).equals(bytes)
        ? undefined
        : Buffer.concat([parent, Buffer.from(path.sep), bytes]),
    ),
  }
}
