/**
 * @module
 * The public `KGroupedStream`: a stream grouped by key, ready to aggregate.
 */

import type { SessionWindows } from '../windows/session-windows.ts'
import type { SlidingWindows } from '../windows/sliding-windows.ts'
import type { TimeWindows } from '../windows/time-windows.ts'
import type { Aggregator, Initializer, Reducer } from './functions.ts'
import type { KTable } from './ktable.ts'
import type { Materialized } from './materialized.ts'
import type { Named } from './named.ts'
import type { SessionWindowedKStream, TimeWindowedKStream } from './windowed-kstream.ts'

/**
 * Aggregations of a grouped stream; results are tables updated per record.
 *
 * @example
 * ```ts
 * const laps = stream.groupByKey().count(Materialized.as('laps-per-car'))
 * ```
 */
export interface KGroupedStream<K, V> {
  /** Records per key (null keys and values are skipped). */
  count(materialized?: Materialized<K, number>, named?: Named): KTable<K, number>
  /** Combines the values per key (the first value is the initial aggregate). */
  reduce(reducer: Reducer<V>, materialized?: Materialized<K, V>, named?: Named): KTable<K, V>
  /** Folds the values per key into an aggregate starting at `initializer()`. */
  aggregate<VA>(
    initializer: Initializer<VA>,
    aggregator: Aggregator<K, V, VA>,
    materialized?: Materialized<K, VA>,
    named?: Named,
  ): KTable<K, VA>
  /** Groups further by time windows (tumbling, hopping, sliding) or by sessions. */
  windowedBy(windows: TimeWindows | SlidingWindows): TimeWindowedKStream<K, V>
  windowedBy(windows: SessionWindows): SessionWindowedKStream<K, V>
}
