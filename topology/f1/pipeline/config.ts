/**
 * @module
 * The F1 pipeline's configuration: every threshold, window size and store option in one object
 * with documented defaults. `parseF1Config()` validates a partial override (unknown keys rejected)
 * and deep-merges it over {@link defaultF1Config}. The anomaly thresholds default to the values that
 * separate the simulator's injected anomalies from its normal driving (connectors/simulator
 * anomaly-types.ts) and are meant to be tuned per car and source.
 */
import { z } from 'zod'
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'

/** Severity of a detected anomaly. */
export type Severity = 'info' | 'warning' | 'critical'

/**
 * Every default. Durations in ms, speeds km/h, temperatures °C, pressures psi, energy J, power kW.
 *
 * @example
 * ```ts
 * defaultF1Config.anomalies.tyrePressureLoss.minPressurePsi // 17
 * ```
 */
export const defaultF1Config = {
  validation: {
    /** Raw records larger than this are quarantined unread (reason PAYLOAD_TOO_LARGE). */
    maxRawBytes: 64 * 1024,
    /** Tumbling window of the validation-rate table. */
    rateWindowMs: 10_000,
  },
  metrics: {
    tumblingMs: 1_000,
    hoppingSizeMs: 10_000,
    hoppingAdvanceMs: 1_000,
    /** Grace of the metric windows: suppressed results are final once stream time passes end + grace. */
    graceMs: 0,
    /** Time difference of the sliding-window dashboard view. */
    slidingMs: 5_000,
  },
  laps: {
    /** Race control messages kept per session to flag laps (older ones are dropped). */
    maxRaceControlMessages: 500,
  },
  lapStats: {
    /** Throttle at or above this fraction counts as full throttle. */
    fullThrottle: 0.98,
    /** Brake above this fraction counts as braking. */
    braking: 0.05,
  },
  anomalies: {
    /** Anomalies of the same car, type and subject less than this apart are one anomaly. */
    mergeGapMs: 2_000,
    /** The car's gearing: top speed of each gear at `referenceRpm` (index 0 = neutral). */
    gearTopSpeedsKmh: [0, 95, 135, 170, 205, 240, 275, 310, 350],
    referenceRpm: 12_000,
    rpmDrop: { maxRatioToExpected: 0.75, maxBrake: 0.05, minSpeedKmh: 40, maxDynamicsAgeMs: 100, minDurationMs: 300 },
    overheating: {
      engine: { waterTemp: 120, oilTemp: 135, engineTemp: 145 },
      brakeTemp: 1150,
      tyreSurfaceTemp: 130,
      minDurationMs: 2_000,
    },
    gearInconsistency: { bandLow: 0.85, bandHigh: 1.03, minSpeedKmh: 40, minDurationMs: 500 },
    tyrePressureLoss: { minPressurePsi: 17, maxDropBelowOthersPsi: 3, minDurationMs: 1_000 },
    ersFault: {
      deployWithoutStore: { maxStoreJ: 200_000, minDeployKw: 20, minDurationMs: 500 },
      storeNotCharging: { minHarvestKw: 50, maxStoreGainJ: 20_000, minDurationMs: 1_500 },
    },
    sensorDropout: {
      maxGapMs: 1_000,
      /** How often (stream time) the dropout punctuator looks for silent channels. */
      checkIntervalMs: 250,
      /** Wall-clock check for live sessions (0 disables it). */
      wallClockCheckMs: 1_000,
      channels: ['position', 'dynamics', 'power-unit', 'tyres', 'aero'],
    },
    stuckSensor: {
      minDurationMs: 1_500,
      powerUnitFields: ['rpm', 'waterTemp', 'oilTemp', 'engineTemp'],
      tyreFields: ['pressure', 'surfaceTemp', 'brakeTemp'],
    },
    severity: {
      rpm_drop: 'warning',
      overheating: 'critical',
      gear_inconsistency: 'warning',
      tyre_pressure_loss: 'critical',
      ers_fault: 'warning',
      sensor_dropout: 'info',
      stuck_sensor: 'info',
    } as Record<string, Severity>,
  },
  topics: {
    /** Partitions of session-keyed topics (f1.race-control, f1.sessions): the laps-by-session repartition matches it. */
    sessionPartitions: 1,
  },
  stores: {
    /** `'leveldb'` (persistent, default) or `'memory'` (tests, benchmarks). */
    type: 'leveldb' as 'leveldb' | 'memory',
  },
}

/** The full configuration. */
export type F1Config = typeof defaultF1Config

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [P in keyof T]?: DeepPartial<T[P]> } : T
/** A partial override of {@link F1Config}. */
export type F1ConfigInput = DeepPartial<F1Config>

function strictShapeOf(value: unknown): z.ZodType {
  if (Array.isArray(value)) return z.array(z.string()).or(z.array(z.number()))
  if (typeof value === 'number') return z.number().finite().min(0)
  if (typeof value === 'string') return z.string()
  const entries = Object.entries(value as object).map(([k, v]) => [k, strictShapeOf(v).optional()] as const)
  return z.strictObject(Object.fromEntries(entries))
}

const inputSchema = strictShapeOf(defaultF1Config)

function merge<T>(base: T, over: unknown): T {
  if (over === undefined) return base
  if (Array.isArray(base) || typeof base !== 'object' || base === null) return over as T
  const out: Record<string, unknown> = { ...(base as object) }
  for (const [k, v] of Object.entries(over as object)) out[k] = merge((base as Record<string, unknown>)[k], v)
  return out as T
}

/**
 * Validates an override and merges it over the defaults.
 *
 * @example
 * ```ts
 * const config = parseF1Config({ anomalies: { sensorDropout: { maxGapMs: 1500 } } })
 * ```
 */
export function parseF1Config(input: F1ConfigInput = {}): F1Config {
  const parsed = inputSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const code = issue.code === 'unrecognized_keys' ? ErrorCodes.CONFIG_UNKNOWN_KEY : ErrorCodes.CONFIG_INVALID
    throw new PitwallError(code, `f1 config: ${issue.path.join('.') || '(root)'}: ${issue.message}`, {
      details: { issues: parsed.error.issues },
    })
  }
  return merge(defaultF1Config, input)
}
