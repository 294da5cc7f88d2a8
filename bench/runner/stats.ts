/**
 * @module
 * Median, min and max of repeated measurements.
 */

/** A figure measured several times. */
export interface Stats {
  readonly median: number
  readonly min: number
  readonly max: number
  readonly runs: readonly number[]
}

/**
 * Summarises repeated measurements; undefined when there are none.
 *
 * @example
 * ```ts
 * summarize([3, 1, 2]) // { median: 2, min: 1, max: 3, runs: [3, 1, 2] }
 * ```
 */
export function summarize(runs: readonly number[]): Stats | undefined {
  if (runs.length === 0) return undefined
  const sorted = [...runs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs }
}
