/**
 * @module
 * The expected outputs of T1 and T2 for a sequence of input records, recomputed from the
 * workload semantics: counts per output topic, and the exact metrics and anomalies that the
 * chaos verifiers compare against.
 */
import { REFERENCE } from './reference.ts'
import {
  type Anomaly,
  addToAggregate,
  detectAnomaly,
  emptyAggregate,
  type LastSample,
  toMetrics,
  validate,
  type WindowAggregate,
  type WindowMetrics,
  windowStartOf,
} from './semantics.ts'

/** An input record as the expected-output computation needs it. */
export interface InputRecord {
  readonly key: string
  readonly partition: number
  readonly value: Uint8Array | null
}

/** What T1 and T2 must produce for some input. */
export interface ExpectedOutputs {
  readonly clean: number
  readonly quarantine: number
  /** Closed windows, keyed by `<car>@<windowStart>`. */
  readonly metrics: Map<string, WindowMetrics>
  readonly anomalies: Anomaly[]
}

/**
 * Recomputes the outputs of T2 (T1's are its `clean` and `quarantine` counts) for input records
 * given in per-partition order.
 *
 * @example
 * ```ts
 * const e = expectedOutputs(records)
 * console.log(e.clean, e.quarantine, e.metrics.size, e.anomalies.length)
 * ```
 */
export function expectedOutputs(records: Iterable<InputRecord>): ExpectedOutputs {
  let clean = 0
  let quarantine = 0
  const anomalies: Anomaly[] = []
  const last = new Map<string, LastSample>()
  const windows = new Map<string, { car: number; partition: number; start: number; agg: WindowAggregate }>()
  const streamTime = new Map<number, number>()
  for (const r of records) {
    const v = validate(r.value)
    if (!v.ok) {
      quarantine++
      continue
    }
    clean++
    const s = v.clean
    const now = Math.max(streamTime.get(r.partition) ?? -1, s.ts)
    streamTime.set(r.partition, now)
    const start = windowStartOf(s.ts)
    // a record whose window already closed (end <= stream time, grace 0) is dropped as late
    if (start + REFERENCE.windowMs > now) {
      const id = `${s.car}@${start}`
      const w = windows.get(id) ?? { car: s.car, partition: r.partition, start, agg: emptyAggregate() }
      w.agg = addToAggregate(w.agg, s)
      windows.set(id, w)
    }
    const anomaly = detectAnomaly(last.get(r.key), s)
    if (anomaly) anomalies.push(anomaly)
    last.set(r.key, { ts: s.ts, rpm: s.rpm, gear: s.gear })
  }
  const metrics = new Map<string, WindowMetrics>()
  for (const [id, w] of windows) {
    const m = toMetrics(w.car, w.start, w.agg)
    if (m.windowEnd <= (streamTime.get(w.partition) ?? -1)) metrics.set(id, m)
  }
  return { clean, quarantine, metrics, anomalies }
}
