/**
 * @module
 * The metered layer of a session store: the typed {@link SessionStore} over a bytes stack keyed by
 * session keys (key ‖ end ‖ start). Sessions are ordered by end time, so `findSessions` is one
 * range from (key, earliestSessionEnd) upwards, filtered by start. A session is visible while its
 * end is later than `streamTime - retention`, stream time being the largest session end put so far.
 */
import type { Serde } from '../../topology/serdes.ts'
import type { ChangelogRecord, KeyValue, RestorableStore, SessionStore, StateStoreContext, Windowed } from '../api.ts'
import type { BytesEntry, BytesStore } from './bytes-store.ts'
import type { CachingKeyValueStore } from './caching-key-value-store.ts'
import { decodeRecordKey, encodeSessionKey, MAX_TIME, MIN_TIME, sessionWindowOf } from './key-encoding.ts'
import type { FlushListener } from './metered-key-value-store.ts'
import type { SegmentedBytesStore } from './segmented-bytes-store.ts'
import { StoreMetering } from './store-metering.ts'

/**
 * A typed session store.
 *
 * @example
 * ```ts
 * await store.put({ key: 'car-44', window: { start: 0, end: 900 } }, 12)
 * for await (const s of store.findSessions('car-44', 500, 1_000)) console.log(s.key.window, s.value)
 * ```
 */
export class MeteredSessionStore<K, V> implements SessionStore<K, V>, RestorableStore {
  readonly retentionMs: number
  readonly #wrapped: BytesStore
  readonly #segments: SegmentedBytesStore
  readonly #cache: CachingKeyValueStore | undefined
  readonly #m: StoreMetering<K, V>
  #streamTime = Number.NEGATIVE_INFINITY

  constructor(
    wrapped: BytesStore,
    segments: SegmentedBytesStore,
    serdes: { key: Serde<K>; value: Serde<V> },
    retentionMs: number,
    cache?: CachingKeyValueStore,
  ) {
    this.#wrapped = wrapped
    this.#segments = segments
    this.#cache = cache
    this.retentionMs = retentionMs
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

  #live(end: number): boolean {
    return end > Math.max(this.#streamTime, this.#segments.observedStreamTime()) - this.retentionMs
  }

  #write(operation: string, sessionKey: Windowed<K>, value: V | null): Promise<void> {
    return this.#m.time(operation, async () => {
      const { start, end } = sessionKey.window
      if (end > this.#streamTime) this.#streamTime = end
      await this.#wrapped.put(encodeSessionKey(this.#m.keyBytes(sessionKey.key), start, end), this.#m.valueBytes(value))
    })
  }

  put(sessionKey: Windowed<K>, value: V | null): Promise<void> {
    return this.#write('put', sessionKey, value)
  }

  remove(sessionKey: Windowed<K>): Promise<void> {
    return this.#write('remove', sessionKey, null)
  }

  #sessions(operation: string, key: K, earliestEnd: number, latestStart: number) {
    return this.#m.iterate(
      operation,
      () => {
        const keyBytes = this.#m.keyBytes(key)
        const range = {
          gte: encodeSessionKey(keyBytes, MIN_TIME, Math.max(earliestEnd, MIN_TIME)),
          lte: encodeSessionKey(keyBytes, MAX_TIME, MAX_TIME),
          timeFrom: earliestEnd,
        }
        return this.#wrapped.scan(range)
      },
      (e: BytesEntry): KeyValue<Windowed<K>, V> | undefined => {
        const window = sessionWindowOf(e.key)
        if (window.start > latestStart || !this.#live(window.end)) return undefined
        return { key: { key, window }, value: this.#m.value(e.value) }
      },
    )
  }

  findSessions(
    key: K,
    earliestSessionEnd: number,
    latestSessionStart: number,
  ): AsyncIterable<KeyValue<Windowed<K>, V>> {
    return this.#sessions('find-sessions', key, earliestSessionEnd, latestSessionStart)
  }

  fetch(key: K): AsyncIterable<KeyValue<Windowed<K>, V>> {
    return this.#sessions('fetch', key, MIN_TIME, MAX_TIME)
  }

  fetchSession(key: K, sessionStart: number, sessionEnd: number): Promise<V | undefined> {
    return this.#m.time('fetch-session', async () => {
      if (!this.#live(sessionEnd)) return undefined
      const bytes = await this.#wrapped.get(encodeSessionKey(this.#m.keyBytes(key), sessionStart, sessionEnd))
      return bytes === undefined ? undefined : this.#m.value(bytes)
    })
  }

  /**
   * Forwards each flushed session (typed) when caching is enabled; returns false without a cache.
   *
   * @example
   * ```ts
   * store.setFlushListener((session, newValue, oldValue, ts) => ctx.forward({ key: session, value: { newValue, oldValue }, timestamp: ts }))
   * ```
   */
  setFlushListener(listener: FlushListener<Windowed<K>, V>): boolean {
    if (this.#cache === undefined) return false
    this.#cache.setFlushListener((key, newValue, oldValue, timestamp) => {
      const windowed = { key: this.#m.key(decodeRecordKey(key)), window: sessionWindowOf(key) }
      return listener(windowed, this.#m.optionalValue(newValue), this.#m.optionalValue(oldValue), timestamp)
    })
    return true
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
