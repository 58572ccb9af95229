// The fast walk, over the pattern rules of patterns.ts, must find exactly what @actions/glob's own
// walk finds, in the same order, for every kind of pattern and tree: it replaces that walk.
import { describe, expect, it } from 'vitest'
import * as glob from '@actions/glob'
import { lstatSync, statSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { type WalkOptions, walkPatterns } from '../../../src/select/walk.js'
import { agreesWith, parsePatterns, withImplicitDescendants } from '../../../src/select/patterns.js'
import { fastWalk } from '../../../src/select/select.js'

const walkOptions = { excludeHiddenFiles: false, onSkip: () => undefined }
import { makeWorkspace } from '../../helpers/workspace.ts'

async function collect<T>(items: AsyncGenerator<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

const TREE = {
  'data/a.txt': { kind: 'file' as const, content: 'a' },
  'data/b.log': { kind: 'file' as const, content: 'b' },
  'data/sub/c.txt': { kind: 'file' as const, content: 'c' },
  'data/sub/deeper/d.txt': { kind: 'file' as const, content: 'd' },
  'data/.hidden/e.txt': { kind: 'file' as const, content: 'e' },
  'data/.dotfile': { kind: 'file' as const, content: 'f' },
  'data/cache/tmp.bin': { kind: 'file' as const, content: 'g' },
  'data/empty': { kind: 'directory' as const },
  'data/link-to-file': { kind: 'symlink' as const, target: 'a.txt' },
  'data/link-to-dir': { kind: 'symlink' as const, target: 'sub' },
  'data/broken-link': { kind: 'symlink' as const, target: 'nowhere' },
  'data/[weird] name?.txt': { kind: 'file' as const, content: 'w' },
  'other/x.txt': { kind: 'file' as const, content: 'x' },
  'other/nested/y.md': { kind: 'file' as const, content: 'y' },
  'top.txt': { kind: 'file' as const, content: 't' },
}

/** The walk as select.ts starts it, checked to search where @actions/glob searches. */
async function walkLikeSelect(patterns: string, options: WalkOptions) {
  const own = parsePatterns(patterns)
  const searchPaths = (await glob.create(patterns)).getSearchPaths()
  expect(agreesWith(own, searchPaths)).toBe(true)
  return collect(walkPatterns(withImplicitDescendants(own), searchPaths, options))
}

const PATTERNS = [
  'data',
  'data/',
  'data/**',
  'data/*',
  'data/**/*.txt',
  'data/\n!data/cache/**',
  'data/\n!data/**/*.txt',
  'data/\nother/',
  'data/sub\nother/nested/y.md',
  'top.txt',
  'top.txt/',
  'data/sub/c.txt\n!data/sub/c.txt',
  'missing/\ndata/sub',
  '**/*.md',
  'data/link-to-dir',
  'data/[[]weird] name[?].txt',
  '*',
  '!data\ndata/sub',
  // Escapes, sets, and what @actions/glob leaves literal (braces, extglobs, comments, `!!`).
  'data/\\[weird\\] name\\?.txt',
  'data/[sc]*',
  'data/s?b',
  'data/{a,b}.txt\ndata/a.txt',
  '+(data)\ntop.txt',
  '# a comment\n  data/sub  \n\n',
  '!!data/sub',
  '!!!data/sub\ndata/sub/deeper',
  // Relative forms, repeated and trailing separators, globstars in the middle and at the end.
  './data/*.txt',
  '.',
  'data//sub/',
  'data/**/',
  'data/*/',
  'data/**/deeper/**',
  '**',
  // Order: an exclusion applies to what comes before it; an inclusion after it brings paths back.
  '!**/*.log\ndata',
  'data\n!data/sub\ndata/sub/deeper',
  'data\n!data/.hidden/',
]

describe('walkPatterns', () => {
  const cases = PATTERNS.flatMap(
    (p) =>
      [
        [p, true, false],
        [p, false, false],
        [p, false, true],
      ] as const,
  )
  it.each(cases)(
    '%j (hidden excluded: %s, links followed: %s) finds what @actions/glob finds',
    async (patterns, excludeHiddenFiles, follow) => {
      const workspace = await makeWorkspace(TREE)
      const cwd = process.cwd()
      process.chdir(workspace)
      try {
        const options = {
          followSymbolicLinks: follow,
          implicitDescendants: true,
          matchDirectories: true,
          omitBrokenSymbolicLinks: true,
          excludeHiddenFiles,
        }
        const expected = await (await glob.create(patterns, options)).glob()
        const skipped: string[] = []
        const walked = await walkLikeSelect(patterns, {
          excludeHiddenFiles,
          followSymlinks: follow,
          onSkip: (p) => skipped.push(p),
        })
        expect(walked.map((f) => f.path)).toEqual(expected)
        expect(skipped).toEqual([])
        // The selection takes this walk for the pattern, not @actions/glob's slower one.
        expect(fastWalk(patterns, (await glob.create(patterns)).getSearchPaths(), walkOptions)).not.toBeNull()
        for (const f of walked) expect(f.stats.mode).toBe((follow ? statSync : lstatSync)(f.path).mode)
      } finally {
        process.chdir(cwd)
      }
    },
  )

  it('a current folder and a home folder with glob characters in their paths are taken literally', async () => {
    const workspace = await makeWorkspace({})
    const odd = path.join(workspace, 'we[i]rd ?dir* [x]')
    for (const [file, content] of [
      ['data/a.txt', 'a'],
      ['data/sub/b.txt', 'b'],
      ['data/c.log', 'c'],
    ] as const) {
      mkdirSync(path.dirname(path.join(odd, file)), { recursive: true })
      writeFileSync(path.join(odd, file), content)
    }
    const cwd = process.cwd()
    const home = process.env.HOME
    process.chdir(odd)
    process.env.HOME = odd
    try {
      // Written out, the same path is a glob (its `[i]`, `?` and `*` match other names): no match, in both.
      const cases = { data: 5, './data/*.txt': 1, 'data/**/*.txt': 2, '~/data/sub': 2, '~': 6, [`${odd}/data/*`]: 0 }
      for (const [patterns, count] of Object.entries(cases)) {
        const expected = await (await glob.create(patterns)).glob()
        const walked = await walkLikeSelect(patterns, { excludeHiddenFiles: false, onSkip: () => undefined })
        expect(
          walked.map((f) => f.path),
          patterns,
        ).toEqual(expected)
        expect(expected, patterns).toHaveLength(count)
      }
    } finally {
      process.chdir(cwd)
      process.env.HOME = home
    }
  })

  it('leaves the search to @actions/glob where it would search elsewhere (a rule patterns.ts does not know)', () => {
    expect(fastWalk('data', [path.resolve('data')], walkOptions)).not.toBeNull()
    expect(fastWalk('data', [path.resolve('elsewhere')], walkOptions)).toBeNull()
    expect(fastWalk('data/../x', [path.resolve('x')], walkOptions)).toBeNull()
  })

  it('refuses what @actions/glob refuses (`..`, `.` past the start, an empty `!`)', async () => {
    for (const patterns of ['data/../top.txt', 'data/./sub', '!']) {
      await expect(glob.create(patterns)).rejects.toThrow()
      expect(() => parsePatterns(patterns), patterns).toThrow()
    }
  })

  it('walks 20,000 files in one directory tree in the same order', async () => {
    const workspace = await makeWorkspace({})
    for (let d = 0; d < 40; d++) {
      mkdirSync(path.join(workspace, 'big', `d${d}`), { recursive: true })
      for (let f = 0; f < 500; f++) writeFileSync(path.join(workspace, 'big', `d${d}`, `f${f}`), '')
    }
    symlinkSync('d1', path.join(workspace, 'big', 'link'))
    const options = {
      followSymbolicLinks: false,
      implicitDescendants: true,
      matchDirectories: true,
      omitBrokenSymbolicLinks: true,
      excludeHiddenFiles: true,
    }
    const pattern = path.join(workspace, 'big')
    const expected = await (await glob.create(pattern, options)).glob()
    const walked = await walkLikeSelect(pattern, { excludeHiddenFiles: true, onSkip: () => undefined })
    expect(walked.map((f) => f.path)).toEqual(expected)
    expect(walked).toHaveLength(20_000 + 40 + 2)
  })
})
