// The fast walk must find exactly what @actions/glob's own walk finds, in the same order, for
// every kind of pattern and tree: it replaces that walk (without following links).
import { describe, expect, it } from 'vitest'
import * as glob from '@actions/glob'
import { lstatSync, statSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { walkGlob } from '../../../src/select/walk.js'
import { makeWorkspace } from '../../helpers/workspace.ts'

async function collect<T>(items: AsyncGenerator<T> | null): Promise<T[] | null> {
  if (!items) return null
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
]

describe('walkGlob', () => {
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
        const walked = await collect(
          walkGlob(await glob.create(patterns, options), {
            excludeHiddenFiles,
            followSymlinks: follow,
            onSkip: (p) => skipped.push(p),
          }),
        )
        expect(walked).not.toBeNull()
        expect(walked!.map((f) => f.path)).toEqual(expected)
        expect(skipped).toEqual([])
        for (const f of walked!) expect(f.stats.mode).toBe((follow ? statSync : lstatSync)(f.path).mode)
      } finally {
        process.chdir(cwd)
      }
    },
  )

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
    const walked = await collect(
      walkGlob(await glob.create(pattern, options), { excludeHiddenFiles: true, onSkip: () => undefined }),
    )
    expect(walked!.map((f) => f.path)).toEqual(expected)
    expect(walked).toHaveLength(20_000 + 40 + 2)
  })
})
