/**
 * @module
 * A detected anomaly as written to f1.telemetry.anomalies and kept in the anomaly table: type,
 * severity, car, session, lap, start and end, the evidence values and whether it is still open.
 * An anomaly is emitted when it opens and again, with the same id, when it closes; consumers keep
 * the latest record per id.
 */

/** The anomaly types (the simulator's ground-truth types). */
export const F1AnomalyTypes = [
  'rpm_drop',
  'overheating',
  'gear_inconsistency',
  'tyre_pressure_loss',
  'ers_fault',
  'sensor_dropout',
  'stuck_sensor',
] as const
/** One anomaly type. */
export type F1AnomalyType = (typeof F1AnomalyTypes)[number]

/**
 * One anomaly.
 *
 * @example
 * ```ts
 * const a: Anomaly = { id: 'sim-1:44|tyre_pressure_loss|FL|1751810400000', type: 'tyre_pressure_loss', ... }
 * ```
 */
export interface Anomaly {
  /** `${session}:${car}|${type}|${subject}|${start}`: stable across the open and closed records. */
  readonly id: string
  readonly type: F1AnomalyType
  readonly severity: string
  readonly sessionKey: string
  readonly carNumber: number
  readonly lap: number | null
  /** Epoch ms of the first and last sample showing the anomaly (a dropout: the silent interval). */
  readonly start: number
  readonly end: number
  readonly status: 'open' | 'closed'
  /** What is affected: a channel, `FL`, `engine`, `brakes.FL`, `tyres.FL.pressure`... */
  readonly subject: string
  /** overheating: engine, brakes or tyres; ers_fault: the variant. */
  readonly detail?: string
  /** The values that crossed the thresholds (extremes seen during the anomaly). */
  readonly evidence: Readonly<Record<string, number>>
}
