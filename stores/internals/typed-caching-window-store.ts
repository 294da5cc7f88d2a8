/**
 * @module
 * The object cache of a window store (typed-caching-key-value-store.ts for windows): deserialized
 * values per key and window start, each dirty window serialized once per flush. A put advances
 * the stream time of the metered store beneath at once, so expiry (a window is visible while its
 * start is later than stream time - retention) is the same whether writes are cached or not.
 */
import type { KeyValue, Windowed, WindowStore } from '../api.ts'
import { DEFAULT_CACHE_MAX_BYTES } from './caching-key-value-store.ts'
import { compareBytes } from './key-encoding.ts'
import type { MeteredWindowStore } from './metered-window-store.ts'
import { newTypedEntry, type TypedEntry } from './typed-cache.ts'
import { identityOf } from './typed-caching-key-value-store.ts'
import { TypedCachingStore } from './typed-caching-store.ts'
import { mergeOver } from './typed-merge.ts'

interface Entry<K, V> extends TypedEntry<V> {
  readonly key: K
  readonly keyId: string
  readonly start: number
  keyBytes: Uint8Array | undefined
}

/**
 * A window store with an object cache over a metered window store.
 *
 * @example
 * ```ts
 * const store = new TypedCachingWindowStore(meteredWindowStore, 1 << 20)
 * await store.put('car-44', { count: 3 }, 1_000) // kept as the object until the next flush
 * ```
 */
export class TypedCachingWindowStore<K, V>
  extends TypedCachingStore<Windowed<K>, V, Entry<K, V>, MeteredWindowStore<K, V>>
  implements WindowStore<K, V>
{
  /** The cached entries by key identity and window start (no composite string per access). */
  readonly #index = new Map<string, Map<number, Entry<K, V>>>()
  /** The entry last looked up or added: a read-modify-write finds it again without the maps. */
  #last: Entry<K, V> | undefined

  constructor(inner: MeteredWindowStore<K, V>, maxBytes = DEFAULT_CACHE_MAX_BYTES) {
    super(inner, maxBytes)
  }

  get retentionMs(): number {
    return this.inner.retentionMs
  }

  get windowSizeMs(): number {
    return this.inner.windowSizeMs
  }

  protected forget(entry: Entry<K, V>): void {
    const windows = this.#index.get(entry.keyId)
    if (windows === undefined) return
    windows.delete(entry.start)
    if (windows.size === 0) this.#index.delete(entry.keyId)
  }

  protected clearIndex(): void {
    this.#index.clear()
  }

  protected readStored(entry: Entry<K, V>): Promise<V | undefined> {
    return this.inner.fetch(entry.key, entry.start)
  }

  /** Remembered unless the window expired meanwhile. */
  protected override remembered(entry: Entry<K, V>): V | null {
    return this.inner.isLive(entry.start) ? entry.previous! : null
  }

  protected listenerKey(entry: Entry<K, V>): Windowed<K> {
    return this.#windowed(entry)
  }

  #keyId(key: K): string {
    // a string key is its own identity: no closure made per access
    return typeof key === 'string' ? key : identityOf(key, () => this.inner.serializeKey(key))
  }

  #bytesOf(entry: Entry<K, V>): Uint8Array {
    entry.keyBytes ??= this.inner.serializeKey(entry.key)
    return entry.keyBytes
  }

  #keyLength(key: K): number {
    return (typeof key === 'string' ? key.length : this.inner.serializeKey(key).length) + 8
  }

  /** The cached entry of a key's window, marked as recently used. */
  #entry(keyId: string, start: number): Entry<K, V> | undefined {
    const last = this.#last
    if (last?.cached && last.start === start && last.keyId === keyId) return this.cache.touch(last)
    const entry = this.#index.get(keyId)?.get(start)
    if (entry === undefined) return undefined
    this.#last = entry
    return this.cache.touch(entry)
  }

  #newEntry(key: K, keyId: string, start: number, value: V | null, stored: V | null | undefined, dirty: boolean) {
    const fields = newTypedEntry(value, stored, dirty, this.#keyLength(key))
    const entry: Entry<K, V> = { ...fields, key, keyId, start, keyBytes: undefined }
    let windows = this.#index.get(keyId)
    if (windows === undefined) {
      windows = new Map()
      this.#index.set(keyId, windows)
    }
    windows.set(start, entry)
    this.#last = entry
    return this.cache.insert(entry)
  }

  fetch(key: K, windowStart: number): Promise<V | undefined> {
    try {
      if (!this.inner.isLive(windowStart)) return Promise.resolve(undefined)
      const cached = this.#entry(this.#keyId(key), windowStart)
      if (cached !== undefined) return Promise.resolve(cached.value ?? undefined)
    } catch (error) {
      return Promise.reject(error)
    }
    return this.#read(key, windowStart)
  }

  async #read(key: K, windowStart: number): Promise<V | undefined> {
    const keyId = this.#keyId(key)
    const value = await this.inner.fetch(key, windowStart)
    if (this.#entry(keyId, windowStart) === undefined)
      this.#newEntry(key, keyId, windowStart, value ?? null, value ?? null, false)
    await this.evict()
    return value
  }

  /** Not async: a write that needs no eviction returns {@link SETTLED} (the hot path of processors). */
  put(key: K, value: V | null, windowStart: number): Promise<void> {
    try {
      this.inner.observe(windowStart)
      const timestamp = this.context?.currentTimestamp() ?? 0
      const keyId = this.#keyId(key)
      const entry = this.#entry(keyId, windowStart)
      if (entry === undefined) this.#newEntry(key, keyId, windowStart, value, undefined, true).timestamp = timestamp
      else this.cache.write(entry, value, timestamp)
    } catch (error) {
      return Promise.reject(error)
    }
    return this.settle()
  }

  #windowed(e: Entry<K, V>): Windowed<K> {
    return { key: e.key, window: { start: e.start, end: e.start + this.windowSizeMs } }
  }

  fetchRange(key: K, timeFrom: number, timeTo: number): AsyncIterable<KeyValue<number, V>> {
    const stored = this.inner.fetchRange(key, timeFrom, timeTo)
    if (this.cache.dirtyCount === 0) return stored
    const keyId = this.#keyId(key)
    const dirty = this.cache
      .dirtyEntries()
      .filter((e) => e.keyId === keyId && e.start >= timeFrom && e.start <= timeTo && this.inner.isLive(e.start))
      .sort((a, b) => a.start - b.start)
    if (dirty.length === 0) return stored
    return mergeOver(
      dirty,
      stored,
      (s, c) => s.key - c.start,
      (c) => (c.value === null ? undefined : { key: c.start, value: c.value }),
    )
  }

  #scanAll(timeFrom: number, timeTo: number, stored: AsyncIterable<KeyValue<Windowed<K>, V>>) {
    if (this.cache.dirtyCount === 0) return stored
    const dirty = this.cache
      .dirtyEntries()
      .filter((e) => e.start >= timeFrom && e.start <= timeTo && this.inner.isLive(e.start))
      .sort((a, b) => compareBytes(this.#bytesOf(a), this.#bytesOf(b)) || a.start - b.start)
    if (dirty.length === 0) return stored
    return mergeOver(
      dirty,
      stored,
      (s, c) => compareBytes(this.inner.serializeKey(s.key.key), this.#bytesOf(c)) || s.key.window.start - c.start,
      (c) => (c.value === null ? undefined : { key: this.#windowed(c), value: c.value }),
    )
  }

  fetchAll(timeFrom: number, timeTo: number): AsyncIterable<KeyValue<Windowed<K>, V>> {
    return this.#scanAll(timeFrom, timeTo, this.inner.fetchAll(timeFrom, timeTo))
  }

  all(): AsyncIterable<KeyValue<Windowed<K>, V>> {
    return this.#scanAll(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, this.inner.all())
  }
}
