/**
 * @module
 * Where and when anomalies are injected: a seeded plan of (car, lap, distance, duration, details)
 * spread over the field and the race, `perType` of each type. The plan is in lap terms; the exact
 * times are fixed when a car reaches the planned point under green-flag running (see
 * anomaly-injector.ts), and a plan whose car retires or finishes first is dropped.
 */
import type { AnomalyType, CornerName, ErsFaultVariant, OverheatComponent } from './anomaly-types.ts'
import { anomalyTypes } from './anomaly-types.ts'
import type { Rng } from './prng.ts'

/** One planned injection. */
export interface PlannedAnomaly {
  readonly type: AnomalyType
  readonly carIndex: number
  lap: number
  readonly at: number
  readonly durationMs: number
  readonly component?: OverheatComponent
  readonly variant?: ErsFaultVariant
  readonly corner?: CornerName
  readonly channel?: 'position' | 'dynamics' | 'power-unit' | 'tyres' | 'aero'
  readonly field?: string
  /** rpm_drop: the fraction of the true RPM reported. */
  readonly factor?: number
}

const CORNERS: readonly CornerName[] = ['FL', 'FR', 'RL', 'RR']
const DURATIONS: Readonly<Record<string, readonly [number, number]>> = {
  rpm_drop: [1200, 2000],
  overheating: [4000, 8000],
  gear_inconsistency: [1500, 3000],
  tyre_pressure_loss: [6000, 10000],
  deploy_without_store: [2000, 4000],
  store_not_charging: [3000, 5000],
  sensor_dropout: [2500, 6000],
  stuck_sensor: [3000, 6000],
}
const STUCK_FIELDS: readonly (readonly ['power-unit' | 'tyres', string])[] = [
  ['power-unit', 'rpm'],
  ['power-unit', 'waterTemp'],
  ['power-unit', 'oilTemp'],
  ['power-unit', 'engineTemp'],
  ['tyres', 'pressure'],
  ['tyres', 'surfaceTemp'],
  ['tyres', 'brakeTemp'],
]

/**
 * Start points of the full-throttle runs of at least `minLength` metres of a speed profile: where
 * an RPM drop is unambiguous (no braking, no downshift).
 *
 * @example
 * ```ts
 * fullThrottleRuns(profile, 400) // e.g. [1450, 3960, ...]
 * ```
 */
export function fullThrottleRuns(profile: Float64Array, minLength: number): number[] {
  const starts: number[] = []
  let runStart = -1
  for (let i = 1; i < profile.length; i++) {
    const rising = profile[i]! >= profile[i - 1]! - 1e-9 && profile[i]! > 40
    if (rising && runStart < 0) runStart = i
    if (!rising && runStart >= 0) {
      if (i - runStart >= minLength && runStart > 200) starts.push(runStart + 30)
      runStart = -1
    }
  }
  return starts
}

/**
 * Plans `perType` anomalies of every type over `cars` cars and laps 2..totalLaps-1.
 *
 * @example
 * ```ts
 * const plan = planAnomalies(rng.fork('anomalies'), { cars: 20, totalLaps: 55, perType: 3, trackLength, throttleRuns })
 * ```
 */
export function planAnomalies(
  rng: Rng,
  options: { cars: number; totalLaps: number; perType: number; trackLength: number; throttleRuns: readonly number[] },
): PlannedAnomaly[] {
  const plan: PlannedAnomaly[] = []
  if (options.totalLaps < 2 || options.perType <= 0) return plan
  const lastLap = Math.max(2, options.totalLaps - 1)
  let car = rng.int(0, options.cars - 1)
  for (const type of anomalyTypes) {
    for (let n = 0; n < options.perType; n++) {
      car = (car + 1 + rng.int(0, 2)) % options.cars
      const lap = rng.int(2, lastLap)
      const variant: ErsFaultVariant | undefined =
        type === 'ers_fault' ? (n % 2 === 0 ? 'deploy_without_store' : 'store_not_charging') : undefined
      const [lo, hi] = DURATIONS[variant ?? type]!
      const durationMs = Math.round(rng.range(lo, hi) / 10) * 10
      const at =
        type === 'rpm_drop' && options.throttleRuns.length > 0
          ? rng.pick(options.throttleRuns)
          : Math.round(rng.range(0.08, 0.62) * options.trackLength)
      const base = { type, carIndex: car, lap, at, durationMs }
      if (type === 'overheating') {
        const component = (['engine', 'brakes', 'tyres'] as const)[n % 3]!
        plan.push({ ...base, component, ...(component === 'engine' ? {} : { corner: rng.pick(CORNERS) }) })
      } else if (type === 'ers_fault') plan.push({ ...base, variant: variant! })
      else if (type === 'rpm_drop') plan.push({ ...base, factor: rng.range(0.45, 0.62) })
      else if (type === 'tyre_pressure_loss') plan.push({ ...base, corner: rng.pick(CORNERS) })
      else if (type === 'sensor_dropout') {
        plan.push({ ...base, channel: rng.pick(['position', 'dynamics', 'power-unit', 'tyres', 'aero'] as const) })
      } else if (type === 'stuck_sensor') {
        const [channel, field] = STUCK_FIELDS[(n + rng.int(0, STUCK_FIELDS.length - 1)) % STUCK_FIELDS.length]!
        plan.push({ ...base, channel, field, ...(channel === 'tyres' ? { corner: rng.pick(CORNERS) } : {}) })
      } else plan.push(base)
    }
  }
  return plan
}
