/**
 * @module
 * Fixed-size windows aligned to the epoch: tumbling when the advance equals the size, hopping when
 * it is smaller. Windows are half-open [start, end), as in Kafka Streams' TimeWindows.
 */
import type { Window } from '../../stores/api.ts'
import { checkDuration, checkSpanAndGrace, invalidArgument } from './durations.ts'

/**
 * Tumbling or hopping windows with a grace period for out-of-order records.
 *
 * @example
 * ```ts
 * const tumbling = TimeWindows.ofSizeWithNoGrace(10_000)
 * const hopping = TimeWindows.ofSizeAndGrace(10_000, 2_000).advanceBy(1_000)
 * hopping.windowsFor(12_345) // 10 windows, starts 3_000 ... 12_000
 * ```
 */
export class TimeWindows {
  readonly kind = 'time' as const
  readonly sizeMs: number
  readonly advanceMs: number
  readonly graceMs: number

  private constructor(sizeMs: number, advanceMs: number, graceMs: number) {
    this.sizeMs = sizeMs
    this.advanceMs = advanceMs
    this.graceMs = graceMs
    Object.freeze(this)
  }

  /** Tumbling windows of `sizeMs`; records later than the window end are dropped. */
  static ofSizeWithNoGrace(sizeMs: number): TimeWindows {
    const [size, grace] = checkSpanAndGrace('TimeWindows.ofSizeWithNoGrace', 'size', sizeMs)
    return new TimeWindows(size, size, grace)
  }

  /** Tumbling windows of `sizeMs` that accept records up to `graceMs` after the window end. */
  static ofSizeAndGrace(sizeMs: number, graceMs: number): TimeWindows {
    const [size, grace] = checkSpanAndGrace('TimeWindows.ofSizeAndGrace', 'size', sizeMs, graceMs)
    return new TimeWindows(size, size, grace)
  }

  /** Hopping windows: a new window starts every `advanceMs` (0 < advance <= size). */
  advanceBy(advanceMs: number): TimeWindows {
    const advance = checkDuration('TimeWindows.advanceBy', 'advance', advanceMs, 1)
    if (advance > this.sizeMs) {
      invalidArgument('TimeWindows.advanceBy', `advance (${advance}) must not exceed the window size (${this.sizeMs})`)
    }
    return new TimeWindows(this.sizeMs, advance, this.graceMs)
  }

  /** The windows that contain `timestamp`, by start, ascending; no window starts before 0. */
  windowsFor(timestamp: number): Map<number, Window> {
    const windows = new Map<number, Window>()
    let start = Math.floor(Math.max(0, timestamp - this.sizeMs + this.advanceMs) / this.advanceMs) * this.advanceMs
    for (; start <= timestamp; start += this.advanceMs) windows.set(start, { start, end: start + this.sizeMs })
    return windows
  }

  /** How long a window store must keep windows by default: size plus grace. */
  defaultRetentionMs(): number {
    return this.sizeMs + this.graceMs
  }
}
