/**
 * @module
 * The verifiers run after every scenario, on what an independent read_committed kafkajs consumer
 * sees: every input's id exactly once in the outputs under exactly-once (at least once otherwise),
 * windowed aggregates equal to a recomputation from the input, anomalies likewise, every
 * quarantined record carrying a reason, and no transaction of the pipeline left open.
 */
import { createHash } from 'node:crypto'
import { expectedOutputs } from '../../workload/expected.ts'
import { REASON_HEADER } from '../../workload/reference.ts'
import { type Anomaly, validate, type WindowMetrics } from '../../workload/semantics.ts'
import { endOffsets, ongoingTransactions } from '../../workload/topics.ts'
import type { ChaosPipeline } from '../pipeline.ts'
import { diffMultisets, type MultisetDiff } from './multiset.ts'
import { readCommitted, type SeenRecord } from './read-committed.ts'

/** What the verifiers found. */
export interface Verification {
  readonly inputRecords: number
  readonly clean: MultisetDiff
  readonly quarantine: MultisetDiff
  readonly metrics: MultisetDiff
  readonly anomalies: MultisetDiff
  /** Closed windows whose count, average speed or max rpm differ from the recomputation. */
  readonly wrongAggregates: number
  readonly quarantinedWithoutReason: number
  readonly openTransactions: string[]
  readonly unstablePartitions: string[]
  /** Problems that fail the scenario. */
  readonly failures: string[]
}

// the runtime's dead-letter headers: `pitwall.error.code`, `pitwall.error.message` (earlier `pitwall.error`)
const DEAD_LETTER_ERROR_PREFIX = 'pitwall.error'
const hash = (b: Buffer | null) => (b ? createHash('sha1').update(b).digest('hex').slice(0, 16) : 'null')

/** The id of a raw record: its key and value bytes. */
export function rawId(key: Buffer | null, value: Buffer | null): string {
  return `${hash(key)}:${hash(value)}`
}

function cleanId(value: Buffer | null): string {
  const v = JSON.parse(value?.toString() ?? 'null') as { car: number; ts: number }
  return `${v.car}@${v.ts}`
}

/**
 * Verifies a pipeline after its load stopped.
 *
 * @example
 * ```ts
 * const v = await verifyPipeline(pipeline, log)
 * if (v.failures.length > 0) console.log(v.failures)
 * ```
 */
export async function verifyPipeline(pipeline: ChaosPipeline, log: (line: string) => void): Promise<Verification> {
  const { target, outputs } = pipeline
  const eos = pipeline.guarantee === 'exactly_once_v2'
  // the input has no transactions, so its high watermarks say exactly how far to read
  const inputEnds = new Map(
    (await endOffsets(target, [pipeline.inputTopic], 6)).map((p) => [`${p.topic}/${p.partition}`, p.highWatermark]),
  )
  const input = (
    await readCommitted(target, [pipeline.inputTopic], {
      quietMs: 1000,
      timeoutMs: 180_000,
      endOffsets: inputEnds,
      partitions: 6,
    })
  ).get(pipeline.inputTopic)!
  input.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)))
  const expected = expectedOutputs(
    input.map((r) => ({ key: r.key?.toString() ?? '', partition: r.partition, value: r.value })),
  )
  log(
    `  verifying: ${input.length} input records; expecting ${expected.clean} clean, ${expected.quarantine} quarantined, ${expected.metrics.size} windows, ${expected.anomalies.length} anomalies`,
  )
  const stateful = pipeline.topology === 't2'
  const outTopics = stateful
    ? [outputs.clean, outputs.quarantine, outputs.metrics, outputs.anomalies]
    : [outputs.clean, outputs.quarantine]
  const seen = await readCommitted(target, outTopics, {
    quietMs: 5000,
    timeoutMs: 240_000,
    partitions: 6,
    enough: (m) =>
      m.get(outputs.clean)!.length >= expected.clean &&
      m.get(outputs.quarantine)!.length >= expected.quarantine &&
      (!stateful ||
        (m.get(outputs.metrics)!.length >= expected.metrics.size &&
          m.get(outputs.anomalies)!.length >= expected.anomalies.length)),
  })
  const invalidInputs = input.filter((r) => !validate(r.value).ok)
  const validInputs = input.map((r) => validate(r.value)).flatMap((v) => (v.ok ? [`${v.clean.car}@${v.clean.ts}`] : []))
  const clean = diffMultisets(
    validInputs,
    seen.get(outputs.clean)!.map((r) => cleanId(r.value)),
  )
  const quarantined = seen.get(outputs.quarantine)!
  const quarantine = diffMultisets(
    invalidInputs.map((r) => rawId(r.key, r.value)),
    quarantined.map((r) => rawId(r.key, r.value)),
  )
  const quarantinedWithoutReason = quarantined.filter(
    (r) => !r.headers[REASON_HEADER] && !Object.keys(r.headers).some((h) => h.startsWith(DEAD_LETTER_ERROR_PREFIX)),
  ).length
  const seenMetrics = (seen.get(outputs.metrics) ?? []).map((r) => JSON.parse(r.value!.toString()) as WindowMetrics)
  const metrics = diffMultisets(
    stateful ? expected.metrics.keys() : [],
    seenMetrics.map((m) => `${m.car}@${m.windowStart}`),
  )
  const wrong = seenMetrics.filter((m) => {
    const e = expected.metrics.get(`${m.car}@${m.windowStart}`)
    return e !== undefined && (e.count !== m.count || e.maxRpm !== m.maxRpm || Math.abs(e.avgSpeed - m.avgSpeed) > 1e-6)
  })
  const wrongAggregates = wrong.length
  const wrongExamples = wrong.slice(0, 3).map((m) => {
    const e = expected.metrics.get(`${m.car}@${m.windowStart}`)!
    return `${m.car}@${m.windowStart}: count ${m.count} (expected ${e.count}), max rpm ${m.maxRpm} (${e.maxRpm})`
  })
  const anomalyId = (a: Anomaly) => `${a.car}@${a.ts}:${a.rpmBefore}>${a.rpmAfter}`
  const anomalies = diffMultisets(
    stateful ? expected.anomalies.map(anomalyId) : [],
    (seen.get(outputs.anomalies) ?? []).map((r: SeenRecord) => anomalyId(JSON.parse(r.value!.toString()) as Anomaly)),
  )
  const openTransactions = (await ongoingTransactions(target)).filter((id) => id.startsWith(pipeline.id))
  const unstablePartitions = (await endOffsets(target, outTopics, 6))
    .filter((p) => p.lastStable !== p.highWatermark)
    .map((p) => `${p.topic}/${p.partition} (LSO ${p.lastStable} < HW ${p.highWatermark})`)
  const failures: string[] = []
  const check = (what: string, d: MultisetDiff) => {
    if (d.missing > 0) failures.push(`${what}: ${d.missing} missing (${d.examples.join(', ')})`)
    if (d.unexpected > 0) failures.push(`${what}: ${d.unexpected} unexpected (${d.examples.join(', ')})`)
    if (eos && d.duplicates > 0)
      failures.push(`${what}: ${d.duplicates} duplicates under exactly-once (${d.examples.join(', ')})`)
  }
  check('clean', clean)
  check('quarantine', quarantine)
  check('metrics', metrics)
  check('anomalies', anomalies)
  if (eos && wrongAggregates > 0)
    failures.push(`metrics: ${wrongAggregates} windows differ from the recomputation (${wrongExamples.join('; ')})`)
  if (quarantinedWithoutReason > 0)
    failures.push(`quarantine: ${quarantinedWithoutReason} records without a reason header`)
  if (openTransactions.length > 0) failures.push(`open transactions: ${openTransactions.join(', ')}`)
  if (unstablePartitions.length > 0)
    failures.push(`partitions with an open transaction: ${unstablePartitions.join(', ')}`)
  return {
    inputRecords: input.length,
    clean,
    quarantine,
    metrics,
    anomalies,
    wrongAggregates,
    quarantinedWithoutReason,
    openTransactions,
    unstablePartitions,
    failures,
  }
}
