// The npm package as a user gets it: packed, installed from the tarball into a scratch prefix (no
// registry, no dependencies to pull: the bundles are inside), and its bin run.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/action-process.ts'

function duBytes(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    total += entry.isDirectory() ? duBytes(full) : statSync(full).size
  }
  return total
}

describe('npm package', () => {
  it('packs under 20 MiB, installs from the tarball with nothing else pulled, and its bin runs', () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'pkg-'))
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: REPO_ROOT, encoding: 'utf8' }),
    ) as Array<{ filename: string; size: number; files: Array<{ path: string }> }>
    const tarball = path.join(scratch, packed[0].filename)
    expect(statSync(tarball).size).toBeLessThan(20 * 1024 * 1024)
    const files = packed[0].files.map((f) => f.path)
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'action.yml',
        'dist/index.js',
        'dist/cli/index.js',
        'restore/action.yml',
        'restore/dist/index.js',
      ]),
    )
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('node_modules/'))).toBe(
      false,
    )

    const prefix = path.join(scratch, 'prefix')
    execFileSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], {
      encoding: 'utf8',
    })
    const installed = path.join(prefix, 'lib/node_modules/1fichier-backup')
    expect(readdirSync(path.join(prefix, 'lib/node_modules'))).toEqual(['1fichier-backup'])
    // No runtime dependency came with it: the bundles hold every library.
    expect(existsSync(path.join(installed, 'node_modules'))).toBe(false)
    expect(duBytes(installed)).toBeLessThan(60 * 1024 * 1024)
    // The bin runs on the Node 24 that runs these tests.
    const env = { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, HOME: scratch }
    expect(execFileSync(path.join(prefix, 'bin/1fichier-backup'), ['--version'], { encoding: 'utf8', env })).toMatch(
      /^1fichier-backup \d+\.\d+\.\d+\n$/,
    )
    expect(execFileSync(path.join(prefix, 'bin/1fichier-backup'), ['--help'], { encoding: 'utf8', env })).toContain(
      '1fichier-backup list|restore|check|prune',
    )
    // The per-command help is in the bundle too.
    expect(
      execFileSync(path.join(prefix, 'bin/1fichier-backup'), ['restore', '--help'], { encoding: 'utf8', env }),
    ).toContain('--overwrite')
  }, 120_000)
})
