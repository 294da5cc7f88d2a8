/**
 * @module
 * The record-level semantics of T1 and T2 as pure functions: validation with a reason, the clean
 * mapping, the window aggregate and the rpm-drop rule. The kafkajs baseline, the Pitwall
 * topologies and the expected-output computation all call these, so they can only differ in how
 * they move records, never in what they compute.
 */
import { REFERENCE } from './reference.ts'

/** A valid sample, as T1 writes it to the clean topic. */
export interface CleanSample {
  car: number
  ts: number
  speedKmh: number
  rpm: number
  gear: number
}

/** The outcome of validating one raw input value. */
export type Validation = { ok: true; clean: CleanSample } | { ok: false; reason: string }

const NUMBER_FIELDS = ['ts', 'speed', 'rpm', 'throttle', 'brake', 'engineTemp'] as const

/**
 * Parses and validates one raw input value (bench/README.md, T1).
 *
 * @example
 * ```ts
 * validate(Buffer.from('{"car":1}')) // { ok: false, reason: 'missing-field:session' }
 * ```
 */
export function validate(raw: Uint8Array | null | undefined): Validation {
  if (raw === null || raw === undefined || raw.length === 0) return { ok: false, reason: 'empty-value' }
  if (raw.length > REFERENCE.maxValueBytes) return { ok: false, reason: 'oversized' }
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.length).toString('utf8'))
  } catch {
    return { ok: false, reason: 'unparseable-json' }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, reason: 'not-an-object' }
  const s = parsed as Record<string, unknown>
  for (const field of ['session', 'car', 'gear', ...NUMBER_FIELDS]) {
    if (s[field] === undefined || s[field] === null) return { ok: false, reason: `missing-field:${field}` }
  }
  if (typeof s.session !== 'string') return { ok: false, reason: 'invalid-field:session' }
  if (!Number.isInteger(s.car)) return { ok: false, reason: 'invalid-field:car' }
  if (!Number.isInteger(s.gear)) return { ok: false, reason: 'invalid-field:gear' }
  for (const field of NUMBER_FIELDS) {
    if (typeof s[field] !== 'number' || !Number.isFinite(s[field]))
      return { ok: false, reason: `invalid-field:${field}` }
  }
  const speed = s.speed as number
  const rpm = s.rpm as number
  if (speed < 0 || speed > 400) return { ok: false, reason: 'speed-out-of-range' }
  if (rpm > 20_000) return { ok: false, reason: 'rpm-out-of-range' }
  return { ok: true, clean: { car: s.car as number, ts: s.ts as number, speedKmh: speed, rpm, gear: s.gear as number } }
}

/** The running aggregate of one car's 1 s window. */
export interface WindowAggregate {
  count: number
  sumSpeed: number
  maxRpm: number
}

/** A closed window as T2 writes it to the metrics topic. */
export interface WindowMetrics {
  car: number
  windowStart: number
  windowEnd: number
  count: number
  avgSpeed: number
  maxRpm: number
}

/**
 * The empty window aggregate.
 *
 * @example
 * ```ts
 * emptyAggregate() // { count: 0, sumSpeed: 0, maxRpm: 0 }
 * ```
 */
export function emptyAggregate(): WindowAggregate {
  return { count: 0, sumSpeed: 0, maxRpm: 0 }
}

/**
 * Adds one clean sample to a window aggregate (returns a new object).
 *
 * @example
 * ```ts
 * addToAggregate(emptyAggregate(), { car: 1, ts: 0, speedKmh: 200, rpm: 11000, gear: 3 }).count // 1
 * ```
 */
export function addToAggregate(agg: WindowAggregate, s: CleanSample): WindowAggregate {
  return { count: agg.count + 1, sumSpeed: agg.sumSpeed + s.speedKmh, maxRpm: Math.max(agg.maxRpm, s.rpm) }
}

/**
 * The start of the 1 s tumbling window holding `ts`.
 *
 * @example
 * ```ts
 * windowStartOf(1_500) // 1_000
 * ```
 */
export function windowStartOf(ts: number): number {
  return ts - (((ts % REFERENCE.windowMs) + REFERENCE.windowMs) % REFERENCE.windowMs)
}

/**
 * The metrics record of a closed window.
 *
 * @example
 * ```ts
 * toMetrics(7, 1000, { count: 2, sumSpeed: 400, maxRpm: 12000 }).avgSpeed // 200
 * ```
 */
export function toMetrics(car: number, windowStart: number, agg: WindowAggregate): WindowMetrics {
  return {
    car,
    windowStart,
    windowEnd: windowStart + REFERENCE.windowMs,
    count: agg.count,
    avgSpeed: agg.count === 0 ? 0 : agg.sumSpeed / agg.count,
    maxRpm: agg.maxRpm,
  }
}

/** The last valid sample of a car, as the anomaly store keeps it. */
export interface LastSample {
  ts: number
  rpm: number
  gear: number
}

/** An rpm drop without a gear change, as T2 writes it to the anomalies topic. */
export interface Anomaly {
  car: number
  ts: number
  rpmBefore: number
  rpmAfter: number
  gear: number
}

/**
 * The anomaly that `current` makes after `previous`, if any.
 *
 * @example
 * ```ts
 * detectAnomaly({ ts: 0, rpm: 12000, gear: 5 }, { car: 1, ts: 20, speedKmh: 250, rpm: 4000, gear: 5 })?.rpmAfter // 4000
 * ```
 */
export function detectAnomaly(previous: LastSample | undefined, current: CleanSample): Anomaly | undefined {
  if (previous === undefined || previous.gear !== current.gear) return undefined
  if (previous.rpm - current.rpm <= REFERENCE.anomalyDrop) return undefined
  return { car: current.car, ts: current.ts, rpmBefore: previous.rpm, rpmAfter: current.rpm, gear: current.gear }
}
