// Entry of the bundled action (dist/index.js). The Node version is checked first, with nothing
// else loaded; then the re-execution, before the rest of the bundle is loaded (loading it twice
// would cost start-up time for nothing).
import { requireNode } from './node-version.js'

requireNode('1fichier Backup')
const { reexecTuned } = await import('./runtime-tuning.js')
reexecTuned()
const { runAction } = await import('./action.js')
await runAction()
