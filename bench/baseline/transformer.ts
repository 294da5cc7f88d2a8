/**
 * @module
 * T1 and T2 as a hand-written loop body for the kafkajs baseline: turns the records of one input
 * partition into output messages, keeping T2's window and last-sample state in memory per
 * partition (no changelog: the baseline is not fault tolerant, which only makes it faster).
 */
import type { OutputTopics, TopologyName } from '../workload/reference.ts'
import { REASON_HEADER } from '../workload/reference.ts'
import {
  addToAggregate,
  detectAnomaly,
  emptyAggregate,
  type LastSample,
  toMetrics,
  validate,
  type WindowAggregate,
  windowStartOf,
} from '../workload/semantics.ts'

/** An output message in kafkajs' shape. */
export interface OutMessage {
  key: Buffer | string | null
  value: Buffer | string
  timestamp?: string
  headers?: Record<string, string>
}

interface PartitionState {
  streamTime: number
  windows: Map<number, { start: number; agg: WindowAggregate }>
  last: Map<number, LastSample>
}

/**
 * Transforms input records into per-topic output messages.
 *
 * @example
 * ```ts
 * const t = new BaselineTransformer('t2', outputTopics('r1'))
 * const out = new Map<string, OutMessage[]>()
 * t.process(0, { key: Buffer.from('car-01'), value, timestamp: '0' }, out)
 * ```
 */
export class BaselineTransformer {
  readonly #topology: TopologyName
  readonly #topics: OutputTopics
  readonly #state = new Map<number, PartitionState>()

  constructor(topology: TopologyName, topics: OutputTopics) {
    this.#topology = topology
    this.#topics = topics
  }

  /** Forgets the state of partitions this worker no longer owns. */
  drop(partition: number): void {
    this.#state.delete(partition)
  }

  process(
    partition: number,
    record: { key: Buffer | null; value: Buffer | null; timestamp: string },
    out: Map<string, OutMessage[]>,
  ): void {
    const v = validate(record.value)
    if (!v.ok) {
      push(out, this.#topics.quarantine, {
        key: record.key,
        value: record.value ?? '',
        timestamp: record.timestamp,
        headers: { [REASON_HEADER]: v.reason },
      })
      return
    }
    const s = v.clean
    push(out, this.#topics.clean, { key: record.key, value: JSON.stringify(s), timestamp: record.timestamp })
    if (this.#topology === 't1') return
    const state = this.#partition(partition)
    const anomaly = detectAnomaly(state.last.get(s.car), s)
    if (anomaly)
      push(out, this.#topics.anomalies, {
        key: record.key,
        value: JSON.stringify(anomaly),
        timestamp: record.timestamp,
      })
    state.last.set(s.car, { ts: s.ts, rpm: s.rpm, gear: s.gear })
    const start = windowStartOf(s.ts)
    const open = state.windows.get(s.car)
    if (open && open.start !== start) this.#emit(s.car, open, out)
    const current = open && open.start === start ? open : { start, agg: emptyAggregate() }
    current.agg = addToAggregate(current.agg, s)
    state.windows.set(s.car, current)
    if (s.ts > state.streamTime) {
      state.streamTime = s.ts
      for (const [car, w] of state.windows) {
        if (w.start + 1000 <= state.streamTime) {
          this.#emit(car, w, out)
          state.windows.delete(car)
        }
      }
    }
  }

  #emit(car: number, w: { start: number; agg: WindowAggregate }, out: Map<string, OutMessage[]>): void {
    const m = toMetrics(car, w.start, w.agg)
    push(out, this.#topics.metrics, {
      key: `car-${String(car).padStart(2, '0')}`,
      value: JSON.stringify(m),
      timestamp: String(m.windowEnd - 1),
    })
  }

  #partition(partition: number): PartitionState {
    let s = this.#state.get(partition)
    if (!s) {
      s = { streamTime: -1, windows: new Map(), last: new Map() }
      this.#state.set(partition, s)
    }
    return s
  }
}

function push(out: Map<string, OutMessage[]>, topic: string, m: OutMessage): void {
  const list = out.get(topic)
  if (list) list.push(m)
  else out.set(topic, [m])
}
