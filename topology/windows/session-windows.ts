/**
 * @module
 * Session windows: activity periods of a key separated by at least an inactivity gap. A session is
 * [first record time, last record time], closed on both ends; sessions closer than the gap merge.
 */
import { checkSpanAndGrace } from './durations.ts'

/**
 * Session windows with an inactivity gap and grace.
 *
 * @example
 * ```ts
 * const stints = SessionWindows.ofInactivityGapAndGrace(30_000, 5_000)
 * ```
 */
export class SessionWindows {
  readonly kind = 'session' as const
  readonly inactivityGapMs: number
  readonly graceMs: number

  private constructor(inactivityGapMs: number, graceMs: number) {
    this.inactivityGapMs = inactivityGapMs
    this.graceMs = graceMs
    Object.freeze(this)
  }

  /** Sessions split by `inactivityGapMs` without records, accepting records `graceMs` late. */
  static ofInactivityGapAndGrace(inactivityGapMs: number, graceMs: number): SessionWindows {
    const where = 'SessionWindows.ofInactivityGapAndGrace'
    return new SessionWindows(...checkSpanAndGrace(where, 'inactivityGap', inactivityGapMs, graceMs))
  }

  /** Sessions split by `inactivityGapMs` with no grace. */
  static ofInactivityGapWithNoGrace(inactivityGapMs: number): SessionWindows {
    return new SessionWindows(
      ...checkSpanAndGrace('SessionWindows.ofInactivityGapWithNoGrace', 'inactivityGap', inactivityGapMs),
    )
  }

  /** Session store retention: gap plus grace. */
  defaultRetentionMs(): number {
    return this.inactivityGapMs + this.graceMs
  }
}
