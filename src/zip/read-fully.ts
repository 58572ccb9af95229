// A positioned read that fills the whole buffer (readSync may return fewer bytes than asked).
import { readSync } from 'node:fs'

/** Fills `into` from `position` in `fd`; false when the file ends first. */
export function readFully(fd: number, into: Buffer, position: number): boolean {
  for (let filled = 0; filled < into.length;) {
    const n = readSync(fd, into, filled, into.length - filled, position + filled)
    if (n === 0) return false
    filled += n
  }
  return true
}
