/**
 * @module
 * What the three metered layers (key-value, window, session) share: delegation of the lifecycle
 * to the bytes stack beneath (init, flush, restore, close, isOpen, all timed), the typed flush
 * listener over the byte cache, and the batch write of an object cache's flushed entries. The
 * windowed layers add stream time and expiry ({@link MeteredSegmentedStore}). Fields are
 * `protected` rather than `#private` because the subclasses' hot paths read them.
 */
import type { Serde } from '../../topology/serdes.ts'
import type { ChangelogRecord, RestorableStore, StateStoreContext } from '../api.ts'
import type { BytesStore } from './bytes-store.ts'
import type { CachingKeyValueStore } from './caching-key-value-store.ts'
import type { FlushListener } from './metered-key-value-store.ts'
import type { SegmentedBytesStore } from './segmented-bytes-store.ts'
import { StoreMetering } from './store-metering.ts'

/**
 * The typed, timed outer layer of a store over a bytes stack.
 *
 * @example
 * ```ts
 * class MeteredKeyValueStore<K, V> extends MeteredStore<K, V> {
 *   get(key: K) { return this.metering.time('get', async () => ...) }
 * }
 * ```
 */
export abstract class MeteredStore<K, V> implements RestorableStore {
  protected readonly wrapped: BytesStore
  protected readonly metering: StoreMetering<K, V>
  readonly #cache: CachingKeyValueStore | undefined

  protected constructor(wrapped: BytesStore, serdes: { key: Serde<K>; value: Serde<V> }, cache?: CachingKeyValueStore) {
    this.wrapped = wrapped
    this.#cache = cache
    this.metering = new StoreMetering(wrapped.name, serdes.key, serdes.value)
  }

  get name(): string {
    return this.wrapped.name
  }

  get persistent(): boolean {
    return this.wrapped.persistent
  }

  async init(context: StateStoreContext): Promise<void> {
    await this.wrapped.init(context)
    this.metering.open(context)
  }

  /** The key's bytes, as this store writes them (for the object cache's scan order). */
  serializeKey(key: K): Uint8Array {
    return this.metering.keyBytes(key)
  }

  /**
   * Passes each key flushed by the byte cache beneath to `listener`, typed (the key by `keyOf`);
   * false without a cache.
   */
  protected listenToCache<KL>(listener: FlushListener<KL, V>, keyOf: (bytes: Uint8Array) => KL): boolean {
    if (this.#cache === undefined) return false
    const m = this.metering
    this.#cache.setFlushListener((key, newValue, oldValue, timestamp) =>
      listener(keyOf(key), m.optionalValue(newValue), m.optionalValue(oldValue), timestamp),
    )
    return true
  }

  /**
   * Serializes and writes down the flushed entries of an object cache above this layer, as one
   * batch with their own timestamps (each key's bytes by `keyOf`); returns the value bytes
   * written (null: deleted).
   */
  protected writeBatch<W extends { readonly value: V | null; readonly timestamp: number }>(
    writes: ReadonlyArray<W>,
    keyOf: (write: W) => Uint8Array,
  ): Promise<(Uint8Array | null)[]> {
    return this.metering.time('flush', async () => {
      const values = writes.map((w) => this.metering.valueBytes(w.value))
      await this.wrapped.putAll(writes.map((w, i) => ({ key: keyOf(w), value: values[i]!, timestamp: w.timestamp })))
      return values
    })
  }

  flush(): Promise<void> {
    return this.metering.time('flush', () => this.wrapped.flush())
  }

  restoreBatch(records: ReadonlyArray<ChangelogRecord>): Promise<void> {
    return this.metering.time('restore', () => this.wrapped.restoreBatch(records))
  }

  async close(): Promise<void> {
    this.metering.closed()
    await this.wrapped.close()
  }

  isOpen(): boolean {
    return this.metering.isOpen && this.wrapped.isOpen()
  }
}

/**
 * A metered store of windows or sessions: entries expire by time (a window's start, a session's
 * end) once it is not later than `streamTime - retention`, stream time being the largest time put
 * so far, here or (after a restart or restore) in the segmented store beneath.
 *
 * @example
 * ```ts
 * store.observe(60_000)
 * store.isLive(0) // false once 60_000 - retentionMs >= 0
 * ```
 */
export abstract class MeteredSegmentedStore<K, V> extends MeteredStore<K, V> {
  readonly retentionMs: number
  readonly #segments: SegmentedBytesStore
  #streamTime = Number.NEGATIVE_INFINITY

  protected constructor(
    wrapped: BytesStore,
    segments: SegmentedBytesStore,
    serdes: { key: Serde<K>; value: Serde<V> },
    retentionMs: number,
    cache?: CachingKeyValueStore,
  ) {
    super(wrapped, serdes, cache)
    this.#segments = segments
    this.retentionMs = retentionMs
  }

  /** Advances stream time (also for a put an object cache above holds: it expires others now). */
  observe(time: number): void {
    if (time > this.#streamTime) this.#streamTime = time
  }

  /** Whether an entry of this time is visible (not expired) at the current stream time. */
  isLive(time: number): boolean {
    return time > Math.max(this.#streamTime, this.#segments.observedStreamTime()) - this.retentionMs
  }
}
