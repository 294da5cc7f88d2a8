/**
 * @module
 * The deterministic generator of the reference workload: record `n` is a pure function of `n`
 * (bench/README.md), so producers, verifiers and expected-output computation agree without
 * sharing state.
 */
import { mix32, partitionOf, unit } from './hash.ts'
import { REFERENCE } from './reference.ts'

/** One telemetry sample as the reference workload writes it. */
export interface Sample {
  session: string
  car: number
  ts: number
  speed?: number
  rpm?: number
  gear?: number
  throttle?: number
  brake?: number
  engineTemp?: number
}

/** The kinds of invalid samples the generator writes. */
export type InvalidKind = 'negative-speed' | 'excessive-speed' | 'excessive-rpm' | 'missing-field'

const INVALID_KINDS: readonly InvalidKind[] = ['negative-speed', 'excessive-speed', 'excessive-rpm', 'missing-field']

/** One generated record: its key, partition and sample. */
export interface GeneratedRecord {
  readonly n: number
  readonly key: string
  readonly partition: number
  readonly timestamp: number
  readonly sample: Sample
  /** Set for the deterministic invalid fraction. */
  readonly invalid?: InvalidKind
}

const carKeys = Array.from({ length: REFERENCE.cars }, (_, i) => `car-${String(i + 1).padStart(2, '0')}`)
const carPartitions = carKeys.map((k) => partitionOf(k, REFERENCE.partitions))

/**
 * The key of car `car` (1-based).
 *
 * @example
 * ```ts
 * carKey(7) // 'car-07'
 * ```
 */
export function carKey(car: number): string {
  return carKeys[car - 1]!
}

/**
 * The input partition of car `car` (1-based).
 *
 * @example
 * ```ts
 * carPartition(7) // 0 .. 5
 * ```
 */
export function carPartition(car: number): number {
  return carPartitions[car - 1]!
}

/**
 * The invalid kind of record `n`, or undefined when it is valid.
 *
 * @example
 * ```ts
 * invalidKind(0) // e.g. undefined
 * ```
 */
export function invalidKind(n: number): InvalidKind | undefined {
  const h = mix32(n, 1)
  return h % REFERENCE.invalidEvery === 0 ? INVALID_KINDS[(h >>> 8) % INVALID_KINDS.length] : undefined
}

/**
 * Whether record `n` is a (valid) rpm-drop sample.
 *
 * @example
 * ```ts
 * isAnomalySample(1234) // true for about 0.1 % of records
 * ```
 */
export function isAnomalySample(n: number): boolean {
  const round = Math.floor(n / REFERENCE.cars)
  return round % 25 !== 0 && mix32(n, 2) % REFERENCE.anomalyEvery === 1
}

/**
 * Record `n` of the reference workload; `timestamp` overrides the event time (latency runs).
 *
 * @example
 * ```ts
 * const r = generate(0)
 * r.key // 'car-01'
 * r.sample.ts // REFERENCE.t0
 * ```
 */
export function generate(n: number, timestamp?: number): GeneratedRecord {
  const round = Math.floor(n / REFERENCE.cars)
  const car = (n % REFERENCE.cars) + 1
  const ts = timestamp ?? REFERENCE.t0 + REFERENCE.stepMs * round
  const sample: Sample = {
    session: REFERENCE.session,
    car,
    ts,
    speed: round2(60 + 280 * unit(n, 3)),
    rpm: isAnomalySample(n) ? REFERENCE.anomalyRpm : 10_000 + Math.floor(2500 * unit(n, 4)),
    gear: 1 + (Math.floor(round / 25) % 8),
    throttle: round2(unit(n, 5)),
    brake: round2(unit(n, 6) < 0.8 ? 0 : unit(n, 7)),
    engineTemp: round2(95 + 20 * unit(n, 8)),
  }
  const invalid = invalidKind(n)
  if (invalid === 'negative-speed') sample.speed = -round2(1 + 50 * unit(n, 9))
  else if (invalid === 'excessive-speed') sample.speed = round2(401 + 100 * unit(n, 9))
  else if (invalid === 'excessive-rpm') sample.rpm = 20_001 + Math.floor(5000 * unit(n, 9))
  else if (invalid === 'missing-field') delete sample.gear
  const base = { n, key: carKey(car), partition: carPartition(car), timestamp: ts, sample }
  return invalid === undefined ? base : { ...base, invalid }
}

/**
 * The JSON bytes of a sample, as written to the input topic.
 *
 * @example
 * ```ts
 * encodeSample(generate(0).sample).length // about 200
 * ```
 */
export function encodeSample(sample: Sample): Buffer {
  return Buffer.from(JSON.stringify(sample))
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
