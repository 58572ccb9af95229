// Process-level concerns shared by both shells: cancellation by signal, the test time scale.
import type { Log } from './log.js'
import { EXIT } from '../core/failure.js'
import { isLoopbackHost } from '../core/config.js'

export interface Cancellation {
  signal: AbortSignal
  /** The signal that cancelled the run, once one did. */
  readonly received: NodeJS.Signals | undefined
  dispose(): void
}

/** Exit codes as Unix tools use them: 128 + the signal's number. */
export function exitCodeFor(signal: NodeJS.Signals | undefined): number {
  return signal === 'SIGTERM' || signal === 'SIGBREAK' ? EXIT.terminated : EXIT.cancelled
}

/** The signals that cancel a run: Windows never sends SIGTERM; its Ctrl+Break is SIGBREAK. */
export function cancelSignals(platform: NodeJS.Platform = process.platform): NodeJS.Signals[] {
  return platform === 'win32' ? ['SIGINT', 'SIGTERM', 'SIGBREAK'] : ['SIGINT', 'SIGTERM']
}

/**
 * The runner cancels with SIGINT, then SIGTERM 7.5 s later. The first signal aborts what is under
 * way (no deletion starts after it); cleanup runs in the run's `finally`.
 */
export function watchCancellation(log: Log): Cancellation {
  const controller = new AbortController()
  let received: NodeJS.Signals | undefined
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return
    received = signal
    log.warning(`Received ${signal}: stopping; nothing will be deleted`)
    controller.abort(new Error(`cancelled by ${signal}`))
  }
  for (const signal of cancelSignals()) process.on(signal, onSignal)
  return {
    signal: controller.signal,
    get received() {
      return received
    },
    dispose() {
      for (const signal of cancelSignals()) process.off(signal, onSignal)
    },
  }
}

/**
 * Tests only: ONEFICHIER_BACKUP_TEST_TIME_SCALE=0.01 makes every wait (pacing, flood pause) 100x
 * shorter. Honoured only for a loopback api-url, so it can never be used to hammer the real service.
 */
export function timeScaleFromEnv(apiUrl: string): number {
  const raw = process.env.ONEFICHIER_BACKUP_TEST_TIME_SCALE
  const value = raw === undefined ? NaN : Number(raw)
  if (!Number.isFinite(value) || value < 0 || value > 1) return 1
  let host: string
  try {
    host = new URL(apiUrl).hostname
  } catch {
    return 1
  }
  return isLoopbackHost(host) ? value : 1
}
