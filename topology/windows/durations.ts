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
