/**
 * @module
 * `KTableImpl`: the immutable table handle. Besides serdes it carries a value getter supplier, so
 * joins can read the current row of a key (from the store, or through unmaterialized
 * filter/mapValues steps), and the name of its queryable store, if any.
 */
import type { KeyValue, KeyValueMapper, Predicate, ValueJoiner, ValueMapper } from '../../dsl/functions.ts'
import { Grouped } from '../../dsl/grouped.ts'
import type { KGroupedTable } from '../../dsl/kgrouped-table.ts'
import type { KStream } from '../../dsl/kstream.ts'
import type { KTable } from '../../dsl/ktable.ts'
import { Materialized } from '../../dsl/materialized.ts'
import { Named } from '../../dsl/named.ts'
import type { Serde } from '../../serdes.ts'
import type { Suppressed } from '../../windows/suppressed.ts'
import type { GraphNode } from '../graph/graph-node.ts'
import type { InternalStreamsBuilder } from '../graph/internal-builder.ts'
import { tableFilter } from '../processors/table-filter.ts'
import { tableMapValues } from '../processors/table-map-values.ts'
import { tableToStream } from '../processors/table-to-stream.ts'
import { mappedValueGetter, storeValueGetter, type TableValueGetterSupplier } from '../processors/table-value-getter.ts'
import { addProcessor } from './graph-helpers.ts'
import { KGroupedTableImpl } from './kgrouped-table-impl.ts'
import { KStreamImpl } from './kstream-impl.ts'
import { materializeKeyValue } from './materialize.ts'
import { suppressTable } from './table-suppress-impl.ts'
import { joinTables } from './table-table-join-impl.ts'
import { optionalInstance, requireFunction } from './validate.ts'

/**
 * The table handle behind {@link KTable}. Its node forwards `Change<V>` values.
 *
 * @example
 * ```ts
 * const t = new KTableImpl(builder, node, Serdes.string(), Serdes.json(), storeValueGetter('store'), 'store')
 * ```
 */
export class KTableImpl<K, V> implements KTable<K, V> {
  readonly builder: InternalStreamsBuilder
  readonly node: GraphNode
  readonly keySerde: Serde<K> | undefined
  readonly valueSerde: Serde<V> | undefined
  readonly valueGetter: TableValueGetterSupplier<K, V>
  readonly queryableStoreName: string | undefined

  constructor(
    builder: InternalStreamsBuilder,
    node: GraphNode,
    keySerde: Serde<K> | undefined,
    valueSerde: Serde<V> | undefined,
    valueGetter: TableValueGetterSupplier<K, V>,
    queryableStoreName: string | undefined,
  ) {
    this.builder = builder
    this.node = node
    this.keySerde = keySerde
    this.valueSerde = valueSerde
    this.valueGetter = valueGetter
    this.queryableStoreName = queryableStoreName
  }

  filter(
    predicate: Predicate<K, V>,
    named?: Named | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<K, V> {
    return this.#filter('filter()', predicate, false, named, materialized)
  }

  filterNot(
    predicate: Predicate<K, V>,
    named?: Named | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<K, V> {
    return this.#filter('filterNot()', predicate, true, named, materialized)
  }

  mapValues<VR>(
    mapper: ValueMapper<V, VR, K>,
    named?: Named | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR> {
    requireFunction('mapValues()', 'mapper', mapper)
    const [given, mat] = splitOptions('mapValues()', named, materialized)
    const name = this.builder.processorName(given, 'KTABLE-MAPVALUES')
    const store =
      mat === undefined
        ? undefined
        : materializeKeyValue(this.builder, mat, 'KTABLE-MAPVALUES', this.keySerde, undefined)
    const node = addProcessor(
      this.builder,
      name,
      [this.node],
      tableMapValues(mapper, store?.name),
      store ? [store.name] : [],
    )
    const getter =
      store === undefined
        ? mappedValueGetter<K, V, VR>(this.valueGetter, (k, v) => (v === null ? null : mapper(v, k)))
        : storeValueGetter<K, VR>(store.name)
    return new KTableImpl<K, VR>(this.builder, node, this.keySerde, store?.valueSerde, getter, store?.name)
  }

  toStream(named?: Named): KStream<K, V> {
    optionalInstance('toStream()', 'named', named, Named)
    const node = addProcessor(
      this.builder,
      this.builder.processorName(named?.name, 'KTABLE-TOSTREAM'),
      [this.node],
      tableToStream(),
    )
    return new KStreamImpl<K, V>(this.builder, node, this.keySerde, this.valueSerde, false)
  }

  /** Re-groups the table by a new key; aggregations come with the windows and joins module. */
  groupBy<KR, VR>(selector: KeyValueMapper<K, V, KeyValue<KR, VR>>, grouped?: Grouped<KR, VR>): KGroupedTable<KR, VR> {
    requireFunction('groupBy()', 'selector', selector)
    optionalInstance('groupBy()', 'grouped', grouped, Grouped)
    return new KGroupedTableImpl<KR, VR>(this, selector as KeyValueMapper<unknown, unknown, KeyValue<KR, VR>>, grouped)
  }

  join<VO, VR>(
    other: KTable<K, VO>,
    joiner: ValueJoiner<V, VO, VR>,
    named?: Named | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR> {
    return joinTables(
      this,
      'join()',
      other,
      joiner as ValueJoiner<V | null, VO | null, VR>,
      'inner',
      named,
      materialized,
    )
  }

  leftJoin<VO, VR>(
    other: KTable<K, VO>,
    joiner: ValueJoiner<V, VO | null, VR>,
    named?: Named | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR> {
    return joinTables(
      this,
      'leftJoin()',
      other,
      joiner as ValueJoiner<V | null, VO | null, VR>,
      'left',
      named,
      materialized,
    )
  }

  outerJoin<VO, VR>(
    other: KTable<K, VO>,
    joiner: ValueJoiner<V | null, VO | null, VR>,
    named?: Named | Materialized<K, VR>,
    materialized?: Materialized<K, VR>,
  ): KTable<K, VR> {
    return joinTables(this, 'outerJoin()', other, joiner, 'outer', named, materialized)
  }

  suppress(suppressed: Suppressed): KTable<K, V> {
    return suppressTable(this, suppressed)
  }

  #filter(
    method: string,
    predicate: Predicate<K, V>,
    negate: boolean,
    named?: Named | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<K, V> {
    requireFunction(method, 'predicate', predicate)
    const [given, mat] = splitOptions(method, named, materialized)
    const name = this.builder.processorName(given, 'KTABLE-FILTER')
    const store =
      mat === undefined
        ? undefined
        : materializeKeyValue(this.builder, mat, 'KTABLE-FILTER', this.keySerde, this.valueSerde)
    const node = addProcessor(
      this.builder,
      name,
      [this.node],
      tableFilter(predicate, negate, store?.name),
      store ? [store.name] : [],
    )
    const keep = (k: K, v: V | null) => (v !== null && predicate(k, v) !== negate ? v : null)
    const getter =
      store === undefined ? mappedValueGetter<K, V, V>(this.valueGetter, keep) : storeValueGetter<K, V>(store.name)
    return new KTableImpl<K, V>(this.builder, node, this.keySerde, this.valueSerde, getter, store?.name)
  }
}

/** Accepts `(named?, materialized?)` or `(materialized)` like Kafka's overloads. */
function splitOptions<K, V>(
  method: string,
  named: Named | Materialized<K, V> | undefined,
  materialized: Materialized<K, V> | undefined,
): [string | undefined, Materialized<K, V> | undefined] {
  if (named instanceof Materialized) return [undefined, named]
  optionalInstance(method, 'named', named, Named)
  optionalInstance(method, 'materialized', materialized, Materialized)
  return [named?.name, materialized]
}
