/**
 * @module
 * `KStream.map` / `selectKey`: a new key and value per record (the key may change, so downstream
 * stateful operations repartition).
 */
import type { KeyValue, KeyValueMapper } from '../../dsl/functions.ts'
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'

class StreamMap<K, V, KR, VR> implements Processor<K, V, KR, VR> {
  #ctx!: ProcessorContext<KR, VR>
  readonly #mapper: KeyValueMapper<K, V, KeyValue<KR, VR>>

  constructor(mapper: KeyValueMapper<K, V, KeyValue<KR, VR>>) {
    this.#mapper = mapper
  }

  init(ctx: ProcessorContext<KR, VR>): void {
    this.#ctx = ctx
  }

  process(record: Record<K, V>): Promise<void> {
    const out = this.#mapper(record.key, record.value)
    return this.#ctx.forward({ key: out.key, value: out.value, timestamp: record.timestamp, headers: record.headers })
  }
}

class SelectKey<K, V, KR> implements Processor<K, V, KR, V> {
  #ctx!: ProcessorContext<KR, V>
  readonly #selector: KeyValueMapper<K, V, KR>

  constructor(selector: KeyValueMapper<K, V, KR>) {
    this.#selector = selector
  }

  init(ctx: ProcessorContext<KR, V>): void {
    this.#ctx = ctx
  }

  process(record: Record<K, V>): Promise<void> {
    const key = this.#selector(record.key, record.value)
    return this.#ctx.forward({ key, value: record.value, timestamp: record.timestamp, headers: record.headers })
  }
}

/**
 * The map processor supplier.
 *
 * @example
 * ```ts
 * streamMap<string, Lap, number, Lap>((k, lap) => ({ key: lap.car, value: lap }))
 * ```
 */
export function streamMap<K, V, KR, VR>(
  mapper: KeyValueMapper<K, V, KeyValue<KR, VR>>,
): ProcessorSupplier<K, V, KR, VR> {
  return () => new StreamMap(mapper)
}

/**
 * The selectKey processor supplier.
 *
 * @example
 * ```ts
 * streamSelectKey<string, Lap, number>((k, lap) => lap.car)
 * ```
 */
export function streamSelectKey<K, V, KR>(selector: KeyValueMapper<K, V, KR>): ProcessorSupplier<K, V, KR, V> {
  return () => new SelectKey(selector)
}
