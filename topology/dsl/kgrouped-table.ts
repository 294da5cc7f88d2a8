/**
 * @module
 * The public `KGroupedTable`: a table re-grouped by a new key, aggregated with an adder and a
 * subtractor (the old value of a changed row is subtracted from its old group).
 */
import type { Serde } from '../serdes.ts'
import type { Aggregator, Initializer, Reducer } from './functions.ts'
import type { KTable } from './ktable.ts'
import type { Materialized } from './materialized.ts'
import type { Named } from './named.ts'

/**
 * A re-grouped table: each row change subtracts the old value from its old group and adds the new one.
 *
 * @example
 * ```ts
 * const points = drivers.groupBy((id, d) => ({ key: d.team, value: d.points }))
 *   .aggregate(() => 0, (_team, p, sum) => sum + p, (_team, p, sum) => sum - p)
 * ```
 */
export interface KGroupedTable<K, V> {
  /** Serde of the new keys (Grouped or the builder default). */
  readonly keySerde: Serde<K>
  /** Serde of the values (Grouped or the builder default). */
  readonly valueSerde: Serde<V>
  /** Folds values per new key: `adder` for new values, `subtractor` for replaced or deleted ones. */
  aggregate<VA>(
    initializer: Initializer<VA>,
    adder: Aggregator<K, V, VA>,
    subtractor: Aggregator<K, V, VA>,
    materialized?: Materialized<K, VA>,
    named?: Named,
  ): KTable<K, VA>
  /** Like aggregate, with the first value of a key as its initial aggregate. */
  reduce(adder: Reducer<V>, subtractor: Reducer<V>, materialized?: Materialized<K, V>, named?: Named): KTable<K, V>
  /** Rows per new key. */
  count(materialized?: Materialized<K, number>, named?: Named): KTable<K, number>
}
