// Entry of the standalone executable (build/1fichier-backup-<os>-<arch>, scripts/build-binary.mjs):
// the CLI inside Node's single executable application. Node 24 runs its main script as CommonJS,
// which has no top-level await; the Node it carries is the one it was built with, so no version check.
import { main } from './cli.js'

void main()
