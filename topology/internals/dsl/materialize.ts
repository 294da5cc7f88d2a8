/**
 * @module
 * Turns a `Materialized` into a store builder registered with the topology: the store name
 * (given or generated), serdes (given, else the handle's, else the builder defaults), backend,
 * cache and changelog settings.
 */
import type { KeyValueStore, StoreBuilder } from '../../../stores/api.ts'
import type { Materialized } from '../../dsl/materialized.ts'
import type { Serde } from '../../serdes.ts'
import type { InternalStreamsBuilder } from '../graph/internal-builder.ts'
import { keyValueStoreBuilder } from './store-builders.ts'

/** A registered key-value store of a DSL operation. */
export interface MaterializedStore<K, V> {
  readonly name: string
  readonly keySerde: Serde<K>
  readonly valueSerde: Serde<V>
  readonly builder: StoreBuilder<KeyValueStore<K, V>>
}

/**
 * Names, builds and registers the key-value store of an operation.
 *
 * @example
 * ```ts
 * const store = materializeKeyValue(builder, materialized, 'KSTREAM-AGGREGATE', keySerde, Serdes.double())
 * ```
 */
export function materializeKeyValue<K, V>(
  builder: InternalStreamsBuilder,
  materialized: Materialized<K, V> | undefined,
  prefix: string,
  keySerde: Serde<K> | undefined,
  valueSerde: Serde<V> | undefined,
): MaterializedStore<K, V> {
  const name = builder.storeName(materialized?.storeName, prefix)
  const store = {
    name,
    keySerde: materialized?.keySerde ?? keySerde ?? (builder.defaults.keySerde as Serde<K>),
    valueSerde: materialized?.valueSerde ?? valueSerde ?? (builder.defaults.valueSerde as Serde<V>),
  }
  const storeBuilder = keyValueStoreBuilder({
    ...store,
    type: materialized?.storeType ?? builder.defaults.storeType,
    cachingEnabled: materialized?.cachingEnabled ?? true,
    logging: { enabled: materialized?.loggingEnabled ?? true, topicConfig: materialized?.topicConfig ?? {} },
  })
  builder.addStore(storeBuilder)
  return { ...store, builder: storeBuilder }
}
