/**
 * @module
 * Aggregations of a re-grouped table (`KTable.groupBy(...).aggregate/reduce/count`): a re-keying
 * processor sends each change as a subtraction under the old value's key and an addition under
 * the new value's key, through the `<name>-repartition` topic, to the aggregation processor that
 * applies the subtractor and the adder and materializes the result.
 */
import type { Aggregator, Initializer, Reducer } from '../../dsl/functions.ts'
import type { KTable } from '../../dsl/ktable.ts'
import { Materialized } from '../../dsl/materialized.ts'
import { Named } from '../../dsl/named.ts'
import { Serdes } from '../../serdes.ts'
import { changeSerde } from '../processors/change-serde.ts'
import { tableAggregate } from '../processors/table-aggregate.ts'
import { tableRepartitionMap } from '../processors/table-repartition-map.ts'
import { storeValueGetter } from '../processors/table-value-getter.ts'
import { addProcessor, addRepartition } from './graph-helpers.ts'
import type { KGroupedTableImpl } from './kgrouped-table-impl.ts'
import { KTableImpl } from './ktable-impl.ts'
import { materializeKeyValue, withDefaultValueSerde } from './materialize.ts'
import { optionalInstance, requireFunction } from './validate.ts'

interface Folds<K, V, VA> {
  readonly initializer?: () => VA
  readonly adder: (key: K, value: V, aggregate: VA) => VA
  readonly subtractor: (key: K, value: V, aggregate: VA) => VA
}

function aggregateGrouped<K, V, VA>(
  grouped: KGroupedTableImpl<K, V>,
  method: string,
  prefix: string,
  folds: Folds<K, V, VA>,
  materialized: Materialized<K, VA> | undefined,
  named: Named | undefined,
): KTable<K, VA> {
  optionalInstance(method, 'materialized', materialized, Materialized)
  optionalInstance(method, 'named', named, Named)
  const { builder } = grouped.table
  const store = materializeKeyValue(builder, materialized, prefix, grouped.keySerde, undefined)
  const selectName = builder.processorName(undefined, 'KTABLE-SELECT')
  const select = addProcessor(builder, selectName, [grouped.table.node], () => tableRepartitionMap(grouped.selector))
  const repartition = addRepartition(builder, select, {
    userName: grouped.groupedName,
    generatedBase: store.name,
    keySerde: grouped.keySerde,
    valueSerde: changeSerde(grouped.valueSerde),
    dropNullKeys: false,
  })
  const name = builder.processorName(named?.name, prefix)
  const node = addProcessor(builder, name, [repartition], () => tableAggregate({ storeName: store.name, ...folds }), [
    store.name,
  ])
  return new KTableImpl<K, VA>(
    builder,
    node,
    store.keySerde,
    store.valueSerde,
    storeValueGetter(store.name),
    store.name,
  )
}

/**
 * `KGroupedTable.aggregate`.
 *
 * @example
 * ```ts
 * groupedTableAggregate(grouped, () => 0, (_k, v, a) => a + v, (_k, v, a) => a - v)
 * ```
 */
export function groupedTableAggregate<K, V, VA>(
  grouped: KGroupedTableImpl<K, V>,
  initializer: Initializer<VA>,
  adder: Aggregator<K, V, VA>,
  subtractor: Aggregator<K, V, VA>,
  materialized?: Materialized<K, VA>,
  named?: Named,
): KTable<K, VA> {
  requireFunction('aggregate()', 'initializer', initializer)
  requireFunction('aggregate()', 'adder', adder)
  requireFunction('aggregate()', 'subtractor', subtractor)
  return aggregateGrouped(
    grouped,
    'aggregate()',
    'KTABLE-AGGREGATE',
    { initializer, adder, subtractor },
    materialized,
    named,
  )
}

/**
 * `KGroupedTable.reduce`: the first value of a key is its aggregate.
 *
 * @example
 * ```ts
 * groupedTableReduce(grouped, (a, v) => a + v, (a, v) => a - v)
 * ```
 */
export function groupedTableReduce<K, V>(
  grouped: KGroupedTableImpl<K, V>,
  adder: Reducer<V>,
  subtractor: Reducer<V>,
  materialized?: Materialized<K, V>,
  named?: Named,
): KTable<K, V> {
  requireFunction('reduce()', 'adder', adder)
  requireFunction('reduce()', 'subtractor', subtractor)
  const folds: Folds<K, V, V> = { adder: (_k, v, a) => adder(a, v), subtractor: (_k, v, a) => subtractor(a, v) }
  return aggregateGrouped(
    grouped,
    'reduce()',
    'KTABLE-REDUCE',
    folds,
    withDefaultValueSerde(materialized, grouped.valueSerde),
    named,
  )
}

/**
 * `KGroupedTable.count`: rows per new key (a key whose rows all moved away counts 0).
 *
 * @example
 * ```ts
 * groupedTableCount(grouped)
 * ```
 */
export function groupedTableCount<K, V>(
  grouped: KGroupedTableImpl<K, V>,
  materialized?: Materialized<K, number>,
  named?: Named,
): KTable<K, number> {
  const folds: Folds<K, V, number> = {
    initializer: () => 0,
    adder: (_k, _v, n) => n + 1,
    subtractor: (_k, _v, n) => n - 1,
  }
  return aggregateGrouped(
    grouped,
    'count()',
    'KTABLE-AGGREGATE',
    folds,
    withDefaultValueSerde(materialized, Serdes.double()),
    named,
  )
}
