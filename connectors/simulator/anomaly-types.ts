/**
 * @module
 * The anomaly types the simulator injects, the ground-truth record written for each one, and the
 * detection thresholds that separate each injected signature from normal driving (the simulator's
 * normal driving never crosses them; every injection does, for its whole window). README.md
 * explains each signature.
 */

/** The injected anomaly types (overheating carries a `component`, ERS faults a `variant`). */
export const anomalyTypes = [
  'rpm_drop',
  'overheating',
  'gear_inconsistency',
  'tyre_pressure_loss',
  'ers_fault',
  'sensor_dropout',
  'stuck_sensor',
] as const
/** One anomaly type. */
export type AnomalyType = (typeof anomalyTypes)[number]

/** What overheated. */
export type OverheatComponent = 'engine' | 'brakes' | 'tyres'
/** Which ERS fault. */
export type ErsFaultVariant = 'deploy_without_store' | 'store_not_charging'
/** A wheel position. */
export type CornerName = 'FL' | 'FR' | 'RL' | 'RR'

/**
 * One injected anomaly: which car, what, when (epoch ms, both ends inclusive: every sample of the
 * car with `start <= timestamp <= end` is affected; for a dropout, none is emitted), and the
 * evidence a detector should find.
 */
export interface GroundTruthAnomaly {
  readonly id: string
  readonly sessionKey: string
  readonly carNumber: number
  /** The record key of the car, `${sessionKey}:${carNumber}`. */
  readonly key: string
  readonly type: AnomalyType
  readonly start: number
  readonly end: number
  readonly lap: number
  /** overheating: engine, brakes or tyres. */
  readonly component?: OverheatComponent
  /** ers_fault: which fault. */
  readonly variant?: ErsFaultVariant
  /** The channel affected (sensor_dropout, stuck_sensor; otherwise the channel carrying the evidence). */
  readonly channel: string
  /** The fields carrying the evidence, e.g. `['rpm']`, `['FL.pressure']`. */
  readonly fields: readonly string[]
  readonly corner?: CornerName
  /** The rule a detector with the {@link detectionThresholds} should see hold. */
  readonly expect: string
  /** Values seen in the emitted data during the window (extremes, the frozen value, the gap). */
  readonly observed: Record<string, number>
}

/**
 * Thresholds that separate injected anomalies from normal driving in this simulator's data; a
 * detector configured with them reaches the required precision and recall. Durations in ms.
 */
export const detectionThresholds = {
  rpmDrop: { maxRatioToExpected: 0.75, maxBrake: 0.05, minDurationMs: 300 },
  overheating: {
    engine: { waterTemp: 120, oilTemp: 135, engineTemp: 145 },
    brakeTemp: 1150,
    tyreSurfaceTemp: 130,
    minDurationMs: 2000,
  },
  gearInconsistency: { bandLow: 0.85, bandHigh: 1.03, minSpeedKmh: 40, minDurationMs: 500 },
  tyrePressureLoss: { minPressurePsi: 17, maxDropBelowOthersPsi: 3, minDurationMs: 1000 },
  ersFault: {
    deployWithoutStore: { maxStoreJ: 200_000, minDeployKw: 20, minDurationMs: 500 },
    storeNotCharging: { minHarvestKw: 50, maxStoreGainJ: 20_000, minDurationMs: 1500 },
  },
  sensorDropout: { maxGapMs: 1000 },
  stuckSensor: {
    minDurationMs: 1500,
    fields: {
      'power-unit': ['rpm', 'waterTemp', 'oilTemp', 'engineTemp'],
      tyres: ['pressure', 'surfaceTemp', 'brakeTemp'],
    },
  },
} as const
