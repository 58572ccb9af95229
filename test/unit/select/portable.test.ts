// A backup made on Windows restores sanely elsewhere: modes normalised (files 0644, executables and
// folders 0755, as actions/upload-artifact documents), link targets with `/`. Elsewhere, kept as is.
import { describe, expect, it } from 'vitest'
import { portableLinkTarget, portableMode } from '../../../src/select/portable.js'

describe('modes and link targets from Windows', () => {
  it("libuv's 0666/0444/0777 become 0644, 0755 for programs and folders", () => {
    expect(portableMode('file', 0o100666, 'notes.txt', 'win32')).toBe(0o644)
    expect(portableMode('file', 0o100444, 'read-only.txt', 'win32')).toBe(0o644)
    expect(portableMode('file', 0o100666, 'tools/build.CMD', 'win32')).toBe(0o755)
    expect(portableMode('file', 0o100666, 'app.exe', 'win32')).toBe(0o755)
    expect(portableMode('directory', 0o40777, 'src', 'win32')).toBe(0o755)
    expect(portableMode('symlink', 0o120666, 'link', 'win32')).toBe(0o777)
  })

  it('on Linux and macOS the mode is kept, setuid and all, without the file type bits', () => {
    expect(portableMode('file', 0o104755, 'su', 'linux')).toBe(0o4755)
    expect(portableMode('file', 0o100600, 'key', 'darwin')).toBe(0o600)
    expect(portableMode('directory', 0o40700, 'private', 'linux')).toBe(0o700)
  })

  it('link targets are stored with /', () => {
    expect(portableLinkTarget('..\\shared\\config.yml', 'win32')).toBe('../shared/config.yml')
    // A backslash is a legal character in a Linux file name: kept.
    expect(portableLinkTarget('odd\\name', 'linux')).toBe('odd\\name')
  })
})
