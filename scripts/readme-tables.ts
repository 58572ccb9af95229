// Writes the README's inputs and outputs tables from action.yml (`npm run docs`), so the two
// cannot drift; test/unit/docs/readme.test.ts fails when the README was not regenerated.
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

export function renderTables(actionYml: string): { inputs: string; outputs: string } {
  const action = parse(actionYml) as ActionYaml
  const inputs = ['| input | required | default | description |', '|---|---|---|---|']
  for (const [name, spec] of Object.entries(action.inputs)) {
    const def = spec.default === undefined || spec.default === '' ? '' : `\`${spec.default}\``
    inputs.push(`| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${def} | ${cell(spec.description)} |`)
  }
  const outputs = ['| output | description |', '|---|---|']
  for (const [name, spec] of Object.entries(action.outputs)) outputs.push(`| \`${name}\` | ${cell(spec.description)} |`)
  return { inputs: inputs.join('\n'), outputs: outputs.join('\n') }
}

export function renderReadme(readme: string, actionYml: string): string {
  const tables = renderTables(actionYml)
  let out = readme
  for (const [name, table] of Object.entries(tables)) {
    const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`)
    if (!pattern.test(out)) throw new Error(`README.md has no <!-- ${name}:start --> ... <!-- ${name}:end --> markers`)
    out = out.replace(pattern, (_m, start: string, end: string) => `${start}\n${table}\n${end}`)
  }
  return out
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = path.join(root, 'README.md')
  const updated = renderReadme(readFileSync(readmePath, 'utf8'), readFileSync(path.join(root, 'action.yml'), 'utf8'))
  writeFileSync(readmePath, updated)
  console.log('README.md tables regenerated from action.yml')
}
