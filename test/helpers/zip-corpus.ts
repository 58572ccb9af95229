// The corpus of odd and hostile zips (yauzl's test/failure/ is the model): each one named for what it
// is, made byte by byte by zip-craft.ts, with what `restore` and `check` must do with it. The files
// in test/fixtures/zips/ are this list written out (scripts/make-zip-corpus.ts); a test fails when
// they differ, so the list is the one owner of what each zip holds and means.
import { type CraftEntry, type CraftOptions, craftZip } from './zip-craft.ts'

/** What must happen: restored (with the files it must give), or refused with a message matching `message`. */
export type Outcome =
  | { outcome: 'restored'; files: Record<string, string> }
  | { outcome: 'unsafe' | 'unsupported' | 'corrupt'; message: RegExp }

export interface CorpusZip {
  name: string
  why: string
  entries: CraftEntry[]
  options?: CraftOptions
  /** On this machine's file system (Linux: case- and form-sensitive). */
  expect: Outcome
  /** Where the target folds case (macOS, Windows): the plan's own rule, run with foldCase. */
  foldingCase?: Outcome
  /** Where the target folds Unicode forms (macOS): the plan's own rule, run with foldUnicode. */
  foldingUnicode?: Outcome
  /** On Windows: the plan's rule run with platform win32. */
  onWindows?: Outcome
}

const file = (name: string | Buffer, data = name.toString(), more: Partial<CraftEntry> = {}): CraftEntry => ({
  name,
  data,
  ...more,
})
const link = (name: string, target: string): CraftEntry => ({ name, data: target, kind: 'link' })
const dir = (name: string): CraftEntry => ({ name, kind: 'dir' })
const restored = (files: Record<string, string>): Outcome => ({ outcome: 'restored', files })
const unsafe = (message: RegExp): Outcome => ({ outcome: 'unsafe', message })

/** Info-ZIP's Unicode path extra field (0x7075): version 1, the CRC-32 of the plain name, the UTF-8 name. */
function unicodePath(plainName: string, utf8Name: string): Buffer {
  const name = Buffer.from(utf8Name, 'utf8')
  const field = Buffer.alloc(4 + 5 + name.length)
  field.writeUInt16LE(0x7075, 0)
  field.writeUInt16LE(5 + name.length, 2)
  field.writeUInt8(1, 4)
  field.writeUInt32LE(crc32Of(Buffer.from(plainName, 'latin1')), 5)
  name.copy(field, 9)
  return field
}

function crc32Of(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

/** WinZip's AES extra field (0x9901): AE-2, vendor "AE", the key strength, the inner method. */
function aesField(strength: 1 | 2 | 3, innerMethod: number): Buffer {
  const field = Buffer.alloc(11)
  field.writeUInt16LE(0x9901, 0)
  field.writeUInt16LE(7, 2)
  field.writeUInt16LE(2, 4)
  field.write('AE', 6, 'latin1')
  field.writeUInt8(strength, 8)
  field.writeUInt16LE(innerMethod, 9)
  return field
}

// Fixed bytes, so the corpus is the same on every run (a seeded stand-in for random data).
const pseudoRandom = (length: number, seed: number) => {
  const out = Buffer.alloc(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    out[i] = x >>> 24
  }
  return out
}

export const CORPUS: CorpusZip[] = [
  {
    name: 'link-then-file-of-the-same-name',
    why: 'a link x to outside, then a file x: writing the file would write through the link',
    entries: [link('x', '../outside/victim.txt'), file('x', 'pwned', { mode: 0o4755 })],
    expect: unsafe(/'x' is both a link and a file/),
  },
  {
    name: 'link-then-folder-of-the-same-name',
    why: 'a link d to outside, then a folder d: its mode would be set on the outside folder',
    entries: [link('d', '../outside'), dir('d/')],
    expect: unsafe(/'d' is both a link and a folder/),
  },
  {
    name: 'file-under-a-link',
    why: 'a link l to outside, then l/evil.txt',
    entries: [link('l', '../outside'), file('l/evil.txt', 'pwned')],
    expect: unsafe(/'l\/evil.txt' lies under 'l', a link entry/),
  },
  {
    name: 'same-name-twice',
    why: 'the same file name twice: which one wins is not clear',
    entries: [file('a.txt', 'first'), file('a.txt', 'second')],
    expect: unsafe(/'a.txt' appears twice/),
  },
  {
    name: 'same-name-after-normalising',
    why: "'./a.txt' and 'a//b.txt' against 'a.txt' and 'a/b.txt'",
    entries: [file('a/b.txt', 'one'), file('a//b.txt', 'two')],
    expect: unsafe(/appears twice/),
  },
  {
    name: 'dot-slash-prefix',
    why: "names starting with './', as some tools write them: read as the same names without it",
    entries: [dir('./docs/'), file('./docs/a.txt', 'alpha'), file('./b.txt', 'beta')],
    expect: restored({ 'docs/a.txt': 'alpha', 'b.txt': 'beta' }),
  },
  {
    name: 'folder-twice',
    why: 'the same folder twice is harmless, as 7-Zip and unzip take it',
    entries: [dir('d/'), dir('d/'), file('d/f.txt', 'f')],
    expect: restored({ 'd/f.txt': 'f' }),
  },
  {
    name: 'file-and-folder-of-one-name',
    why: "a file 'x' and a file 'x/y': a file and a folder share a name",
    entries: [file('x', 'file'), file('x/y', 'under')],
    expect: unsafe(/'x\/y' lies under 'x', a file entry/),
  },
  {
    name: 'names-differing-in-case',
    why: "'README' and 'readme': two files on Linux, one on macOS and Windows",
    entries: [file('README', 'upper'), file('readme', 'lower')],
    expect: restored({ README: 'upper', readme: 'lower' }),
    foldingCase: unsafe(/would be one name on the target's file system/),
  },
  {
    name: 'names-differing-in-unicode-form',
    why: "'café' in NFC and in NFD: two files on Linux, one on macOS",
    entries: [file('caf\u00e9', 'composed'), file('cafe\u0301', 'decomposed')],
    expect: restored({ 'caf\u00e9': 'composed', 'cafe\u0301': 'decomposed' }),
    foldingUnicode: unsafe(/would be one name on the target's file system/),
  },
  {
    name: 'absolute-name',
    why: 'an absolute name',
    entries: [file('/tmp/evil.txt', 'pwned')],
    expect: unsafe(/is an absolute path/),
  },
  {
    name: 'drive-letter-name',
    why: "a Windows drive letter ('a:b' alone is a legal Linux name, refused on Windows)",
    entries: [file('C:/evil.txt', 'pwned')],
    expect: unsafe(/is an absolute path/),
  },
  {
    name: 'name-going-up',
    why: "'..' after a folder: lands beside the target",
    entries: [file('a/../../outside/evil.txt', 'pwned')],
    expect: unsafe(/goes up with '..'/),
  },
  {
    name: 'nul-in-name',
    why: 'a NUL byte in a name (C tools would cut it there)',
    entries: [file(Buffer.from('a\0.txt', 'latin1'), 'x')],
    expect: unsafe(/has a NUL byte in its name/),
  },
  {
    name: 'control-characters-in-name',
    why: 'an escape sequence in a name: shown escaped in every message, never sent to the terminal',
    entries: [file('\u001b[31mred', 'x'), file('\u001b[31mred', 'y')],
    expect: unsafe(/'\\x1b\[31mred' appears twice/),
  },
  {
    name: 'staging-name',
    why: 'an entry taking the staging folder name a restore keeps inside its target',
    entries: [file('.1fichier-restore.1-abc/journal', 'x')],
    expect: unsafe(/reserves for its staging folder/),
  },
  {
    name: 'backslash-in-a-linux-name',
    why: "'back\\slash.txt', a legal Linux name: restored on Linux, refused only on Windows",
    entries: [file('back\\slash.txt', 'slash')],
    expect: restored({ 'back\\slash.txt': 'slash' }),
    onWindows: unsafe(/'\\' in its name, which Windows does not allow/),
  },
  {
    name: 'windows-device-name',
    why: "'CON.txt' and 'a:b': legal on Linux, impossible on Windows",
    entries: [file('CON.txt', 'con'), file('a:b', 'colon')],
    expect: restored({ 'CON.txt': 'con', 'a:b': 'colon' }),
    onWindows: unsafe(/'CON.txt' is named 'CON.txt', a device name on Windows/),
  },
  {
    name: 'unicode-path-field',
    why: "Info-ZIP's Unicode path field (0x7075) over a non-UTF-8 name: the field's name is the name",
    entries: [
      {
        name: Buffer.from('caf\x82.txt', 'latin1'),
        data: 'coffee',
        flags: 0,
        extra: unicodePath('caf\x82.txt', 'café.txt'),
      },
    ],
    expect: restored({ 'café.txt': 'coffee' }),
  },
  {
    name: 'local-name-differs',
    why: 'the local header names another file than the central directory',
    entries: [file('good.txt', 'x', { local: { name: 'evil.txt' } })],
    expect: unsafe(/local header/),
  },
  {
    name: 'local-method-differs',
    why: 'the local header gives another method than the central directory',
    entries: [file('a.txt', 'hello hello hello', { method: 8, local: { method: 0 } })],
    expect: unsafe(/local header/),
  },
  {
    name: 'records-share-one-local-entry',
    why: 'two central records pointing at one local entry (a zip bomb shape, and two names for one data)',
    entries: [file('a.txt', 'shared'), file('b.txt', 'other')],
    options: { shareLocal: [[1, 0]] },
    expect: unsafe(/local header|share|overlap/),
  },
  {
    name: 'end-record-hides-entries',
    why: 'the end record counts one entry where the central directory holds two',
    entries: [file('shown.txt', 'shown'), file('hidden.txt', 'hidden')],
    options: { endCount: 1 },
    expect: unsafe(/end record|central directory/),
  },
  {
    name: 'aes-inner-method-lies',
    why: 'an AES entry whose inner method says stored, with sizes that cannot be stored data',
    entries: [
      {
        name: 'secret.txt',
        method: 99,
        flags: 1,
        raw: pseudoRandom(16 + 2 + 40 + 10, 7),
        uncompressedSize: 100,
        crc: 0,
        extra: aesField(3, 0),
      },
    ],
    expect: unsafe(/AES-encrypted, but its inner method \(0\) and sizes/),
  },
  {
    name: 'bzip2-method',
    why: 'bzip2 (method 12): not read here; the message names a tool that reads it',
    entries: [file('a.txt', 'x', { method: 12 })],
    expect: { outcome: 'unsupported', message: /bzip2 compression \(method 12\).*7-Zip \(7z x\)/ },
  },
  {
    name: 'lzma-method',
    why: 'LZMA (method 14)',
    entries: [file('a.txt', 'x', { method: 14 })],
    expect: { outcome: 'unsupported', message: /LZMA.*7-Zip/ },
  },
  {
    name: 'zipcrypto',
    why: "PKWARE's traditional encryption (ZipCrypto): weak, and not read here",
    // A ZipCrypto entry's data starts with its 12-byte encryption header.
    entries: [file('a.txt', 'x', { flags: 1, raw: pseudoRandom(13, 3), crc: 0 })],
    expect: { outcome: 'unsupported', message: /ZipCrypto/ },
  },
  {
    name: 'bad-crc',
    why: 'data that does not match its CRC-32: nothing of it may stay in the target',
    entries: [file('first.txt', 'fine'), file('second.txt', 'damaged', { crc: 0x12345678 })],
    expect: { outcome: 'corrupt', message: /'second.txt' fails its CRC-32 check/ },
  },
  {
    name: 'special-bits',
    why: 'setuid, setgid and sticky bits: dropped unless --keep-special-bits',
    entries: [file('tool', '#!/bin/sh\n', { mode: 0o6755 }), dir('shared/'), file('shared/x', 'x')],
    expect: restored({ tool: '#!/bin/sh\n', 'shared/x': 'x' }),
  },
  {
    name: 'made-on-dos',
    why: 'no Unix modes (made by MS-DOS): files get 0644',
    entries: [file('a.txt', 'dos', { madeBy: 0 })],
    expect: restored({ 'a.txt': 'dos' }),
  },
]

export function corpusZip(entry: CorpusZip): Buffer {
  return craftZip(entry.entries, entry.options)
}
