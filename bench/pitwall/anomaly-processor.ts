/**
 * @module
 * T2's rpm-drop detector: a process() step with a per-car last-sample KeyValueStore, emitting an
 * anomaly when rpm drops by more than 3000 between consecutive valid samples without a gear change.
 */

import type { KeyValueStore } from '../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../topology/processor.ts'
import { type Anomaly, type CleanSample, detectAnomaly, type LastSample } from '../workload/semantics.ts'

/** Name of the last-sample store. */
export const LAST_SAMPLE_STORE = 'last-sample'

/**
 * Detects rpm drops per car.
 *
 * @example
 * ```ts
 * clean.process(() => new AnomalyProcessor(), LAST_SAMPLE_STORE).to('anomalies')
 * ```
 */
export class AnomalyProcessor implements Processor<string, CleanSample, string, Anomaly> {
  #ctx!: ProcessorContext<string, Anomaly>
  #store!: KeyValueStore<string, LastSample>

  init(ctx: ProcessorContext<string, Anomaly>): void {
    this.#ctx = ctx
    this.#store = ctx.getStateStore<KeyValueStore<string, LastSample>>(LAST_SAMPLE_STORE)
  }

  async process(record: Record<string, CleanSample>): Promise<void> {
    const s = record.value
    const previous = (await this.#store.get(record.key)) ?? undefined
    await this.#store.put(record.key, { ts: s.ts, rpm: s.rpm, gear: s.gear })
    const anomaly = detectAnomaly(previous, s)
    if (anomaly) await this.#ctx.forward({ key: record.key, value: anomaly, timestamp: record.timestamp, headers: {} })
  }
}
