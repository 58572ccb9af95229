// The one retry rule for every call to 1fichier (rclone's `shouldRetry`, in one place): a failed try
// is tried again only when `classify` made it retryable (or the caller widens that, as the download
// does for a refused token), at most `attempts` tries in all. What differs between calls is a hook:
// `settle` looks whether a failed try did its work anyway (the upload's end.pl probe, mkdir's listing
// again: mutations are sent once per try and settled by looking, never blindly sent twice);
// `beforeRetry` prepares the next try (the pacer's pause, a new token, the resume offset) and says so.
import { OneFichierError, isRetryable } from './errors.js'

export interface RetryOptions<T> {
  /** Tries in all, the first one included. */
  attempts: number
  signal?: AbortSignal | undefined
  /** Whether a failure may be tried again; by default what `classify` calls retryable (and a lock). */
  retryable?: (error: OneFichierError) => boolean
  /**
   * After any failed try, before the budget is looked at: whether the try did its work anyway. A
   * value found is the result; undefined goes on.
   */
  settle?: (error: OneFichierError, attempt: number) => Promise<T | undefined>
  /** Before try `attempt + 1` of `attempts`: waits, logs, prepares. */
  beforeRetry?: (error: OneFichierError, attempt: number) => Promise<void> | void
  /** The error thrown when no try is left or the failure is final; by default the error, with its count. */
  giveUp?: (error: OneFichierError, attempt: number) => Error
}

/** Runs `attempt` (given its number, from 1) until it succeeds, is settled, or the rule says stop. */
export async function retry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions<T>): Promise<T> {
  const retryable = options.retryable ?? ((error) => isRetryable(error.kind))
  const giveUp = options.giveUp ?? ((error, n) => error.afterAttempts(n))
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (error) {
      options.signal?.throwIfAborted()
      if (!(error instanceof OneFichierError)) throw error
      const settled = await options.settle?.(error, n)
      if (settled !== undefined) return settled
      if (!retryable(error) || n >= options.attempts) throw giveUp(error, n)
      await options.beforeRetry?.(error, n)
    }
  }
}
