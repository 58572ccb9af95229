// The README's inputs and outputs tables are generated from action.yml and must not drift; the
// inputs the code reads are exactly those action.yml declares.
import { readFileSync, readdirSync } from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { renderReadme } from '../../../scripts/readme-tables.ts'
import { REPO_ROOT } from '../../helpers/action-process.ts'
import { parseConfig } from '../../../src/core/config.js'
import { outputsOf } from '../../../src/action/summary.js'

const actionYml = readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')
const action = parse(actionYml) as {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, unknown>
  runs: { using: string; main: string }
}

describe('README and action.yml', () => {
  it("the development guide's module map names every file under src/, in its folder", () => {
    const guide = readFileSync(path.join(REPO_ROOT, 'docs/development.md'), 'utf8')
    const map = guide.slice(guide.indexOf('src/\n'), guide.indexOf('test/\n'))
    const folders = readdirSync(path.join(REPO_ROOT, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory())
    for (const folder of folders) {
      expect(map).toContain(`  ${folder.name}/`)
      const section = map.slice(map.indexOf(`  ${folder.name}/`)).split(/\n {2}[a-z]+\//)[0]
      for (const file of readdirSync(path.join(REPO_ROOT, 'src', folder.name))) expect(section).toContain(file)
    }
    expect(readdirSync(path.join(REPO_ROOT, 'src')).filter((f) => f.endsWith('.ts')).length).toBeLessThanOrEqual(6)
  })

  it('the README tables are the ones action.yml generates (run `npm run docs`)', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')
    expect(readme).toBe(renderReadme(readme, actionYml))
  })

  it('runs on node24 from dist/index.js', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('every input the code reads is declared, with a description', () => {
    const read = new Set<string>()
    parseConfig((name) => {
      read.add(name)
      return name === 'api-key' ? 'k' : name === 'path' ? 'a' : ''
    })
    expect([...read].sort()).toEqual(Object.keys(action.inputs).sort())
    for (const spec of Object.values(action.inputs)) expect(spec.description.length).toBeGreaterThan(30)
  })

  it('every output the code sets is declared', () => {
    const set = Object.keys(
      outputsOf({
        status: 'uploaded',
        fileName: 'f',
        url: 'u',
        size: 1,
        sha256: '',
        whirlpool: '',
        fileCount: 1,
        folderId: 0,
        folderPath: '',
        retention: null,
        durationMs: 0,
        stagesMs: {},
        comparison: '',
        notices: [],
        namePrefix: 'p',
        encrypted: false,
        missing: [],
      }),
    )
    expect(set.sort()).toEqual(Object.keys(action.outputs).sort())
  })
})

describe('INPUT_NAMES', () => {
  it('lists exactly the inputs of action.yml, in its order', async () => {
    const { INPUT_NAMES } = await import('../../../src/core/config.js')
    expect([...INPUT_NAMES]).toEqual(Object.keys(action.inputs))
  })
})
