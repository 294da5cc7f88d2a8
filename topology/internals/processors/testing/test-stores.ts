/**
 * @module
 * The processor unit tests run on the real in-memory stores of stores/ (unlogged, uncached); the
 * harness initialises them. Values default to JSON.
 */
import type { KeyValueStore, SessionStore, WindowStore } from '../../../../stores/api.ts'
import { Stores } from '../../../../stores/index.ts'
import { type Serde, Serdes } from '../../../serdes.ts'

/**
 * An in-memory window store.
 *
 * @example
 * ```ts
 * const store = testWindowStore('w', Serdes.string(), 1_000, 100)
 * ```
 */
export function testWindowStore<K, V>(
  name: string,
  keySerde: Serde<K>,
  retentionMs: number,
  windowSizeMs: number,
  retainDuplicates = false,
  valueSerde: Serde<V> = Serdes.json<V>(),
): WindowStore<K, V> {
  const supplier = Stores.inMemoryWindowStore(name, { retentionMs, windowSizeMs, retainDuplicates })
  return Stores.windowStoreBuilder(supplier, keySerde, valueSerde).withLoggingDisabled().build()
}

/**
 * An in-memory session store.
 *
 * @example
 * ```ts
 * const store = testSessionStore('s', Serdes.string(), 1_000)
 * ```
 */
export function testSessionStore<K, V>(
  name: string,
  keySerde: Serde<K>,
  retentionMs: number,
  valueSerde: Serde<V> = Serdes.json<V>(),
): SessionStore<K, V> {
  const supplier = Stores.inMemorySessionStore(name, { retentionMs })
  return Stores.sessionStoreBuilder(supplier, keySerde, valueSerde).withLoggingDisabled().build()
}

/**
 * An in-memory key-value store.
 *
 * @example
 * ```ts
 * const store = testKeyValueStore('kv', Serdes.string())
 * ```
 */
export function testKeyValueStore<K, V>(
  name: string,
  keySerde: Serde<K>,
  valueSerde: Serde<V> = Serdes.json<V>(),
): KeyValueStore<K, V> {
  return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keySerde, valueSerde)
    .withLoggingDisabled()
    .build()
}
