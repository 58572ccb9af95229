// Entry of the restore sub-action's bundle (restore/dist/index.js).
import { runRestoreAction } from './action.js'

await runRestoreAction()
