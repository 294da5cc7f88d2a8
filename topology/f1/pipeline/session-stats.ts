/**
 * @module
 * The gold session table per session and car: laps completed, best lap, sector bests, total time
 * and anomaly counts by type (each anomaly counted once, on its open record).
 */
import type { Anomaly } from './anomalies/anomaly.ts'
import type { LapStats } from './lap-stats.ts'

/** A lap's stats or an anomaly. */
export type SessionEvent =
  | { readonly kind: 'lap'; readonly stats: LapStats }
  | { readonly kind: 'anomaly'; readonly anomaly: Anomaly }

/** One car's session (`f1-session-car-stats`, key `session:car`; topic f1.sessions.stats). */
export interface SessionCarStats {
  readonly sessionKey: string | null
  readonly carNumber: number | null
  readonly laps: number
  readonly lastLap: number | null
  readonly bestLap: { readonly lapNumber: number; readonly lapTimeMs: number } | null
  readonly sectorBestsMs: readonly [number | null, number | null, number | null]
  readonly totalTimeMs: number
  readonly topSpeedKmh: number | null
  readonly anomalies: Readonly<Record<string, number>>
}

/**
 * The empty value.
 *
 * @example
 * ```ts
 * addSessionEvent(emptySessionStats(), { kind: 'lap', stats }).laps // 1
 * ```
 */
export function emptySessionStats(): SessionCarStats {
  return {
    sessionKey: null,
    carNumber: null,
    laps: 0,
    lastLap: null,
    bestLap: null,
    sectorBestsMs: [null, null, null],
    totalTimeMs: 0,
    topSpeedKmh: null,
    anomalies: {},
  }
}

const min = (a: number | null, b: number | null) => (b === null ? a : a === null ? b : Math.min(a, b))

/**
 * Adds a lap or an anomaly.
 *
 * @example
 * ```ts
 * const next = addSessionEvent(current, event)
 * ```
 */
export function addSessionEvent(s: SessionCarStats, e: SessionEvent): SessionCarStats {
  if (e.kind === 'anomaly') {
    const a = e.anomaly
    if (a.status !== 'open') return s
    const anomalies = { ...s.anomalies, [a.type]: (s.anomalies[a.type] ?? 0) + 1 }
    return { ...s, sessionKey: a.sessionKey, carNumber: a.carNumber, anomalies }
  }
  const l = e.stats
  const time = l.lapTimeMs
  const better = time !== null && (s.bestLap === null || time < s.bestLap.lapTimeMs)
  return {
    ...s,
    sessionKey: l.sessionKey,
    carNumber: l.carNumber,
    laps: s.laps + 1,
    lastLap: Math.max(s.lastLap ?? 0, l.lapNumber),
    bestLap: better ? { lapNumber: l.lapNumber, lapTimeMs: time } : s.bestLap,
    sectorBestsMs: [
      min(s.sectorBestsMs[0], l.sectorTimesMs[0]),
      min(s.sectorBestsMs[1], l.sectorTimesMs[1]),
      min(s.sectorBestsMs[2], l.sectorTimesMs[2]),
    ],
    totalTimeMs: s.totalTimeMs + (time ?? 0),
    topSpeedKmh: l.topSpeedKmh === null ? s.topSpeedKmh : Math.max(s.topSpeedKmh ?? 0, l.topSpeedKmh),
  }
}
