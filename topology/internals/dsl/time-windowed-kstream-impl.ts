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
import type { Materialized } from '../../dsl/materialized.ts'
import type { Named } from '../../dsl/named.ts'
import type { TimeWindowedKStream } from '../../dsl/windowed-kstream.ts'
import type { ProcessorSupplier } from '../../processor.ts'
import { Serdes } from '../../serdes.ts'
import { invalidArgument } from '../../windows/durations.ts'
import { SlidingWindows } from '../../windows/sliding-windows.ts'
import { TimeWindows } from '../../windows/time-windows.ts'
import { WindowedSerdes } from '../../windows/windowed-serdes.ts'
import { slidingWindowAggregate } from '../processors/sliding-window-aggregate.ts'
import { valueAndTimestampSerde } from '../processors/value-and-timestamp.ts'
import { windowAggregate } from '../processors/window-aggregate.ts'
import { windowStoreValueGetter } from '../processors/windowed-value-getters.ts'
import type { KGroupedStreamImpl } from './kgrouped-stream-impl.ts'
import { withDefaultValueSerde } from './materialize.ts'
import { requireFunction } from './validate.ts'
import { addWindowedAggregation } from './windowed-aggregation.ts'
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
    return this.#aggregate<number>(
      'count()',
      'KSTREAM-AGGREGATE',
      () => 0,
      (_k, _v, n) => n + 1,
      withDefaultValueSerde(materialized, Serdes.double()),
      named,
    )
  }

  reduce(reducer: Reducer<V>, materialized?: Materialized<K, V>, named?: Named): KTable<Windowed<K>, V> {
    requireFunction('reduce()', 'reducer', reducer)
    const withSerde = withDefaultValueSerde(materialized, this.#grouped.valueSerde)
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
    const windows = this.#windows
    const call = { method, prefix, materialized, named, graceMs: windows.graceMs }
    return addWindowedAggregation(this.#grouped, call, (spec) => {
      const windowSizeMs = windows instanceof TimeWindows ? windows.sizeMs : windows.timeDifferenceMs
      const minRetention = windowSizeMs + windows.graceMs
      const retentionMs = spec.retentionMs ?? windows.defaultRetentionMs()
      if (retentionMs < minRetention) {
        invalidArgument(
          method,
          `retention (${retentionMs} ms) must be at least window size + grace (${minRetention} ms)`,
        )
      }
      const { name: storeName, keySerde, valueSerde, layers } = spec
      const options = { storeName, initializer, aggregator }
      const supplier: ProcessorSupplier<K, V, Windowed<K>, unknown> = windows instanceof SlidingWindows
        ? () => slidingWindowAggregate({ ...options, windows })
        : () => windowAggregate({ ...options, windows })
      return {
        store: windowStore(
          storeName,
          { retentionMs, windowSizeMs },
          keySerde,
          valueAndTimestampSerde(valueSerde),
          layers,
        ),
        supplier,
        windowedKeySerde: WindowedSerdes.timeWindowed(keySerde, windowSizeMs),
        valueGetter: windowStoreValueGetter<K, VA>(storeName),
      }
    })
  }
}
