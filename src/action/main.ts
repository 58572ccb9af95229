// Entry of the bundled action (dist/index.js). The Node version is checked first, with nothing
// else loaded, so that an older Node prints one line instead of a syntax error.
import { requireNode } from '../platform/node-version.js'

requireNode('1fichier Backup')
const { runAction } = await import('./action.js')
await runAction()
