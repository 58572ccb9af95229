// The plan of a restore, made from the whole central directory before any byte is written (as tar
// and restic plan theirs): every name normalised and checked, and the zip refused as a whole, naming
// the entry and the rule, when one would land outside the target, two entries would be one path on
// the target's file system, an entry lies under a link or a file entry, or a name cannot exist on
// the target's OS. Pure: the target's traits (OS, case folding) come in as rules. `check` runs the
// same plan, so a backup that `check` passes is one that `restore` can write.
import { Minimatch } from 'minimatch'
import { escapeControl } from '../core/format.js'
import { type RawName, textOf } from './raw-name.js'
import { type ArchiveEntry, UnsafeArchiveError } from './zip-reader.js'

/** The first segment of the staging folder a restore keeps inside its target; no entry may take it. */
export const STAGING_PREFIX = '.1fichier-restore.'

export interface PlanRules {
  platform: NodeJS.Platform
  /** The target's file system takes `README` and `readme` for one name (macOS, Windows). */
  foldCase: boolean
  /** The target's file system takes the NFC and NFD forms of a name for one name (macOS). */
  foldUnicode: boolean
  filter: PathFilter | null
  /** Keep setuid, setgid and sticky bits (unzip's -K); dropped by default. */
  keepSpecialBits: boolean
}

/**
 * One path the restore makes: an entry the plan keeps as it is (its own node, see ArchiveEntry), or
 * a PlannedPath for an entry whose name or mode the plan changed and for a folder the zip implies.
 */
export interface PlannedNode {
  /** Normalised, `/`-separated, relative to the target: the name's bytes (see RawName). */
  readonly path: RawName
  /** For messages: control characters escaped. */
  readonly display: string
  readonly kind: 'file' | 'directory' | 'symlink'
  /** Permission bits to set, or null to leave the default. */
  readonly mode: number | null
  /** Seconds since the epoch. */
  readonly mtime: number | null
  /** A file's size (read for files only). */
  readonly size: number
  /** null: a folder the zip implies (`a/b.txt` without `a/`) but does not hold. */
  readonly entry: ArchiveEntry | null
  /** Its place in the plan's `nodes`, by which the target's plan keeps its action (set by planArchive). */
  index: number
}

/** A node the plan made: only what the entry does not say is kept; the rest is read from the entry. */
class PlannedPath implements PlannedNode {
  index = -1

  constructor(
    readonly path: RawName,
    readonly kind: 'file' | 'directory' | 'symlink',
    readonly mode: number | null,
    readonly entry: ArchiveEntry | null,
  ) {}

  get display(): string {
    return this.entry !== null && this.path === this.entry.name ? this.entry.displayName : displayOfPath(this.path)
  }

  get mtime(): number | null {
    return this.entry?.mtime ?? null
  }

  get size(): number {
    return this.kind === 'file' ? this.entry!.size : 0
  }
}

export interface ArchivePlan {
  /** Folders before what they hold, then the zip's order. */
  nodes: PlannedNode[]
  /** What the target's file system takes for the same name. */
  keyOf: (path: RawName) => string
  byKey: Map<string, PlannedNode>
  files: number
  directories: number
  links: number
  bytes: number
}

const refuse = (entry: string, why: string) =>
  new UnsafeArchiveError(`The backup's entry '${entry}' ${why}. The zip is refused as a whole and nothing was written.`)

export function planArchive(entries: readonly ArchiveEntry[], rules: PlanRules): ArchivePlan {
  const keyOf = keyFunction(rules)
  const byKey = new Map<string, PlannedNode>()
  for (const entry of entries) {
    const path = normalisedPath(entry, rules.platform)
    if (path === null) continue
    const mode = entry.mode === null ? null : entry.mode & (rules.keepSpecialBits ? 0o7777 : 0o777)
    // The entry is its own node unless normalising or the mode rule changed something.
    const node = path === entry.name && mode === entry.mode ? entry : new PlannedPath(path, entry.kind, mode, entry)
    const key = keyOf(path)
    const same = byKey.get(key)
    if (same) {
      // The same folder twice is harmless (7-Zip and unzip take it); anything else is two writers of one path.
      if (same.kind === 'directory' && node.kind === 'directory') continue
      throw refuse(entry.displayName, sameNameWhy(same, node))
    }
    byKey.set(key, node)
  }
  checkAncestors(byKey, keyOf)
  const chosen = rules.filter ? select(byKey, keyOf, rules.filter) : byKey
  // Folders first, shallowest first, so every parent exists before its content; the rest keep zip order.
  // Filled in place, not built by copies: at 100,000 nodes each copy is a MB of garbage.
  const nodes = new Array<PlannedNode>(chosen.size)
  let index = 0
  const place = (node: PlannedNode) => {
    node.index = index
    nodes[index++] = node
  }
  const folders: PlannedNode[] = []
  for (const node of chosen.values()) if (node.kind === 'directory') folders.push(node)
  byDepth(folders).forEach(place)
  for (const node of chosen.values()) if (node.kind !== 'directory') place(node)
  const plan: ArchivePlan = { nodes, keyOf, byKey: chosen, files: 0, directories: 0, links: 0, bytes: 0 }
  for (const node of nodes) {
    if (node.kind === 'file') {
      plan.files++
      plan.bytes += node.size
    } else if (node.kind === 'directory') plan.directories++
    else plan.links++
  }
  return plan
}

function sameNameWhy(first: PlannedNode, second: PlannedNode): string {
  if (first.path === second.path) {
    return first.kind === second.kind
      ? `appears twice (after './', '//' and a trailing '/' are read away): which one to restore is not clear`
      : `is both a ${kindWord(first.kind)} and a ${kindWord(second.kind)}`
  }
  return (
    `and '${first.display}' would be one name on the target's file system (it does not tell case or Unicode ` +
    `forms apart)`
  )
}

const kindWord = (kind: PlannedNode['kind']) => (kind === 'symlink' ? 'link' : kind === 'directory' ? 'folder' : 'file')

/** `nodes` sorted by depth, shallowest first (stable: the zip's order within a depth). */
export function byDepth(nodes: readonly PlannedNode[]): PlannedNode[] {
  return nodes
    .map((node) => ({ node, depth: depthOf(node.path) }))
    .sort((a, b) => a.depth - b.depth)
    .map(({ node }) => node)
}

const depthOf = (path: RawName): number => {
  let depth = 1
  for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) depth++
  return depth
}

/** A path made by the plan, for messages: decoded as UTF-8, control characters escaped. */
const displayOfPath = (path: RawName): string => escapeControl(textOf(path))

/** The entry's path with `.` and empty segments read away; null for the target folder itself. */
function normalisedPath(entry: ArchiveEntry, platform: NodeJS.Platform): RawName | null {
  const name = entry.name
  if (name.includes('\0')) throw refuse(entry.displayName, 'has a NUL byte in its name')
  // A drive letter ('C:/', 'C:\\', 'C:') is absolute on Windows and never a name a backup meant; 'a:b' is a Linux name.
  if (name.startsWith('/') || /^[A-Za-z]:([/\\]|$)/.test(name) || (platform === 'win32' && name.startsWith('\\')))
    throw refuse(entry.displayName, 'is an absolute path')
  const all = name.split('/')
  const segments = all.filter((s) => s.length > 0 && s !== '.')
  if (segments.includes('..')) throw refuse(entry.displayName, "goes up with '..'")
  if (segments.length === 0) {
    if (entry.kind === 'directory') return null
    throw refuse(entry.displayName, 'has an empty name')
  }
  if (segments[0]!.startsWith(STAGING_PREFIX))
    throw refuse(entry.displayName, `takes the name this tool reserves for its staging folder (${STAGING_PREFIX}*)`)
  if (platform === 'win32') for (const segment of segments) checkWindowsName(entry, textOf(segment))
  if (segments.length === all.length) return name
  return segments.join('/')
}

const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i

/** What Windows cannot hold: refused there only (a backslash is a legal name on Linux and macOS). */
function checkWindowsName(entry: ArchiveEntry, segment: string): void {
  const bad = /[<>:"|?*\\\u0000-\u001f]/.exec(segment)
  if (bad) {
    throw refuse(
      entry.displayName,
      `has '${escapeControl(bad[0])}' in its name, which Windows does not allow: restore it on Linux or macOS`,
    )
  }
  if (WINDOWS_DEVICES.test(segment))
    throw refuse(entry.displayName, `is named '${segment}', a device name on Windows: restore it on Linux or macOS`)
  if (/[. ]$/.test(segment))
    throw refuse(entry.displayName, 'has a name ending in a dot or a space, which Windows drops: restore it elsewhere')
}

function keyFunction(rules: PlanRules): (path: RawName) => string {
  // The path itself where names do not fold: no second string per entry.
  if (!rules.foldCase && !rules.foldUnicode) return (path) => path
  return (path) => {
    let text = textOf(path)
    if (rules.foldUnicode) text = text.normalize('NFC')
    if (rules.foldCase) text = text.toLowerCase()
    return text
  }
}

/** No entry under a link or a file entry; folders the zip implies are added (without mode or time). */
function checkAncestors(byKey: Map<string, PlannedNode>, keyOf: (path: RawName) => string): void {
  // Folders added on the way are visited too (a Map's iteration takes them): harmless, and no copy.
  for (const node of byKey.values()) {
    let end = node.path.indexOf('/')
    while (end >= 0) {
      const path = node.path.slice(0, end)
      const above = byKey.get(keyOf(path))
      if (above?.kind === 'symlink')
        throw refuse(node.display, `lies under '${above.display}', a link entry: it could land outside the target`)
      if (above?.kind === 'file')
        throw refuse(node.display, `lies under '${above.display}', a file entry: a file and a folder share a name`)
      if (!above) {
        byKey.set(keyOf(path), new PlannedPath(path, 'directory', null, null))
      }
      end = node.path.indexOf('/', end + 1)
    }
  }
}

/** The nodes the filter selects, with the folders above them. */
function select(
  byKey: Map<string, PlannedNode>,
  keyOf: (path: RawName) => string,
  filter: PathFilter,
): Map<string, PlannedNode> {
  const chosen = new Map<string, PlannedNode>()
  for (const [key, node] of byKey) {
    if (!filter.selects(textOf(node.path))) continue
    chosen.set(key, node)
    let end = node.path.lastIndexOf('/')
    while (end > 0) {
      const above = keyOf(node.path.slice(0, end))
      if (chosen.has(above)) break
      chosen.set(above, byKey.get(above)!)
      end = node.path.lastIndexOf('/', end - 1)
    }
  }
  return chosen
}

/**
 * restic's --include and --exclude for restore: a pattern with a leading `/` is anchored at the
 * backup's root, any other matches at any depth; a pattern that matches a folder takes all inside it.
 */
export class PathFilter {
  private readonly include: Minimatch[]
  private readonly exclude: Minimatch[]

  constructor(include: readonly string[], exclude: readonly string[]) {
    this.include = include.map(compile)
    this.exclude = exclude.map(compile)
  }

  get restrictsIncludes(): boolean {
    return this.include.length > 0
  }

  /** Whether `path` (relative, `/`-separated) is restored, and so (with --delete) may be deleted. */
  selects(path: string): boolean {
    const parts = path.split('/')
    const prefixes = parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`)
    const hit = (patterns: Minimatch[]) => patterns.some((m) => prefixes.some((p) => m.match(p)))
    return (this.include.length === 0 || hit(this.include)) && !hit(this.exclude)
  }
}

function compile(pattern: string): Minimatch {
  const trimmed = pattern.replace(/\/+$/, '')
  const anchored = trimmed.startsWith('/') ? trimmed : `/**/${trimmed}`
  return new Minimatch(anchored, { dot: true, nocomment: true, nonegate: true })
}
