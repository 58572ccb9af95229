// The `path` lines as @actions/glob 0.7 reads them (https://github.com/actions/toolkit/blob/main/
// packages/glob/src/internal-pattern.ts), on minimatch's public API (Minimatch: match, matchOne,
// set), so that the walk matches paths exactly as upload-artifact does without reaching into the
// globber. POSIX paths only: on Windows the selection leaves the walk to @actions/glob itself.
// walk.test.ts holds these rules to @actions/glob's own results for every kind of pattern.
import { homedir } from 'node:os'
import * as path from 'node:path'
import { Minimatch } from 'minimatch'

/** What a path is matched as (@actions/glob's MatchKind): a directory only (trailing `/`), or anything. */
export const MATCH_DIRECTORY = 1
export const MATCH_FILE = 2
const MATCH_ALL = MATCH_DIRECTORY | MATCH_FILE

// As @actions/glob creates its matchers: `{a,b}`, `+(x)` and a leading `!` or `#` are literal.
const MINIMATCH_OPTIONS = { dot: true, nobrace: true, nocase: false, nocomment: true, noext: true, nonegate: true }

export class PathPattern {
  readonly negate: boolean
  /** The pattern's segments, the root (`/`) first, as written (escapes kept). */
  readonly segments: string[]
  /** A pattern ending in `/` matches directories only. */
  readonly trailingSeparator: boolean
  /** The literal path before the first segment with a glob in it: where the walk starts. */
  readonly searchPath: string
  private readonly minimatch: Minimatch

  /** One `path` line; or, with `implicit`, the `/**` that @actions/glob adds to a pattern's segments. */
  constructor(
    line: string,
    private readonly implicit = false,
    home = homedir(),
  ) {
    let pattern = line.trim()
    let negate = false
    while (pattern.startsWith('!')) {
      negate = !negate
      pattern = pattern.slice(1).trim()
    }
    this.negate = negate
    pattern = absolutePattern(pattern, home)
    this.segments = segmentsOf(pattern)
    this.trailingSeparator = pattern.endsWith('/')
    const literals = this.segments.map(literalOf)
    const firstGlob = literals.indexOf('')
    this.searchPath = joinSegments(firstGlob === -1 ? literals : literals.slice(0, firstGlob))
    this.minimatch = new Minimatch(trimTrailingSeparator(pattern), MINIMATCH_OPTIONS)
  }

  /** The same pattern with `/**` after it: `dir` also means everything under it. */
  withDescendants(): PathPattern {
    return new PathPattern(`${this.negate ? '!' : ''}${joinSegments([...this.segments, '**'])}`, true)
  }

  /** Whether @actions/glob adds the implicit descendants of this pattern (it does unless it ends in `**`). */
  get wantsDescendants(): boolean {
    return this.trailingSeparator || this.segments[this.segments.length - 1] !== '**'
  }

  /** MATCH_DIRECTORY, MATCH_FILE (both: anything) or 0. */
  match(itemPath: string): number {
    if (this.segments[this.segments.length - 1] === '**') {
      // minimatch does not match `/foo` against `/foo/**`, but does `/foo/`: the path gets a slash.
      itemPath = normalizeSeparators(itemPath)
      if (!itemPath.endsWith('/') && !this.implicit) itemPath += '/'
    } else {
      itemPath = trimTrailingSeparator(itemPath)
    }
    if (!this.minimatch.match(itemPath)) return 0
    return this.trailingSeparator ? MATCH_DIRECTORY : MATCH_ALL
  }

  /** Whether something below `itemPath` may match: the walk enters only such directories. */
  partialMatch(itemPath: string): boolean {
    itemPath = trimTrailingSeparator(itemPath)
    if (path.dirname(itemPath) === itemPath) return true // the root: every pattern starts there
    return this.minimatch.matchOne(itemPath.split(/\/+/), this.minimatch.set[0] ?? [], true)
  }
}

/** The lines of `path`, as @actions/glob reads them: trimmed, empty lines and `#` comments left out. */
export function parsePatterns(lines: string): PathPattern[] {
  return lines
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => new PathPattern(line))
}

/** The patterns with the implicit descendants @actions/glob adds (implicitDescendants, its default). */
export function withImplicitDescendants(patterns: PathPattern[]): PathPattern[] {
  return patterns.flatMap((p) => (p.wantsDescendants ? [p, p.withDescendants()] : [p]))
}

/** What the patterns make of a path, as @actions/glob combines them: later negations take away. */
export function matchAll(patterns: PathPattern[], itemPath: string): number {
  let result = 0
  for (const pattern of patterns) {
    if (pattern.negate) result &= ~pattern.match(itemPath)
    else result |= pattern.match(itemPath)
  }
  return result
}

export function partialMatchAny(patterns: PathPattern[], itemPath: string): boolean {
  return patterns.some((p) => !p.negate && p.partialMatch(itemPath))
}

/**
 * Whether these patterns start where @actions/glob's globber says the search starts (its public
 * getSearchPaths(), which the walk uses): every search path is one of an including pattern's, and
 * every including pattern's lies at or under one of them. Otherwise the two read a line differently.
 */
export function agreesWith(patterns: PathPattern[], globberSearchPaths: string[]): boolean {
  const own = patterns.filter((p) => !p.negate).map((p) => p.searchPath)
  const under = (p: string, root: string) => p === root || p.startsWith(withSeparator(root))
  return (
    globberSearchPaths.every((root) => own.includes(root)) &&
    own.every((p) => globberSearchPaths.some((root) => under(p, root)))
  )
}

/**
 * The pattern made absolute: `.` and a relative pattern start at the current folder, `~` at the
 * home folder (both glob-escaped). `.` past the first segment and `..` anywhere are refused.
 */
function absolutePattern(pattern: string, home: string): string {
  if (!pattern) throw new Error('pattern cannot be empty')
  const literals = segmentsOf(pattern).map(literalOf)
  if (!literals.every((x, i) => (x !== '.' || i === 0) && x !== '..'))
    throw new Error(`Invalid pattern '${pattern}'. Relative pathing '.' and '..' is not allowed.`)
  pattern = normalizeSeparators(pattern)
  if (pattern === '.' || pattern.startsWith('./')) pattern = globEscape(process.cwd()) + pattern.slice(1)
  else if (pattern === '~' || pattern.startsWith('~/')) pattern = globEscape(home) + pattern.slice(1)
  else if (!pattern.startsWith('/')) pattern = withSeparator(globEscape(process.cwd())) + pattern
  return normalizeSeparators(pattern)
}

/** A path's segments, the root first: `/a/b` is `/`, `a`, `b`; `a/b` is `a`, `b`. */
function segmentsOf(itemPath: string): string[] {
  itemPath = trimTrailingSeparator(itemPath)
  if (!itemPath.startsWith('/')) return itemPath.split('/')
  const segments: string[] = []
  let remaining = itemPath
  for (let dir = path.dirname(remaining); dir !== remaining; dir = path.dirname(remaining)) {
    segments.unshift(path.basename(remaining))
    remaining = dir
  }
  segments.unshift(remaining)
  return segments
}

function joinSegments(segments: string[]): string {
  const [first = '', ...rest] = segments
  return rest.length === 0 ? first : withSeparator(first) + rest.join('/')
}

/** The segment as a literal name (escapes undone, one-character sets opened), or '' when it has a glob. */
function literalOf(segment: string): string {
  let literal = ''
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!
    if (c === '\\' && i + 1 < segment.length) {
      literal += segment[++i]!
      continue
    }
    if (c === '*' || c === '?') return ''
    if (c === '[' && i + 1 < segment.length) {
      let set = ''
      let closed = -1
      for (let j = i + 1; j < segment.length; j++) {
        const d = segment[j]!
        if (d === '\\' && j + 1 < segment.length) {
          set += segment[++j]!
          continue
        }
        if (d === ']') {
          closed = j
          break
        }
        set += d
      }
      if (closed >= 0) {
        if (set.length > 1) return ''
        if (set) {
          literal += set
          i = closed
          continue
        }
      }
    }
    literal += c
  }
  return literal
}

/** A path written so that no character in it is a glob. */
function globEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/(\[)(?=[^/]+\])/g, '[[]')
    .replace(/\?/g, '[?]')
    .replace(/\*/g, '[*]')
}

function normalizeSeparators(p: string): string {
  return p.replace(/\/\/+/g, '/')
}

function trimTrailingSeparator(p: string): string {
  p = normalizeSeparators(p)
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p
}

function withSeparator(p: string): string {
  return p.endsWith('/') ? p : `${p}/`
}
