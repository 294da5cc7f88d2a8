/**
 * @module
 * `KGroupedStreamImpl`: a stream grouped by key. Its aggregations repartition first when the key
 * may have changed (topic `<Grouped name or store name>-repartition`), then add the aggregate
 * processor with its store, and return a table handle reading that store.
 */
import type { Aggregator, Initializer, Reducer } from '../../dsl/functions.ts'
import type { KGroupedStream } from '../../dsl/kgrouped-stream.ts'
import type { KTable } from '../../dsl/ktable.ts'
import { Materialized } from '../../dsl/materialized.ts'
import { Named } from '../../dsl/named.ts'
import type { SessionWindowedKStream, TimeWindowedKStream } from '../../dsl/windowed-kstream.ts'
import { type Serde, Serdes } from '../../serdes.ts'
import type { SessionWindows } from '../../windows/session-windows.ts'
import type { SlidingWindows } from '../../windows/sliding-windows.ts'
import type { TimeWindows } from '../../windows/time-windows.ts'
import type { GraphNode } from '../graph/graph-node.ts'
import { type Fold, streamAggregate } from '../processors/stream-aggregate.ts'
import { storeValueGetter } from '../processors/table-value-getter.ts'
import { addProcessor, addRepartition } from './graph-helpers.ts'
import type { KStreamImpl } from './kstream-impl.ts'
import { KTableImpl } from './ktable-impl.ts'
import { materializeKeyValue, withDefaultValueSerde } from './materialize.ts'
import { optionalInstance, requireFunction } from './validate.ts'
import { windowedBy } from './windowed-by.ts'

/**
 * The grouped-stream handle behind {@link KGroupedStream}.
 *
 * @example
 * ```ts
 * new KGroupedStreamImpl(stream, Serdes.string(), Serdes.json(), undefined, false).count()
 * ```
 */
export class KGroupedStreamImpl<K, V> implements KGroupedStream<K, V> {
  readonly stream: KStreamImpl<K, V>
  readonly keySerde: Serde<K> | undefined
  readonly valueSerde: Serde<V> | undefined
  readonly groupedName: string | undefined
  readonly repartitionRequired: boolean

  constructor(
    stream: KStreamImpl<K, V>,
    keySerde: Serde<K> | undefined,
    valueSerde: Serde<V> | undefined,
    groupedName: string | undefined,
    repartitionRequired: boolean,
  ) {
    this.stream = stream
    this.keySerde = keySerde
    this.valueSerde = valueSerde
    this.groupedName = groupedName
    this.repartitionRequired = repartitionRequired
  }

  count(materialized?: Materialized<K, number>, named?: Named): KTable<K, number> {
    const fold: Fold<K, V, number> = (_k, _v, n) => (n ?? 0) + 1
    const mat = withDefaultValueSerde(materialized, Serdes.double())
    return this.#aggregate('count()', 'KSTREAM-AGGREGATE', fold, mat, named)
  }

  reduce(reducer: Reducer<V>, materialized?: Materialized<K, V>, named?: Named): KTable<K, V> {
    requireFunction('reduce()', 'reducer', reducer)
    const fold: Fold<K, V, V> = (_k, v, previous) => (previous === null ? v : reducer(previous, v))
    return this.#aggregate(
      'reduce()',
      'KSTREAM-REDUCE',
      fold,
      materialized ?? Materialized.with(undefined, this.valueSerde),
      named,
    )
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: Aggregator<K, V, VA>,
    materialized?: Materialized<K, VA>,
    named?: Named,
  ): KTable<K, VA> {
    requireFunction('aggregate()', 'initializer', initializer)
    requireFunction('aggregate()', 'aggregator', aggregator)
    const fold: Fold<K, V, VA> = (k, v, previous) => aggregator(k, v, previous === null ? initializer() : previous)
    return this.#aggregate('aggregate()', 'KSTREAM-AGGREGATE', fold, materialized, named)
  }

  /**
   * The node a stateful operation on this grouping reads from: the stream itself, or a
   * repartition of it named after `storeName` (or the Grouped name). Used by windowed aggregations too.
   */
  sourceNodeFor(storeName: string): GraphNode {
    if (!this.repartitionRequired) return this.stream.node
    const builder = this.stream.builder
    return addRepartition(builder, this.stream.node, {
      userName: this.groupedName,
      generatedBase: storeName,
      keySerde: this.keySerde ?? builder.defaults.keySerde,
      valueSerde: this.valueSerde ?? builder.defaults.valueSerde,
      dropNullKeys: true,
    })
  }

  #aggregate<VA>(
    method: string,
    prefix: string,
    fold: Fold<K, V, VA>,
    materialized: Materialized<K, VA> | undefined,
    named: Named | undefined,
  ): KTable<K, VA> {
    optionalInstance(method, 'materialized', materialized, Materialized)
    optionalInstance(method, 'named', named, Named)
    const builder = this.stream.builder
    const store = materializeKeyValue(builder, materialized, prefix, this.keySerde, undefined)
    const name = builder.processorName(named?.name, prefix)
    const source = this.sourceNodeFor(store.name)
    const node = addProcessor(builder, name, [source], streamAggregate(store.name, fold), [store.name])
    return new KTableImpl<K, VA>(
      builder,
      node,
      store.keySerde,
      store.valueSerde,
      storeValueGetter(store.name),
      store.name,
    )
  }

  windowedBy(windows: TimeWindows | SlidingWindows): TimeWindowedKStream<K, V>
  windowedBy(windows: SessionWindows): SessionWindowedKStream<K, V>
  windowedBy(
    windows: TimeWindows | SlidingWindows | SessionWindows,
  ): TimeWindowedKStream<K, V> | SessionWindowedKStream<K, V> {
    return windowedBy(this, windows)
  }
}
