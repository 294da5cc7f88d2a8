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
import type { KeyValue, Windowed, WindowStore } from '../api.ts'
import type { BytesEntry, BytesStore, ScanRange } from './bytes-store.ts'
import type { CachingKeyValueStore } from './caching-key-value-store.ts'
import { decodeRecordKey, encodeWindowKey, MAX_SEQ, windowStartOf } from './key-encoding.ts'
import type { FlushListener } from './metered-key-value-store.ts'
import { MeteredSegmentedStore } from './metered-store.ts'
import type { SegmentedBytesStore } from './segmented-bytes-store.ts'

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
export class MeteredWindowStore<K, V> extends MeteredSegmentedStore<K, V> implements WindowStore<K, V> {
  readonly windowSizeMs: number
  readonly #dups: boolean
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
    super(wrapped, segments, serdes, options.retentionMs, cache)
    this.windowSizeMs = options.windowSizeMs
    this.#dups = options.retainDuplicates
  }

  put(key: K, value: V | null, windowStart: number): Promise<void> {
    return this.metering.time('put', async () => {
      if (this.#dups && value === null) return
      this.observe(windowStart)
      const keyBytes = this.metering.keyBytes(key)
      let windowKey: Uint8Array
      if (this.#dups) {
        this.#seq = (this.#seq + 1) >>> 0
        windowKey = encodeWindowKey(keyBytes, windowStart, this.#seq)
      } else windowKey = this.#windowKey(keyBytes, windowStart)
      await this.wrapped.put(windowKey, this.metering.valueBytes(value))
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
    return this.metering.time('fetch', async () => {
      if (!this.isLive(windowStart)) return undefined
      const keyBytes = this.metering.keyBytes(key)
      if (!this.#dups) {
        const bytes = await this.wrapped.get(this.#windowKey(keyBytes, windowStart))
        return bytes === undefined ? undefined : this.metering.value(bytes)
      }
      for await (const e of this.wrapped.scan(this.#keyRange(keyBytes, windowStart, windowStart))) {
        return this.metering.value(e.value)
      }
      return undefined
    })
  }

  fetchRange(key: K, timeFrom: number, timeTo: number): AsyncIterable<KeyValue<number, V>> {
    return this.metering.iterate(
      'fetch-range',
      () => this.wrapped.scan(this.#keyRange(this.metering.keyBytes(key), timeFrom, timeTo)),
      (e: BytesEntry) => {
        const start = windowStartOf(e.key, this.#dups)
        return this.isLive(start) ? { key: start, value: this.metering.value(e.value) } : undefined
      },
    )
  }

  #windowed(operation: string, range: ScanRange, from: number, to: number): AsyncIterable<KeyValue<Windowed<K>, V>> {
    return this.metering.iterate(
      operation,
      () => this.wrapped.scan(range),
      (e: BytesEntry) => {
        const start = windowStartOf(e.key, this.#dups)
        if (start < from || start > to || !this.isLive(start)) return undefined
        const window = { start, end: start + this.windowSizeMs }
        return { key: { key: this.metering.key(decodeRecordKey(e.key)), window }, value: this.metering.value(e.value) }
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
    return this.listenToCache(listener, (key) => {
      const start = windowStartOf(key, this.#dups)
      return { key: this.metering.key(decodeRecordKey(key)), window: { start, end: start + this.windowSizeMs } }
    })
  }

  /**
   * Serializes and writes down the flushed windows of an object cache above this layer, as one
   * batch with their own timestamps; returns the value bytes written (null: deleted).
   */
  writeFlushed(writes: ReadonlyArray<FlushedWindowWrite<K, V>>): Promise<(Uint8Array | null)[]> {
    return this.writeBatch(writes, (w) => {
      this.observe(w.start)
      return this.#windowKey(this.metering.keyBytes(w.key), w.start)
    })
  }
}
