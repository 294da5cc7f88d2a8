/**
 * @module
 * The second half of `KTable.groupBy()` (Kafka's KTableAggregate and KTableReduce): a change
 * first subtracts its old value from the key's aggregate, then adds its new value, stores the
 * result with the newest timestamp and forwards the change of the aggregate. An aggregate that
 * becomes null is deleted (a tombstone downstream).
 */
import type { KeyValueStore } from '../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../processor.ts'
import type { Change } from '../change.ts'
import type { ValueAndTimestamp } from './value-and-timestamp.ts'
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
  let store: KeyValueStore<K, ValueAndTimestamp<A>>
  return {
    init(context) {
      ctx = context
      store = context.getStateStore(storeName)
    },
    async process(record: Record<K, Change<V>>) {
      if (record.key === null || record.key === undefined) {
        ctx.recordMetric('dropped-records')
        return
      }
      const { newValue, oldValue } = record.value
      const old = await store.get(record.key)
      const oldAgg = old === undefined || old === null ? null : old.value
      let agg = oldAgg
      let timestamp = record.timestamp
      if (oldValue !== null && oldValue !== undefined && oldAgg !== null) {
        agg = subtractor(record.key, oldValue, oldAgg)
        timestamp = Math.max(record.timestamp, old!.timestamp)
      }
      if (newValue !== null && newValue !== undefined) {
        if (agg === null) agg = initializer ? adder(record.key, newValue, initializer()) : (newValue as unknown as A)
        else agg = adder(record.key, newValue, agg)
        if (oldAgg !== null) timestamp = Math.max(record.timestamp, old!.timestamp)
      }
      await store.put(record.key, agg === null || agg === undefined ? null : { value: agg, timestamp })
      await ctx.forward({ ...record, value: { newValue: agg ?? null, oldValue: oldAgg }, timestamp })
    },
  }
}
