// `path` lines to the entries of the archive, with @actions/glob and upload-artifact's root rule:
// the least common ancestor of the search paths (a single literal file: its parent).
import { lstat, readlink, realpath, stat } from 'node:fs/promises'
import { portableLinkTarget, portableMode } from './portable.js'
import * as path from 'node:path'
import * as glob from '@actions/glob'
import type { Stats } from 'node:fs'
import type { Entry } from '../core/entry.js'
import { type Found as WalkFound, type WalkOptions, walkPatterns } from './walk.js'
import { type PathPattern, agreesWith, parsePatterns, withImplicitDescendants } from './patterns.js'

export type { Entry } from '../core/entry.js'

export interface SelectOptions {
  includeHiddenFiles: boolean
  followSymlinks: boolean
  /** Following a link never reaches outside this folder. */
  workspace: string
  /** Never archived, nor anything under them (the run's working folder, with the zip being written). */
  exclude?: string[]
  /** Told of each path that is passed over because it cannot be read (it is then missing from the zip). */
  onMissing?: (name: string, reason: string) => void
}

/** A path passed over: its name (relative to the workspace when under it) and why. */
export interface MissingFile {
  name: string
  reason: string
}

/** Why a path could not be read, in words a user can act on. */
export function describeReadError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'it vanished while the backup ran'
    case 'ELOOP':
      return 'its symbolic links loop'
    case 'ENAMETOOLONG':
      return 'its path is too long for the system'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    default:
      return `it cannot be read (${error.code ?? error.message})`
  }
}

const STAT_BATCH = 256

class SelectionError extends Error {
  override name = 'SelectionError'
}

// Files that an auth step or a checkout leaves behind and that must not end up on a file host.
const CREDENTIAL_FILES: Array<[RegExp, string]> = [
  [/(^|\/)gha-creds-[^/]*\.json$/, 'a Google credentials file written by google-github-actions/auth'],
  [/(^|\/)\.git\/config$/, 'may hold the checkout token (persist-credentials)'],
  [/(^|\/)\.(npmrc|netrc|pypirc)$/, 'may hold registry tokens'],
  [/(^|\/)\.docker\/config\.json$/, 'may hold registry credentials'],
  // dotenv files: .env, .env.local, .env.production (a committed .env.example is a template).
  [/(^|\/)\.env(\.(?!(example|sample|template|dist)$)[^/]+)?$/, 'a dotenv file: often holds API keys and passwords'],
  [/(^|\/)(id_rsa|id_dsa|id_ecdsa|id_ed25519)$/, 'an SSH private key'],
]

/** upload-artifact's least common ancestor of several search paths. */
function commonAncestor(paths: readonly string[]): string {
  const split = paths.map((p) => path.normalize(p).split(path.sep))
  const shortest = Math.min(...split.map((s) => s.length))
  const common: string[] = []
  for (let i = 0; i < shortest; i++) {
    const segment = split[0]![i]!
    if (!split.every((s) => s[i] === segment)) break
    common.push(segment)
  }
  const joined = common.join(path.sep)
  return joined === '' ? path.sep : joined
}

/** The path's name in the zip: relative to the root, `/`-separated. */
function toArchiveName(root: string, rootPrefix: string, file: string): string {
  // The walk's paths start with the root as it is written: a slice, not path.relative's two resolves.
  const relative = file.startsWith(rootPrefix) ? file.slice(rootPrefix.length) : path.relative(root, file)
  return path.sep === '/' ? relative : relative.split(path.sep).join('/')
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** The selection as a stream: entries come as the walk finds them; the tally is final after the last. */
export interface SelectionStream {
  root: string
  entries: AsyncIterable<Entry>
  /** Whether the selection holds any file or link (empty directories alone are no backup); read ahead. */
  hasFiles: () => Promise<boolean>
  tally: { fileCount: number; totalBytes: number; credentialWarnings: string[]; missing: MissingFile[] }
}

interface Found {
  path: string
  /** Taken by the walk already (lstat), or to be taken here. */
  stats: Stats | undefined
  raw?: Buffer
}

export async function openSelection(patterns: string, options: SelectOptions): Promise<SelectionStream> {
  // Created with @actions/glob's defaults (implicit descendants, directories matched), which it
  // does not log: the walk below applies follow-symlinks and the hidden-file rule itself. A
  // globber with options writes `::debug::` lines to stdout, which the CLI keeps for its output.
  const globber = await glob.create(patterns)
  const searchPaths = globber.getSearchPaths()
  const workspace = await realpath(options.workspace).catch(() => path.resolve(options.workspace))
  const tally: SelectionStream['tally'] = { fileCount: 0, totalBytes: 0, credentialWarnings: [], missing: [] }
  const missing = (file: string, reason: string) => {
    const name = isInside(workspace, file) ? path.relative(workspace, file).split(path.sep).join('/') : file
    tally.missing.push({ name, reason })
    options.onMissing?.(name, reason)
  }
  // The excluded folders, by path (as given and as real) and by identity: RUNNER_TEMP may be
  // reached through a symbolic link into the backed-up tree, where the walk sees another path.
  const excluded = await excludedPaths(options.exclude ?? [])
  const excludedRoots = excluded.paths.map((p) => ({ path: p, prefix: p + path.sep }))
  const isExcluded = (file: string) => excludedRoots.some((r) => file === r.path || file.startsWith(r.prefix))
  // The fast walk, which keeps each path's stats (lstat; stat when following links).
  const walked = fastWalk(patterns, searchPaths, {
    excludeHiddenFiles: !options.includeHiddenFiles,
    followSymlinks: options.followSymlinks,
    onSkip: (file, error) => missing(file, describeReadError(error)),
    isExcludedDirectory: (stats) => excluded.ids.has(`${stats.dev}:${stats.ino}`),
  })
  const found = (async function* (): AsyncGenerator<Found> {
    const all = walked ?? (await globAll(patterns, options)).map((p) => ({ path: p, stats: undefined }))
    // Both walks give absolute, normalized paths (they start from the globber's search paths).
    for await (const item of all) if (!isExcluded(item.path)) yield item
  })()

  // upload-artifact's root: it depends on whether the one search path is the only match, so the
  // first two matches are looked at before any entry is named.
  const head: Found[] = []
  while (head.length < 2) {
    const next = await found.next()
    if (next.done) break
    head.push(next.value)
  }
  let root: string
  if (searchPaths.length > 1) root = commonAncestor(searchPaths)
  else if (head.length === 1 && searchPaths[0] === head[0]!.path) root = path.dirname(head[0]!.path)
  else root = searchPaths[0] ?? process.cwd()

  const all = (async function* () {
    yield* head
    yield* found
  })()
  return { root, tally, ...lookAhead(toEntries(all, root, workspace, options, tally, missing)) }
}

/**
 * The entries, with a look ahead to the first file (or link): whether there is anything to back up
 * at all is known before the zip starts, and the entries read meanwhile are handed on unchanged.
 */
function lookAhead(source: AsyncGenerator<Entry>): Pick<SelectionStream, 'entries' | 'hasFiles'> {
  const ahead: Entry[] = []
  let found: Promise<boolean> | undefined
  const hasFiles = () =>
    (found ??= (async () => {
      for (;;) {
        const next = await source.next()
        if (next.done) return false
        ahead.push(next.value)
        if (next.value.kind !== 'directory') return true
      }
    })())
  const entries = (async function* () {
    if (found) await found
    while (ahead.length > 0) yield ahead.shift()!
    yield* source
  })()
  return { entries, hasFiles }
}

/**
 * The fast walk over the patterns as patterns.ts reads them; null where @actions/glob's own walk
 * must do it: on Windows (patterns.ts reads POSIX paths), or when the two do not agree on where
 * to search (a rule of a newer @actions/glob that patterns.ts does not know).
 */
export function fastWalk(
  patterns: string,
  searchPaths: string[],
  options: WalkOptions,
): AsyncGenerator<WalkFound> | null {
  if (process.platform === 'win32') return null
  let own: PathPattern[]
  try {
    own = parsePatterns(patterns)
  } catch {
    return null
  }
  if (!agreesWith(own, searchPaths)) return null
  return walkPatterns(withImplicitDescendants(own), searchPaths, options)
}

/** @actions/glob's own search, with every option: where the fast walk does not apply. */
async function globAll(patterns: string, options: SelectOptions): Promise<string[]> {
  const globber = await glob.create(patterns, {
    followSymbolicLinks: options.followSymlinks,
    omitBrokenSymbolicLinks: true,
    excludeHiddenFiles: !options.includeHiddenFiles,
  })
  return globber.glob()
}

async function* toEntries(
  found: AsyncIterable<Found>,
  root: string,
  workspace: string,
  options: SelectOptions,
  tally: SelectionStream['tally'],
  missing: (file: string, reason: string) => void,
): AsyncGenerator<Entry> {
  const counted = (entry: Entry) => {
    if (entry.kind !== 'directory') tally.fileCount++
    if (entry.kind === 'file') tally.totalBytes += entry.size
    for (const [pattern, why] of CREDENTIAL_FILES) {
      if (pattern.test(entry.name)) tally.credentialWarnings.push(`'${entry.name}' ${why}`)
    }
    return entry
  }
  // Paths without stats (the follow-symlinks walk) are stat'ed in parallel batches: one at a time
  // costs a thread-pool round trip each. The order stays glob's.
  let batch: Array<{ source: string; name: string }> = []
  const statBatch = async () => {
    const current = batch
    batch = []
    const stats = await Promise.all(
      current.map(({ source }) =>
        (options.followSymlinks ? stat(source) : lstat(source)).catch((error: unknown) => {
          missing(source, describeReadError(error as NodeJS.ErrnoException))
          return null
        }),
      ),
    )
    const entries: Entry[] = []
    for (const [i, { source, name }] of current.entries()) {
      const stat = stats[i]
      if (!stat) continue
      const entry = await readEntry(source, name, stat, workspace, options, missing)
      if (entry) entries.push(counted(entry))
    }
    return entries
  }
  const rootPrefix = root.endsWith(path.sep) ? root : root + path.sep
  const rootBytes = Buffer.from(rootPrefix)
  for await (const { path: source, stats, raw } of found) {
    const name = toArchiveName(root, rootPrefix, source)
    if (name === '') continue
    if (stats) {
      const entry = await readEntry(source, name, stats, workspace, options, missing, raw && rawEntry(raw, rootBytes))
      if (entry) yield counted(entry)
      continue
    }
    batch.push({ source, name })
    if (batch.length >= STAT_BATCH) yield* await statBatch()
  }
  yield* await statBatch()
}

/** A path whose name is not valid UTF-8: its bytes, and its name in the zip as bytes. */
function rawEntry(raw: Buffer, rootBytes: Buffer): { source: Buffer; name: Buffer } | undefined {
  return raw.subarray(0, rootBytes.length).equals(rootBytes)
    ? { source: raw, name: raw.subarray(rootBytes.length) }
    : undefined
}

/**
 * The path as an entry of the zip, or null for what holds nothing to back up (sockets, fifos,
 * devices). A path that cannot be read is passed over as missing instead of failing the backup.
 */
async function readEntry(
  source: string,
  name: string,
  stats: Stats,
  workspace: string,
  options: SelectOptions,
  missing: (file: string, reason: string) => void,
  raw?: { source: Buffer; name: Buffer },
): Promise<Entry | null> {
  try {
    if (options.followSymlinks) await refuseOutsideWorkspace(source, name, workspace)
    // One object per entry (this runs once per file, 100,000 times for as many small files).
    // Truncated to the millisecond: Stats.mtime rounds, and 12:00:04.9996 became 12:00:05 in the zip.
    const mtime = new Date(Math.floor(stats.mtimeMs))
    if (stats.isFile())
      return { kind: 'file', source, name, mode: portableMode('file', stats.mode, name), mtime, size: stats.size, raw }
    if (stats.isDirectory())
      return { kind: 'directory', source, name, mode: portableMode('directory', stats.mode, name), mtime, raw }
    if (stats.isSymbolicLink()) {
      const target = portableLinkTarget(await readlink(raw?.source ?? source))
      return { kind: 'symlink', source, name, mode: portableMode('symlink', stats.mode, name), mtime, target, raw }
    }
    return null
  } catch (error) {
    if (error instanceof SelectionError || !(error as NodeJS.ErrnoException).code) throw error
    missing(source, describeReadError(error as NodeJS.ErrnoException))
    return null
  }
}

/** The folders to leave out, as resolved and real paths, and as device and inode. */
async function excludedPaths(exclude: readonly string[]): Promise<{ paths: string[]; ids: Set<string> }> {
  const paths = new Set<string>()
  const ids = new Set<string>()
  for (const p of exclude) {
    paths.add(path.resolve(p))
    const real = await realpath(p).catch(() => undefined)
    if (real) paths.add(real)
    const stats = await stat(p).catch(() => undefined)
    if (stats) ids.add(`${stats.dev}:${stats.ino}`)
  }
  return { paths: [...paths], ids }
}

/** With follow-symlinks, the content of a link is stored only when its target stays inside the workspace. */
async function refuseOutsideWorkspace(source: string, name: string, workspace: string): Promise<void> {
  const real = await realpath(source)
  if (!isInside(workspace, real)) {
    throw new SelectionError(
      `'${name}' is a symbolic link to '${real}', outside the workspace; follow-symlinks never reads outside it. ` +
        'Turn follow-symlinks off (the default) to store the link itself, or exclude it with a !pattern line',
    )
  }
}
