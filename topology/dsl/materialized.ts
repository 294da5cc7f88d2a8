/**
 * @module
 * `Materialized`: the store behind a KTable or an aggregation (name, serdes, cache, changelog,
 * backend, retention for windowed stores).
 */
import type { Serde } from '../serdes.ts'
import { validateName } from './named.ts'

/** Where a DSL store lives: LevelDB on disk (default) or memory. */
export type StoreType = 'leveldb' | 'memory'

/**
 * Store options of a DSL operation; immutable.
 *
 * @example
 * ```ts
 * stream.groupByKey().count(Materialized.as('laps-per-car').withCachingDisabled().withStoreType('memory'))
 * ```
 */
export class Materialized<K, V> {
  readonly storeName: string | undefined
  readonly keySerde: Serde<K> | undefined
  readonly valueSerde: Serde<V> | undefined
  readonly cachingEnabled: boolean
  readonly loggingEnabled: boolean
  readonly topicConfig: Readonly<Record<string, string>>
  readonly storeType: StoreType | undefined
  /** Retention of windowed stores, in ms (window size + grace when unset). */
  readonly retentionMs: number | undefined

  private constructor(init: Partial<Materialized<K, V>>) {
    this.storeName = init.storeName
    this.keySerde = init.keySerde
    this.valueSerde = init.valueSerde
    this.cachingEnabled = init.cachingEnabled ?? true
    this.loggingEnabled = init.loggingEnabled ?? true
    this.topicConfig = init.topicConfig ?? {}
    this.storeType = init.storeType
    this.retentionMs = init.retentionMs
  }

  /** A queryable store with this name (also the prefix of its changelog topic). */
  static as<K, V>(storeName: string): Materialized<K, V> {
    return new Materialized<K, V>({ storeName: validateName('Materialized.as()', storeName) })
  }

  /** Serdes only; the store gets a generated name. */
  static with<K, V>(keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined): Materialized<K, V> {
    return new Materialized<K, V>({ keySerde, valueSerde })
  }

  withKeySerde(keySerde: Serde<K>): Materialized<K, V> {
    return new Materialized<K, V>({ ...this, keySerde })
  }

  withValueSerde(valueSerde: Serde<V>): Materialized<K, V> {
    return new Materialized<K, V>({ ...this, valueSerde })
  }

  withCachingEnabled(): Materialized<K, V> {
    return new Materialized<K, V>({ ...this, cachingEnabled: true })
  }

  withCachingDisabled(): Materialized<K, V> {
    return new Materialized<K, V>({ ...this, cachingEnabled: false })
  }

  withLoggingEnabled(topicConfig: Readonly<Record<string, string>> = {}): Materialized<K, V> {
    return new Materialized<K, V>({ ...this, loggingEnabled: true, topicConfig })
  }

  withLoggingDisabled(): Materialized<K, V> {
    return new Materialized<K, V>({ ...this, loggingEnabled: false })
  }

  withStoreType(storeType: StoreType): Materialized<K, V> {
    return new Materialized<K, V>({ ...this, storeType })
  }

  withRetention(retentionMs: number): Materialized<K, V> {
    return new Materialized<K, V>({ ...this, retentionMs })
  }
}
