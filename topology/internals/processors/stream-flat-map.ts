/**
 * @module
 * `KStream.flatMap` / `flatMapValues`: zero or more records per record, forwarded in order.
 */
import type { KeyValue, KeyValueMapper, ValueMapper } from '../../dsl/functions.ts'
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'

type Expand<K, V, KR, VR> = (record: Record<K, V>) => Iterable<KeyValue<KR, VR>>

class StreamFlatMap<K, V, KR, VR> implements Processor<K, V, KR, VR> {
  #ctx!: ProcessorContext<KR, VR>
  readonly #expand: Expand<K, V, KR, VR>

  constructor(expand: Expand<K, V, KR, VR>) {
    this.#expand = expand
  }

  init(ctx: ProcessorContext<KR, VR>): void {
    this.#ctx = ctx
  }

  async process(record: Record<K, V>): Promise<void> {
    for (const out of this.#expand(record)) {
      await this.#ctx.forward({ key: out.key, value: out.value, timestamp: record.timestamp, headers: record.headers })
    }
  }
}

/**
 * The flatMap processor supplier.
 *
 * @example
 * ```ts
 * streamFlatMap<string, string, string, number>((k, v) => [...v].map((c) => ({ key: c, value: 1 })))
 * ```
 */
export function streamFlatMap<K, V, KR, VR>(
  mapper: KeyValueMapper<K, V, Iterable<KeyValue<KR, VR>>>,
): ProcessorSupplier<K, V, KR, VR> {
  return () => new StreamFlatMap<K, V, KR, VR>((r) => mapper(r.key, r.value))
}

/**
 * The flatMapValues processor supplier.
 *
 * @example
 * ```ts
 * streamFlatMapValues<string, string, string>((v) => v.split(' '))
 * ```
 */
export function streamFlatMapValues<K, V, VR>(mapper: ValueMapper<V, Iterable<VR>, K>): ProcessorSupplier<K, V, K, VR> {
  return () =>
    new StreamFlatMap<K, V, K, VR>(function* (r) {
      for (const value of mapper(r.value, r.key)) yield { key: r.key, value }
    })
}
