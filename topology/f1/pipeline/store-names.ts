/**
 * @module
 * The stable names of the F1 pipeline's materialized stores: the HTTP API queries them by these
 * names, so they never change with the topology's shape (README.md lists keys and values).
 */

/**
 * Store names, by what they hold.
 *
 * @example
 * ```ts
 * const laps = await driver.getKeyValueStore<string, LapStats>(F1Stores.lapStats)
 * ```
 */
export const F1Stores = {
  /** Windowed (rateWindowMs) per `session:car`: validated and quarantined counts by reason. */
  validationRate: 'f1-validation-rate',
  /** `session:car` -> the car's current lap and sector estimate (from f1.laps). */
  lapPosition: 'f1-lap-position',
  /** `session:car` -> the driver (from f1.drivers). */
  drivers: 'f1-drivers',
  /** `session` -> the session (from f1.sessions). */
  sessions: 'f1-sessions',
  /** `session` -> flag periods of the session (from f1.race-control). */
  raceControl: 'f1-race-control-periods',
  /** Windowed 1 s tumbling per `session:car`: car metrics aggregate. */
  carMetrics1s: 'f1-car-metrics-1s',
  /** `session:car` -> the car's 1 s windows not yet forwarded (internal to the 1 s metrics processor). */
  carMetrics1sPending: 'f1-car-metrics-1s-pending',
  /** Windowed 10 s hopping per `session:car`. */
  carMetrics10s: 'f1-car-metrics-10s',
  /** Sliding window per `session:car`: the dashboard view. */
  carMetricsSliding: 'f1-car-metrics-sliding',
  /** `session:car:lap` -> per-lap stats (gold). */
  lapStats: 'f1-lap-stats',
  /** `session:car` -> the accumulator of the lap in progress (internal to the lap-stats processor). */
  lapAccumulator: 'f1-lap-accumulator',
  /** `session:car` -> laps, best lap, sector bests, anomaly counts (gold). */
  sessionStats: 'f1-session-car-stats',
  /** `session:car` -> anomaly detector state (internal). */
  anomalyState: 'f1-anomaly-state',
  /** `session:car` -> the car's anomalies in the session, by id. */
  anomalies: 'f1-anomalies',
} as const

/** One store name. */
export type F1StoreName = (typeof F1Stores)[keyof typeof F1Stores]
