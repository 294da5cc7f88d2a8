/**
 * @module
 * The object cache of a key-value store, above the metered (serde) layer: it holds deserialized
 * values of written and recently read keys, collapses updates per key, and serializes each dirty
 * key once on `flush()` (every commit, before the transaction commits) or when the LRU entry to
 * evict is dirty. Reads see cached writes, scans merge the dirty entries over the store's, and
 * the flush listener gets the typed new value and the value of the key's previous flush (or
 * read) without parsing anything. Kafka Streams caches bytes below its serdes; in JavaScript
 * serializing and parsing dominate a cached read-modify-write, hence objects (see the README).
 *
 * Values are shared, not copied: what `get` returns is the cached object, and what `put` is given
 * is kept. Treat both as immutable (an update puts a new object), as the DSL's operators do.
 */
import type { KeyValue, KeyValueStore } from '../api.ts'
import { aboveLower, belowUpper, prefixRange, type ScanRange } from './bytes-store.ts'
import { DEFAULT_CACHE_MAX_BYTES } from './caching-key-value-store.ts'
import { compareBytes } from './key-encoding.ts'
import type { MeteredKeyValueStore } from './metered-key-value-store.ts'
import { newTypedEntry, type TypedEntry } from './typed-cache.ts'
import { TypedCachingStore } from './typed-caching-store.ts'
import { mergeOver } from './typed-merge.ts'

interface Entry<K, V> extends TypedEntry<V> {
  readonly id: string
  readonly key: K
  keyBytes: Uint8Array | undefined
}

/** A cache identity of a key: a string key is its own, other keys their serialized bytes (latin1). */
export function identityOf(key: unknown, bytes: () => Uint8Array): string {
  if (typeof key === 'string') return key
  const b = bytes()
  let s = '\u0001'
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!)
  return s
}

/**
 * A key-value store with an object cache over a metered store.
 *
 * @example
 * ```ts
 * const store = new TypedCachingKeyValueStore(new MeteredKeyValueStore(inner, Serdes.string(), Serdes.json()), 1 << 20)
 * await store.put('car-44', { laps: 3 }) // kept as the object until the next flush
 * ```
 */
export class TypedCachingKeyValueStore<K, V>
  extends TypedCachingStore<K, V, Entry<K, V>, MeteredKeyValueStore<K, V>>
  implements KeyValueStore<K, V>
{
  readonly #index = new Map<string, Entry<K, V>>()
  /** The entry last looked up or added: a read-modify-write finds it again without the map. */
  #last: Entry<K, V> | undefined

  constructor(inner: MeteredKeyValueStore<K, V>, maxBytes = DEFAULT_CACHE_MAX_BYTES) {
    super(inner, maxBytes)
  }

  protected forget(entry: Entry<K, V>): void {
    this.#index.delete(entry.id)
  }

  protected clearIndex(): void {
    this.#index.clear()
  }

  protected readStored(entry: Entry<K, V>): Promise<V | undefined> {
    return this.inner.get(entry.key)
  }

  protected listenerKey(entry: Entry<K, V>): K {
    return entry.key
  }

  #bytesOf(entry: Entry<K, V>): Uint8Array {
    entry.keyBytes ??= this.inner.serializeKey(entry.key)
    return entry.keyBytes
  }

  #keyLength(key: K): number {
    return typeof key === 'string' ? key.length : this.inner.serializeKey(key).length
  }

  #id(key: K): string {
    // a string key is its own identity: no closure made per access
    return typeof key === 'string' ? key : identityOf(key, () => this.inner.serializeKey(key))
  }

  /** The cached entry of `id`, marked as recently used. */
  #entry(id: string): Entry<K, V> | undefined {
    const last = this.#last
    if (last?.cached && last.id === id) return this.cache.touch(last)
    const entry = this.#index.get(id)
    if (entry === undefined) return undefined
    this.#last = entry
    return this.cache.touch(entry)
  }

  #newEntry(id: string, key: K, value: V | null, stored: V | null | undefined, dirty: boolean): Entry<K, V> {
    const entry: Entry<K, V> = {
      ...newTypedEntry(value, stored, dirty, this.#keyLength(key)),
      id,
      key,
      keyBytes: undefined,
    }
    this.#index.set(id, entry)
    this.#last = entry
    return this.cache.insert(entry)
  }

  get(key: K): Promise<V | undefined> {
    try {
      const cached = this.#entry(this.#id(key))
      if (cached !== undefined) return Promise.resolve(cached.value ?? undefined)
    } catch (error) {
      return Promise.reject(error)
    }
    return this.#read(key)
  }

  async #read(key: K): Promise<V | undefined> {
    const id = this.#id(key)
    const value = await this.inner.get(key)
    if (this.#entry(id) === undefined) this.#newEntry(id, key, value ?? null, value ?? null, false)
    await this.evict()
    return value
  }

  /** Not async: a write that needs no eviction returns {@link SETTLED} (the hot path of processors). */
  put(key: K, value: V | null): Promise<void> {
    try {
      this.#write(key, value, this.context?.currentTimestamp() ?? 0)
    } catch (error) {
      return Promise.reject(error)
    }
    return this.settle()
  }

  #write(key: K, value: V | null, timestamp: number): void {
    const id = this.#id(key)
    const entry = this.#entry(id)
    if (entry === undefined) this.#newEntry(id, key, value, undefined, true).timestamp = timestamp
    else this.cache.write(entry, value, timestamp)
  }

  async putIfAbsent(key: K, value: V): Promise<V | undefined> {
    const previous = await this.get(key)
    if (previous === undefined) await this.put(key, value)
    return previous
  }

  async putAll(entries: ReadonlyArray<KeyValue<K, V | null>>): Promise<void> {
    const now = this.context?.currentTimestamp() ?? 0
    for (const e of entries) this.#write(e.key, e.value, now)
    await this.evict()
  }

  async delete(key: K): Promise<V | undefined> {
    const previous = await this.get(key)
    if (previous !== undefined) await this.put(key, null)
    return previous
  }

  #scan(range: ScanRange, stored: AsyncIterable<KeyValue<K, V>>): AsyncIterable<KeyValue<K, V>> {
    const dirty = this.cache.dirtyEntries()
    if (dirty.length === 0) return stored
    const sign = range.reverse === true ? -1 : 1
    const inRange = dirty
      .filter((e) => aboveLower(this.#bytesOf(e), range) && belowUpper(this.#bytesOf(e), range))
      .map((e) => ({ key: e.key, value: e.value, bytes: e.keyBytes! }))
      .sort((a, b) => sign * compareBytes(a.bytes, b.bytes))
    if (inRange.length === 0) return stored
    return mergeOver(
      inRange,
      stored,
      (s, c) => sign * compareBytes(this.inner.serializeKey(s.key), c.bytes),
      (c) => (c.value === null ? undefined : { key: c.key, value: c.value }),
    )
  }

  range(from: K, to: K): AsyncIterable<KeyValue<K, V>> {
    const range = { gte: this.inner.serializeKey(from), lte: this.inner.serializeKey(to) }
    return this.#scan(range, this.inner.range(from, to))
  }

  reverseRange(from: K, to: K): AsyncIterable<KeyValue<K, V>> {
    const range = { gte: this.inner.serializeKey(from), lte: this.inner.serializeKey(to), reverse: true }
    return this.#scan(range, this.inner.reverseRange(from, to))
  }

  prefixScan<P>(prefix: P, prefixSerializer: (prefix: P) => Uint8Array): AsyncIterable<KeyValue<K, V>> {
    return this.#scan(prefixRange(prefixSerializer(prefix)), this.inner.prefixScan(prefix, prefixSerializer))
  }

  all(): AsyncIterable<KeyValue<K, V>> {
    return this.#scan({}, this.inner.all())
  }

  async approximateNumEntries(): Promise<number> {
    return (await this.inner.approximateNumEntries()) + this.cache.dirtyCount
  }
}
