/**
 * @module
 * `KStreamImpl`: the immutable stream handle. Each method validates, names, adds a graph node and
 * returns a new handle carrying the serdes it knows and whether the key may have changed
 * (`repartitionRequired`), which makes the next stateful operation repartition.
 */
import type { BranchedKStream } from '../../dsl/branched-kstream.ts'
import type { FixedKeyProcessorSupplier } from '../../dsl/fixed-key-processor.ts'
import type {
  ForeachAction,
  KeyValue,
  KeyValueMapper,
  Predicate,
  TopicNameExtractor,
  ValueJoiner,
  ValueMapper,
} from '../../dsl/functions.ts'
import { Grouped } from '../../dsl/grouped.ts'
import { Joined } from '../../dsl/joined.ts'
import type { KGroupedStream } from '../../dsl/kgrouped-stream.ts'
import type { KStream } from '../../dsl/kstream.ts'
import type { KTable } from '../../dsl/ktable.ts'
import { Materialized } from '../../dsl/materialized.ts'
import { Named } from '../../dsl/named.ts'
import type { Printed } from '../../dsl/printed.ts'
import { Produced } from '../../dsl/produced.ts'
import { Repartitioned } from '../../dsl/repartitioned.ts'
import type { StreamJoined } from '../../dsl/stream-joined.ts'
import type { ProcessorSupplier } from '../../processor.ts'
import type { Serde } from '../../serdes.ts'
import type { JoinWindows } from '../../windows/join-windows.ts'
import type { GraphNode } from '../graph/graph-node.ts'
import type { InternalStreamsBuilder } from '../graph/internal-builder.ts'
import { streamFilter } from '../processors/stream-filter.ts'
import { streamFlatMap, streamFlatMapValues } from '../processors/stream-flat-map.ts'
import { streamMap, streamSelectKey } from '../processors/stream-map.ts'
import { streamMapValues } from '../processors/stream-map-values.ts'
import { passThrough } from '../processors/stream-merge.ts'
import { streamPeek } from '../processors/stream-peek.ts'
import { streamProcessValues } from '../processors/stream-process-values.ts'
import { BranchedKStreamImpl } from './branched-kstream-impl.ts'
import { addProcessor, addRepartition } from './graph-helpers.ts'
import { KGroupedStreamImpl } from './kgrouped-stream-impl.ts'
import { addPrint, addUserProcessor } from './stream-process.ts'
import { streamTableJoin, streamToTable } from './stream-stateful.ts'
import { joinStreams } from './stream-stream-join-impl.ts'
import { optionalInstance, requireFunction, requireInstance, requireString } from './validate.ts'

/**
 * The stream handle behind {@link KStream}.
 *
 * @example
 * ```ts
 * const next = new KStreamImpl(builder, sourceNode, Serdes.string(), Serdes.json(), false).filter((k, v) => v !== null)
 * ```
 */
export class KStreamImpl<K, V> implements KStream<K, V> {
  readonly builder: InternalStreamsBuilder
  readonly node: GraphNode
  /** Known serdes; `undefined` after a mapping changed the type (the builder default applies). */
  readonly keySerde: Serde<K> | undefined
  readonly valueSerde: Serde<V> | undefined
  readonly repartitionRequired: boolean

  constructor(
    builder: InternalStreamsBuilder,
    node: GraphNode,
    keySerde: Serde<K> | undefined,
    valueSerde: Serde<V> | undefined,
    repartitionRequired: boolean,
  ) {
    this.builder = builder
    this.node = node
    this.keySerde = keySerde
    this.valueSerde = valueSerde
    this.repartitionRequired = repartitionRequired
  }

  filter(predicate: Predicate<K, V>, named?: Named): KStream<K, V> {
    return this.#filter('filter()', predicate, named, false)
  }

  filterNot(predicate: Predicate<K, V>, named?: Named): KStream<K, V> {
    return this.#filter('filterNot()', predicate, named, true)
  }

  map<KR, VR>(mapper: KeyValueMapper<K, V, KeyValue<KR, VR>>, named?: Named): KStream<KR, VR> {
    const node = this.#add('map()', 'mapper', mapper, named, 'KSTREAM-MAP', streamMap(mapper))
    return new KStreamImpl<KR, VR>(this.builder, node, undefined, undefined, true)
  }

  mapValues<VR>(mapper: ValueMapper<V, VR, K>, named?: Named): KStream<K, VR> {
    const node = this.#add('mapValues()', 'mapper', mapper, named, 'KSTREAM-MAPVALUES', streamMapValues(mapper))
    return new KStreamImpl<K, VR>(this.builder, node, this.keySerde, undefined, this.repartitionRequired)
  }

  flatMap<KR, VR>(mapper: KeyValueMapper<K, V, Iterable<KeyValue<KR, VR>>>, named?: Named): KStream<KR, VR> {
    const node = this.#add('flatMap()', 'mapper', mapper, named, 'KSTREAM-FLATMAP', streamFlatMap(mapper))
    return new KStreamImpl<KR, VR>(this.builder, node, undefined, undefined, true)
  }

  flatMapValues<VR>(mapper: ValueMapper<V, Iterable<VR>, K>, named?: Named): KStream<K, VR> {
    const supplier = streamFlatMapValues(mapper)
    const node = this.#add('flatMapValues()', 'mapper', mapper, named, 'KSTREAM-FLATMAPVALUES', supplier)
    return new KStreamImpl<K, VR>(this.builder, node, this.keySerde, undefined, this.repartitionRequired)
  }

  selectKey<KR>(mapper: KeyValueMapper<K, V, KR>, named?: Named): KStream<KR, V> {
    const node = this.#add('selectKey()', 'mapper', mapper, named, 'KSTREAM-KEY-SELECT', streamSelectKey(mapper))
    return new KStreamImpl<KR, V>(this.builder, node, undefined, this.valueSerde, true)
  }

  peek(action: ForeachAction<K, V>, named?: Named): KStream<K, V> {
    return this.#same(this.#add('peek()', 'action', action, named, 'KSTREAM-PEEK', streamPeek(action, true)))
  }

  foreach(action: ForeachAction<K, V>, named?: Named): void {
    this.#add('foreach()', 'action', action, named, 'KSTREAM-FOREACH', streamPeek(action, false))
  }

  split(named?: Named): BranchedKStream<K, V> {
    optionalInstance('split()', 'named', named, Named)
    return new BranchedKStreamImpl(this, named?.name)
  }

  merge(other: KStream<K, V>, named?: Named): KStream<K, V> {
    requireInstance('merge()', 'other', other, KStreamImpl, 'KStream')
    optionalInstance('merge()', 'named', named, Named)
    const that = other as KStreamImpl<K, V>
    if (that.builder !== this.builder)
      requireInstance('merge()', 'other', null, KStreamImpl, 'KStream of the same builder')
    const name = this.builder.processorName(named?.name, 'KSTREAM-MERGE')
    const node = addProcessor(this.builder, name, [this.node, that.node], passThrough())
    const repartition = this.repartitionRequired || that.repartitionRequired
    return new KStreamImpl<K, V>(this.builder, node, this.keySerde, this.valueSerde, repartition)
  }

  repartition(repartitioned?: Repartitioned<K, V>): KStream<K, V> {
    optionalInstance('repartition()', 'repartitioned', repartitioned, Repartitioned)
    const keySerde = repartitioned?.keySerde ?? this.keySerde
    const valueSerde = repartitioned?.valueSerde ?? this.valueSerde
    const node = addRepartition(this.builder, this.node, {
      userName: repartitioned?.name ?? this.builder.processorName(undefined, 'KSTREAM-REPARTITION'),
      keySerde: keySerde ?? this.builder.defaults.keySerde,
      valueSerde: valueSerde ?? this.builder.defaults.valueSerde,
      partitions: repartitioned?.numberOfPartitions,
      partitioner: repartitioned?.partitioner,
      dropNullKeys: false,
    })
    return new KStreamImpl<K, V>(this.builder, node, keySerde, valueSerde, false)
  }

  to(topic: string | TopicNameExtractor<K, V>, produced?: Produced<K, V>): void {
    if (typeof topic !== 'function') requireString('to()', 'topic', topic)
    optionalInstance('to()', 'produced', produced, Produced)
    this.builder.addNode({
      kind: 'sink',
      name: this.builder.processorName(produced?.name, 'KSTREAM-SINK'),
      parents: [this.node],
      topic,
      keySerde: produced?.keySerde ?? this.keySerde ?? this.builder.defaults.keySerde,
      valueSerde: produced?.valueSerde ?? this.valueSerde ?? this.builder.defaults.valueSerde,
      partitioner: produced?.partitioner,
    })
  }

  toTable(named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    if (named instanceof Materialized) return this.toTable(undefined, named)
    optionalInstance('toTable()', 'named', named, Named)
    optionalInstance('toTable()', 'materialized', materialized, Materialized)
    return streamToTable(this, named?.name, materialized)
  }

  groupByKey(grouped?: Grouped<K, V>): KGroupedStream<K, V> {
    optionalInstance('groupByKey()', 'grouped', grouped, Grouped)
    const keySerde = grouped?.keySerde ?? this.keySerde
    const valueSerde = grouped?.valueSerde ?? this.valueSerde
    return new KGroupedStreamImpl<K, V>(this, keySerde, valueSerde, grouped?.name, this.repartitionRequired)
  }

  groupBy<KR>(selector: KeyValueMapper<K, V, KR>, grouped?: Grouped<KR, V>): KGroupedStream<KR, V> {
    requireFunction('groupBy()', 'selector', selector)
    optionalInstance('groupBy()', 'grouped', grouped, Grouped)
    const name = this.builder.processorName(undefined, 'KSTREAM-KEY-SELECT')
    const node = addProcessor(this.builder, name, [this.node], streamSelectKey(selector))
    const rekeyed = new KStreamImpl<KR, V>(this.builder, node, undefined, this.valueSerde, true)
    return new KGroupedStreamImpl<KR, V>(
      rekeyed,
      grouped?.keySerde,
      grouped?.valueSerde ?? this.valueSerde,
      grouped?.name,
      true,
    )
  }

  join<VO, VR>(
    other: KStream<K, VO>,
    joiner: ValueJoiner<V, VO, VR>,
    windows: JoinWindows,
    streamJoined?: StreamJoined<K, V, VO>,
  ): KStream<K, VR>
  join<VT, VR>(table: KTable<K, VT>, joiner: ValueJoiner<V, VT, VR>, joined?: Joined<K, V, VT>): KStream<K, VR>
  join<VT, VR>(
    table: KTable<K, VT> | KStream<K, VT>,
    joiner: ValueJoiner<V, VT, VR>,
    joinedOrWindows?: Joined<K, V, VT> | JoinWindows,
    streamJoined?: StreamJoined<K, V, VT>,
  ): KStream<K, VR> {
    return this.#join('join()', 'inner', table, joiner, joinedOrWindows, streamJoined)
  }

  leftJoin<VO, VR>(
    other: KStream<K, VO>,
    joiner: ValueJoiner<V, VO | null, VR>,
    windows: JoinWindows,
    streamJoined?: StreamJoined<K, V, VO>,
  ): KStream<K, VR>
  leftJoin<VT, VR>(
    table: KTable<K, VT>,
    joiner: ValueJoiner<V, VT | null, VR>,
    joined?: Joined<K, V, VT>,
  ): KStream<K, VR>
  leftJoin<VT, VR>(
    table: KTable<K, VT> | KStream<K, VT>,
    joiner: ValueJoiner<V, VT | null, VR>,
    joinedOrWindows?: Joined<K, V, VT> | JoinWindows,
    streamJoined?: StreamJoined<K, V, VT>,
  ): KStream<K, VR> {
    return this.#join('leftJoin()', 'left', table, joiner, joinedOrWindows, streamJoined)
  }

  /** A windowed join with another stream, or a lookup join with a table. */
  #join<VT, VR>(
    method: string,
    kind: 'inner' | 'left',
    other: KTable<K, VT> | KStream<K, VT>,
    joiner: ValueJoiner<V, VT, VR> | ValueJoiner<V, VT | null, VR>,
    joinedOrWindows: Joined<K, V, VT> | JoinWindows | undefined,
    streamJoined: StreamJoined<K, V, VT> | undefined,
  ): KStream<K, VR> {
    const join = joiner as ValueJoiner<V | null, VT | null, VR>
    if (other instanceof KStreamImpl)
      return joinStreams(this, method, other, join, joinedOrWindows as JoinWindows, streamJoined, kind)
    const joined = joinedOrWindows as Joined<K, V, VT> | undefined
    optionalInstance(method, 'joined', joined, Joined)
    return streamTableJoin(this, method, other as KTable<K, VT>, join, joined, kind === 'left')
  }

  outerJoin<VO, VR>(
    other: KStream<K, VO>,
    joiner: ValueJoiner<V | null, VO | null, VR>,
    windows: JoinWindows,
    streamJoined?: StreamJoined<K, V, VO>,
  ): KStream<K, VR> {
    return joinStreams(this, 'outerJoin()', other, joiner, windows, streamJoined, 'outer')
  }

  process<KR, VR>(
    supplier: ProcessorSupplier<K, V, KR, VR>,
    ...storeNamesOrNamed: Array<string | Named>
  ): KStream<KR, VR> {
    const args = [this.builder, this.node, 'process()', 'KSTREAM-PROCESSOR', supplier, storeNamesOrNamed] as const
    const node = addUserProcessor(...args, (_, user) => user)
    return new KStreamImpl<KR, VR>(this.builder, node, undefined, undefined, true)
  }

  processValues<VR>(
    supplier: FixedKeyProcessorSupplier<K, V, VR>,
    ...storeNamesOrNamed: Array<string | Named>
  ): KStream<K, VR> {
    const args = [
      this.builder,
      this.node,
      'processValues()',
      'KSTREAM-PROCESSVALUES',
      supplier,
      storeNamesOrNamed,
    ] as const
    const node = addUserProcessor(...args, streamProcessValues)
    return new KStreamImpl<K, VR>(this.builder, node, this.keySerde, undefined, this.repartitionRequired)
  }

  print(printed: Printed<K, V>): void {
    addPrint(this.builder, this.node, printed)
  }

  /** A handle on `node` with this handle's serdes and repartition flag. */
  #same(node: GraphNode): KStreamImpl<K, V> {
    return new KStreamImpl<K, V>(this.builder, node, this.keySerde, this.valueSerde, this.repartitionRequired)
  }

  #filter(method: string, predicate: Predicate<K, V>, named: Named | undefined, negate: boolean): KStream<K, V> {
    return this.#same(
      this.#add(method, 'predicate', predicate, named, 'KSTREAM-FILTER', streamFilter(predicate, negate)),
    )
  }

  #add(
    method: string,
    arg: string,
    fn: unknown,
    named: Named | undefined,
    prefix: string,
    supplier: ProcessorSupplier<any, any, any, any>,
  ): GraphNode {
    requireFunction(method, arg, fn)
    optionalInstance(method, 'named', named, Named)
    return addProcessor(this.builder, this.builder.processorName(named?.name, prefix), [this.node], supplier)
  }
}
