/**
 * @module
 * The store builders of DSL operations, through the `Stores` factory: LevelDB or memory, with the
 * cache and changelog settings of `Materialized` (both on by default, as in Kafka Streams' DSL).
 */
import type { KeyValueStore, LoggingConfig, StoreBuilder } from '../../../stores/api.ts'
import { Stores } from '../../../stores/index.ts'
import type { StoreType } from '../../dsl/materialized.ts'
import type { Serde } from '../../serdes.ts'

/** What a DSL key-value store needs. */
export interface KeyValueStoreSpec<K, V> {
  readonly name: string
  readonly keySerde: Serde<K>
  readonly valueSerde: Serde<V>
  readonly type: StoreType
  readonly cachingEnabled: boolean
  readonly logging: LoggingConfig
}

/**
 * A key-value store builder for a DSL operation.
 *
 * @example
 * ```ts
 * keyValueStoreBuilder({ name: 'counts', keySerde, valueSerde, type: 'leveldb', cachingEnabled: true, logging: { enabled: true } })
 * ```
 */
export function keyValueStoreBuilder<K, V>(spec: KeyValueStoreSpec<K, V>): StoreBuilder<KeyValueStore<K, V>> {
  const supplier =
    spec.type === 'memory' ? Stores.inMemoryKeyValueStore(spec.name) : Stores.persistentKeyValueStore(spec.name)
  let builder = Stores.keyValueStoreBuilder(supplier, spec.keySerde, spec.valueSerde)
  builder = spec.cachingEnabled ? builder.withCachingEnabled() : builder.withCachingDisabled()
  builder = spec.logging.enabled
    ? builder.withLoggingEnabled(spec.logging.topicConfig ?? {})
    : builder.withLoggingDisabled()
  return builder
}
