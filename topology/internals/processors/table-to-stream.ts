/**
 * @module
 * `KTable.toStream`: each change becomes a record with the new value (`null` for a delete).
 */
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'
import type { Change } from '../change.ts'

class TableToStream<K, V> implements Processor<K, Change<V>, K, V | null> {
  #ctx!: ProcessorContext<K, V | null>

  init(ctx: ProcessorContext<K, V | null>): void {
    this.#ctx = ctx
  }

  process(record: Record<K, Change<V>>): Promise<void> {
    return this.#ctx.forward({
      key: record.key,
      value: record.value.newValue,
      timestamp: record.timestamp,
      headers: record.headers,
    })
  }
}

/**
 * The toStream processor supplier.
 *
 * @example
 * ```ts
 * tableToStream<string, number>()
 * ```
 */
export function tableToStream<K, V>(): ProcessorSupplier<K, Change<V>, K, V | null> {
  return () => new TableToStream<K, V>()
}
