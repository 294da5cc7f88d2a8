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
import { pendingOf } from './state-stores.ts'
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
  /** Each key's latest window as last put (the store's value): saves the read per record. */
  readonly #latest = new Map<string, { start: number; counts: ValueAndTimestamp<ValidationCounts> }>()

  constructor(windowSizeMs: number) {
    this.#sizeMs = windowSizeMs
  }

  init(ctx: ProcessorContext): void {
    this.#ctx = ctx
    this.#store = ctx.getStateStore(F1Stores.validationRate)
  }

  process(record: Record<string, { readonly check: RawCheck }>): Promise<void> | undefined {
    const { key, value, timestamp } = record
    if (key === null || key === undefined || value === null || value === undefined) {
      this.#ctx.recordMetric('dropped-records')
      return undefined
    }
    if (timestamp > this.#streamTime) this.#streamTime = timestamp
    const start = timestamp - (timestamp % this.#sizeMs)
    if (start + this.#sizeMs <= this.#streamTime) {
      this.#ctx.recordMetric('dropped-records')
      return undefined
    }
    const latest = this.#latest.get(key)
    // the window is still open, so the store holds what was put last: objects this processor made
    // (#add), so a clean record is counted in place and put again (no objects per record)
    if (latest !== undefined && latest.start === start) {
      if (!value.check.ok) return this.#add(key, start, latest.counts, value.check, timestamp)
      const held = latest.counts as { value: ValidationCounts; timestamp: number }
      const counts = held.value as { total: number; clean: number }
      counts.total++
      counts.clean++
      if (timestamp > held.timestamp) held.timestamp = timestamp
      return pendingOf(this.#store.put(key, held, start))
    }
    return this.#store.fetch(key, start).then((old) => this.#add(key, start, old, value.check, timestamp))
  }

  #add(
    key: string,
    start: number,
    old: ValueAndTimestamp<ValidationCounts> | undefined,
    check: RawCheck,
    timestamp: number,
  ): Promise<void> | undefined {
    const counts = addCheck(old?.value ?? emptyCounts(), check)
    const next = { value: counts, timestamp: old === undefined ? timestamp : Math.max(timestamp, old.timestamp) }
    const held = this.#latest.get(key)
    if (held === undefined) this.#latest.set(key, { start, counts: next })
    else {
      held.start = start
      held.counts = next
    }
    return pendingOf(this.#store.put(key, next, start))
  }
}
