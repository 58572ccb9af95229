// The one failure policy: what a failed run says and the exit code it ends with, for the backup
// action, the restore sub-action and every command of the CLI. Crontabs and scripts rely on the codes.
import { InputError, InvalidInputs } from './config.js'
import { ArchivePasswordError, BackupError, NoBackupFoundError, SeriesLockedError, messageOf } from './errors.js'

/** Exit codes a crontab can rely on (the action's step fails on any but 0). */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** The backup is safe, but retention could not do all it planned (restic uses 3 too). */
  retentionIncomplete: 3,
  /** The series or the backup asked for does not exist (restic: 10, no repository). */
  noBackup: 10,
  /** Another run of the same series holds its lock (restic exits 11 when it cannot lock). */
  locked: 11,
  /** The archive password is missing or wrong (restic: 12). */
  wrongPassword: 12,
  /** 128 + SIGINT's number; SIGTERM gives 143. */
  cancelled: 130,
  terminated: 143,
} as const

/** Bad arguments or inputs, found before any request: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export interface Failure {
  /** One line per problem, each naming what was wrong and what to do. */
  lines: string[]
  exitCode: number
  /** Neither the user's input nor a condition the code foresaw: the shell keeps the stack for debugging. */
  unexpected: boolean
  /** What a --json document or an output says: the lines as one. */
  summary: string
}

export interface FailureContext {
  /** Set when the run was cancelled: the line that says what was left as it was, and the signal's code. */
  cancelled?: { line: string; exitCode: number } | undefined
  /** An input's problem in the words of where the user set it (a --flag on the command line). */
  describeInput?: (problem: InputError) => string
}

export function describeFailure(error: unknown, context: FailureContext = {}): Failure {
  if (context.cancelled) return failure([context.cancelled.line], context.cancelled.exitCode)
  const describeInput = context.describeInput ?? ((problem: InputError) => problem.message)
  if (error instanceof InvalidInputs) return failure(error.problems.map(describeInput), EXIT.usage)
  if (error instanceof InputError) return failure([describeInput(error)], EXIT.usage)
  if (error instanceof UsageError) return failure([error.message], EXIT.usage)
  if (error instanceof SeriesLockedError) return failure([error.message], EXIT.locked)
  if (error instanceof NoBackupFoundError) return failure([error.message], EXIT.noBackup)
  if (error instanceof ArchivePasswordError) return failure([error.message], EXIT.wrongPassword)
  if (error instanceof BackupError) return failure([error.message], EXIT.failed)
  return { ...failure([`Unexpected failure: ${messageOf(error)}`], EXIT.failed), unexpected: true }
}

function failure(lines: string[], exitCode: number): Failure {
  return { lines, exitCode, unexpected: false, summary: lines.join(' ') }
}
