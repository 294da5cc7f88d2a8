/**
 * @module
 * Counts validation outcomes per car in tumbling windows of `validation.rateWindowMs` (no grace)
 * into the `f1-validation-rate` window store: what the DSL's windowed aggregate did, on the
 * object-cached window store (state-stores.ts), so the counts of a window are serialized once per
 * commit rather than once per raw record. A record of a window that has closed (its end is at or
 * before the stream time seen here) is dropped and counted in `dropped-records`, as the DSL does.
 */
import type { WindowStore } from '../../../stores/api.ts'
import type { ValueAndTimestamp } from '../../internals/processors/value-and-timestamp.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { RawCheck } from './raw-check.ts'
import { F1Stores } from './store-names.ts'
import { addCheck, emptyCounts, type ValidationCounts } from './validation-rate.ts'

/**
 * The processor (forwards nothing).
 *
 * @example
 * ```ts
 * checked.process(() => new ValidationRateProcessor(10_000), F1Stores.validationRate)
 * ```
 */
export class ValidationRateProcessor implements Processor<string, { readonly check: RawCheck }> {
  readonly #sizeMs: number
  #ctx!: ProcessorContext
  #store!: WindowStore<string, ValueAndTimestamp<ValidationCounts>>
  #streamTime = -1

  constructor(windowSizeMs: number) {
    this.#sizeMs = windowSizeMs
  }

  init(ctx: ProcessorContext): void {
    this.#ctx = ctx
    this.#store = ctx.getStateStore(F1Stores.validationRate)
  }

  async process(record: Record<string, { readonly check: RawCheck }>): Promise<void> {
    const { key, value, timestamp } = record
    if (key === null || key === undefined || value === null || value === undefined) {
      this.#ctx.recordMetric('dropped-records')
      return
    }
    if (timestamp > this.#streamTime) this.#streamTime = timestamp
    const start = timestamp - (timestamp % this.#sizeMs)
    if (start + this.#sizeMs <= this.#streamTime) {
      this.#ctx.recordMetric('dropped-records')
      return
    }
    const old = await this.#store.fetch(key, start)
    const counts = addCheck(old?.value ?? emptyCounts(), value.check)
    const ts = old === undefined ? timestamp : Math.max(timestamp, old.timestamp)
    await this.#store.put(key, { value: counts, timestamp: ts }, start)
  }
}
