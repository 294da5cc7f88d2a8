/**
 * @module
 * `KGroupedStream.windowedBy()`: validates the window options and returns the matching windowed
 * handle (time or sliding windows -> TimeWindowedKStream, session windows -> SessionWindowedKStream).
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { SessionWindowedKStream, TimeWindowedKStream } from '../../dsl/windowed-kstream.ts'
import { SessionWindows } from '../../windows/session-windows.ts'
import { SlidingWindows } from '../../windows/sliding-windows.ts'
import { TimeWindows } from '../../windows/time-windows.ts'
import type { KGroupedStreamImpl } from './kgrouped-stream-impl.ts'
import { SessionWindowedKStreamImpl } from './session-windowed-kstream-impl.ts'
import { TimeWindowedKStreamImpl } from './time-windowed-kstream-impl.ts'

/**
 * The windowed handle of a grouped stream.
 *
 * @example
 * ```ts
 * windowedBy(grouped, TimeWindows.ofSizeWithNoGrace(1_000)).count()
 * ```
 */
export function windowedBy<K, V>(
  grouped: KGroupedStreamImpl<K, V>,
  windows: TimeWindows | SlidingWindows | SessionWindows,
): TimeWindowedKStream<K, V> | SessionWindowedKStream<K, V> {
  if (windows instanceof TimeWindows || windows instanceof SlidingWindows)
    return new TimeWindowedKStreamImpl(grouped, windows)
  if (windows instanceof SessionWindows) return new SessionWindowedKStreamImpl(grouped, windows)
  throw new PitwallError(
    ErrorCodes.TOPOLOGY_INVALID_ARGUMENT,
    'windowedBy(): windows must be TimeWindows, SlidingWindows or SessionWindows',
    { details: { argument: 'windows' } },
  )
}
