// The zip format's vocabulary, in one place for the writer, the read-back, the restore reader and
// AES: record signatures and lengths, general purpose flags, extra field ids, and the Unix mode
// bits a "made by Unix" entry carries. Spec: PKWARE's APPNOTE.TXT 6.3
// (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT), WinZip's AES notes for 0x9901.

/** Record signatures. */
export const LOCAL_HEADER_SIGNATURE = 0x04034b50
export const DATA_DESCRIPTOR_SIGNATURE = 0x08074b50
export const CENTRAL_HEADER_SIGNATURE = 0x02014b50
export const END_SIGNATURE = 0x06054b50
export const ZIP64_END_SIGNATURE = 0x06064b50
export const ZIP64_LOCATOR_SIGNATURE = 0x07064b50

/** Fixed lengths of the records, before their variable parts. */
export const LOCAL_HEADER_LENGTH = 30
export const CENTRAL_HEADER_LENGTH = 46
export const END_LENGTH = 22
export const ZIP64_LOCATOR_LENGTH = 20

/** A 32-bit field at this value means "see the zip64 extra field". */
export const ZIP64_LIMIT = 0xffffffff

/** General purpose bit flags. */
export const FLAG_ENCRYPTED = 0x0001
export const FLAG_DATA_DESCRIPTOR = 0x0008
export const FLAG_STRONG_ENCRYPTION = 0x0040
export const FLAG_UTF8 = 0x0800

/** Extra field ids. */
export const ZIP64_EXTRA_ID = 0x0001
export const EXTENDED_TIMESTAMP_ID = 0x5455
export const UNICODE_PATH_ID = 0x7075
export const AES_EXTRA_ID = 0x9901

/** Compression methods (AES names the real one in its extra field). */
export const METHOD_STORED = 0
export const METHOD_DEFLATED = 8
export const AES_METHOD = 99

/** "Version made by" systems whose external attributes hold Unix modes. */
export const MADE_BY_UNIX = 3
export const MADE_BY_OSX = 19
/** The DOS attribute of a folder, in the low byte of the external attributes. */
export const DOS_DIRECTORY = 0x10

/** Unix file types in a mode. */
export const S_IFMT = 0o170000
export const S_IFREG = 0o100000
export const S_IFDIR = 0o040000
export const S_IFLNK = 0o120000
