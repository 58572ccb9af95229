// rclone's pacer for 1fichier (lib/pacer, backend/fichier): calls at least `minSleep` apart; after a
// retryable error the gap jumps to `maxSleep` (attack constant 0), after each success it shrinks by a
// quarter (decay constant 2) back to the floor. The only place that knows how fast 1fichier may be called.

export interface PacerOptions {
  minSleepMs: number
  maxSleepMs: number
  /** Scales every wait; 1 in production. Tests shrink time with it. */
  timeScale: number
  now?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

export const ONEFICHIER_PACING = { minSleepMs: 400, maxSleepMs: 5_000 } as const

/** Why the signal was aborted, as an Error (AbortSignal allows any reason). */
function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason
  return reason instanceof Error ? reason : new Error(typeof reason === 'string' ? reason : 'aborted')
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve()
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal))
      return
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortReason(signal))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

export class Pacer {
  private gapMs: number
  private nextAllowed = 0
  /** No call before this time (a lock, Retry-After), even one whose turn was given out before. */
  private heldUntil = 0
  /** When the last call was let go, and when the last answer (or failure) came (-Infinity: none yet). */
  private lastSent = -Infinity
  private lastSettled = -Infinity
  private readonly lastOf = new Map<string, number>()
  private readonly now: () => number
  private readonly doSleep: (ms: number, signal?: AbortSignal) => Promise<void>

  constructor(private readonly options: PacerOptions) {
    this.gapMs = options.minSleepMs
    this.now = options.now ?? Date.now
    this.doSleep = options.sleep ?? sleep
  }

  /** The current gap between calls, unscaled. */
  get currentGapMs(): number {
    return this.gapMs
  }

  /**
   * Waits for this call's turn; turns are handed out in order, one gap apart, and each call also
   * goes out at least a gap after the one that really went before it and after the last answer:
   * 1fichier counts arrivals, and on a busy machine a timer that fires late, or a first call slowed
   * by its TLS handshake, would otherwise bring two arrivals closer than the gap.
   */
  async wait(signal?: AbortSignal): Promise<void> {
    const now = this.now()
    const start = Math.max(now, this.nextAllowed)
    this.nextAllowed = start + this.gapMs * this.options.timeScale
    await this.doSleep(start - now, signal)
    // A lock answered meanwhile holds this turn too: no call of any kind goes out until it is over.
    for (;;) {
      const gap = this.gapMs * this.options.timeScale
      const wait = Math.max(this.heldUntil, this.lastSent + gap, this.lastSettled + gap) - this.now()
      if (wait <= 0) break
      await this.doSleep(wait, signal)
    }
    this.lastSent = this.now()
    this.nextAllowed = Math.max(this.nextAllowed, this.lastSent + this.gapMs * this.options.timeScale)
  }

  /** Waits an extra pause (flood lock, Retry-After), scaled like every other wait. */
  async pause(ms: number, signal?: AbortSignal): Promise<void> {
    const scaled = ms * this.options.timeScale
    this.holdOff(ms)
    await this.doSleep(scaled, signal)
  }

  /**
   * How long a call of this kind must still wait: `intervalMs` (scaled) after the last one, made
   * by this process or (`since`) by another one.
   */
  spacedWaitMs(key: string, intervalMs: number, since?: number): number {
    const last = Math.max(this.lastOf.get(key) ?? -Infinity, since ?? -Infinity)
    return Math.max(0, last + intervalMs * this.options.timeScale - this.now())
  }

  /** When this process last made a call of this kind (undefined: never). */
  lastSpacedAt(key: string): number | undefined {
    return this.lastOf.get(key)
  }

  /**
   * Waits until `intervalMs` has passed since the last call of the same kind (1fichier allows one
   * listing per folder per 30 s), then takes a turn as usual.
   */
  async waitSpaced(key: string, intervalMs: number, signal?: AbortSignal, since?: number): Promise<void> {
    const spaced = this.spacedWaitMs(key, intervalMs, since)
    if (spaced > 0) await this.doSleep(spaced, signal)
    await this.wait(signal)
    this.lastOf.set(key, this.now())
  }

  /** No call before `ms` from now (a lock, Retry-After), without waiting here. */
  holdOff(ms: number): void {
    if (ms <= 0) return
    const until = this.now() + ms * this.options.timeScale
    this.heldUntil = Math.max(this.heldUntil, until)
    this.nextAllowed = Math.max(this.nextAllowed, until)
  }

  /** A call's answer (or failure) has come: the next call keeps a gap after it. */
  settled(): void {
    this.lastSettled = this.now()
  }

  success(): void {
    this.gapMs = Math.max(this.options.minSleepMs, (this.gapMs * 3) / 4)
  }

  failure(): void {
    this.gapMs = this.options.maxSleepMs
  }
}
