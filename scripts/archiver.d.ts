// The part of archiver 8 that scripts/bench-archiver.ts uses (the package ships no types).
declare module 'archiver' {
  import type { Transform } from 'node:stream'
  export class ZipArchive extends Transform {
    constructor(options?: { zlib?: { level?: number } })
    directory(dirpath: string, destpath: string | false): this
    finalize(): Promise<void>
  }
}
