/**
 * @module
 * `KStream.mapValues`: a new value per record, same key (no repartition needed downstream).
 */
import type { ValueMapper } from '../../dsl/functions.ts'
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'

class StreamMapValues<K, V, VR> implements Processor<K, V, K, VR> {
  #ctx!: ProcessorContext<K, VR>
  readonly #mapper: ValueMapper<V, VR, K>

  constructor(mapper: ValueMapper<V, VR, K>) {
    this.#mapper = mapper
  }

  init(ctx: ProcessorContext<K, VR>): void {
    this.#ctx = ctx
  }

  process(record: Record<K, V>): Promise<void> {
    const value = this.#mapper(record.value, record.key)
    return this.#ctx.forward({ key: record.key, value, timestamp: record.timestamp, headers: record.headers })
  }
}

/**
 * The mapValues processor supplier.
 *
 * @example
 * ```ts
 * streamMapValues<string, string, number>((v) => v.length)
 * ```
 */
export function streamMapValues<K, V, VR>(mapper: ValueMapper<V, VR, K>): ProcessorSupplier<K, V, K, VR> {
  return () => new StreamMapValues(mapper)
}
