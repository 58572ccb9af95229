// A zip's names need not be UTF-8 (a Linux file name is bytes), so restore carries them as bytes:
// as one-byte strings, a character per byte (latin1), because 100,000 strings weigh 50 MB less than
// 100,000 Buffers and compare, split and key a Map as strings do.

/** A name's bytes, a character per byte; `/`-separated. */
export type RawName = string

/** The name's bytes, for the file system (which takes a Buffer path as the bytes it holds). */
export const bytesOf = (name: RawName): Buffer => Buffer.from(name, 'latin1')

/** The name's text, decoded as UTF-8 (as the file system shows it). */
export const textOf = (name: RawName): string => bytesOf(name).toString('utf8')
