// A failure crosses from the archive worker to the main thread as a plain record, and comes back as
// the error class the failure policy (core/failure.ts) knows: its exit code and words stay the same
// as when the work ran in the main thread.
import { ArchivePasswordError, BackupError, asError } from '../core/errors.js'
import { CorruptArchiveError, UnsafeArchiveError, UnsupportedArchiveError } from './zip-reader.js'

export interface SerializedFailure {
  /** The most specific class below that the error was, or null for any other error. */
  family: keyof typeof FAMILIES | null
  name: string
  message: string
  stack: string | undefined
  code: string | undefined
}

// Most specific first: the first class the error is an instance of names its family.
const FAMILIES = {
  UnsafeArchiveError,
  CorruptArchiveError,
  UnsupportedArchiveError,
  ArchivePasswordError,
  BackupError,
}

export function serializeFailure(error: unknown): SerializedFailure {
  const err = asError(error)
  const family = (Object.keys(FAMILIES) as Array<keyof typeof FAMILIES>).find((k) => err instanceof FAMILIES[k])
  const code = (err as { code?: unknown }).code
  return {
    family: family ?? null,
    name: err.name,
    message: err.message,
    stack: err.stack,
    code: typeof code === 'string' ? code : undefined,
  }
}

export function rebuildFailure(failure: SerializedFailure): Error {
  const error = failure.family
    ? new FAMILIES[failure.family](failure.message)
    : Object.assign(new Error(failure.message), { name: failure.name })
  if (failure.code !== undefined) Object.assign(error, { code: failure.code })
  error.stack = failure.stack
  return error
}
