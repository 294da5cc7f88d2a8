/**
 * @module
 * The public entry of Pitwall's state stores: the {@link Stores} factory (suppliers and builders),
 * read-only views for interactive queries, and the store interfaces. Implementations live in
 * internals/ and are not exported.
 */
import type { Serde } from '../topology/serdes.ts'
import {
  type BuiltKeyValueStore,
  type BuiltSessionStore,
  type BuiltWindowStore,
  keyValueStoreBuilder,
  type LayeredStoreBuilder,
  sessionStoreBuilder,
  windowStoreBuilder,
} from './internals/store-builders.ts'
import {
  type KeyValueBytesStoreSupplier,
  keyValueSupplier,
  type SessionBytesStoreSupplier,
  type SessionStoreSupplierOptions,
  sessionSupplier,
  type WindowBytesStoreSupplier,
  type WindowStoreSupplierOptions,
  windowSupplier,
} from './internals/store-suppliers.ts'

export type * from './api.ts'
export { DEFAULT_CACHE_MAX_BYTES } from './internals/caching-key-value-store.ts'
export type { FlushListener } from './internals/metered-key-value-store.ts'
export { readOnlyKeyValueStore, readOnlySessionStore, readOnlyWindowStore } from './internals/read-only-views.ts'
export type {
  BuiltKeyValueStore,
  BuiltSessionStore,
  BuiltWindowStore,
  CacheFlushable,
  CacheForm,
  LayeredStoreBuilder,
} from './internals/store-builders.ts'
export type {
  KeyValueBytesStoreSupplier,
  SessionBytesStoreSupplier,
  SessionStoreSupplierOptions,
  WindowBytesStoreSupplier,
  WindowStoreSupplierOptions,
} from './internals/store-suppliers.ts'

/**
 * Store suppliers (which backend) and builders (which layers), after Kafka Streams' `Stores`.
 * Builders log changes by default and cache only when asked.
 *
 * @example
 * ```ts
 * const counts = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('counts'), Serdes.string(), Serdes.json())
 *   .withCachingEnabled()
 * const laps = Stores.windowStoreBuilder(
 *   Stores.persistentWindowStore('laps', { retentionMs: 86_400_000, windowSizeMs: 60_000 }),
 *   Serdes.string(),
 *   Serdes.json(),
 * )
 * ```
 */
export const Stores = {
  /** A LevelDB key-value store at `<taskDir>/<name>`. */
  persistentKeyValueStore(name: string): KeyValueBytesStoreSupplier {
    return keyValueSupplier(name, true)
  },
  /** An in-memory key-value store (rebuilt from its changelog after a restart). */
  inMemoryKeyValueStore(name: string): KeyValueBytesStoreSupplier {
    return keyValueSupplier(name, false)
  },
  /** A LevelDB window store, expired by segment after `retentionMs` of stream time. */
  persistentWindowStore(name: string, options: WindowStoreSupplierOptions): WindowBytesStoreSupplier {
    return windowSupplier(name, true, options)
  },
  /** An in-memory window store. */
  inMemoryWindowStore(name: string, options: WindowStoreSupplierOptions): WindowBytesStoreSupplier {
    return windowSupplier(name, false, options)
  },
  /** A LevelDB session store. */
  persistentSessionStore(name: string, options: SessionStoreSupplierOptions): SessionBytesStoreSupplier {
    return sessionSupplier(name, true, options)
  },
  /** An in-memory session store. */
  inMemorySessionStore(name: string, options: SessionStoreSupplierOptions): SessionBytesStoreSupplier {
    return sessionSupplier(name, false, options)
  },
  keyValueStoreBuilder<K, V>(
    supplier: KeyValueBytesStoreSupplier,
    keySerde: Serde<K>,
    valueSerde: Serde<V>,
  ): LayeredStoreBuilder<BuiltKeyValueStore<K, V>> {
    return keyValueStoreBuilder(supplier, keySerde, valueSerde)
  },
  windowStoreBuilder<K, V>(
    supplier: WindowBytesStoreSupplier,
    keySerde: Serde<K>,
    valueSerde: Serde<V>,
  ): LayeredStoreBuilder<BuiltWindowStore<K, V>> {
    return windowStoreBuilder(supplier, keySerde, valueSerde)
  },
  sessionStoreBuilder<K, V>(
    supplier: SessionBytesStoreSupplier,
    keySerde: Serde<K>,
    valueSerde: Serde<V>,
  ): LayeredStoreBuilder<BuiltSessionStore<K, V>> {
    return sessionStoreBuilder(supplier, keySerde, valueSerde)
  },
}
