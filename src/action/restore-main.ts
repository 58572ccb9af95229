// Entry of the restore sub-action's bundle (restore/dist/index.js).
import { runRestoreAction } from './restore.js'

await runRestoreAction()
