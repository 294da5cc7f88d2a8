/**
 * @module
 * The public `KStream` interface: an immutable handle on a record stream. Every method validates
 * its arguments, adds a node to the topology and returns a new handle; none sees a record.
 */
import type { ProcessorSupplier } from '../processor.ts'
import type { JoinWindows } from '../windows/join-windows.ts'
import type { BranchedKStream } from './branched-kstream.ts'
import type { FixedKeyProcessorSupplier } from './fixed-key-processor.ts'
import type {
  ForeachAction,
  KeyValue,
  KeyValueMapper,
  Predicate,
  TopicNameExtractor,
  ValueJoiner,
  ValueMapper,
} from './functions.ts'
import type { Grouped } from './grouped.ts'
import type { Joined } from './joined.ts'
import type { KGroupedStream } from './kgrouped-stream.ts'
import type { KTable } from './ktable.ts'
import type { Materialized } from './materialized.ts'
import type { Named } from './named.ts'
import type { Printed } from './printed.ts'
import type { Produced } from './produced.ts'
import type { Repartitioned } from './repartitioned.ts'
import type { StreamJoined } from './stream-joined.ts'

/**
 * A stream of records with keys `K` and values `V` (Kafka Streams semantics).
 *
 * @example
 * ```ts
 * builder.stream('laps', Consumed.with(Serdes.string(), Serdes.json<Lap>()))
 *   .filter((car, lap) => lap.valid)
 *   .mapValues((lap) => lap.timeMs)
 *   .to('lap-times', Produced.with(Serdes.string(), Serdes.double()))
 * ```
 */
export interface KStream<K, V> {
  /** Keeps the records for which `predicate` is true. */
  filter(predicate: Predicate<K, V>, named?: Named): KStream<K, V>
  /** Keeps the records for which `predicate` is false. */
  filterNot(predicate: Predicate<K, V>, named?: Named): KStream<K, V>
  /** New key and value per record; stateful operations downstream repartition. */
  map<KR, VR>(mapper: KeyValueMapper<K, V, KeyValue<KR, VR>>, named?: Named): KStream<KR, VR>
  /** New value per record (the key is passed read-only as second argument). */
  mapValues<VR>(mapper: ValueMapper<V, VR, K>, named?: Named): KStream<K, VR>
  /** Zero or more records per record; stateful operations downstream repartition. */
  flatMap<KR, VR>(mapper: KeyValueMapper<K, V, Iterable<KeyValue<KR, VR>>>, named?: Named): KStream<KR, VR>
  /** Zero or more values per record, same key. */
  flatMapValues<VR>(mapper: ValueMapper<V, Iterable<VR>, K>, named?: Named): KStream<K, VR>
  /** A new key per record; stateful operations downstream repartition. */
  selectKey<KR>(mapper: KeyValueMapper<K, V, KR>, named?: Named): KStream<KR, V>
  /** Runs `action` per record and forwards it unchanged. */
  peek(action: ForeachAction<K, V>, named?: Named): KStream<K, V>
  /** Runs `action` per record (terminal). */
  foreach(action: ForeachAction<K, V>, named?: Named): void
  /** Splits into named branches: `split(Named.as('p-')).branch(pred, Branched.as('a')).defaultBranch()`. */
  split(named?: Named): BranchedKStream<K, V>
  /** Both streams as one. */
  merge(other: KStream<K, V>, named?: Named): KStream<K, V>
  /** Repartitions through an internal `<name>-repartition` topic. */
  repartition(repartitioned?: Repartitioned<K, V>): KStream<K, V>
  /** Writes to a topic, or to the topic chosen per record. */
  to(topic: string | TopicNameExtractor<K, V>, produced?: Produced<K, V>): void
  /** The stream as a changelog: a table of the latest value per key (null values delete). */
  toTable(named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V>
  /** Groups by the current key (repartitions first if the key was changed). */
  groupByKey(grouped?: Grouped<K, V>): KGroupedStream<K, V>
  /** Groups by a new key (always repartitions). */
  groupBy<KR>(selector: KeyValueMapper<K, V, KR>, grouped?: Grouped<KR, V>): KGroupedStream<KR, V>
  /** Inner join with a table: each stream record looks up the table; table updates emit nothing. */
  join<VT, VR>(table: KTable<K, VT>, joiner: ValueJoiner<V, VT, VR>, joined?: Joined<K, V, VT>): KStream<K, VR>
  /** Windowed inner join with another stream: pairs of records of equal key within the join window. */
  join<VO, VR>(
    otherStream: KStream<K, VO>,
    joiner: ValueJoiner<V, VO, VR>,
    windows: JoinWindows,
    streamJoined?: StreamJoined<K, V, VO>,
  ): KStream<K, VR>
  /** Left join with a table: like join, with `null` as table value when the key is absent. */
  leftJoin<VT, VR>(
    table: KTable<K, VT>,
    joiner: ValueJoiner<V, VT | null, VR>,
    joined?: Joined<K, V, VT>,
  ): KStream<K, VR>
  /** Windowed left join: unmatched records of this stream are emitted with `null` once their window closes. */
  leftJoin<VO, VR>(
    otherStream: KStream<K, VO>,
    joiner: ValueJoiner<V, VO | null, VR>,
    windows: JoinWindows,
    streamJoined?: StreamJoined<K, V, VO>,
  ): KStream<K, VR>
  /** Windowed outer join: unmatched records of either stream are emitted with `null` once their window closes. */
  outerJoin<VO, VR>(
    otherStream: KStream<K, VO>,
    joiner: ValueJoiner<V | null, VO | null, VR>,
    windows: JoinWindows,
    streamJoined?: StreamJoined<K, V, VO>,
  ): KStream<K, VR>
  /**
   * Runs a custom processor connected to the named stores (added with `builder.addStateStore`).
   * It may change keys, so stateful operations downstream repartition; use `processValues` if it
   * keeps them.
   */
  process<KR, VR>(
    supplier: ProcessorSupplier<K, V, KR, VR>,
    ...storeNamesOrNamed: Array<string | Named>
  ): KStream<KR, VR>
  /**
   * Runs a custom processor that changes values only (Kafka Streams' `processValues`, KIP-820):
   * the stream keeps its partitioning, so `groupByKey()` or a join downstream does not
   * repartition. Forwarding a record with another key than the one processed fails the task.
   *
   * @example
   * ```ts
   * samples.processValues((): FixedKeyProcessor<string, Sample, number> => {
   *   let ctx: ProcessorContext<string, number>
   *   return { init: (c) => { ctx = c }, process: (r) => ctx.forward({ ...r, value: r.value.speedMs * 3.6 }) }
   * }).groupByKey().reduce(Math.max) // no repartition topic
   * ```
   */
  processValues<VR>(
    supplier: FixedKeyProcessorSupplier<K, V, VR>,
    ...storeNamesOrNamed: Array<string | Named>
  ): KStream<K, VR>
  /**
   * Prints each record as `[label]: key, value` to standard output or a file (terminal; for
   * debugging). The label defaults to the processor name.
   *
   * @example
   * ```ts
   * laps.print(Printed.toSysOut<string, Lap>().withLabel('laps')) // [laps]: car-44, {"lap":3,"timeMs":91234}
   * ```
   */
  print(printed: Printed<K, V>): void
}
