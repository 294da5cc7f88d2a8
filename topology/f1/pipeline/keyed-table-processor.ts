/**
 * @module
 * A per-key table folded from a stream that is already keyed by car: each record updates the
 * key's value in a key-value store (object-cached, changelogged; the fold must return a new value) and, when asked, forwards the new
 * value. The F1 tables folded from processor output (anomalies, session stats) use it instead of
 * `groupByKey().aggregate()`, which cannot know that a processor kept the key and so repartitions
 * every record through a topic first; here the key is the car the record was produced for.
 */
import type { KeyValueStore } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'

/** What the table does: the store, the empty value, the fold, and whether to forward updates. */
export interface KeyedTableOptions<V, T> {
  readonly storeName: string
  readonly initial: () => T
  readonly fold: (current: T, value: V) => T
  readonly forward: boolean
}

/**
 * The processor.
 *
 * @example
 * ```ts
 * anomalies.process(() => new KeyedTableProcessor({ storeName: F1Stores.anomalies, initial: emptyCarAnomalies, fold: addAnomaly, forward: false }), F1Stores.anomalies)
 * ```
 */
export class KeyedTableProcessor<V, T> implements Processor<string, V, string, T> {
  readonly #options: KeyedTableOptions<V, T>
  #ctx!: ProcessorContext<string, T>
  #store!: KeyValueStore<string, T>

  constructor(options: KeyedTableOptions<V, T>) {
    this.#options = options
  }

  init(ctx: ProcessorContext<string, T>): void {
    this.#ctx = ctx
    this.#store = ctx.getStateStore(this.#options.storeName)
  }

  async process(record: Record<string, V>): Promise<void> {
    const { key, value } = record
    if (key === null || key === undefined || value === null || value === undefined) {
      this.#ctx.recordMetric('dropped-records')
      return
    }
    const next = this.#options.fold((await this.#store.get(key)) ?? this.#options.initial(), value)
    await this.#store.put(key, next)
    if (this.#options.forward) await this.#ctx.forward({ key, value: next, timestamp: record.timestamp, headers: {} })
  }
}
