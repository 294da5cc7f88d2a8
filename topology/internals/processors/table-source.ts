/**
 * @module
 * `builder.table()` and `KStream.toTable()`: upserts each record into the table's store (a null
 * value deletes) and forwards the change with the value it replaced.
 */
import type { KeyValueStore } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'
import type { Change } from '../change.ts'
import { TupleForwarder } from './tuple-forwarder.ts'

class TableSource<K, V> implements Processor<K, V, K, Change<V>> {
  readonly #storeName: string
  #ctx!: ProcessorContext<K, Change<V>>
  #store!: KeyValueStore<K, V>
  #forwarder!: TupleForwarder<K, V>

  constructor(storeName: string) {
    this.#storeName = storeName
  }

  init(ctx: ProcessorContext<K, Change<V>>): void {
    this.#ctx = ctx
    this.#store = ctx.getStateStore(this.#storeName)
    this.#forwarder = new TupleForwarder(this.#store, ctx)
  }

  async process(record: Record<K, V>): Promise<void> {
    if (record.key === null || record.key === undefined) {
      this.#ctx.recordMetric('dropped-records')
      return
    }
    const value = record.value ?? null
    const old = (await this.#store.get(record.key)) ?? null
    await this.#store.put(record.key, value)
    return this.#forwarder.maybeForward(record, value, old)
  }
}

/**
 * The table source processor supplier.
 *
 * @example
 * ```ts
 * tableSource<string, Driver>('drivers-STATE-STORE-0000000001')
 * ```
 */
export function tableSource<K, V>(storeName: string): ProcessorSupplier<K, V, K, Change<V>> {
  return () => new TableSource<K, V>(storeName)
}
