// Every zip of the corpus (test/fixtures/zips/, written from test/helpers/zip-corpus.ts) through
// restore and check, in process: refused ones are refused by both, as a whole, with the message the
// corpus names, nothing written in the target and nothing touched outside it; restored ones give
// exactly their files. The OS- and file-system-dependent rules run through the plan with those rules.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { lstat, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CORPUS_DIR, corpusReadme } from '../../../scripts/make-zip-corpus.ts'
import { MemoryLog } from '../../helpers/memory-log.ts'
import { checkAll, restoreInto } from '../../../src/restore/extract.js'
import { planArchive } from '../../../src/restore/plan.js'
import {
  CorruptArchiveError,
  OpenArchive,
  UnsafeArchiveError,
  UnsupportedArchiveError,
} from '../../../src/restore/zip-reader.js'
import { CORPUS, type CorpusZip, type Outcome, corpusZip } from '../../helpers/zip-corpus.ts'

const ERRORS = { unsafe: UnsafeArchiveError, unsupported: UnsupportedArchiveError, corrupt: CorruptArchiveError }
const zipPath = (entry: CorpusZip) => path.join(CORPUS_DIR, `${entry.name}.zip`)

/** A target beside an `outside` folder with one file, the place hostile links point at. */
async function sandbox(): Promise<{ to: string; outside: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'corpus-'))
  const outside = path.join(root, 'outside')
  await mkdir(outside)
  await writeFile(path.join(outside, 'victim.txt'), 'untouched')
  return { to: path.join(root, 'to'), outside }
}

const options = { password: undefined, overwrite: null, delete: false, dryRun: false, include: [], exclude: [] }

async function filesUnder(root: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const relative = prefix + entry.name
    if (entry.isDirectory()) Object.assign(out, await filesUnder(path.join(root, entry.name), `${relative}/`))
    else out[relative] = await readFile(path.join(root, entry.name), 'utf8')
  }
  return out
}

function expectRefusal(error: unknown, outcome: Exclude<Outcome, { outcome: 'restored' }>) {
  expect(error).toBeInstanceOf(ERRORS[outcome.outcome])
  expect((error as Error).message).toMatch(outcome.message)
  // One line, control characters escaped: nothing a terminal would act on.
  expect((error as Error).message).not.toMatch(/[\u0000-\u001f]/)
}

describe('the corpus of odd and hostile zips', () => {
  it('is what test/helpers/zip-corpus.ts says (node scripts/make-zip-corpus.ts writes it)', () => {
    const names = readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.zip'))
    expect(names.sort()).toEqual(CORPUS.map((e) => `${e.name}.zip`).sort())
    for (const entry of CORPUS) expect(readFileSync(zipPath(entry)).equals(corpusZip(entry)), entry.name).toBe(true)
    expect(readFileSync(path.join(CORPUS_DIR, 'README.md'), 'utf8')).toBe(corpusReadme())
  })

  for (const entry of CORPUS) {
    it(`${entry.name}: ${entry.expect.outcome} by restore and check`, async () => {
      const { to, outside } = await sandbox()
      const log = new MemoryLog()
      let archive: OpenArchive | undefined
      const run = async () => {
        archive = await OpenArchive.open(zipPath(entry))
        return restoreInto(archive, to, { ...options, keepSpecialBits: false, log })
      }
      const check = async () => {
        const opened = await OpenArchive.open(zipPath(entry))
        try {
          return await checkAll(opened, undefined)
        } finally {
          opened.close()
        }
      }
      try {
        if (entry.expect.outcome === 'restored') {
          await run()
          expect(await filesUnder(to)).toEqual(entry.expect.files)
          await check()
        } else {
          expectRefusal(await run().catch((e: unknown) => e), entry.expect)
          // A target the restore made is removed again: no half-restored folder is left.
          expect(existsSync(to), 'the target the restore made').toBe(false)
          expectRefusal(await check().catch((e: unknown) => e), entry.expect)
        }
      } finally {
        archive?.close()
      }
      expect(await readdir(outside)).toEqual(['victim.txt'])
      expect(await readFile(path.join(outside, 'victim.txt'), 'utf8')).toBe('untouched')
    })
  }

  for (const entry of CORPUS.filter((e) => e.foldingCase ?? e.foldingUnicode ?? e.onWindows)) {
    it(`${entry.name}: the plan's rule where names fold or on Windows`, async () => {
      const archive = await OpenArchive.open(zipPath(entry))
      try {
        const base = { platform: 'linux' as const, foldCase: false, foldUnicode: false, filter: null }
        const cases: Array<[Outcome | undefined, Parameters<typeof planArchive>[1]]> = [
          [entry.foldingCase, { ...base, foldCase: true, keepSpecialBits: false }],
          [entry.foldingUnicode, { ...base, foldUnicode: true, keepSpecialBits: false }],
          [entry.onWindows, { ...base, platform: 'win32', foldCase: true, keepSpecialBits: false }],
        ]
        for (const [outcome, rules] of cases) {
          if (!outcome) continue
          const run = () => planArchive(archive.entries, rules)
          if (outcome.outcome === 'restored') expect(run).not.toThrow()
          else
            expectRefusal(
              (() => {
                try {
                  run()
                } catch (e) {
                  return e
                }
              })(),
              outcome,
            )
        }
      } finally {
        archive.close()
      }
    })
  }

  it('special bits are dropped by default and kept with keepSpecialBits; DOS zips give 0644', async () => {
    const zip = path.join(CORPUS_DIR, 'special-bits.zip')
    for (const keep of [false, true]) {
      const { to } = await sandbox()
      const archive = await OpenArchive.open(zip)
      await restoreInto(archive, to, { ...options, keepSpecialBits: keep, log: new MemoryLog() }).finally(() =>
        archive.close(),
      )
      expect((await lstat(path.join(to, 'tool'))).mode & 0o7777).toBe(keep ? 0o6755 : 0o755)
    }
    const { to } = await sandbox()
    const archive = await OpenArchive.open(path.join(CORPUS_DIR, 'made-on-dos.zip'))
    await restoreInto(archive, to, { ...options, keepSpecialBits: false, log: new MemoryLog() }).finally(() =>
      archive.close(),
    )
    expect((await lstat(path.join(to, 'a.txt'))).mode & 0o777).toBe(0o644)
  })
})
