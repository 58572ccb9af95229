// A bench run (scripts/bench.ts): the zip stage alone on a tree's data/, written by the pipeline
// (chunks read and deflated in parallel, small files on worker threads) or by the sequential writer
// (each piece written as it is queued, everything on this thread), so that the bench shows what the
// pipeline gains on each tree. The compiled code (lib/, built by `npm run build`), as the bundle runs it.
//   node scripts/bench-zip.ts <tree> <out.zip> <level> pipeline|sequential
import * as path from 'node:path'

const [tree, out, level, mode] = process.argv.slice(2)
if (!tree || !out || !level || (mode !== 'pipeline' && mode !== 'sequential'))
  throw new Error('usage: node scripts/bench-zip.ts <tree> <out.zip> <level> pipeline|sequential')
// Plain Node strips types but does not map .js to .ts: the compiled modules are imported.
const lib = path.join(import.meta.dirname, '..', 'lib')
const { openSelection } = (await import(path.join(lib, 'select/select.js'))) as typeof import('../src/select/select.js')
const { writeArchive } = (await import(
  path.join(lib, 'backup/archive.js')
)) as typeof import('../src/backup/archive.js')
process.chdir(tree)
const selection = await openSelection('data/', { workspace: tree, includeHiddenFiles: false, followSymlinks: false })
const result = await writeArchive(selection.entries, out, {
  compressionLevel: Number(level),
  sequential: mode === 'sequential',
})
console.log(`${mode}: ${result.entryCount} entries, ${result.size} bytes`)
