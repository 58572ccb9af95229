// Zips a test tree with the writer, and checks a zip with Info-ZIP: shared by the zip tests.
import { execFileSync } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { writeArchive } from '../../src/backup/archive.js'
import { selectFiles } from './select.ts'
import { makeWorkspace, type TreeNode } from './workspace.ts'

export async function zipTree(
  tree: Record<string, TreeNode> | string,
  level = 6,
  extra: Partial<Parameters<typeof selectFiles>[1]> = {},
) {
  const workspace = typeof tree === 'string' ? tree : await makeWorkspace(tree)
  const selection = await selectFiles(path.join(workspace, 'data'), {
    includeHiddenFiles: false,
    followSymlinks: false,
    workspace,
    ...extra,
  })
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'zip-')), 'out.zip')
  const result = await writeArchive(selection.entries, out, { compressionLevel: level })
  return { out, result, selection }
}

export function unzipTest(file: string): string {
  return execFileSync('unzip', ['-t', '-q', file], { encoding: 'utf8', maxBuffer: 1 << 26 })
}
