/**
 * @module
 * The detectors' state of one car (JSON, kept in the `f1-anomaly-state` store): the last dynamics
 * sample, per-channel last-seen times, the sustained-condition runs and open anomalies by subject,
 * and the stuck-sensor trackers.
 */

/** A condition that has held since `start` (last seen holding at `last`). */
export interface Run {
  start: number
  last: number
  /** Up to a few distinct values seen (an RPM drop keeps moving; a stuck sensor does not). */
  distinct: number[]
  evidence: Record<string, number>
  /** ERS store-not-charging: the store when the run began. */
  base?: number
}

/** An anomaly that opened and has not been closed yet. */
export interface OpenAnomaly {
  id: string
  start: number
  end: number
  lap: number | null
  evidence: Record<string, number>
  detail?: string
}

/** The state of one condition subject (e.g. `tyre_pressure_loss|FL`). */
export interface Subject {
  run?: Run
  open?: OpenAnomaly
}

/** The state of one car. */
export interface CarState {
  sessionKey: string
  carNumber: number
  lap: number | null
  /** Latest sample time of any channel. */
  lastAny: number
  lastSeen: Record<string, number>
  dynamics?: { t: number; speed: number; gear: number; brake: number }
  subjects: Record<string, Subject>
  stuck: Record<string, { value: number; since: number }>
}

/**
 * A fresh state.
 *
 * @example
 * ```ts
 * newCarState('sim-1', 44)
 * ```
 */
export function newCarState(sessionKey: string, carNumber: number): CarState {
  return { sessionKey, carNumber, lap: null, lastAny: -1, lastSeen: {}, subjects: {}, stuck: {} }
}
