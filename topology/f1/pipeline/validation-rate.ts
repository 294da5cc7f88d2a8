/**
 * @module
 * The validation failure rate: per car and window, how many raw records were read, how many
 * became clean and how many were quarantined, by reason.
 */
import type { RawCheck } from './raw-check.ts'

/** Counts of one window. */
export interface ValidationCounts {
  readonly total: number
  readonly clean: number
  readonly quarantined: number
  readonly byReason: Readonly<Record<string, number>>
}

/**
 * The empty counts.
 *
 * @example
 * ```ts
 * addCheck(emptyCounts(), { ok: false, reason: 'MALFORMED', field: '(root)', message: '' }).quarantined // 1
 * ```
 */
export function emptyCounts(): ValidationCounts {
  return { total: 0, clean: 0, quarantined: 0, byReason: {} }
}

/**
 * Adds one outcome.
 *
 * @example
 * ```ts
 * addCheck(emptyCounts(), check).total // 1
 * ```
 */
export function addCheck(counts: ValidationCounts, check: RawCheck): ValidationCounts {
  if (check.ok) return { ...counts, total: counts.total + 1, clean: counts.clean + 1 }
  const reason = check.reason.toLowerCase()
  return {
    total: counts.total + 1,
    clean: counts.clean,
    quarantined: counts.quarantined + 1,
    byReason: { ...counts.byReason, [reason]: (counts.byReason[reason] ?? 0) + 1 },
  }
}

/**
 * The failure rate of a window (0 when empty).
 *
 * @example
 * ```ts
 * failureRate({ total: 4, clean: 3, quarantined: 1, byReason: { malformed: 1 } }) // 0.25
 * ```
 */
export function failureRate(counts: ValidationCounts): number {
  return counts.total === 0 ? 0 : counts.quarantined / counts.total
}
