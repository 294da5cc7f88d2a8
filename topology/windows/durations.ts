/**
 * @module
 * Argument checks shared by the window option objects: durations are whole, finite, non-negative
 * milliseconds, and a bad one is a build-time error naming the factory and the argument.
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/**
 * Checks that `value` is a finite integer number of milliseconds, at least `min`.
 *
 * @example
 * ```ts
 * const size = checkDuration('TimeWindows.ofSizeWithNoGrace', 'size', 10_000, 1)
 * ```
 */
export function checkDuration(where: string, argument: string, value: unknown, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new PitwallError(
      ErrorCodes.TOPOLOGY_INVALID_ARGUMENT,
      `${where}(): ${argument} must be an integer number of milliseconds >= ${min}, got ${String(value)}`,
      { details: { argument, value } },
    )
  }
  return value
}

/**
 * Checks the span and grace of a window factory (`of...AndGrace`, or `of...WithNoGrace` with the
 * grace left out): the span at least `minSpan` ms, the grace at least 0.
 *
 * @example
 * ```ts
 * const [gap, grace] = checkSpanAndGrace('SessionWindows.ofInactivityGapAndGrace', 'inactivityGap', 30_000, 5_000)
 * ```
 */
export function checkSpanAndGrace(
  where: string,
  spanArgument: string,
  spanMs: unknown,
  graceMs: unknown = 0,
  minSpan = 1,
): [spanMs: number, graceMs: number] {
  return [checkDuration(where, spanArgument, spanMs, minSpan), checkDuration(where, 'grace', graceMs)]
}

/**
 * Throws a build-time invalid-argument error.
 *
 * @example
 * ```ts
 * invalidArgument('TimeWindows.advanceBy', 'advance must not exceed the window size')
 * ```
 */
export function invalidArgument(where: string, message: string, details: Record<string, unknown> = {}): never {
  throw new PitwallError(ErrorCodes.TOPOLOGY_INVALID_ARGUMENT, `${where}(): ${message}`, { details })
}
