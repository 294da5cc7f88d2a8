/**
 * @module
 * `KGroupedStream.count / reduce / aggregate`: folds each record into the aggregate of its key in
 * the store and forwards the change (or lets the store's cache forward it on flush). Records with
 * a null key or value are skipped and counted as `dropped-records`, as in Kafka Streams.
 */
import type { KeyValueStore } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'
import type { Change } from '../change.ts'
import { droppedForNull } from './record-guards.ts'
import { TupleForwarder } from './tuple-forwarder.ts'

/** Folds one value into the previous aggregate (`null` when the key is new). */
export type Fold<K, V, VA> = (key: K, value: V, previous: VA | null) => VA

class StreamAggregate<K, V, VA> implements Processor<K, V, K, Change<VA>> {
  readonly #storeName: string
  readonly #fold: Fold<K, V, VA>
  #ctx!: ProcessorContext<K, Change<VA>>
  #store!: KeyValueStore<K, VA>
  #forwarder!: TupleForwarder<K, VA>

  constructor(storeName: string, fold: Fold<K, V, VA>) {
    this.#storeName = storeName
    this.#fold = fold
  }

  init(ctx: ProcessorContext<K, Change<VA>>): void {
    this.#ctx = ctx
    this.#store = ctx.getStateStore(this.#storeName)
    this.#forwarder = new TupleForwarder(this.#store, ctx)
  }

  async process(record: Record<K, V>): Promise<void> {
    if (droppedForNull(record, this.#ctx)) return
    const old = (await this.#store.get(record.key)) ?? null
    const next = this.#fold(record.key, record.value, old)
    await this.#store.put(record.key, next)
    return this.#forwarder.maybeForward(record, next, old)
  }
}

/**
 * The aggregate processor supplier; count, reduce and aggregate differ only in `fold`.
 *
 * @example
 * ```ts
 * streamAggregate<string, unknown, number>('counts', (k, v, n) => (n ?? 0) + 1)
 * ```
 */
export function streamAggregate<K, V, VA>(
  storeName: string,
  fold: Fold<K, V, VA>,
): ProcessorSupplier<K, V, K, Change<VA>> {
  return () => new StreamAggregate(storeName, fold)
}
