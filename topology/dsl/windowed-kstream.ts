/**
 * @module
 * The public windowed-stream handles returned by `KGroupedStream.windowedBy()`: their
 * aggregations are tables keyed by {@link Windowed} keys, one row per key and window.
 */
import type { Windowed } from '../../stores/api.ts'
import type { Aggregator, Initializer, Reducer } from './functions.ts'
import type { KTable } from './ktable.ts'
import type { Materialized } from './materialized.ts'
import type { Named } from './named.ts'

/** Combines the aggregates of two session windows that a record merged. */
export type Merger<K, VA> = (key: K, aggregate1: VA, aggregate2: VA) => VA

/**
 * A stream grouped by key and by time windows (tumbling, hopping or sliding).
 *
 * @example
 * ```ts
 * stream.groupByKey().windowedBy(TimeWindows.ofSizeAndGrace(10_000, 1_000).advanceBy(1_000)).count()
 * ```
 */
export interface TimeWindowedKStream<K, V> {
  /** Records per key and window. */
  count(materialized?: Materialized<K, number>, named?: Named): KTable<Windowed<K>, number>
  /** Combines the values per key and window (the first value is the initial aggregate). */
  reduce(reducer: Reducer<V>, materialized?: Materialized<K, V>, named?: Named): KTable<Windowed<K>, V>
  /** Folds the values per key and window into an aggregate starting at `initializer()`. */
  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: Aggregator<K, V, VA>,
    materialized?: Materialized<K, VA>,
    named?: Named,
  ): KTable<Windowed<K>, VA>
}

/**
 * A stream grouped by key and by session windows.
 *
 * @example
 * ```ts
 * stream.groupByKey().windowedBy(SessionWindows.ofInactivityGapAndGrace(30_000, 5_000)).count()
 * ```
 */
export interface SessionWindowedKStream<K, V> {
  /** Records per key and session. */
  count(materialized?: Materialized<K, number>, named?: Named): KTable<Windowed<K>, number>
  /** Combines the values per session (merged sessions combine with the same reducer). */
  reduce(reducer: Reducer<V>, materialized?: Materialized<K, V>, named?: Named): KTable<Windowed<K>, V>
  /** Folds the values per session; `merger` combines two sessions bridged by a record. */
  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: Aggregator<K, V, VA>,
    merger: Merger<K, VA>,
    materialized?: Materialized<K, VA>,
    named?: Named,
  ): KTable<Windowed<K>, VA>
}
