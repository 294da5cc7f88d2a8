/**
 * @module
 * The metered layer of a window store: the typed {@link WindowStore} over a bytes stack keyed by
 * window keys (key ‖ start ‖ [seq]). A window is visible while its start is later than
 * `streamTime - retention` (Kafka Streams' rule), where stream time is the largest window start
 * put so far, here or (after a restart or restore) in the segmented store beneath; the segments
 * only make dropping expired windows cheap. With `retainDuplicates` every put gets a fresh
 * sequence number, so equal keys and starts are all kept (stream-stream joins) and deletes are
 * ignored, as in Kafka Streams.
 */
import type { Serde } from '../../topology/serdes.ts'
import type { ChangelogRecord, KeyValue, RestorableStore, StateStoreContext, Windowed, WindowStore } from '../api.ts'
import type { BytesEntry, BytesStore, ScanRange } from './bytes-store.ts'
import type { CachingKeyValueStore } from './caching-key-value-store.ts'
import { decodeRecordKey, encodeWindowKey, MAX_SEQ, windowStartOf } from './key-encoding.ts'
import type { FlushListener } from './metered-key-value-store.ts'
import type { SegmentedBytesStore } from './segmented-bytes-store.ts'
import { StoreMetering } from './store-metering.ts'

/** The shape of a window store. */
export interface WindowStoreOptions {
  readonly retentionMs: number
  readonly windowSizeMs: number
  readonly retainDuplicates: boolean
}

/** One flushed window of an object cache. */
export interface FlushedWindowWrite<K, V> {
  readonly key: K
  readonly start: number
  readonly value: V | null
  readonly timestamp: number
}

/**
 * A typed window store.
 *
 * @example
 * ```ts
 * await store.put('car-44', 3, 60_000)
 * await store.fetch('car-44', 60_000) // 3
 * ```
 */
export class MeteredWindowStore<K, V> implements WindowStore<K, V>, RestorableStore {
  readonly retentionMs: number
  readonly windowSizeMs: number
  readonly #dups: boolean
  readonly #wrapped: BytesStore
  readonly #segments: SegmentedBytesStore
  readonly #cache: CachingKeyValueStore | undefined
  readonly #m: StoreMetering<K, V>
  #streamTime = Number.NEGATIVE_INFINITY
  #seq = 0
  /** The last window key encoded (without sequence number): fetch then put of one window encode it once. */
  #lastKeyBytes: Uint8Array | undefined
  #lastStart = 0
  #lastWindowKey: Uint8Array | undefined

  constructor(
    wrapped: BytesStore,
    segments: SegmentedBytesStore,
    serdes: { key: Serde<K>; value: Serde<V> },
    options: WindowStoreOptions,
    cache?: CachingKeyValueStore,
  ) {
    this.#wrapped = wrapped
    this.#segments = segments
    this.#cache = cache
    this.retentionMs = options.retentionMs
    this.windowSizeMs = options.windowSizeMs
    this.#dups = options.retainDuplicates
    this.#m = new StoreMetering(wrapped.name, serdes.key, serdes.value)
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

  #live(start: number): boolean {
    return start > Math.max(this.#streamTime, this.#segments.observedStreamTime()) - this.retentionMs
  }

  put(key: K, value: V | null, windowStart: number): Promise<void> {
    return this.#m.time('put', async () => {
      if (this.#dups && value === null) return
      if (windowStart > this.#streamTime) this.#streamTime = windowStart
      const keyBytes = this.#m.keyBytes(key)
      let windowKey: Uint8Array
      if (this.#dups) {
        this.#seq = (this.#seq + 1) >>> 0
        windowKey = encodeWindowKey(keyBytes, windowStart, this.#seq)
      } else windowKey = this.#windowKey(keyBytes, windowStart)
      await this.#wrapped.put(windowKey, this.#m.valueBytes(value))
    })
  }

  #windowKey(keyBytes: Uint8Array, windowStart: number): Uint8Array {
    if (keyBytes !== this.#lastKeyBytes || windowStart !== this.#lastStart) {
      this.#lastWindowKey = encodeWindowKey(keyBytes, windowStart)
      this.#lastKeyBytes = keyBytes
      this.#lastStart = windowStart
    }
    return this.#lastWindowKey!
  }

  #keyRange(keyBytes: Uint8Array, from: number, to: number): ScanRange {
    const low = this.#dups ? 0 : undefined
    const high = this.#dups ? MAX_SEQ : undefined
    return {
      gte: encodeWindowKey(keyBytes, from, low),
      lte: encodeWindowKey(keyBytes, to, high),
      timeFrom: from,
      timeTo: to,
    }
  }

  fetch(key: K, windowStart: number): Promise<V | undefined> {
    return this.#m.time('fetch', async () => {
      if (!this.#live(windowStart)) return undefined
      const keyBytes = this.#m.keyBytes(key)
      if (!this.#dups) {
        const bytes = await this.#wrapped.get(this.#windowKey(keyBytes, windowStart))
        return bytes === undefined ? undefined : this.#m.value(bytes)
      }
      for await (const e of this.#wrapped.scan(this.#keyRange(keyBytes, windowStart, windowStart))) {
        return this.#m.value(e.value)
      }
      return undefined
    })
  }

  fetchRange(key: K, timeFrom: number, timeTo: number): AsyncIterable<KeyValue<number, V>> {
    return this.#m.iterate(
      'fetch-range',
      () => this.#wrapped.scan(this.#keyRange(this.#m.keyBytes(key), timeFrom, timeTo)),
      (e: BytesEntry) => {
        const start = windowStartOf(e.key, this.#dups)
        return this.#live(start) ? { key: start, value: this.#m.value(e.value) } : undefined
      },
    )
  }

  #windowed(operation: string, range: ScanRange, from: number, to: number): AsyncIterable<KeyValue<Windowed<K>, V>> {
    return this.#m.iterate(
      operation,
      () => this.#wrapped.scan(range),
      (e: BytesEntry) => {
        const start = windowStartOf(e.key, this.#dups)
        if (start < from || start > to || !this.#live(start)) return undefined
        const window = { start, end: start + this.windowSizeMs }
        return { key: { key: this.#m.key(decodeRecordKey(e.key)), window }, value: this.#m.value(e.value) }
      },
    )
  }

  fetchAll(timeFrom: number, timeTo: number): AsyncIterable<KeyValue<Windowed<K>, V>> {
    return this.#windowed('fetch-all', { timeFrom, timeTo }, timeFrom, timeTo)
  }

  all(): AsyncIterable<KeyValue<Windowed<K>, V>> {
    return this.#windowed('all', {}, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)
  }

  /**
   * Forwards each flushed window (typed) when caching is enabled; returns false without a cache.
   *
   * @example
   * ```ts
   * store.setFlushListener((windowed, newValue, oldValue, ts) => ctx.forward({ key: windowed, value: { newValue, oldValue }, timestamp: ts }))
   * ```
   */
  setFlushListener(listener: FlushListener<Windowed<K>, V>): boolean {
    if (this.#cache === undefined) return false
    this.#cache.setFlushListener((key, newValue, oldValue, timestamp) => {
      const start = windowStartOf(key, this.#dups)
      const windowed = { key: this.#m.key(decodeRecordKey(key)), window: { start, end: start + this.windowSizeMs } }
      return listener(windowed, this.#m.optionalValue(newValue), this.#m.optionalValue(oldValue), timestamp)
    })
    return true
  }

  /** The key's bytes, as this store writes them (for the object cache's scan order). */
  serializeKey(key: K): Uint8Array {
    return this.#m.keyBytes(key)
  }

  /** Advances stream time for a put an object cache above holds (its windows expire others now). */
  observe(windowStart: number): void {
    if (windowStart > this.#streamTime) this.#streamTime = windowStart
  }

  /** Whether a window of this start is visible (not expired) at the current stream time. */
  isLive(windowStart: number): boolean {
    return this.#live(windowStart)
  }

  /**
   * Serializes and writes down the flushed windows of an object cache above this layer, as one
   * batch with their own timestamps; returns the value bytes written (null: deleted).
   */
  writeFlushed(writes: ReadonlyArray<FlushedWindowWrite<K, V>>): Promise<(Uint8Array | null)[]> {
    return this.#m.time('flush', async () => {
      const values = writes.map((w) => this.#m.valueBytes(w.value))
      await this.#wrapped.putAll(
        writes.map((w, i) => {
          this.observe(w.start)
          return { key: this.#windowKey(this.#m.keyBytes(w.key), w.start), value: values[i]!, timestamp: w.timestamp }
        }),
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
