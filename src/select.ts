// `path` lines to the entries of the archive, with @actions/glob and upload-artifact's root rule:
// the least common ancestor of the search paths (a single literal file: its parent).
import { lstat, readlink, realpath, stat } from 'node:fs/promises'
import * as path from 'node:path'
import * as glob from '@actions/glob'
import type { Stats } from 'node:fs'
import { walkGlob } from './walk.js'

interface EntryBase {
  /** Absolute path on disk. */
  source: string
  /** Path inside the archive, `/`-separated, relative to the root. */
  name: string
  /** Unix permission bits (with setuid/setgid/sticky). */
  mode: number
  mtime: Date
}

export type Entry =
  | (EntryBase & { kind: 'file'; size: number })
  | (EntryBase & { kind: 'directory' })
  | (EntryBase & { kind: 'symlink'; target: string })

export interface Selection {
  root: string
  entries: Entry[]
  /** Files and links (directories are not counted). */
  fileCount: number
  totalBytes: number
  /** Paths that look like credentials, with a word on each. */
  credentialWarnings: string[]
}

export interface SelectOptions {
  includeHiddenFiles: boolean
  followSymlinks: boolean
  /** Following a link never reaches outside this folder. */
  workspace: string
  /** Never archived, nor anything under them (the run's working folder, with the zip being written). */
  exclude?: string[]
}

const STAT_BATCH = 256

export class SelectionError extends Error {
  override name = 'SelectionError'
}

// Files that an auth step or a checkout leaves behind and that must not end up on a file host.
const CREDENTIAL_FILES: Array<[RegExp, string]> = [
  [/(^|\/)gha-creds-[^/]*\.json$/, 'a Google credentials file written by google-github-actions/auth'],
  [/(^|\/)\.git\/config$/, 'may hold the checkout token (persist-credentials)'],
  [/(^|\/)\.(npmrc|netrc|pypirc)$/, 'may hold registry tokens'],
  [/(^|\/)\.docker\/config\.json$/, 'may hold registry credentials'],
]

/** upload-artifact's least common ancestor of several search paths. */
export function commonAncestor(paths: readonly string[]): string {
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

function toArchiveName(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/')
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** The selection as a stream: entries come as the walk finds them; the tally is final after the last. */
export interface SelectionStream {
  root: string
  entries: AsyncIterable<Entry>
  tally: { fileCount: number; totalBytes: number; credentialWarnings: string[] }
}

interface Found {
  path: string
  /** Taken by the walk already (lstat), or to be taken here. */
  stats: Stats | undefined
}

export async function openSelection(patterns: string, options: SelectOptions): Promise<SelectionStream> {
  const globber = await glob.create(patterns, {
    followSymbolicLinks: options.followSymlinks,
    implicitDescendants: true,
    matchDirectories: true,
    omitBrokenSymbolicLinks: true,
    excludeHiddenFiles: !options.includeHiddenFiles,
  })
  const searchPaths = globber.getSearchPaths()
  // Not following links (the default): the fast walk, which keeps each path's lstat.
  const walked = options.followSymlinks ? null : walkGlob(globber, { excludeHiddenFiles: !options.includeHiddenFiles })
  const excluded = (options.exclude ?? []).map((p) => path.resolve(p))
  const isExcluded = (file: string) => excluded.some((p) => file === p || file.startsWith(p + path.sep))
  const found = (async function* (): AsyncGenerator<Found> {
    const all = walked ?? (await globber.glob()).map((p) => ({ path: p, stats: undefined }))
    for await (const item of all) if (!isExcluded(path.resolve(item.path))) yield item
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

  const workspace = await realpath(options.workspace).catch(() => path.resolve(options.workspace))
  const tally = { fileCount: 0, totalBytes: 0, credentialWarnings: [] as string[] }
  const all = (async function* () {
    yield* head
    yield* found
  })()
  return { root, tally, entries: toEntries(all, root, workspace, options, tally) }
}

async function* toEntries(
  found: AsyncIterable<Found>,
  root: string,
  workspace: string,
  options: SelectOptions,
  tally: SelectionStream['tally'],
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
      current.map(async ({ source }) => {
        try {
          return options.followSymlinks ? await stat(source) : await lstat(source)
        } catch (error) {
          throw new SelectionError(`cannot read '${source}': ${(error as Error).message}`)
        }
      }),
    )
    const entries: Entry[] = []
    for (const [i, { source, name }] of current.entries()) {
      const entry = await toEntry(source, name, stats[i]!, workspace, options)
      if (entry) entries.push(counted(entry))
    }
    return entries
  }
  for await (const { path: source, stats } of found) {
    const name = toArchiveName(root, source)
    if (name === '') continue
    if (stats) {
      const entry = await toEntry(source, name, stats, workspace, options)
      if (entry) yield counted(entry)
      continue
    }
    batch.push({ source, name })
    if (batch.length >= STAT_BATCH) yield* await statBatch()
  }
  yield* await statBatch()
}

async function toEntry(source: string, name: string, stats: Stats, workspace: string, options: SelectOptions): Promise<Entry | null> {
  if (options.followSymlinks) {
    // The content of a link is stored only when its target stays inside the workspace.
    const real = await realpath(source)
    if (!isInside(workspace, real)) {
      throw new SelectionError(
        `'${name}' is a symbolic link to '${real}', outside the workspace; follow-symlinks never reads outside it. ` +
          'Set follow-symlinks: false to store the link itself, or exclude it with a !pattern line',
      )
    }
  }
  const base = { source, name, mode: stats.mode & 0o7777, mtime: stats.mtime }
  if (stats.isFile()) return { ...base, kind: 'file', size: stats.size }
  if (stats.isDirectory()) return { ...base, kind: 'directory' }
  if (stats.isSymbolicLink()) return { ...base, kind: 'symlink', target: await readlink(source) }
  return null // sockets, fifos, devices: nothing to back up
}

/** The whole selection at once (for callers that need it all before zipping). */
export async function selectFiles(patterns: string, options: SelectOptions): Promise<Selection> {
  const stream = await openSelection(patterns, options)
  const entries: Entry[] = []
  for await (const entry of stream.entries) entries.push(entry)
  return { root: stream.root, entries, ...stream.tally }
}
