/**
 * @module
 * The public `KTable` interface: an immutable handle on a changelog stream, the latest value per
 * key, with `null` values as deletes.
 */

import type { Suppressed } from '../windows/suppressed.ts'
import type { KeyValue, KeyValueMapper, Predicate, ValueJoiner, ValueMapper } from './functions.ts'
import type { Grouped } from './grouped.ts'
import type { KGroupedTable } from './kgrouped-table.ts'
import type { KStream } from './kstream.ts'
import type { Materialized } from './materialized.ts'
import type { Named } from './named.ts'

/**
 * A table with keys `K` and values `V`.
 *
 * @example
 * ```ts
 * const drivers = builder.table('drivers', Consumed.with(Serdes.string(), Serdes.json<Driver>()))
 * drivers.filter((k, d) => d.active).toStream().to('active-drivers')
 * ```
 */
export interface KTable<K, V> {
  /** The queryable store holding this table's values, if materialized. */
  readonly queryableStoreName: string | undefined
  /** Keeps the rows for which `predicate` is true (others become deletes). */
  filter(
    predicate: Predicate<K, V>,
    named?: Named | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<K, V>
  /** Keeps the rows for which `predicate` is false. */
  filterNot(
    predicate: Predicate<K, V>,
    named?: Named | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<K, V>
  /** Maps each row's value (deletes stay deletes). */
  mapValues<VR>(
    mapper: ValueMapper<V, VR, K>,
    named?: Named | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR>
  /** The table's changes as a stream (deletes as `null` values). */
  toStream(named?: Named): KStream<K, V>
  /** Re-groups rows by a new key and value, for aggregation with adder and subtractor. */
  groupBy<KR, VR>(selector: KeyValueMapper<K, V, KeyValue<KR, VR>>, grouped?: Grouped<KR, VR>): KGroupedTable<KR, VR>
  /** Inner join with another table: a row while both tables have the key (retracted when either goes). */
  join<VO, VR>(
    other: KTable<K, VO>,
    joiner: ValueJoiner<V, VO, VR>,
    named?: Named | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR>
  /** Left join: a row while this table has the key, with `null` for a missing other row. */
  leftJoin<VO, VR>(
    other: KTable<K, VO>,
    joiner: ValueJoiner<V, VO | null, VR>,
    named?: Named | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR>
  /** Outer join: a row while either table has the key. */
  outerJoin<VO, VR>(
    other: KTable<K, VO>,
    joiner: ValueJoiner<V | null, VO | null, VR>,
    named?: Named | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR>
  /** Holds back updates: one final result per window (`untilWindowCloses`) or per time limit. */
  suppress(suppressed: Suppressed): KTable<K, V>
}
