// Builds test workspaces and reads back what the stand-in received.
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmod, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { REPO_ROOT } from './action-process.ts'

export type TreeNode =
  | { kind: 'file'; content: string | Buffer; mode?: number }
  | { kind: 'directory'; mode?: number }
  | { kind: 'symlink'; target: string }

/** Writes `tree` (path -> node) under a new temporary workspace; returns its path. */
export async function makeWorkspace(tree: Record<string, TreeNode>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'ws-'))
  for (const [relative, node] of Object.entries(tree)) {
    const full = path.join(root, relative)
    await mkdir(path.dirname(full), { recursive: true })
    if (node.kind === 'file') {
      await writeFile(full, node.content)
      await chmod(full, node.mode ?? 0o644)
    } else if (node.kind === 'directory') {
      await mkdir(full, { recursive: true })
      await chmod(full, node.mode ?? 0o755)
    } else {
      await symlink(node.target, full)
    }
  }
  return root
}

export interface ZipEntry {
  name: string
  kind: 'file' | 'directory' | 'symlink'
  mode: number
  sha256?: string
  size?: number
  target?: string
  compress_type: number
}

/** The zip's entries as Python's zipfile reads them, sorted by name; fails on a CRC error. */
export function inspectZip(file: string): ZipEntry[] {
  const out = execFileSync('python3', [path.join(REPO_ROOT, 'test/helpers/zip-inspect.py'), file], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
  const parsed = JSON.parse(out) as { bad: string | null; entries: ZipEntry[] }
  if (parsed.bad) throw new Error(`zip member ${parsed.bad} fails its CRC check`)
  return parsed.entries.sort((a, b) => (a.name < b.name ? -1 : 1))
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Whirlpool by OpenSSL's legacy provider: a second implementation to check ours against. */
export function opensslWhirlpool(file: string): string {
  const out = execFileSync(
    'openssl',
    ['dgst', '-provider', 'legacy', '-provider', 'default', '-whirlpool', '-r', file],
    { encoding: 'utf8' },
  )
  return out.split(' ')[0].trim()
}

export function randomKey(): string {
  return randomBytes(24).toString('base64url')
}

/** Backup name for a date, as the spec writes it. */
export function stampName(prefix: string, iso: string, label = ''): string {
  const stamp = new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')
  return `${prefix}-${stamp}${label ? `-${label}` : ''}.zip`
}

/** Debian's 7-Zip (`7zz`, package 7zip), or p7zip's `7z`: an AES zip reader independent of ours. */
export function sevenZip(): string {
  for (const candidate of ['7zz', '7z']) {
    try {
      execFileSync(candidate, ['i'], { stdio: 'ignore' })
      return candidate
    } catch {
      // try the next
    }
  }
  throw new Error('7-Zip is not installed (apt-get install 7zip); .ci/run installs it')
}

/** Extracts `zip` with 7-Zip and the password into a new directory; throws with 7-Zip's output on failure. */
export function extractWith7zip(zip: string, password: string): string {
  const dest = mkdtempSync(path.join(tmpdir(), '7z-out-'))
  try {
    execFileSync(sevenZip(), ['x', `-p${password}`, `-o${dest}`, '-y', '-snl', zip], {
      encoding: 'utf8',
      stdio: 'pipe',
    })
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string }
    throw new Error(`7-Zip failed: ${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: error })
  }
  return dest
}

/** A directory tree in inspectZip's shape (sorted by name), to compare an extraction with a zip or a workspace. */
export function readTree(root: string, relative = ''): Omit<ZipEntry, 'compress_type'>[] {
  const entries: Omit<ZipEntry, 'compress_type'>[] = []
  for (const name of readdirSync(path.join(root, relative))) {
    const rel = relative ? `${relative}/${name}` : name
    const full = path.join(root, rel)
    const stats = lstatSync(full)
    const mode = stats.mode & 0o7777
    if (stats.isSymbolicLink()) entries.push({ name: rel, kind: 'symlink', mode: 0o777, target: readlinkSync(full) })
    else if (stats.isDirectory()) {
      entries.push({ name: rel, kind: 'directory', mode })
      entries.push(...readTree(root, rel))
    } else {
      const data = readFileSync(full)
      entries.push({ name: rel, kind: 'file', mode, sha256: sha256(data), size: data.length })
    }
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : 1))
}
