/**
 * @module
 * `TimeWindowedKStreamImpl`: aggregations of a grouped stream over tumbling/hopping
 * (`TimeWindows`) or sliding (`SlidingWindows`) windows. Each adds the aggregation processor and
 * its window store (values kept with their timestamps), registers the grace for `suppress()`, and
 * returns a table keyed by `Windowed<K>`.
 */
import type { Windowed } from '../../../stores/api.ts'
import type { Aggregator, Initializer, Reducer } from '../../dsl/functions.ts'
import type { KTable } from '../../dsl/ktable.ts'
import { Materialized } from '../../dsl/materialized.ts'
import { Named } from '../../dsl/named.ts'
import type { TimeWindowedKStream } from '../../dsl/windowed-kstream.ts'
import type { ProcessorSupplier } from '../../processor.ts'
import { type Serde, Serdes } from '../../serdes.ts'
import { invalidArgument } from '../../windows/durations.ts'
import { SlidingWindows } from '../../windows/sliding-windows.ts'
import { TimeWindows } from '../../windows/time-windows.ts'
import { WindowedSerdes } from '../../windows/windowed-serdes.ts'
import { slidingWindowAggregate } from '../processors/sliding-window-aggregate.ts'
import { valueAndTimestampSerde } from '../processors/value-and-timestamp.ts'
import { windowAggregate } from '../processors/window-aggregate.ts'
import { windowStoreValueGetter } from '../processors/windowed-value-getters.ts'
import { addProcessor } from './graph-helpers.ts'
import type { KGroupedStreamImpl } from './kgrouped-stream-impl.ts'
import { KTableImpl } from './ktable-impl.ts'
import { optionalInstance, requireFunction } from './validate.ts'
import { registerWindowGrace } from './window-grace.ts'
import { windowStore } from './windowed-stores.ts'

/**
 * The handle behind {@link TimeWindowedKStream}.
 *
 * @example
 * ```ts
 * new TimeWindowedKStreamImpl(grouped, TimeWindows.ofSizeWithNoGrace(1_000)).count()
 * ```
 */
export class TimeWindowedKStreamImpl<K, V> implements TimeWindowedKStream<K, V> {
  readonly #grouped: KGroupedStreamImpl<K, V>
  readonly #windows: TimeWindows | SlidingWindows

  constructor(grouped: KGroupedStreamImpl<K, V>, windows: TimeWindows | SlidingWindows) {
    this.#grouped = grouped
    this.#windows = windows
  }

  count(materialized?: Materialized<K, number>, named?: Named): KTable<Windowed<K>, number> {
    const mat = materialized ?? Materialized.with<K, number>(undefined, undefined)
    return this.#aggregate<number>(
      'count()',
      'KSTREAM-AGGREGATE',
      () => 0,
      (_k, _v, n) => n + 1,
      mat.valueSerde ? mat : mat.withValueSerde(Serdes.double()),
      named,
    )
  }

  reduce(reducer: Reducer<V>, materialized?: Materialized<K, V>, named?: Named): KTable<Windowed<K>, V> {
    requireFunction('reduce()', 'reducer', reducer)
    const mat = materialized ?? Materialized.with<K, V>(undefined, undefined)
    const withSerde = mat.valueSerde || !this.#grouped.valueSerde ? mat : mat.withValueSerde(this.#grouped.valueSerde)
    return this.#aggregate<V | null>(
      'reduce()',
      'KSTREAM-REDUCE',
      () => null,
      (_k, v, a) => (a === null ? v : reducer(a, v)),
      withSerde as Materialized<K, V | null>,
      named,
    ) as KTable<Windowed<K>, V>
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: Aggregator<K, V, VA>,
    materialized?: Materialized<K, VA>,
    named?: Named,
  ): KTable<Windowed<K>, VA> {
    requireFunction('aggregate()', 'initializer', initializer)
    requireFunction('aggregate()', 'aggregator', aggregator)
    return this.#aggregate('aggregate()', 'KSTREAM-AGGREGATE', initializer, aggregator, materialized, named)
  }

  #aggregate<VA>(
    method: string,
    prefix: string,
    initializer: () => VA,
    aggregator: Aggregator<K, V, VA>,
    materialized: Materialized<K, VA> | undefined,
    named: Named | undefined,
  ): KTable<Windowed<K>, VA> {
    optionalInstance(method, 'materialized', materialized, Materialized)
    optionalInstance(method, 'named', named, Named)
    const windows = this.#windows
    const builder = this.#grouped.stream.builder
    const storeName = builder.storeName(materialized?.storeName, prefix)
    const keySerde = (materialized?.keySerde ?? this.#grouped.keySerde ?? builder.defaults.keySerde) as Serde<K>
    const valueSerde = (materialized?.valueSerde ?? builder.defaults.valueSerde) as Serde<VA>
    const windowSizeMs = windows instanceof TimeWindows ? windows.sizeMs : windows.timeDifferenceMs
    const minRetention =
      windows instanceof TimeWindows ? windows.sizeMs + windows.graceMs : windows.timeDifferenceMs + windows.graceMs
    const retentionMs = materialized?.retentionMs ?? windows.defaultRetentionMs()
    if (retentionMs < minRetention) {
      invalidArgument(method, `retention (${retentionMs} ms) must be at least window size + grace (${minRetention} ms)`)
    }
    builder.addStore(
      windowStore(storeName, { retentionMs, windowSizeMs }, keySerde, valueAndTimestampSerde(valueSerde), {
        type: materialized?.storeType ?? builder.defaults.storeType,
        caching: materialized?.cachingEnabled ?? true,
        logging: materialized?.loggingEnabled ?? true,
        topicConfig: materialized?.topicConfig ?? {},
      }),
    )
    const name = builder.processorName(named?.name, prefix)
    const source = this.#grouped.sourceNodeFor(storeName)
    const options = { storeName, initializer, aggregator }
    const supplier: ProcessorSupplier<K, V, Windowed<K>, unknown> = windows instanceof SlidingWindows
      ? () => slidingWindowAggregate({ ...options, windows })
      : () => windowAggregate({ ...options, windows })
    const node = addProcessor(builder, name, [source], supplier, [storeName])
    registerWindowGrace(node, windows.graceMs)
    const windowedKeySerde = WindowedSerdes.timeWindowed(keySerde, windowSizeMs)
    return new KTableImpl<Windowed<K>, VA>(
      builder,
      node,
      windowedKeySerde,
      valueSerde,
      windowStoreValueGetter<K, VA>(storeName),
      storeName,
    )
  }
}
