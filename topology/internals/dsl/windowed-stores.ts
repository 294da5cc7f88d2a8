/**
 * @module
 * Store builders of the windowed and join operations: window stores (values with timestamps),
 * session stores, the retain-duplicates window stores and outer store of stream-stream joins, and
 * the suppression buffer. Backend, cache and changelog follow `Materialized`/`StreamJoined` and
 * the builder defaults.
 */
import type { KeyValueStore, SessionStore, StateStore, StoreBuilder, WindowStore } from '../../../stores/api.ts'
import { Stores } from '../../../stores/index.ts'
import type { StoreType } from '../../dsl/materialized.ts'
import type { Serde } from '../../serdes.ts'

/** Layer choices of a DSL store. */
export interface StoreLayers {
  readonly type: StoreType
  readonly caching: boolean
  readonly logging: boolean
  readonly topicConfig: Readonly<Record<string, string>>
}

function layered<S extends StateStore>(
  builder: {
    withCachingEnabled(): unknown
    withLoggingDisabled(): unknown
    withLoggingEnabled(c: Readonly<Record<string, string>>): unknown
  } & StoreBuilder<S>,
  layers: StoreLayers,
): StoreBuilder<S> {
  let b = builder as typeof builder
  if (layers.caching) b = b.withCachingEnabled() as typeof builder
  b = (layers.logging ? b.withLoggingEnabled(layers.topicConfig) : b.withLoggingDisabled()) as typeof builder
  return b
}

/**
 * A window store builder.
 *
 * @example
 * ```ts
 * windowStore('counts', { retentionMs: 11_000, windowSizeMs: 10_000 }, keySerde, valueSerde, layers)
 * ```
 */
export function windowStore<K, V>(
  name: string,
  shape: { retentionMs: number; windowSizeMs: number; retainDuplicates?: boolean },
  keySerde: Serde<K>,
  valueSerde: Serde<V>,
  layers: StoreLayers,
): StoreBuilder<WindowStore<K, V>> {
  const supplier =
    layers.type === 'memory' ? Stores.inMemoryWindowStore(name, shape) : Stores.persistentWindowStore(name, shape)
  return layered(Stores.windowStoreBuilder(supplier, keySerde, valueSerde), layers) as StoreBuilder<WindowStore<K, V>>
}

/**
 * A session store builder.
 *
 * @example
 * ```ts
 * sessionStore('stints', 35_000, keySerde, valueSerde, layers)
 * ```
 */
export function sessionStore<K, V>(
  name: string,
  retentionMs: number,
  keySerde: Serde<K>,
  valueSerde: Serde<V>,
  layers: StoreLayers,
): StoreBuilder<SessionStore<K, V>> {
  const supplier =
    layers.type === 'memory'
      ? Stores.inMemorySessionStore(name, { retentionMs })
      : Stores.persistentSessionStore(name, { retentionMs })
  return layered(Stores.sessionStoreBuilder(supplier, keySerde, valueSerde), layers) as StoreBuilder<SessionStore<K, V>>
}

/**
 * A key-value store builder.
 *
 * @example
 * ```ts
 * keyValueStore('buffer', keySerde, valueSerde, { type: 'memory', caching: false, logging: true, topicConfig: {} })
 * ```
 */
export function keyValueStore<K, V>(
  name: string,
  keySerde: Serde<K>,
  valueSerde: Serde<V>,
  layers: StoreLayers,
): StoreBuilder<KeyValueStore<K, V>> {
  const supplier = layers.type === 'memory' ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name)
  return layered(Stores.keyValueStoreBuilder(supplier, keySerde, valueSerde), layers) as StoreBuilder<
    KeyValueStore<K, V>
  >
}
