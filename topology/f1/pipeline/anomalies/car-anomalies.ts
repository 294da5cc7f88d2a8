/**
 * @module
 * The anomaly table's value: a car's anomalies in a session, latest record per id, with counts per
 * type (an anomaly counts once, whether seen open, closed or both).
 */
import type { Anomaly } from './anomaly.ts'

/** A car's anomalies. */
export interface CarAnomalies {
  readonly counts: Readonly<Record<string, number>>
  /** Latest record per anomaly id, oldest first (at most `MAX_KEPT`). */
  readonly anomalies: readonly Anomaly[]
}

/** How many anomalies the table keeps per car and session (counts keep counting). */
export const MAX_KEPT = 500

/**
 * The empty value.
 *
 * @example
 * ```ts
 * addAnomaly(emptyCarAnomalies(), anomaly).counts.rpm_drop // 1
 * ```
 */
export function emptyCarAnomalies(): CarAnomalies {
  return { counts: {}, anomalies: [] }
}

/**
 * Upserts one anomaly record.
 *
 * @example
 * ```ts
 * const next = addAnomaly(current, anomaly)
 * ```
 */
export function addAnomaly(current: CarAnomalies, a: Anomaly): CarAnomalies {
  const at = current.anomalies.findIndex((x) => x.id === a.id)
  if (at >= 0) {
    const anomalies = current.anomalies.slice()
    anomalies[at] = a
    return { counts: current.counts, anomalies }
  }
  const anomalies = [...current.anomalies, a].slice(-MAX_KEPT)
  return { counts: { ...current.counts, [a.type]: (current.counts[a.type] ?? 0) + 1 }, anomalies }
}
