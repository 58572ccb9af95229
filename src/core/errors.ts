// Failures of the run that are not 1fichier's: each says what happened and what to do.

/** What went wrong, in words, whatever was thrown (an Error, or anything else). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Whatever was thrown, as an Error (a rejection or a rethrow must be one). */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

/**
 * What went wrong without the advice that follows it, for a line that goes on to say what happens
 * next: an error's own headline when it has one (1fichier's failures), else its message.
 */
export function headlineOf(error: unknown): string {
  const headline = (error as { headline?: unknown } | null)?.headline
  return typeof headline === 'string' ? headline : messageOf(error)
}

/** A failure whose message is the whole story for the user: printed as one line, no stack trace. */
export class BackupError extends Error {
  override name = 'BackupError'
}

/** Nothing matched `path` and if-no-files-found is `error`. */
export class NoFilesError extends BackupError {
  override name = 'NoFilesError'
}

/** The uploaded copy is not what was sent, or not where it was sent. */
export class VerificationError extends BackupError {
  override name = 'VerificationError'
}

/** The folder the zip is written in, and the setting that chooses it (RUNNER_TEMP, TMPDIR). */
export interface TempFolder {
  path: string
  setting: string
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG'])
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS'])

/**
 * A failure of the disk the zip is written on, in one line that names the folder and what to do;
 * undefined for any other error. Never "Unexpected failure" for a full disk or a missing folder.
 */
export function diskFailure(
  error: unknown,
  temp: TempFolder,
  doing: string,
  /** What the failure left, said last. */
  left = 'Nothing was uploaded or deleted.',
): BackupError | undefined {
  const { code, path: failedPath } = (error ?? {}) as NodeJS.ErrnoException
  if (code === undefined) return undefined
  // An error of a file outside the folder (one being backed up) is not the folder's.
  if (typeof failedPath === 'string' && !failedPath.startsWith(temp.path)) return undefined
  const where = `'${temp.path}'`
  const elsewhere = `or set ${temp.setting} to a folder on a disk with room`
  if (DISK_FULL.has(code))
    return new BackupError(
      `${doing} in ${where} failed: the disk is full (${code}). Free space there, ${elsewhere}. ${left}`,
    )
  if (NOT_WRITABLE.has(code))
    return new BackupError(
      `${doing} in ${where} failed: the folder is not writable (${code}). Make it writable, ${elsewhere}. ${left}`,
    )
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new BackupError(
      `${doing} in ${where} failed: the folder does not exist (${code}). Create it, or set ${temp.setting} to a ` +
        `folder that exists. ${left}`,
    )
  if (code === 'EIO')
    return new BackupError(
      `${doing} in ${where} failed: the disk reported an I/O error (EIO). Check the disk, ${elsewhere}. ${left}`,
    )
  return undefined
}

/** The series (its folder) or the chosen backup does not exist: exit code 10 (restic's "no repository"). */
export class NoBackupFoundError extends BackupError {
  override name = 'NoBackupFoundError'
}

/** The archive password is missing or does not open the backup: exit code 12 (restic's "wrong password"). */
export class ArchivePasswordError extends BackupError {
  override name = 'ArchivePasswordError'
}

/** Another run of the same series holds its lock: this one changed nothing (exit code 11, as restic). */
export class SeriesLockedError extends BackupError {
  override name = 'SeriesLockedError'
}
