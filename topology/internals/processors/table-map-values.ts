/**
 * @module
 * `KTable.mapValues`: maps the new and the old value of each change; deletes stay deletes.
 * When materialized, the result is stored too.
 */
import type { KeyValueStore } from '../../../stores/api.ts'
import type { ValueMapper } from '../../dsl/functions.ts'
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'
import { type Change, change } from '../change.ts'
import { TupleForwarder } from './tuple-forwarder.ts'

class TableMapValues<K, V, VR> implements Processor<K, Change<V>, K, Change<VR>> {
  readonly #mapper: ValueMapper<V, VR, K>
  readonly #storeName: string | undefined
  #ctx!: ProcessorContext<K, Change<VR>>
  #store: KeyValueStore<K, VR> | undefined
  #forwarder: TupleForwarder<K, VR> | undefined

  constructor(mapper: ValueMapper<V, VR, K>, storeName: string | undefined) {
    this.#mapper = mapper
    this.#storeName = storeName
  }

  init(ctx: ProcessorContext<K, Change<VR>>): void {
    this.#ctx = ctx
    if (this.#storeName === undefined) return
    this.#store = ctx.getStateStore(this.#storeName)
    this.#forwarder = new TupleForwarder(this.#store, ctx)
  }

  process(record: Record<K, Change<V>>): Promise<void> {
    const newValue = this.#map(record.key, record.value.newValue)
    const oldValue = this.#map(record.key, record.value.oldValue)
    if (this.#store === undefined) return this.#ctx.forward({ ...record, value: change(newValue, oldValue) })
    return this.#store.put(record.key, newValue).then(() => this.#forwarder!.maybeForward(record, newValue, oldValue))
  }

  #map(key: K, value: V | null): VR | null {
    return value === null || value === undefined ? null : this.#mapper(value, key)
  }
}

/**
 * The table mapValues processor supplier.
 *
 * @example
 * ```ts
 * tableMapValues<string, Driver, string>((d) => d.name, undefined)
 * ```
 */
export function tableMapValues<K, V, VR>(
  mapper: ValueMapper<V, VR, K>,
  storeName: string | undefined,
): ProcessorSupplier<K, Change<V>, K, Change<VR>> {
  return () => new TableMapValues(mapper, storeName)
}
