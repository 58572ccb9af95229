// @actions/glob's search, with its own patterns (so every rule matches exactly as upload-artifact's
// does), but walked with synchronous lstat/readdir and the stats kept. Its own walk awaits one
// lstat at a time through libuv's pool (100,000 files: 5 s), then the caller had to stat
// everything again; this walk takes about a tenth of that. It yields to the event loop now and
// then, so a cancel is still heard. Used when links are not followed (the default); with
// follow-symlinks, @actions/glob walks as before (cycle detection and all).
import { lstatSync, readdirSync, type Stats } from 'node:fs'
import * as path from 'node:path'
import type { Globber } from '@actions/glob'

// @actions/glob's MatchKind.
const MATCH_DIRECTORY = 1
const MATCH_FILE = 2

/** The shape of @actions/glob 0.7's internal Pattern, as this walk uses it. */
interface GlobPattern {
  negate: boolean
  segments: string[]
  trailingSeparator: boolean
  match(itemPath: string): number
  partialMatch(itemPath: string): boolean
}

export interface Found {
  path: string
  stats: Stats
}

/** The globber's parsed patterns, or null when @actions/glob's internals are not as expected. */
function patternsOf(globber: Globber): GlobPattern[] | null {
  const patterns = (globber as unknown as { patterns?: unknown }).patterns
  if (!Array.isArray(patterns) || patterns.length === 0) return null
  const ok = patterns.every(
    (p: Partial<GlobPattern>) =>
      typeof p?.match === 'function' &&
      typeof p.partialMatch === 'function' &&
      typeof p.negate === 'boolean' &&
      Array.isArray(p.segments) &&
      typeof p.trailingSeparator === 'boolean',
  )
  return ok ? (patterns as GlobPattern[]) : null
}

/**
 * What `globber.glob()` would return, in the same order, with each path's lstat, as it is found
 * (the zip starts on the first files while the walk goes on). The globber must have been created
 * with implicitDescendants and matchDirectories on, followSymbolicLinks off. Returns null when this
 * version of @actions/glob cannot be walked this way.
 */
export function walkGlob(globber: Globber, options: { excludeHiddenFiles: boolean }): AsyncGenerator<Found> | null {
  const own = patternsOf(globber)
  return own ? walk(globber, own, options) : null
}

async function* walk(globber: Globber, own: GlobPattern[], options: { excludeHiddenFiles: boolean }): AsyncGenerator<Found> {
  // Implicit descendants, as @actions/glob adds them: `dir` also means `dir/**`.
  const patterns: GlobPattern[] = []
  for (const pattern of own) {
    patterns.push(pattern)
    if (pattern.trailingSeparator || pattern.segments[pattern.segments.length - 1] !== '**') {
      const Pattern = pattern.constructor as new (negate: boolean, implicit: boolean, segments: string[]) => GlobPattern
      patterns.push(new Pattern(pattern.negate, true, pattern.segments.concat('**')))
    }
  }
  const match = (itemPath: string) => {
    let result = 0
    for (const pattern of patterns) {
      if (pattern.negate) result &= ~pattern.match(itemPath)
      else result |= pattern.match(itemPath)
    }
    return result
  }
  const partialMatch = (itemPath: string) => patterns.some((p) => !p.negate && p.partialMatch(itemPath))

  const stack: string[] = []
  for (const searchPath of globber.getSearchPaths()) {
    try {
      lstatSync(searchPath)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw error
    }
    stack.unshift(searchPath)
  }
  let visited = 0
  while (stack.length > 0) {
    if (++visited % 4096 === 0) await new Promise((resolve) => setImmediate(resolve))
    const itemPath = stack.pop()!
    const matched = match(itemPath)
    const partial = matched !== 0 || partialMatch(itemPath)
    if (!partial) continue
    const stats = lstatSync(itemPath)
    if (options.excludeHiddenFiles && path.basename(itemPath).startsWith('.')) continue
    if (stats.isDirectory()) {
      if (matched & MATCH_DIRECTORY) yield { path: itemPath, stats }
      const children = readdirSync(itemPath)
      for (let i = children.length - 1; i >= 0; i--) stack.push(path.join(itemPath, children[i]!))
    } else if (matched & MATCH_FILE) {
      yield { path: itemPath, stats }
    }
  }
}
