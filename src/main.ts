// Entry of the bundled action (dist/index.js).
import { runAction } from './action.js'

await runAction()
