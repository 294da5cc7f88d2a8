/**
 * @module
 * `SessionWindowedKStreamImpl`: session aggregations of a grouped stream. Each adds the session
 * aggregation processor and its session store, registers the grace for `suppress()`, and returns
 * a table keyed by `Windowed<K>` (the session window).
 */
import type { Windowed } from '../../../stores/api.ts'
import type { Aggregator, Initializer, Reducer } from '../../dsl/functions.ts'
import type { KTable } from '../../dsl/ktable.ts'
import type { Materialized } from '../../dsl/materialized.ts'
import type { Named } from '../../dsl/named.ts'
import type { Merger, SessionWindowedKStream } from '../../dsl/windowed-kstream.ts'
import { Serdes } from '../../serdes.ts'
import { invalidArgument } from '../../windows/durations.ts'
import type { SessionWindows } from '../../windows/session-windows.ts'
import { WindowedSerdes } from '../../windows/windowed-serdes.ts'
import { sessionWindowAggregate } from '../processors/session-window-aggregate.ts'
import { sessionStoreValueGetter } from '../processors/windowed-value-getters.ts'
import type { KGroupedStreamImpl } from './kgrouped-stream-impl.ts'
import { withDefaultValueSerde } from './materialize.ts'
import { requireFunction } from './validate.ts'
import { addWindowedAggregation } from './windowed-aggregation.ts'
import { sessionStore } from './windowed-stores.ts'

/**
 * The handle behind {@link SessionWindowedKStream}.
 *
 * @example
 * ```ts
 * new SessionWindowedKStreamImpl(grouped, SessionWindows.ofInactivityGapWithNoGrace(30_000)).count()
 * ```
 */
export class SessionWindowedKStreamImpl<K, V> implements SessionWindowedKStream<K, V> {
  readonly #grouped: KGroupedStreamImpl<K, V>
  readonly #windows: SessionWindows

  constructor(grouped: KGroupedStreamImpl<K, V>, windows: SessionWindows) {
    this.#grouped = grouped
    this.#windows = windows
  }

  count(materialized?: Materialized<K, number>, named?: Named): KTable<Windowed<K>, number> {
    const withSerde = withDefaultValueSerde(materialized, Serdes.double())
    return this.#aggregate<number>(
      'count()',
      'KSTREAM-AGGREGATE',
      () => 0,
      (_k, _v, n) => n + 1,
      (_k, a, b) => a + b,
      withSerde,
      named,
    )
  }

  reduce(reducer: Reducer<V>, materialized?: Materialized<K, V>, named?: Named): KTable<Windowed<K>, V> {
    requireFunction('reduce()', 'reducer', reducer)
    const withSerde = withDefaultValueSerde(materialized, this.#grouped.valueSerde)
    const combine = (a: V | null, b: V | null): V | null => (a === null ? b : b === null ? a : reducer(a, b))
    return this.#aggregate<V | null>(
      'reduce()',
      'KSTREAM-REDUCE',
      () => null,
      (_k, v, a) => combine(a, v),
      (_k, a, b) => combine(a, b),
      withSerde as Materialized<K, V | null>,
      named,
    ) as KTable<Windowed<K>, V>
  }

  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: Aggregator<K, V, VA>,
    merger: Merger<K, VA>,
    materialized?: Materialized<K, VA>,
    named?: Named,
  ): KTable<Windowed<K>, VA> {
    requireFunction('aggregate()', 'initializer', initializer)
    requireFunction('aggregate()', 'aggregator', aggregator)
    requireFunction('aggregate()', 'merger', merger)
    return this.#aggregate('aggregate()', 'KSTREAM-AGGREGATE', initializer, aggregator, merger, materialized, named)
  }

  #aggregate<VA>(
    method: string,
    prefix: string,
    initializer: () => VA,
    aggregator: Aggregator<K, V, VA>,
    merger: Merger<K, VA>,
    materialized: Materialized<K, VA> | undefined,
    named: Named | undefined,
  ): KTable<Windowed<K>, VA> {
    const windows = this.#windows
    const call = { method, prefix, materialized, named, graceMs: windows.graceMs }
    return addWindowedAggregation(this.#grouped, call, (spec) => {
      const retentionMs = spec.retentionMs ?? windows.defaultRetentionMs()
      if (retentionMs < windows.defaultRetentionMs()) {
        invalidArgument(
          method,
          `retention (${retentionMs} ms) must be at least inactivity gap + grace (${windows.defaultRetentionMs()} ms)`,
        )
      }
      const storeName = spec.name
      return {
        store: sessionStore(storeName, retentionMs, spec.keySerde, spec.valueSerde, spec.layers),
        supplier: () => sessionWindowAggregate({ storeName, windows, initializer, aggregator, merger }),
        windowedKeySerde: WindowedSerdes.sessionWindowed(spec.keySerde),
        valueGetter: sessionStoreValueGetter<K, VA>(storeName),
      }
    })
  }
}
