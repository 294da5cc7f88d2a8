/**
 * @module
 * `KTable.filter / filterNot`: a row that fails the predicate becomes a delete. Both the new and
 * the old value are filtered, so a row leaving the filter emits a tombstone and a change that is
 * invisible on both sides emits nothing. When materialized, the result is stored too.
 */
import type { KeyValueStore } from '../../../stores/api.ts'
import type { Predicate } from '../../dsl/functions.ts'
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'
import { type Change, change } from '../change.ts'
import { TupleForwarder } from './tuple-forwarder.ts'

class TableFilter<K, V> implements Processor<K, Change<V>, K, Change<V>> {
  readonly #predicate: Predicate<K, V>
  readonly #negate: boolean
  readonly #storeName: string | undefined
  #ctx!: ProcessorContext<K, Change<V>>
  #store: KeyValueStore<K, V> | undefined
  #forwarder: TupleForwarder<K, V> | undefined

  constructor(predicate: Predicate<K, V>, negate: boolean, storeName: string | undefined) {
    this.#predicate = predicate
    this.#negate = negate
    this.#storeName = storeName
  }

  init(ctx: ProcessorContext<K, Change<V>>): void {
    this.#ctx = ctx
    if (this.#storeName === undefined) return
    this.#store = ctx.getStateStore(this.#storeName)
    this.#forwarder = new TupleForwarder(this.#store, ctx)
  }

  process(record: Record<K, Change<V>>): Promise<void> | undefined {
    const newValue = this.#keep(record.key, record.value.newValue)
    const oldValue = this.#keep(record.key, record.value.oldValue)
    if (newValue === null && oldValue === null) return undefined
    if (this.#store === undefined) return this.#ctx.forward({ ...record, value: change(newValue, oldValue) })
    return this.#store.put(record.key, newValue).then(() => this.#forwarder!.maybeForward(record, newValue, oldValue))
  }

  #keep(key: K, value: V | null): V | null {
    return value !== null && value !== undefined && this.#predicate(key, value) !== this.#negate ? value : null
  }
}

/**
 * The table filter processor supplier.
 *
 * @example
 * ```ts
 * tableFilter<string, Driver>((k, d) => d.active, false, undefined)
 * ```
 */
export function tableFilter<K, V>(
  predicate: Predicate<K, V>,
  negate: boolean,
  storeName: string | undefined,
): ProcessorSupplier<K, Change<V>, K, Change<V>> {
  return () => new TableFilter(predicate, negate, storeName)
}
