// Failures of the run that are not 1fichier's: each says what happened and what to do.

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
