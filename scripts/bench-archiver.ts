// A bench baseline (scripts/bench.ts): the zip the user's named library, archiver, writes for a tree,
// as its README shows it (`directory()`, then `finalize()`), at the same compression level.
//   node scripts/bench-archiver.ts <tree> <out.zip> <level>
import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { ZipArchive } from 'archiver'

const [tree, out, level] = process.argv.slice(2)
if (!tree || !out || !level) throw new Error('usage: node scripts/bench-archiver.ts <tree> <out.zip> <level>')
const output = createWriteStream(out)
const archive = new ZipArchive({ zlib: { level: Number(level) } })
archive.on('warning', (error: Error) => {
  throw error
})
archive.pipe(output)
archive.directory(tree, false)
await archive.finalize()
await finished(output)
