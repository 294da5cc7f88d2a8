/**
 * @module
 * The stores the F1 processors write on every sample: changelogged, JSON values, string keys, the
 * configured store type, with the stores' object cache (stores/README.md), which keeps each key's
 * value as an object and serializes the latest once per commit. Values are shared with the cache:
 * a processor that changes a value in place puts it again before the next commit. Window stores
 * hold `{ value, timestamp }` in the same bytes as the DSL's windowed aggregations, so the HTTP API
 * and the tests read them the same way.
 */
import type { KeyValueStore, StoreBuilder, WindowStore } from '../../../stores/api.ts'
import { Stores } from '../../../stores/index.ts'
import { SETTLED } from '../../../stores/internals/typed-cache.ts'
import { type ValueAndTimestamp, valueAndTimestampSerde } from '../../internals/processors/value-and-timestamp.ts'
import type { F1Config } from './config.ts'
import { f1Json, f1String } from './f1-serdes.ts'

/**
 * A key-value store of an F1 processor.
 *
 * @example
 * ```ts
 * builder.addStateStore(f1KeyValueStore<CarState>(F1Stores.anomalyState, config))
 * ```
 */
export function f1KeyValueStore<V>(name: string, config: F1Config): StoreBuilder<KeyValueStore<string, V>> {
  const supplier =
    config.stores.type === 'memory' ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name)
  return Stores.keyValueStoreBuilder(supplier, f1String(), f1Json<V>()).withCachingEnabled().withLoggingEnabled()
}

/**
 * A window store of an F1 processor (values with their timestamps, as DSL aggregations keep them).
 *
 * @example
 * ```ts
 * builder.addStateStore(f1WindowStore<ValidationCounts>(F1Stores.validationRate, config, 10_000, 10_000))
 * ```
 */
export function f1WindowStore<V>(
  name: string,
  config: F1Config,
  windowSizeMs: number,
  retentionMs: number,
): StoreBuilder<WindowStore<string, ValueAndTimestamp<V>>> {
  const shape = { windowSizeMs, retentionMs }
  const supplier =
    config.stores.type === 'memory'
      ? Stores.inMemoryWindowStore(name, shape)
      : Stores.persistentWindowStore(name, shape)
  const serde = valueAndTimestampSerde(f1Json<V>())
  return Stores.windowStoreBuilder(supplier, f1String(), serde).withCachingEnabled().withLoggingEnabled()
}

/**
 * What a write to these stores returns when it finished at once (no eviction): the processors'
 * hot paths test for it and stay synchronous (no async frame or microtask per sample).
 *
 * @example
 * ```ts
 * const written = store.put(key, value)
 * return written === WRITTEN ? undefined : written
 * ```
 */
export const WRITTEN: Promise<void> = SETTLED

/**
 * `undefined` when a store write finished at once, else its promise: what a processor returns.
 *
 * @example
 * ```ts
 * process(record) { return pendingOf(this.#store.put(record.key, next)) }
 * ```
 */
export function pendingOf(written: Promise<void>): Promise<void> | undefined {
  return written === SETTLED ? undefined : written
}
