/**
 * @module
 * The topics of the F1 application: names, what they hold, how they are keyed and their default
 * partition counts. Names are `f1.<entity>[.<stage>]`, lower case, dots between levels, dashes
 * inside a word. Per-car topics are keyed `${sessionKey}:${carNumber}` (see `keyOf`) and share one
 * partition count so that they are co-partitioned for joins; per-session topics are keyed by
 * session key.
 */
import type { z } from 'zod'
import { telemetrySampleSchema } from './model/telemetry.ts'
import { type Validation, validateWith } from './model/validate.ts'

/** The default partition count of per-car topics (they must all match for co-partitioned joins). */
export const DEFAULT_CAR_PARTITIONS = 12

/** How a topic is keyed. */
export type TopicKeying = 'session:car' | 'session'

/** The description of one topic. */
export interface TopicSpec {
  readonly name: string
  readonly keyedBy: TopicKeying
  readonly partitions: number
  /** Compacted topics keep the latest value per key (tables). */
  readonly compacted: boolean
  readonly description: string
}

function spec(name: string, keyedBy: TopicKeying, compacted: boolean, description: string): TopicSpec {
  return { name, keyedBy, partitions: keyedBy === 'session' ? 1 : DEFAULT_CAR_PARTITIONS, compacted, description }
}

/**
 * Every topic of the F1 application.
 *
 * @example
 * ```ts
 * producer.send({ topic: F1Topics.telemetryRaw.name, key: keyOf(sample), value: sample })
 * ```
 */
export const F1Topics = {
  telemetryRaw: spec('f1.telemetry.raw', 'session:car', false, 'raw samples of every channel, as sources send them'),
  telemetryClean: spec('f1.telemetry.clean', 'session:car', false, 'validated, unit-normalized samples'),
  telemetryQuarantine: spec(
    'f1.telemetry.quarantine',
    'session:car',
    false,
    'raw records that failed validation, unchanged, with reason headers',
  ),
  telemetryAnomalies: spec('f1.telemetry.anomalies', 'session:car', false, 'detected anomalies with evidence'),
  laps: spec('f1.laps', 'session:car', true, 'laps as sources report them (the lap table)'),
  lapsEnriched: spec('f1.laps.enriched', 'session:car', false, 'laps with driver metadata and race control flags'),
  lapStats: spec('f1.laps.stats', 'session:car', true, 'per-lap aggregates (gold): speeds, throttle %, temperatures'),
  sessionStats: spec('f1.sessions.stats', 'session:car', true, 'per session and car: laps, best lap, anomaly counts'),
  drivers: spec('f1.drivers', 'session:car', true, 'driver per car and session (a table)'),
  sessions: spec('f1.sessions', 'session', true, 'sessions (a table)'),
  raceControl: spec('f1.race-control', 'session', false, 'race control messages: flags, SC/VSC, red flags'),
  metricsCar1s: spec('f1.metrics.car-1s', 'session:car', false, '1 s tumbling window car metrics (final)'),
  metricsCar10s: spec('f1.metrics.car-10s', 'session:car', false, '10 s hopping (1 s advance) car metrics (final)'),
} as const satisfies Record<string, TopicSpec>

/** A topic's logical name in {@link F1Topics}. */
export type F1TopicId = keyof typeof F1Topics
/** A topic name, e.g. `'f1.telemetry.raw'`. */
export type F1TopicName = (typeof F1Topics)[F1TopicId]['name']

/**
 * The topic specs with partition counts overridden (per-car topics all take `carPartitions`).
 *
 * @example
 * ```ts
 * for (const t of f1TopicSpecs({ carPartitions: 4 })) await admin.createTopic(t.name, t.partitions)
 * ```
 */
export function f1TopicSpecs(options: { carPartitions?: number; sessionPartitions?: number } = {}): TopicSpec[] {
  const car = options.carPartitions ?? DEFAULT_CAR_PARTITIONS
  const session = options.sessionPartitions ?? 1
  return Object.values(F1Topics).map((t) => ({ ...t, partitions: t.keyedBy === 'session' ? session : car }))
}

/**
 * The schema of a record value on `f1.telemetry.raw`, applied at the raw -> clean boundary: strict
 * (unknown fields rejected), finite numbers in physical ranges, normalized units.
 */
export const rawRecordSchema = telemetrySampleSchema
/** A record value on `f1.telemetry.raw`. */
export type RawRecord = z.infer<typeof rawRecordSchema>

/**
 * Validates a raw record value; a failure carries a quarantine reason and the field path.
 *
 * @example
 * ```ts
 * const v = validateRawRecord(JSON.parse(text))
 * if (!v.ok) console.log(v.reason, v.field) // 'OUT_OF_RANGE', 'throttle'
 * ```
 */
export function validateRawRecord(input: unknown): Validation<RawRecord> {
  return validateWith(rawRecordSchema, input)
}

/**
 * What every F1 source yields: a record ready for a producer (value is an event-model object).
 *
 * @example
 * ```ts
 * for await (const r of source) await producer.send(r.topic, r.key, r.value, r.timestamp)
 * ```
 */
export interface F1Record<V = unknown> {
  readonly topic: F1TopicName
  readonly key: string
  readonly value: V
  /** Event time, epoch ms. */
  readonly timestamp: number
}
