/**
 * @module
 * `KStream.join / leftJoin(table)`: each stream record looks up the table row of its key at that
 * moment; table updates trigger nothing. Inner joins drop records without a row; left joins pass
 * `null`. Records with a null key or value are skipped (`dropped-records`).
 */
import type { ValueJoiner } from '../../dsl/functions.ts'
import type { Processor, ProcessorContext, ProcessorSupplier, Record } from '../../processor.ts'
import { droppedForNull } from './record-guards.ts'
import type { TableValueGetter, TableValueGetterSupplier } from './table-value-getter.ts'

class StreamTableJoin<K, V, VT, VR> implements Processor<K, V, K, VR> {
  readonly #getterSupplier: TableValueGetterSupplier<K, VT>
  readonly #joiner: ValueJoiner<V, VT | null, VR>
  readonly #left: boolean
  #ctx!: ProcessorContext<K, VR>
  #getter!: TableValueGetter<K, VT>

  constructor(getter: TableValueGetterSupplier<K, VT>, joiner: ValueJoiner<V, VT | null, VR>, left: boolean) {
    this.#getterSupplier = getter
    this.#joiner = joiner
    this.#left = left
  }

  init(ctx: ProcessorContext<K, VR>): void {
    this.#ctx = ctx
    this.#getter = this.#getterSupplier.get()
    this.#getter.init(ctx as ProcessorContext<unknown, unknown>)
  }

  async process(record: Record<K, V>): Promise<void> {
    if (droppedForNull(record, this.#ctx)) return
    const other = (await this.#getter.get(record.key)) ?? null
    if (other === null && !this.#left) return
    const value = this.#joiner(record.value, other)
    return this.#ctx.forward({ key: record.key, value, timestamp: record.timestamp, headers: record.headers })
  }
}

/**
 * The stream-table join processor supplier.
 *
 * @example
 * ```ts
 * streamTableJoin(storeValueGetter('drivers-store'), (lap, driver) => ({ ...lap, driver }), true)
 * ```
 */
export function streamTableJoin<K, V, VT, VR>(
  getter: TableValueGetterSupplier<K, VT>,
  joiner: ValueJoiner<V, VT | null, VR>,
  left: boolean,
): ProcessorSupplier<K, V, K, VR> {
  return () => new StreamTableJoin(getter, joiner, left)
}
