// Every test's temporary files under one folder of this run (TMPDIR, which os.tmpdir() and the
// processes the tests start read), removed when the run ends: a test that fails, or a process
// killed on purpose, leaves nothing behind in the machine's /tmp.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

/** Points TMPDIR at a new folder; returns what removes it. */
export function useTempRoot(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), '1fichier-backup-tests-'))
  // Readable by all: some tests hand a folder in it to another user (nobody), who must reach it.
  chmodSync(root, 0o755)
  process.env.TMPDIR = root
  return () => rmSync(root, { recursive: true, force: true })
}
