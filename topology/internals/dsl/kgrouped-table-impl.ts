/**
 * @module
 * `KGroupedTableImpl`: a table re-grouped by `selector`. It only records what the aggregations
 * need; count/reduce/aggregate with adder and subtractor are added by the windows and joins
 * module (see README.md in this folder).
 */
import type { Aggregator, Initializer, KeyValue, KeyValueMapper, Reducer } from '../../dsl/functions.ts'
import type { Grouped } from '../../dsl/grouped.ts'
import type { KGroupedTable } from '../../dsl/kgrouped-table.ts'
import type { KTable } from '../../dsl/ktable.ts'
import type { Materialized } from '../../dsl/materialized.ts'
import type { Named } from '../../dsl/named.ts'
import type { Serde } from '../../serdes.ts'
import { groupedTableAggregate, groupedTableCount, groupedTableReduce } from './kgrouped-table-aggregate.ts'
import type { KTableImpl } from './ktable-impl.ts'

/**
 * The grouped-table handle behind {@link KGroupedTable}.
 *
 * @example
 * ```ts
 * const grouped = new KGroupedTableImpl(table, (k, v) => ({ key: v.team, value: v }), undefined)
 * ```
 */
export class KGroupedTableImpl<K, V> implements KGroupedTable<K, V> {
  /** The table being re-grouped (its node forwards `Change` values). */
  readonly table: KTableImpl<unknown, unknown>
  readonly selector: KeyValueMapper<unknown, unknown, KeyValue<K, V>>
  /** `Grouped` name: prefix of the repartition topic and of generated node names. */
  readonly groupedName: string | undefined
  readonly keySerde: Serde<K>
  readonly valueSerde: Serde<V>

  constructor(
    table: KTableImpl<any, any>,
    selector: KeyValueMapper<unknown, unknown, KeyValue<K, V>>,
    grouped: Grouped<K, V> | undefined,
  ) {
    this.table = table
    this.selector = selector
    this.groupedName = grouped?.name
    this.keySerde = grouped?.keySerde ?? (table.builder.defaults.keySerde as Serde<K>)
    this.valueSerde = grouped?.valueSerde ?? (table.builder.defaults.valueSerde as Serde<V>)
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    adder: Aggregator<K, V, VA>,
    subtractor: Aggregator<K, V, VA>,
    materialized?: Materialized<K, VA>,
    named?: Named,
  ): KTable<K, VA> {
    return groupedTableAggregate(this, initializer, adder, subtractor, materialized, named)
  }

  reduce(adder: Reducer<V>, subtractor: Reducer<V>, materialized?: Materialized<K, V>, named?: Named): KTable<K, V> {
    return groupedTableReduce(this, adder, subtractor, materialized, named)
  }

  count(materialized?: Materialized<K, number>, named?: Named): KTable<K, number> {
    return groupedTableCount(this, materialized, named)
  }
}
