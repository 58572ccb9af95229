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
  /** Never archived (the temporary zip itself). */
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

export async function selectFiles(patterns: string, options: SelectOptions): Promise<Selection> {
  const globber = await glob.create(patterns, {
    followSymbolicLinks: options.followSymlinks,
    implicitDescendants: true,
    matchDirectories: true,
    omitBrokenSymbolicLinks: true,
    excludeHiddenFiles: !options.includeHiddenFiles,
  })
  const searchPaths = globber.getSearchPaths()
  // Not following links (the default): the fast walk, which keeps each path's lstat.
  const walked = options.followSymlinks ? null : await walkGlob(globber, { excludeHiddenFiles: !options.includeHiddenFiles })
  const found = walked ?? (await globber.glob()).map((p) => ({ path: p, stats: undefined as Stats | undefined }))
  const excluded = new Set((options.exclude ?? []).map((p) => path.resolve(p)))
  const matched = found.filter((f) => !excluded.has(path.resolve(f.path)))

  let root: string
  if (searchPaths.length > 1) root = commonAncestor(searchPaths)
  else if (matched.length === 1 && searchPaths[0] === matched[0]!.path) root = path.dirname(matched[0]!.path)
  else root = searchPaths[0] ?? process.cwd()

  const workspace = await realpath(options.workspace).catch(() => path.resolve(options.workspace))
  const entries: Entry[] = []
  const credentialWarnings: string[] = []
  let fileCount = 0
  let totalBytes = 0
  const inspected: Array<{ source: string; name: string; stats: Stats }> = []
  const candidates = matched.map((f) => ({ source: f.path, name: toArchiveName(root, f.path), stats: f.stats })).filter((c) => c.name !== '')
  // Without the fast walk, stats are taken in parallel batches (one at a time costs a thread-pool
  // round trip each); the entries keep glob's order.
  for (let start = 0; start < candidates.length; start += STAT_BATCH) {
    const batch = candidates.slice(start, start + STAT_BATCH)
    const stats = await Promise.all(
      batch.map(async ({ source, stats }) => {
        if (stats) return stats
        try {
          return options.followSymlinks ? await stat(source) : await lstat(source)
        } catch (error) {
          throw new SelectionError(`cannot read '${source}': ${(error as Error).message}`)
        }
      }),
    )
    batch.forEach((c, i) => inspected.push({ source: c.source, name: c.name, stats: stats[i]! }))
  }
  for (const { source, name, stats } of inspected) {
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
    if (stats.isDirectory()) {
      entries.push({ ...base, kind: 'directory' })
    } else if (stats.isSymbolicLink()) {
      entries.push({ ...base, kind: 'symlink', target: await readlink(source) })
      fileCount++
    } else if (stats.isFile()) {
      entries.push({ ...base, kind: 'file', size: stats.size })
      fileCount++
      totalBytes += stats.size
    } else {
      continue // sockets, fifos, devices: nothing to back up
    }
    for (const [pattern, why] of CREDENTIAL_FILES) {
      if (pattern.test(name)) credentialWarnings.push(`'${name}' ${why}`)
    }
  }
  return { root, entries, fileCount, totalBytes, credentialWarnings }
}
