/**
 * @module
 * `KStream.filter` / `filterNot`: forwards the records whose predicate answer differs from `negate`.
 */
import type { Predicate } from '../../dsl/functions.ts'
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'

class StreamFilter<K, V> implements Processor<K, V, K, V> {
  #ctx!: ProcessorContext<K, V>
  readonly #predicate: Predicate<K, V>
  readonly #negate: boolean

  constructor(predicate: Predicate<K, V>, negate: boolean) {
    this.#predicate = predicate
    this.#negate = negate
  }

  init(ctx: ProcessorContext<K, V>): void {
    this.#ctx = ctx
  }

  process(record: Record<K, V>): Promise<void> | undefined {
    if (this.#predicate(record.key, record.value) !== this.#negate) return this.#ctx.forward(record)
    return undefined
  }
}

/**
 * The filter processor supplier.
 *
 * @example
 * ```ts
 * const supplier = streamFilter<string, number>((k, v) => v > 300, false)
 * ```
 */
export function streamFilter<K, V>(predicate: Predicate<K, V>, negate: boolean): ProcessorSupplier<K, V, K, V> {
  return () => new StreamFilter(predicate, negate)
}
