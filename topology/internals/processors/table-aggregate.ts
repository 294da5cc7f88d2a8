/**
 * @module
 * The second half of `KTable.groupBy()` (Kafka's KTableAggregate and KTableReduce): a change
 * first subtracts its old value from the key's aggregate, then adds its new value, stores the
 * result and forwards the change of the aggregate (on cache flush when the store caches). An
 * aggregate that becomes null is deleted (a tombstone downstream).
 */
import type { KeyValueStore } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { Change } from '../change.ts'
import { TupleForwarder } from './tuple-forwarder.ts'
import type { Aggregator } from './window-aggregate.ts'

/** How a grouped table folds values: `initializer` is absent for reduce (the first value is the aggregate). */
export interface TableAggregateOptions<K, V, A> {
  readonly storeName: string
  readonly initializer?: () => A
  readonly adder: Aggregator<K, V, A>
  readonly subtractor: Aggregator<K, V, A>
}

/**
 * Makes the grouped-table aggregation processor of one task.
 *
 * @example
 * ```ts
 * const points = () => tableAggregate({ storeName: 'team-points', initializer: () => 0,
 *   adder: (_k, v: number, a: number) => a + v, subtractor: (_k, v: number, a: number) => a - v })
 * ```
 */
export function tableAggregate<K, V, A>(
  options: TableAggregateOptions<K, V, A>,
): Processor<K, Change<V>, K, Change<A>> {
  const { storeName, initializer, adder, subtractor } = options
  let ctx: ProcessorContext<K, Change<A>>
  let store: KeyValueStore<K, A>
  let forwarder: TupleForwarder<K, A>
  return {
    init(context) {
      ctx = context
      store = context.getStateStore(storeName)
      forwarder = new TupleForwarder(store, context)
    },
    async process(record: Record<K, Change<V>>) {
      if (record.key === null || record.key === undefined) {
        ctx.recordMetric('dropped-records')
        return
      }
      const { newValue, oldValue } = record.value
      const oldAgg: A | null = (await store.get(record.key)) ?? null
      let agg: A | null = oldAgg
      if (oldValue !== null && oldValue !== undefined && oldAgg !== null) agg = subtractor(record.key, oldValue, oldAgg)
      if (newValue !== null && newValue !== undefined) {
        if (agg === null) agg = initializer ? adder(record.key, newValue, initializer()) : (newValue as unknown as A)
        else agg = adder(record.key, newValue, agg)
      }
      const next = agg ?? null
      await store.put(record.key, next)
      await forwarder.maybeForward(record, next, oldAgg)
    },
  }
}
