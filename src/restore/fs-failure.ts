// A file-system condition met while restoring, in one line that names the file, the condition and
// what to do: never "Unexpected failure" for a full disk, a read-only folder or a name too long.
import * as path from 'node:path'
import { BackupError } from '../core/errors.js'
import { escapeControl } from '../core/format.js'

const ADVICE: Record<string, string> = {
  ENOSPC: 'the disk is full: free space there, or restore elsewhere',
  EDQUOT: 'the disk quota is used up: free space, or restore elsewhere',
  EFBIG: 'the file is too large for this file system: restore onto another one',
  EROFS: 'the file system is read-only: restore elsewhere, or mount it writable',
  EACCES: 'permission denied: run as a user who may write there, or restore elsewhere',
  EPERM: 'the operation is not permitted: run as a user who may write there, or restore elsewhere',
  ENAMETOOLONG: 'a name is too long for this file system: restore into a shorter path or onto another file system',
  EINVAL: 'the file system refuses the name: restore onto another file system (e.g. not FAT or exFAT)',
  EILSEQ: 'the file system refuses the name (not valid in its encoding): restore onto another file system',
  EISDIR: 'a folder is there now: the target changed while the restore ran; run it again',
  ENOTDIR: 'a file is there where a folder was planned: the target changed while the restore ran; run it again',
  EEXIST: 'something is there now: the target changed while the restore ran; run it again',
  ENOENT: 'it is gone: the target changed while the restore ran; run it again',
  ELOOP: 'a link is there where a folder was planned: the target changed while the restore ran; run it again',
  EMFILE: 'too many open files: raise the limit (ulimit -n) and run again',
  ENFILE: 'the system has too many open files: run again later',
  EIO: 'the disk reported an I/O error: check the disk',
  EBUSY: 'it is busy (in use or a mount point): restore elsewhere',
  ENOTEMPTY: 'a folder there is not empty: the target changed while the restore ran; run it again',
  EXDEV: 'it lies on another file system: restore into a folder on one file system',
}

/** The error as a one-line restore failure, or undefined when it is no file-system condition. */
export function restoreFailure(error: unknown, target: string, undoNote: string): BackupError | undefined {
  const { code, path: failed } = (error ?? {}) as NodeJS.ErrnoException
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined
  const file = typeof failed === 'string' ? where(failed, target) : `'${escapeControl(target)}'`
  const advice = ADVICE[code] ?? 'a file-system error'
  return new BackupError(`Restoring into ${file} failed (${code}): ${advice}. ${undoNote}`)
}

function where(failed: string, target: string): string {
  const relative = path.relative(target, failed)
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  // Our own staging folder is not a name the user knows: the target is.
  const shown = inside && !relative.startsWith('.1fichier-restore.') ? relative : failed
  return `'${escapeControl(shown)}'`
}
