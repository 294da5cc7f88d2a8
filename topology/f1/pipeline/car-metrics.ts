/**
 * @module
 * Windowed car metrics: avg/min/max of speed, RPM, throttle and brake and sample counts, as an
 * aggregate over dynamics and power-unit samples, and the flat record published per window.
 */
import type { Windowed } from '../../../stores/api.ts'
import { parseKey, type TelemetrySample } from '../model/index.ts'

/** Running statistics of one field. */
export interface FieldStats {
  readonly n: number
  readonly sum: number
  readonly min: number
  readonly max: number
}

/** The window aggregate. */
export interface CarMetricsAggregate {
  readonly samples: number
  readonly speed: FieldStats | null
  readonly rpm: FieldStats | null
  readonly throttle: FieldStats | null
  readonly brake: FieldStats | null
}

/** The published metrics of one window (stats are null when no sample carried the field). */
export interface CarWindowMetrics {
  readonly sessionKey: string
  readonly carNumber: number
  readonly windowStart: number
  readonly windowEnd: number
  readonly samples: number
  readonly speed: { avg: number; min: number; max: number; n: number } | null
  readonly rpm: { avg: number; min: number; max: number; n: number } | null
  readonly throttle: { avg: number; min: number; max: number; n: number } | null
  readonly brake: { avg: number; min: number; max: number; n: number } | null
}

/**
 * The samples that feed the metrics.
 *
 * @example
 * ```ts
 * clean.filter((_k, s) => isMetricSample(s))
 * ```
 */
export function isMetricSample(s: TelemetrySample): boolean {
  return s.channel === 'dynamics' || s.channel === 'power-unit'
}

/**
 * The empty aggregate.
 *
 * @example
 * ```ts
 * addSample(emptyMetrics(), sample).samples // 1
 * ```
 */
export function emptyMetrics(): CarMetricsAggregate {
  return { samples: 0, speed: null, rpm: null, throttle: null, brake: null }
}

function add(stats: FieldStats | null, x: number): FieldStats {
  if (stats === null) return { n: 1, sum: x, min: x, max: x }
  return { n: stats.n + 1, sum: stats.sum + x, min: Math.min(stats.min, x), max: Math.max(stats.max, x) }
}

/**
 * Adds a dynamics or power-unit sample.
 *
 * @example
 * ```ts
 * const next = addSample(agg, sample)
 * ```
 */
export function addSample(agg: CarMetricsAggregate, s: TelemetrySample): CarMetricsAggregate {
  if (s.channel === 'dynamics') {
    return {
      ...agg,
      samples: agg.samples + 1,
      speed: add(agg.speed, s.speed),
      throttle: add(agg.throttle, s.throttle),
      brake: add(agg.brake, s.brake),
    }
  }
  if (s.channel === 'power-unit') return { ...agg, samples: agg.samples + 1, rpm: add(agg.rpm, s.rpm) }
  return agg
}

type Mutable<T> = { -readonly [P in keyof T]: T[P] }

function addInPlace(stats: FieldStats | null, x: number): FieldStats {
  if (stats === null) return { n: 1, sum: x, min: x, max: x }
  const m = stats as Mutable<FieldStats>
  m.n++
  m.sum += x
  if (x < m.min) m.min = x
  if (x > m.max) m.max = x
  return stats
}

/**
 * {@link addSample} into `agg` itself, for an aggregate its caller owns (the 1 s windows of
 * car-seconds-processor.ts, put again after every change): no objects made per sample.
 *
 * @example
 * ```ts
 * addSampleInPlace(open.agg, sample) === open.agg // true
 * ```
 */
export function addSampleInPlace(agg: CarMetricsAggregate, s: TelemetrySample): CarMetricsAggregate {
  const a = agg as Mutable<CarMetricsAggregate>
  if (s.channel === 'dynamics') {
    a.samples++
    a.speed = addInPlace(a.speed, s.speed)
    a.throttle = addInPlace(a.throttle, s.throttle)
    a.brake = addInPlace(a.brake, s.brake)
  } else if (s.channel === 'power-unit') {
    a.samples++
    a.rpm = addInPlace(a.rpm, s.rpm)
  }
  return agg
}

function mergeStats(a: FieldStats | null, b: FieldStats | null): FieldStats | null {
  if (a === null) return b
  if (b === null) return a
  return { n: a.n + b.n, sum: a.sum + b.sum, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) }
}

/**
 * Merges two aggregates (the 10 s and sliding views are built from the final 1 s windows: sums,
 * counts, minima and maxima merge exactly).
 *
 * @example
 * ```ts
 * mergeMetrics(tenSeconds, oneSecond).samples
 * ```
 */
export function mergeMetrics(a: CarMetricsAggregate, b: CarMetricsAggregate): CarMetricsAggregate {
  return {
    samples: a.samples + b.samples,
    speed: mergeStats(a.speed, b.speed),
    rpm: mergeStats(a.rpm, b.rpm),
    throttle: mergeStats(a.throttle, b.throttle),
    brake: mergeStats(a.brake, b.brake),
  }
}

function summary(stats: FieldStats | null) {
  return stats === null ? null : { avg: stats.sum / stats.n, min: stats.min, max: stats.max, n: stats.n }
}

/**
 * The published record of a final window.
 *
 * @example
 * ```ts
 * toWindowMetrics({ key: 'sim-1:44', window: { start: 0, end: 1000 } }, agg).speed?.avg
 * ```
 */
export function toWindowMetrics(windowed: Windowed<string>, agg: CarMetricsAggregate): CarWindowMetrics {
  const car = parseKey(windowed.key)
  return {
    sessionKey: car?.sessionKey ?? windowed.key,
    carNumber: car?.carNumber ?? -1,
    windowStart: windowed.window.start,
    windowEnd: windowed.window.end,
    samples: agg.samples,
    speed: summary(agg.speed),
    rpm: summary(agg.rpm),
    throttle: summary(agg.throttle),
    brake: summary(agg.brake),
  }
}
