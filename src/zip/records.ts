// The zip format's records, as bytes: local headers, data descriptors, central directory headers
// and the end records, with the extra fields Info-ZIP writes (zip64, the UTC modification time,
// WinZip's AES field). Pure: no I/O. Spec: PKWARE's APPNOTE.TXT 6.3
// (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT).
import type { Entry } from '../core/entry.js'
import { AES_EXTRA_LENGTH, aesExtraField } from './aes.js'

import {
  CENTRAL_HEADER_SIGNATURE,
  DATA_DESCRIPTOR_SIGNATURE,
  END_SIGNATURE,
  FLAG_DATA_DESCRIPTOR,
  EXTENDED_TIMESTAMP_ID,
  LOCAL_HEADER_SIGNATURE,
  MADE_BY_UNIX,
  ZIP64_END_SIGNATURE,
  ZIP64_EXTRA_ID,
  ZIP64_LIMIT,
  ZIP64_LOCATOR_SIGNATURE,
} from './format.js'

const VERSION_MADE_BY = (MADE_BY_UNIX << 8) | 63 // Unix, spec 6.3

/** What the central directory says of an entry; the local header and data descriptor repeat parts of it. */
export interface CentralRecord {
  name: Buffer
  method: number
  flags: number
  dosTime: number
  dosDate: number
  mtime: number
  crc: number
  compressedSize: number
  uncompressedSize: number
  offset: number
  externalAttributes: number
  zip64: boolean
  /** For AES entries: the compression method inside the encryption (the header says 99). */
  aesMethod: number | null
}

/** An entry's name in the zip: its bytes as found when they are not valid UTF-8; a directory ends in `/`. */
export function entryName(item: Entry): Buffer {
  const name = item.raw?.name ?? Buffer.from(item.name)
  return item.kind === 'directory' ? Buffer.concat([name, Buffer.from('/')]) : name
}

/** DOS time (2-second steps, local time, as Info-ZIP writes it); 0 before 1980. */
export function dosTime(date: Date): number {
  if (date.getFullYear() < 1980) return 0
  return (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2)
}

/** DOS date (local); 1980-01-01 before 1980, 2107 at most. */
export function dosDate(date: Date): number {
  const year = date.getFullYear()
  if (year < 1980) return (1 << 5) | 1
  return ((Math.min(year, 2107) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate()
}

/** The modification time in UTC seconds (the extended timestamp field), which DOS time cannot hold. */
export function unixTime(date: Date): number {
  return Math.floor(date.getTime() / 1000)
}

/**
 * The extra fields, in the order Info-ZIP writes them: zip64 (with `zip64Values`, when given), the
 * extended timestamp (0x5455: the modification time in UTC seconds, which DOS time cannot hold)
 * and WinZip's AES field. Written at `at` in `b`; returns where they end.
 */
function writeExtras(b: Buffer, at: number, r: CentralRecord, zip64Values: number[] | null): number {
  if (zip64Values) {
    b.writeUInt16LE(ZIP64_EXTRA_ID, at)
    b.writeUInt16LE(8 * zip64Values.length, at + 2)
    at += 4
    for (const value of zip64Values) at = b.writeBigUInt64LE(BigInt(value), at)
  }
  b.writeUInt16LE(EXTENDED_TIMESTAMP_ID, at)
  b.writeUInt16LE(5, at + 2)
  b.writeUInt8(1, at + 4)
  at = b.writeUInt32LE(Math.max(0, Math.min(r.mtime, ZIP64_LIMIT)), at + 5)
  if (r.aesMethod !== null) at += aesExtraField(r.aesMethod).copy(b, at)
  return at
}

function extrasLength(r: CentralRecord, zip64Values: number[] | null): number {
  return (zip64Values ? 4 + 8 * zip64Values.length : 0) + 9 + (r.aesMethod !== null ? AES_EXTRA_LENGTH : 0)
}

/** 2.0 (deflate), 4.5 (zip64), 5.1 (AES), as Info-ZIP and WinZip write them. */
function versionNeeded(r: CentralRecord, zip64: boolean): number {
  return r.aesMethod !== null ? 51 : zip64 ? 45 : 20
}

// Headers are written whole into one buffer each (a slice of Node's pool): with 100,000 small
// files, a buffer per field and a concat per header were a good part of the garbage.

export function localHeader(r: CentralRecord): Buffer {
  // A zip64 entry's sizes follow in the data descriptor: its local zip64 field holds zeros.
  const zip64Values = r.zip64 ? [0, 0] : null
  const extraLength = extrasLength(r, zip64Values)
  const header = Buffer.allocUnsafe(30 + r.name.length + extraLength)
  header.writeUInt32LE(LOCAL_HEADER_SIGNATURE, 0)
  header.writeUInt16LE(versionNeeded(r, r.zip64), 4)
  header.writeUInt16LE(r.flags, 6)
  header.writeUInt16LE(r.method, 8)
  header.writeUInt16LE(r.dosTime, 10)
  header.writeUInt16LE(r.dosDate, 12)
  const known = !(r.flags & FLAG_DATA_DESCRIPTOR)
  header.writeUInt32LE(known ? r.crc : 0, 14)
  header.writeUInt32LE(r.zip64 ? ZIP64_LIMIT : known ? r.compressedSize : 0, 18)
  header.writeUInt32LE(r.zip64 ? ZIP64_LIMIT : known ? r.uncompressedSize : 0, 22)
  header.writeUInt16LE(r.name.length, 26)
  header.writeUInt16LE(extraLength, 28)
  r.name.copy(header, 30)
  writeExtras(header, 30 + r.name.length, r, zip64Values)
  return header
}

export function dataDescriptor(r: CentralRecord): Buffer {
  const d = Buffer.allocUnsafe(r.zip64 ? 24 : 16)
  d.writeUInt32LE(DATA_DESCRIPTOR_SIGNATURE, 0)
  d.writeUInt32LE(r.crc, 4)
  if (r.zip64) {
    d.writeBigUInt64LE(BigInt(r.compressedSize), 8)
    d.writeBigUInt64LE(BigInt(r.uncompressedSize), 16)
  } else {
    d.writeUInt32LE(r.compressedSize, 8)
    d.writeUInt32LE(r.uncompressedSize, 12)
  }
  return d
}

/** The values that do not fit in 32 bits (or all three, for an entry written as zip64), in the spec's order. */
function centralZip64Values(r: CentralRecord): number[] | null {
  if (!r.zip64 && r.uncompressedSize < ZIP64_LIMIT && r.compressedSize < ZIP64_LIMIT && r.offset < ZIP64_LIMIT)
    return null
  return [r.uncompressedSize, r.compressedSize, r.offset].filter((n) => n >= ZIP64_LIMIT || r.zip64)
}

export function centralHeaderLength(r: CentralRecord): number {
  return 46 + r.name.length + extrasLength(r, centralZip64Values(r))
}

/** Writes the central directory header of `r` at `at` in `h` (which has centralHeaderLength(r) bytes there). */
export function writeCentralHeader(r: CentralRecord, h: Buffer, at: number): void {
  const zip64Values = centralZip64Values(r)
  const big = (n: number) => n >= ZIP64_LIMIT || r.zip64
  h.writeUInt32LE(CENTRAL_HEADER_SIGNATURE, at)
  h.writeUInt16LE(VERSION_MADE_BY, at + 4)
  h.writeUInt16LE(versionNeeded(r, zip64Values !== null), at + 6)
  h.writeUInt16LE(r.flags, at + 8)
  h.writeUInt16LE(r.method, at + 10)
  h.writeUInt16LE(r.dosTime, at + 12)
  h.writeUInt16LE(r.dosDate, at + 14)
  h.writeUInt32LE(r.crc, at + 16)
  h.writeUInt32LE(big(r.compressedSize) ? ZIP64_LIMIT : r.compressedSize, at + 20)
  h.writeUInt32LE(big(r.uncompressedSize) ? ZIP64_LIMIT : r.uncompressedSize, at + 24)
  h.writeUInt16LE(r.name.length, at + 28)
  h.writeUInt16LE(extrasLength(r, zip64Values), at + 30)
  h.writeUInt16LE(0, at + 32) // comment
  h.writeUInt16LE(0, at + 34) // disk
  h.writeUInt16LE(0, at + 36) // internal attributes
  h.writeUInt32LE(r.externalAttributes >>> 0, at + 38)
  h.writeUInt32LE(big(r.offset) ? ZIP64_LIMIT : r.offset, at + 42)
  r.name.copy(h, at + 46)
  writeExtras(h, at + 46 + r.name.length, r, zip64Values)
}

export function endOfCentralDirectory(count: number, cdOffset: number, cdSize: number): Buffer {
  const needZip64 = count >= 0xffff || cdOffset >= ZIP64_LIMIT || cdSize >= ZIP64_LIMIT
  const parts: Buffer[] = []
  if (needZip64) {
    const record = Buffer.alloc(56)
    record.writeUInt32LE(ZIP64_END_SIGNATURE, 0)
    record.writeBigUInt64LE(44n, 4)
    record.writeUInt16LE(VERSION_MADE_BY, 12)
    record.writeUInt16LE(45, 14)
    record.writeUInt32LE(0, 16)
    record.writeUInt32LE(0, 20)
    record.writeBigUInt64LE(BigInt(count), 24)
    record.writeBigUInt64LE(BigInt(count), 32)
    record.writeBigUInt64LE(BigInt(cdSize), 40)
    record.writeBigUInt64LE(BigInt(cdOffset), 48)
    const locator = Buffer.alloc(20)
    locator.writeUInt32LE(ZIP64_LOCATOR_SIGNATURE, 0)
    locator.writeUInt32LE(0, 4)
    locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8)
    locator.writeUInt32LE(1, 16)
    parts.push(record, locator)
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(END_SIGNATURE, 0)
  end.writeUInt16LE(Math.min(count, 0xffff), 8)
  end.writeUInt16LE(Math.min(count, 0xffff), 10)
  end.writeUInt32LE(Math.min(cdSize, ZIP64_LIMIT), 12)
  end.writeUInt32LE(Math.min(cdOffset, ZIP64_LIMIT), 16)
  parts.push(end)
  return Buffer.concat(parts)
}
