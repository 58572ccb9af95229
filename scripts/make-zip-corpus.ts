// Writes the corpus of odd and hostile zips (test/helpers/zip-corpus.ts) into test/fixtures/zips/,
// with a README naming each zip, why it is there and what restore and check must do with it.
// test/unit/restore/corpus.test.ts fails when the files differ from the list.
import { mkdirSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CORPUS, type Outcome, corpusZip } from '../test/helpers/zip-corpus.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const CORPUS_DIR = path.join(root, 'test/fixtures/zips')

const said = (outcome: Outcome) => (outcome.outcome === 'restored' ? 'restored' : `refused (${outcome.outcome})`)

export function corpusReadme(): string {
  const lines = [
    '# Odd and hostile zips',
    '',
    'Written by `node scripts/make-zip-corpus.ts` from `test/helpers/zip-corpus.ts`; do not edit by hand.',
    'Each is run through `restore` and `check` by `test/unit/restore/corpus.test.ts`.',
    '',
    '| zip | what it is | on Linux | case-folding target | on Windows |',
    '|---|---|---|---|---|',
  ]
  for (const entry of CORPUS) {
    const folding = entry.foldingCase ?? entry.foldingUnicode
    lines.push(
      `| \`${entry.name}.zip\` | ${entry.why.replace(/\|/g, '\\|')} | ${said(entry.expect)} | ` +
        `${folding ? said(folding) : ''} | ${entry.onWindows ? said(entry.onWindows) : ''} |`,
    )
  }
  return `${lines.join('\n')}\n`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(CORPUS_DIR, { recursive: true })
  for (const entry of CORPUS) writeFileSync(path.join(CORPUS_DIR, `${entry.name}.zip`), corpusZip(entry))
  writeFileSync(path.join(CORPUS_DIR, 'README.md'), corpusReadme())
  console.log(`${CORPUS.length} zips written to ${path.relative(root, CORPUS_DIR)}`)
}
