// Entry of the bundled action (dist/index.js). The re-execution comes first, before the rest of the
// bundle is loaded: loading it twice would cost start-up time for nothing.
import { reexecTuned } from './runtime-tuning.js'

reexecTuned()
const { runAction } = await import('./action.js')
await runAction()
