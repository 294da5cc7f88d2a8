/**
 * @module
 * Sliding windows as in Kafka Streams: a window exists for every distinct set of records that fall
 * within `timeDifferenceMs` of each other. Windows are closed on both ends, [start, start + diff].
 */
import { checkSpanAndGrace } from './durations.ts'

/**
 * Sliding windows of a maximum time difference between records, with grace.
 *
 * @example
 * ```ts
 * const lastTenSeconds = SlidingWindows.ofTimeDifferenceAndGrace(10_000, 1_000)
 * ```
 */
export class SlidingWindows {
  readonly kind = 'sliding' as const
  readonly timeDifferenceMs: number
  readonly graceMs: number

  private constructor(timeDifferenceMs: number, graceMs: number) {
    this.timeDifferenceMs = timeDifferenceMs
    this.graceMs = graceMs
    Object.freeze(this)
  }

  /** Windows of `timeDifferenceMs` (inclusive on both ends) accepting records `graceMs` late. */
  static ofTimeDifferenceAndGrace(timeDifferenceMs: number, graceMs: number): SlidingWindows {
    const where = 'SlidingWindows.ofTimeDifferenceAndGrace'
    return new SlidingWindows(...checkSpanAndGrace(where, 'timeDifference', timeDifferenceMs, graceMs))
  }

  /** Windows of `timeDifferenceMs` with no grace. */
  static ofTimeDifferenceWithNoGrace(timeDifferenceMs: number): SlidingWindows {
    const where = 'SlidingWindows.ofTimeDifferenceWithNoGrace'
    return new SlidingWindows(...checkSpanAndGrace(where, 'timeDifference', timeDifferenceMs))
  }

  /** Window store retention: the processor looks back two time differences, plus grace. */
  defaultRetentionMs(): number {
    return 2 * this.timeDifferenceMs + this.graceMs
  }
}
