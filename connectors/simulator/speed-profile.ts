/**
 * @module
 * The ideal speed along the lap for one car: the cornering limits joined by full-power acceleration
 * (forward pass) and maximum braking (backward pass), the classic lap-time-simulator method. The car
 * follows this profile scaled by its pace of the moment and limited by the same acceleration and
 * braking envelopes, so braking zones always sit before corners.
 */
import type { Track } from './track.ts'

const G = 9.81

/** What separates one car from another in the physics. */
export interface CarPerformance {
  /** Peak power over mass, W/kg (about 1000 for a modern F1 car with the driver and half fuel). */
  readonly powerToMass: number
  /** Multiplier on lateral grip (1 = reference car). */
  readonly grip: number
  /** Multiplier on braking (1 = reference car). */
  readonly braking: number
  /** Aerodynamic drag coefficient per mass, 1/m (sets the top speed). */
  readonly drag: number
}

/** The reference car: about 335 km/h flat out without DRS. */
export const REFERENCE_CAR: CarPerformance = { powerToMass: 1000, grip: 1, braking: 1, drag: 1000 / 93 ** 3 }

/** Highest forward acceleration (m/s²) at speed `v`: traction-limited, then power-limited, less drag. */
export function accelerationLimit(perf: CarPerformance, v: number, dragFactor = 1): number {
  return Math.min(1.3 * G * perf.grip, perf.powerToMass / Math.max(v, 1)) - perf.drag * dragFactor * v * v
}

/** Highest deceleration (m/s², positive) at speed `v`: mechanical plus aero braking plus drag. */
export function brakingLimit(perf: CarPerformance, v: number): number {
  return G * (2.2 + 0.00042 * v * v) * perf.braking + perf.drag * v * v
}

/** Options of a profile: a speed cap (safety car) and whether DRS lowers drag in the DRS zones. */
export interface ProfileOptions {
  readonly cap?: number
  readonly drs?: boolean
}

/**
 * The speed (m/s) at every metre of the lap for one car.
 *
 * @example
 * ```ts
 * const v = speedProfile(track, REFERENCE_CAR)
 * v[track.speedTrap] * 3.6 // speed-trap speed in km/h
 * ```
 */
export function speedProfile(track: Track, perf: CarPerformance, options: ProfileOptions = {}): Float64Array {
  const n = track.length
  const cap = options.cap ?? Number.POSITIVE_INFINITY
  const limit = new Float64Array(n)
  const dragFactor = new Float64Array(n).fill(1)
  let slowest = 0
  for (let i = 0; i < n; i++) {
    limit[i] = Math.min(cap, track.cornerLimit[i]! * Math.sqrt(perf.grip))
    if (limit[i]! < limit[slowest]!) slowest = i
  }
  if (options.drs) for (const [a, b] of track.drsZones) for (let i = a; i < b; i++) dragFactor[i] = 0.8
  const v = new Float64Array(n + 1)
  // forward: accelerate from the slowest point all the way round
  v[slowest] = limit[slowest]!
  for (let k = 1; k <= n; k++) {
    const prev = (slowest + k - 1) % n
    const i = (slowest + k) % n
    const vp = v[prev]!
    const a = Math.max(0, accelerationLimit(perf, vp, dragFactor[prev]))
    v[i] = Math.min(limit[i]!, Math.sqrt(vp * vp + 2 * a))
  }
  // backward: brake into every limit, again starting from the slowest point
  for (let k = 1; k <= n; k++) {
    const next = (slowest - k + 1 + n) % n
    const i = (slowest - k + n) % n
    const vn = v[next]!
    v[i] = Math.min(v[i]!, Math.sqrt(vn * vn + 2 * brakingLimit(perf, vn)))
  }
  v[n] = v[0]!
  return v
}

/** The lap time (s) of a profile: the sum of 1 m / v. */
export function profileLapTime(profile: Float64Array): number {
  let t = 0
  for (let i = 0; i < profile.length - 1; i++) t += 2 / (profile[i]! + profile[i + 1]!)
  return t
}
