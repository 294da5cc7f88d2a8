/**
 * @module
 * Turns a `Materialized` into a store builder registered with the topology: the store name
 * (given or generated), serdes (given, else the handle's, else the builder defaults), backend,
 * cache and changelog settings; for windowed stores, the same resolved before the windows shape
 * the store.
 */
import type { KeyValueStore, StoreBuilder } from '../../../stores/api.ts'
import { Materialized } from '../../dsl/materialized.ts'
import type { Serde } from '../../serdes.ts'
import type { InternalStreamsBuilder } from '../graph/internal-builder.ts'
import { keyValueStoreBuilder } from './store-builders.ts'
import type { StoreLayers } from './windowed-stores.ts'

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

/**
 * `materialized` (or an empty one) with `valueSerde` when it has none: the default of counts
 * (doubles) and reductions (the grouping's value serde).
 *
 * @example
 * ```ts
 * const mat = withDefaultValueSerde(materialized, Serdes.double())
 * ```
 */
export function withDefaultValueSerde<K, V>(
  materialized: Materialized<K, V> | undefined,
  valueSerde: Serde<V> | undefined,
): Materialized<K, V> {
  const mat = materialized ?? Materialized.with<K, V>(undefined, undefined)
  return mat.valueSerde !== undefined || valueSerde === undefined ? mat : mat.withValueSerde(valueSerde)
}

/** The name, serdes and layers of a windowed aggregation's store, before it is built. */
export interface WindowedStoreSpec<K, VA> {
  readonly name: string
  readonly keySerde: Serde<K>
  readonly valueSerde: Serde<VA>
  /** The retention asked for, if any (the windows' default otherwise). */
  readonly retentionMs: number | undefined
  readonly layers: StoreLayers
}

/**
 * Names a windowed aggregation's store and resolves its serdes (given, else the grouping's key
 * serde, else the builder defaults) and layers (backend, cache, changelog).
 *
 * @example
 * ```ts
 * const spec = windowedStoreSpec(builder, materialized, 'KSTREAM-AGGREGATE', grouped.keySerde)
 * builder.addStore(sessionStore(spec.name, retentionMs, spec.keySerde, spec.valueSerde, spec.layers))
 * ```
 */
export function windowedStoreSpec<K, VA>(
  builder: InternalStreamsBuilder,
  materialized: Materialized<K, VA> | undefined,
  prefix: string,
  keySerde: Serde<K> | undefined,
): WindowedStoreSpec<K, VA> {
  return {
    name: builder.storeName(materialized?.storeName, prefix),
    keySerde: materialized?.keySerde ?? keySerde ?? (builder.defaults.keySerde as Serde<K>),
    valueSerde: materialized?.valueSerde ?? (builder.defaults.valueSerde as Serde<VA>),
    retentionMs: materialized?.retentionMs,
    layers: {
      type: materialized?.storeType ?? builder.defaults.storeType,
      caching: materialized?.cachingEnabled ?? true,
      logging: materialized?.loggingEnabled ?? true,
      topicConfig: materialized?.topicConfig ?? {},
    },
  }
}
