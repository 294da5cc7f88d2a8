/**
 * @module
 * The metered layer of a key-value store, the outermost one: the typed {@link KeyValueStore} that
 * processors use, turning keys and values into bytes with the store's serdes, timing every
 * operation, and restoring straight into the inner store (below logging and caching).
 */
import type { Serde } from '../../topology/serdes.ts'
import type { ChangelogRecord, KeyValue, KeyValueStore, RestorableStore, StateStoreContext } from '../api.ts'
import { type BytesEntry, type BytesStore, prefixRange, type ScanRange } from './bytes-store.ts'
import type { CachingKeyValueStore } from './caching-key-value-store.ts'
import { StoreMetering } from './store-metering.ts'

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
export class MeteredKeyValueStore<K, V> implements KeyValueStore<K, V>, RestorableStore {
  readonly #wrapped: BytesStore
  readonly #cache: CachingKeyValueStore | undefined
  readonly #m: StoreMetering<K, V>

  constructor(wrapped: BytesStore, keySerde: Serde<K>, valueSerde: Serde<V>, cache?: CachingKeyValueStore) {
    this.#wrapped = wrapped
    this.#cache = cache
    this.#m = new StoreMetering(wrapped.name, keySerde, valueSerde)
  }

  get name(): string {
    return this.#wrapped.name
  }

  get persistent(): boolean {
    return this.#wrapped.persistent
  }

  async init(context: StateStoreContext): Promise<void> {
    await this.#wrapped.init(context)
    this.#m.open(context)
  }

  get(key: K): Promise<V | undefined> {
    return this.#m.time('get', async () => {
      const bytes = await this.#wrapped.get(this.#m.keyBytes(key))
      return bytes === undefined ? undefined : this.#m.value(bytes)
    })
  }

  put(key: K, value: V | null): Promise<void> {
    return this.#m.time('put', () => this.#wrapped.put(this.#m.keyBytes(key), this.#m.valueBytes(value)))
  }

  putIfAbsent(key: K, value: V): Promise<V | undefined> {
    return this.#m.time('put-if-absent', async () => {
      const keyBytes = this.#m.keyBytes(key)
      const previous = await this.#wrapped.get(keyBytes)
      if (previous !== undefined) return this.#m.value(previous)
      await this.#wrapped.put(keyBytes, this.#m.valueBytes(value))
      return undefined
    })
  }

  putAll(entries: ReadonlyArray<KeyValue<K, V | null>>): Promise<void> {
    return this.#m.time('put-all', () =>
      this.#wrapped.putAll(entries.map((e) => ({ key: this.#m.keyBytes(e.key), value: this.#m.valueBytes(e.value) }))),
    )
  }

  delete(key: K): Promise<V | undefined> {
    return this.#m.time('delete', async () => {
      const keyBytes = this.#m.keyBytes(key)
      const previous = await this.#wrapped.get(keyBytes)
      if (previous !== undefined) await this.#wrapped.put(keyBytes, null)
      return previous === undefined ? undefined : this.#m.value(previous)
    })
  }

  #scan(operation: string, range: () => ScanRange): AsyncIterable<KeyValue<K, V>> {
    return this.#m.iterate(
      operation,
      () => this.#wrapped.scan(range()),
      (e: BytesEntry) => ({ key: this.#m.key(e.key), value: this.#m.value(e.value) }),
    )
  }

  range(from: K, to: K): AsyncIterable<KeyValue<K, V>> {
    return this.#scan('range', () => ({ gte: this.#m.keyBytes(from), lte: this.#m.keyBytes(to) }))
  }

  reverseRange(from: K, to: K): AsyncIterable<KeyValue<K, V>> {
    return this.#scan('reverse-range', () => ({
      gte: this.#m.keyBytes(from),
      lte: this.#m.keyBytes(to),
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
    return this.#m.time('approximate-num-entries', () => this.#wrapped.approximateNumEntries())
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
    if (this.#cache === undefined) return false
    this.#cache.setFlushListener((key, newValue, oldValue, timestamp) =>
      listener(this.#m.key(key), this.#m.optionalValue(newValue), this.#m.optionalValue(oldValue), timestamp),
    )
    return true
  }

  /** The key's bytes, as this store writes them (for the object cache's scan order). */
  serializeKey(key: K): Uint8Array {
    return this.#m.keyBytes(key)
  }

  /**
   * Serializes and writes down the flushed entries of an object cache above this layer, as one
   * batch with their own timestamps; returns the value bytes written (null: deleted).
   */
  writeFlushed(writes: ReadonlyArray<FlushedWrite<K, V>>): Promise<(Uint8Array | null)[]> {
    return this.#m.time('flush', async () => {
      const values = writes.map((w) => this.#m.valueBytes(w.value))
      await this.#wrapped.putAll(
        writes.map((w, i) => ({ key: this.#m.keyBytes(w.key), value: values[i]!, timestamp: w.timestamp })),
      )
      return values
    })
  }

  flush(): Promise<void> {
    return this.#m.time('flush', () => this.#wrapped.flush())
  }

  restoreBatch(records: ReadonlyArray<ChangelogRecord>): Promise<void> {
    return this.#m.time('restore', () => this.#wrapped.restoreBatch(records))
  }

  async close(): Promise<void> {
    this.#m.closed()
    await this.#wrapped.close()
  }

  isOpen(): boolean {
    return this.#m.isOpen && this.#wrapped.isOpen()
  }
}
