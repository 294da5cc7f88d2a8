/**
 * @module
 * The time bounds of a stream-stream join: a record of the left stream at time t joins right
 * records in [t - before, t + after]. Grace says how long to wait for late records before the
 * window closes and left/outer joins emit their unmatched records.
 */
import { checkSpanAndGrace, invalidArgument } from './durations.ts'

/**
 * Join windows, symmetric by default; `before`/`after` make them asymmetric.
 *
 * @example
 * ```ts
 * const w = JoinWindows.ofTimeDifferenceAndGrace(5_000, 1_000) // [t - 5 s, t + 5 s], 1 s grace
 * const onlyLater = JoinWindows.ofTimeDifferenceWithNoGrace(5_000).before(0) // [t, t + 5 s]
 * ```
 */
export class JoinWindows {
  readonly kind = 'join' as const
  readonly beforeMs: number
  readonly afterMs: number
  readonly graceMs: number

  private constructor(beforeMs: number, afterMs: number, graceMs: number) {
    if (beforeMs + afterMs < 0) {
      invalidArgument('JoinWindows', `window size (before + after = ${beforeMs + afterMs}) must not be negative`)
    }
    this.beforeMs = beforeMs
    this.afterMs = afterMs
    this.graceMs = graceMs
    Object.freeze(this)
  }

  /** Records join when their timestamps differ by at most `timeDifferenceMs`; late records wait `graceMs`. */
  static ofTimeDifferenceAndGrace(timeDifferenceMs: number, graceMs: number): JoinWindows {
    const where = 'JoinWindows.ofTimeDifferenceAndGrace'
    const [diff, grace] = checkSpanAndGrace(where, 'timeDifference', timeDifferenceMs, graceMs, 0)
    return new JoinWindows(diff, diff, grace)
  }

  /** Records join when their timestamps differ by at most `timeDifferenceMs`; no grace. */
  static ofTimeDifferenceWithNoGrace(timeDifferenceMs: number): JoinWindows {
    const where = 'JoinWindows.ofTimeDifferenceWithNoGrace'
    const [diff, grace] = checkSpanAndGrace(where, 'timeDifference', timeDifferenceMs, 0, 0)
    return new JoinWindows(diff, diff, grace)
  }

  /** How far before a left record's time a right record may be (may be negative, as in Kafka). */
  before(timeDifferenceMs: number): JoinWindows {
    if (!Number.isSafeInteger(timeDifferenceMs))
      invalidArgument('JoinWindows.before', 'timeDifference must be an integer')
    return new JoinWindows(timeDifferenceMs, this.afterMs, this.graceMs)
  }

  /** How far after a left record's time a right record may be (may be negative, as in Kafka). */
  after(timeDifferenceMs: number): JoinWindows {
    if (!Number.isSafeInteger(timeDifferenceMs))
      invalidArgument('JoinWindows.after', 'timeDifference must be an integer')
    return new JoinWindows(this.beforeMs, timeDifferenceMs, this.graceMs)
  }

  /** before + after: the size of the window stores that buffer each side. */
  sizeMs(): number {
    return this.beforeMs + this.afterMs
  }

  /** Window store retention: size plus grace. */
  retentionMs(): number {
    return this.sizeMs() + this.graceMs
  }
}
