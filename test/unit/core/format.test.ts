// The few words every message shares: a folder, a count, a name with control characters.
import { describe, expect, it } from 'vitest'
import { count, escapeControl, showFolder } from '../../../src/core/format.js'

describe('format', () => {
  it("shows a folder quoted, the account's root as '/', from its segments or its path", () => {
    expect(showFolder([])).toBe("'/'")
    expect(showFolder('')).toBe("'/'")
    expect(showFolder(['backups', 'nightly'])).toBe("'backups/nightly'")
    expect(showFolder('backups/nightly')).toBe("'backups/nightly'")
    expect(showFolder(['evil\nname'])).toBe("'evil\\x0aname'")
  })

  it('counts with the right noun', () => {
    expect(count(1, 'file')).toBe('1 file')
    expect(count(2, 'file')).toBe('2 files')
    expect(count(3, 'entry', 'entries')).toBe('3 entries')
  })

  it('escapes control characters only', () => {
    expect(escapeControl('plain name.txt')).toBe('plain name.txt')
    expect(escapeControl('a\u001b[31mb')).toBe('a\\x1b[31mb')
  })
})
