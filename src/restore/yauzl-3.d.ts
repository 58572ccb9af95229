// What yauzl 3 added to its public API (its README: `readLocalFileHeader`, `fileNameRaw`), which
// @types/yauzl (written for yauzl 2) does not declare yet.
import 'yauzl'

declare module 'yauzl' {
  interface Entry {
    /** The name's bytes as stored (yauzl 3). */
    fileNameRaw: Buffer
  }
  interface LocalFileHeader {
    fileDataStart: number
    versionNeededToExtract: number
    generalPurposeBitFlag: number
    compressionMethod: number
    lastModFileTime: number
    lastModFileDate: number
    crc32: number
    compressedSize: number
    uncompressedSize: number
    fileNameLength: number
    extraFieldLength: number
    fileName: Buffer
    extraField: Buffer
  }
  interface ZipFile {
    readLocalFileHeader(
      entry: Entry,
      options: { minimal?: boolean },
      callback: (error: Error | null, header: LocalFileHeader) => void,
    ): void
  }
}
