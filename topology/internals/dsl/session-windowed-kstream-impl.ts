/**
 * @module
 * `SessionWindowedKStreamImpl`: session aggregations of a grouped stream. Each adds the session
 * aggregation processor and its session store, registers the grace for `suppress()`, and returns
 * a table keyed by `Windowed<K>` (the session window).
 */
import type { Windowed } from '../../../stores/api.ts'
import type { Aggregator, Initializer, Reducer } from '../../dsl/functions.ts'
import type { KTable } from '../../dsl/ktable.ts'
import { Materialized } from '../../dsl/materialized.ts'
import { Named } from '../../dsl/named.ts'
import type { Merger, SessionWindowedKStream } from '../../dsl/windowed-kstream.ts'
import { type Serde, Serdes } from '../../serdes.ts'
import { invalidArgument } from '../../windows/durations.ts'
import type { SessionWindows } from '../../windows/session-windows.ts'
import { WindowedSerdes } from '../../windows/windowed-serdes.ts'
import { sessionWindowAggregate } from '../processors/session-window-aggregate.ts'
import { sessionStoreValueGetter } from '../processors/windowed-value-getters.ts'
import { addProcessor } from './graph-helpers.ts'
import type { KGroupedStreamImpl } from './kgrouped-stream-impl.ts'
import { KTableImpl } from './ktable-impl.ts'
import { optionalInstance, requireFunction } from './validate.ts'
import { registerWindowGrace } from './window-grace.ts'
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
    const mat = materialized ?? Materialized.with<K, number>(undefined, undefined)
    const withSerde = mat.valueSerde ? mat : mat.withValueSerde(Serdes.double())
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
    const mat = materialized ?? Materialized.with<K, V>(undefined, undefined)
    const withSerde = mat.valueSerde || !this.#grouped.valueSerde ? mat : mat.withValueSerde(this.#grouped.valueSerde)
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
    optionalInstance(method, 'materialized', materialized, Materialized)
    optionalInstance(method, 'named', named, Named)
    const windows = this.#windows
    const builder = this.#grouped.stream.builder
    const storeName = builder.storeName(materialized?.storeName, prefix)
    const keySerde = (materialized?.keySerde ?? this.#grouped.keySerde ?? builder.defaults.keySerde) as Serde<K>
    const valueSerde = (materialized?.valueSerde ?? builder.defaults.valueSerde) as Serde<VA>
    const retentionMs = materialized?.retentionMs ?? windows.defaultRetentionMs()
    if (retentionMs < windows.defaultRetentionMs()) {
      invalidArgument(
        method,
        `retention (${retentionMs} ms) must be at least inactivity gap + grace (${windows.defaultRetentionMs()} ms)`,
      )
    }
    builder.addStore(
      sessionStore(storeName, retentionMs, keySerde, valueSerde, {
        type: materialized?.storeType ?? builder.defaults.storeType,
        caching: materialized?.cachingEnabled ?? true,
        logging: materialized?.loggingEnabled ?? true,
        topicConfig: materialized?.topicConfig ?? {},
      }),
    )
    const name = builder.processorName(named?.name, prefix)
    const source = this.#grouped.sourceNodeFor(storeName)
    const supplier = () => sessionWindowAggregate({ storeName, windows, initializer, aggregator, merger })
    const node = addProcessor(builder, name, [source], supplier, [storeName])
    registerWindowGrace(node, windows.graceMs)
    const windowedKeySerde = WindowedSerdes.sessionWindowed(keySerde)
    return new KTableImpl<Windowed<K>, VA>(
      builder,
      node,
      windowedKeySerde,
      valueSerde,
      sessionStoreValueGetter<K, VA>(storeName),
      storeName,
    )
  }
}
