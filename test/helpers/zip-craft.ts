// Zips byte by byte, for shapes no honest writer makes: hostile names, links and files sharing a
// name, local headers that disagree with the central directory, records sharing one local entry,
// an end record that hides entries, unknown methods. Written from PKWARE's APPNOTE, not from src/.
import { crc32, deflateRawSync } from 'node:zlib'

export interface CraftEntry {
  name: string | Buffer
  /** The content (a link's target for kind 'link'). */
  data?: string | Buffer
  kind?: 'file' | 'dir' | 'link'
  /** Permission bits; the file type bits come from `kind`. */
  mode?: number
  /** 0 stored (default) or 8 deflated; any other number is written as is, with the data stored. */
  method?: number
  flags?: number
  /** Extra fields for both headers. */
  extra?: Buffer
  /** Modification time, as an extended timestamp (0x5455) and DOS time. */
  mtime?: Date
  /** 3 Unix (default), 0 MS-DOS. */
  madeBy?: number
  /** What the local header says instead. */
  local?: { name?: string | Buffer; method?: number; crc?: number }
  /** Stored bytes as they are (no compression), e.g. for an AES entry. */
  raw?: Buffer
  crc?: number
  uncompressedSize?: number
}

export interface CraftOptions {
  /** The count the end record gives (default: all central records). */
  endCount?: number
  /** Central records that point at another entry's local header: [record index, the one it copies]. */
  shareLocal?: Array<[number, number]>
}

const TYPE = { file: 0o100000, dir: 0o040000, link: 0o120000 }

function extendedTime(date: Date): Buffer {
  const b = Buffer.alloc(9)
  b.writeUInt16LE(0x5455, 0)
  b.writeUInt16LE(5, 2)
  b.writeUInt8(1, 4)
  b.writeInt32LE(Math.floor(date.getTime() / 1000), 5)
  return b
}

function dos(when: Date): { time: number; date: number } {
  // DOS times start in 1980: earlier ones are written as 1980-01-01, as Info-ZIP does.
  const date = when.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : when
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getDate(),
  }
}

export function craftZip(entries: CraftEntry[], options: CraftOptions = {}): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  const offsets: number[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.isBuffer(entry.name) ? entry.name : Buffer.from(entry.name, 'utf8')
    const plain = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '', 'utf8')
    const method = entry.method ?? 0
    const stored = entry.raw ?? (method === 8 ? deflateRawSync(plain) : plain)
    const crc = entry.crc ?? crc32(plain) >>> 0
    const size = entry.uncompressedSize ?? plain.length
    const when = entry.mtime ?? new Date('2026-01-02T03:04:05Z')
    const extra = Buffer.concat([extendedTime(when), entry.extra ?? Buffer.alloc(0)])
    const flags = (entry.flags ?? 0) | 0x800
    const { time, date } = dos(when)
    const localName = entry.local?.name === undefined ? name : Buffer.from(entry.local.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(entry.local?.method ?? method, 8)
    local.writeUInt16LE(time, 10)
    local.writeUInt16LE(date, 12)
    local.writeUInt32LE(entry.local?.crc ?? crc, 14)
    local.writeUInt32LE(stored.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(localName.length, 26)
    local.writeUInt16LE(extra.length, 28)
    offsets.push(offset)
    parts.push(local, localName, extra, stored)
    offset += local.length + localName.length + extra.length + stored.length

    const kind = entry.kind ?? 'file'
    const mode = entry.mode ?? (kind === 'dir' ? 0o755 : kind === 'link' ? 0o777 : 0o644)
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(((entry.madeBy ?? 3) << 8) | 63, 4)
    record.writeUInt16LE(20, 6)
    record.writeUInt16LE(flags, 8)
    record.writeUInt16LE(method, 10)
    record.writeUInt16LE(time, 12)
    record.writeUInt16LE(date, 14)
    record.writeUInt32LE(crc, 16)
    record.writeUInt32LE(stored.length, 20)
    record.writeUInt32LE(size, 24)
    record.writeUInt16LE(name.length, 28)
    record.writeUInt16LE(extra.length, 30)
    record.writeUInt32LE((entry.madeBy ?? 3) === 3 ? ((TYPE[kind] | mode) << 16) >>> 0 : kind === 'dir' ? 0x10 : 0, 38)
    central.push(Buffer.concat([record, name, extra]))
  }
  for (const [index, record] of central.entries()) record.writeUInt32LE(offsets[index], 42)
  for (const [index, copies] of options.shareLocal ?? []) {
    // The record points at another entry's local header, with that entry's CRC and sizes, as an attacker would.
    central[copies].copy(central[index], 16, 16, 28)
    central[index].writeUInt32LE(offsets[copies], 42)
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(options.endCount ?? central.length, 8)
  end.writeUInt16LE(options.endCount ?? central.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, directory, end])
}
