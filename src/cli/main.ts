#!/usr/bin/env node
// Entry of the command line (dist/cli/index.js, the package's `1fichier-backup` bin): the Node
// version first, with nothing else loaded, then the CLI itself.
import { requireNode } from '../platform/node-version.js'

requireNode('1fichier-backup')
const { main } = await import('./cli.js')
await main()
