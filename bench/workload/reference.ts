/**
 * @module
 * The constants of the reference workload (bench/README.md). Changing any of them defines a new
 * workload whose figures no longer compare with earlier ones.
 */

/** Everything that defines the reference workload. */
export const REFERENCE = {
  partitions: 6,
  cars: 50,
  /** 2026-01-01T00:00:00Z, aligned to the 1 s windows. */
  t0: 1_767_225_600_000,
  stepMs: 20,
  session: 'reference-workload-2026-silverstone-grand-prix-race-session-01-telemetry-feed',
  /** One record in `invalidEvery` (by hash) is invalid. */
  invalidEvery: 200,
  /** One valid record in `anomalyEvery` (by hash) drops rpm to `anomalyRpm`. */
  anomalyEvery: 1000,
  anomalyRpm: 4000,
  anomalyDrop: 3000,
  windowMs: 1000,
  maxValueBytes: 1024,
  throughputRecords: 2_000_000,
  latencyRate: 10_000,
} as const

/** Output topics of T1 and T2, by role. */
export interface OutputTopics {
  readonly clean: string
  readonly quarantine: string
  readonly metrics: string
  readonly anomalies: string
}

/** The header that carries why a record was quarantined. */
export const REASON_HEADER = 'pitwall.reason'

/** The two reference topologies. */
export type TopologyName = 't1' | 't2'

/** The two processing guarantees. */
export type Guarantee = 'exactly_once_v2' | 'at_least_once'

/**
 * Names the output topics of one run: unique per run so every run starts from empty topics.
 *
 * @example
 * ```ts
 * outputTopics('bench-r1').clean // 'bench-r1-clean'
 * ```
 */
export function outputTopics(prefix: string): OutputTopics {
  return {
    clean: `${prefix}-clean`,
    quarantine: `${prefix}-quarantine`,
    metrics: `${prefix}-metrics`,
    anomalies: `${prefix}-anomalies`,
  }
}

/**
 * The output topics a topology writes to.
 *
 * @example
 * ```ts
 * topicsOf('t1', outputTopics('x')) // ['x-clean', 'x-quarantine']
 * ```
 */
export function topicsOf(topology: TopologyName, topics: OutputTopics): string[] {
  const base = [topics.clean, topics.quarantine]
  return topology === 't1' ? base : [...base, topics.metrics, topics.anomalies]
}
