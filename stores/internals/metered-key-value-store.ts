/**
 * @module
 * The metered layer of a key-value store, the outermost one: the typed {@link KeyValueStore} that
 * processors use, turning keys and values into bytes with the store's serdes, timing every
 * operation, and restoring straight into the inner store (below logging and caching).
 */
import type { Serde } from '../../topology/serdes.ts'
import type { KeyValue, KeyValueStore } from '../api.ts'
import { type BytesEntry, type BytesStore, prefixRange, type ScanRange } from './bytes-store.ts'
import type { CachingKeyValueStore } from './caching-key-value-store.ts'
import { MeteredStore } from './metered-store.ts'

/** Receives each flushed key of a cached store with its new and previous values (null: absent). */
export type FlushListener<K, V> = (
  key: K,
  newValue: V | null,
  oldValue: V | null,
  timestamp: number,
) => void | Promise<void>

/** One flushed entry of an object cache. */
export interface FlushedWrite<K, V> {
  readonly key: K
  readonly value: V | null
  readonly timestamp: number
}

/**
 * A typed key-value store over a stack of bytes stores.
 *
 * @example
 * ```ts
 * const store = new MeteredKeyValueStore(new CachingKeyValueStore(inner), Serdes.string(), Serdes.json())
 * await store.init(context)
 * await store.put('car-44', { laps: 3 })
 * ```
 */
export class MeteredKeyValueStore<K, V> extends MeteredStore<K, V> implements KeyValueStore<K, V> {
  constructor(wrapped: BytesStore, keySerde: Serde<K>, valueSerde: Serde<V>, cache?: CachingKeyValueStore) {
    super(wrapped, { key: keySerde, value: valueSerde }, cache)
  }

  get(key: K): Promise<V | undefined> {
    return this.metering.time('get', async () => {
      const bytes = await this.wrapped.get(this.metering.keyBytes(key))
      return bytes === undefined ? undefined : this.metering.value(bytes)
    })
  }

  put(key: K, value: V | null): Promise<void> {
    return this.metering.time('put', () =>
      this.wrapped.put(this.metering.keyBytes(key), this.metering.valueBytes(value)),
    )
  }

  putIfAbsent(key: K, value: V): Promise<V | undefined> {
    return this.metering.time('put-if-absent', async () => {
      const keyBytes = this.metering.keyBytes(key)
      const previous = await this.wrapped.get(keyBytes)
      if (previous !== undefined) return this.metering.value(previous)
      await this.wrapped.put(keyBytes, this.metering.valueBytes(value))
      return undefined
    })
  }

  putAll(entries: ReadonlyArray<KeyValue<K, V | null>>): Promise<void> {
    return this.metering.time('put-all', () =>
      this.wrapped.putAll(
        entries.map((e) => ({ key: this.metering.keyBytes(e.key), value: this.metering.valueBytes(e.value) })),
      ),
    )
  }

  delete(key: K): Promise<V | undefined> {
    return this.metering.time('delete', async () => {
      const keyBytes = this.metering.keyBytes(key)
      const previous = await this.wrapped.get(keyBytes)
      if (previous !== undefined) await this.wrapped.put(keyBytes, null)
      return previous === undefined ? undefined : this.metering.value(previous)
    })
  }

  #scan(operation: string, range: () => ScanRange): AsyncIterable<KeyValue<K, V>> {
    return this.metering.iterate(
      operation,
      () => this.wrapped.scan(range()),
      (e: BytesEntry) => ({ key: this.metering.key(e.key), value: this.metering.value(e.value) }),
    )
  }

  range(from: K, to: K): AsyncIterable<KeyValue<K, V>> {
    return this.#scan('range', () => ({ gte: this.metering.keyBytes(from), lte: this.metering.keyBytes(to) }))
  }

  reverseRange(from: K, to: K): AsyncIterable<KeyValue<K, V>> {
    return this.#scan('reverse-range', () => ({
      gte: this.metering.keyBytes(from),
      lte: this.metering.keyBytes(to),
      reverse: true,
    }))
  }

  prefixScan<P>(prefix: P, prefixSerializer: (prefix: P) => Uint8Array): AsyncIterable<KeyValue<K, V>> {
    return this.#scan('prefix-scan', () => prefixRange(prefixSerializer(prefix)))
  }

  all(): AsyncIterable<KeyValue<K, V>> {
    return this.#scan('all', () => ({}))
  }

  approximateNumEntries(): Promise<number> {
    return this.metering.time('approximate-num-entries', () => this.wrapped.approximateNumEntries())
  }

  /**
   * Forwards each flushed key (typed) when caching is enabled; returns false without a cache.
   *
   * @example
   * ```ts
   * store.setFlushListener((key, newValue, oldValue, timestamp) => ctx.forward({ key, value: { newValue, oldValue }, timestamp }))
   * ```
   */
  setFlushListener(listener: FlushListener<K, V>): boolean {
    return this.listenToCache(listener, (key) => this.metering.key(key))
  }

  /**
   * Serializes and writes down the flushed entries of an object cache above this layer, as one
   * batch with their own timestamps; returns the value bytes written (null: deleted).
   */
  writeFlushed(writes: ReadonlyArray<FlushedWrite<K, V>>): Promise<(Uint8Array | null)[]> {
    return this.writeBatch(writes, (w) => this.metering.keyBytes(w.key))
  }
}
