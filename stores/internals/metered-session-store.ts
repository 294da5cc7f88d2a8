/**
 * @module
 * The metered layer of a session store: the typed {@link SessionStore} over a bytes stack keyed by
 * session keys (key ‖ end ‖ start). Sessions are ordered by end time, so `findSessions` is one
 * range from (key, earliestSessionEnd) upwards, filtered by start. A session is visible while its
 * end is later than `streamTime - retention`, stream time being the largest session end put so far.
 */
import type { Serde } from '../../topology/serdes.ts'
import type { KeyValue, SessionStore, Windowed } from '../api.ts'
import type { BytesEntry, BytesStore } from './bytes-store.ts'
import type { CachingKeyValueStore } from './caching-key-value-store.ts'
import { decodeRecordKey, encodeSessionKey, MAX_TIME, MIN_TIME, sessionWindowOf } from './key-encoding.ts'
import type { FlushListener } from './metered-key-value-store.ts'
import { MeteredSegmentedStore } from './metered-store.ts'
import type { SegmentedBytesStore } from './segmented-bytes-store.ts'

/**
 * A typed session store.
 *
 * @example
 * ```ts
 * await store.put({ key: 'car-44', window: { start: 0, end: 900 } }, 12)
 * for await (const s of store.findSessions('car-44', 500, 1_000)) console.log(s.key.window, s.value)
 * ```
 */
export class MeteredSessionStore<K, V> extends MeteredSegmentedStore<K, V> implements SessionStore<K, V> {
  constructor(
    wrapped: BytesStore,
    segments: SegmentedBytesStore,
    serdes: { key: Serde<K>; value: Serde<V> },
    retentionMs: number,
    cache?: CachingKeyValueStore,
  ) {
    super(wrapped, segments, serdes, retentionMs, cache)
  }

  #write(operation: string, sessionKey: Windowed<K>, value: V | null): Promise<void> {
    return this.metering.time(operation, async () => {
      const { start, end } = sessionKey.window
      this.observe(end)
      await this.wrapped.put(
        encodeSessionKey(this.metering.keyBytes(sessionKey.key), start, end),
        this.metering.valueBytes(value),
      )
    })
  }

  put(sessionKey: Windowed<K>, value: V | null): Promise<void> {
    return this.#write('put', sessionKey, value)
  }

  remove(sessionKey: Windowed<K>): Promise<void> {
    return this.#write('remove', sessionKey, null)
  }

  #sessions(operation: string, key: K, earliestEnd: number, latestStart: number) {
    return this.metering.iterate(
      operation,
      () => {
        const keyBytes = this.metering.keyBytes(key)
        const range = {
          gte: encodeSessionKey(keyBytes, MIN_TIME, Math.max(earliestEnd, MIN_TIME)),
          lte: encodeSessionKey(keyBytes, MAX_TIME, MAX_TIME),
          timeFrom: earliestEnd,
        }
        return this.wrapped.scan(range)
      },
      (e: BytesEntry): KeyValue<Windowed<K>, V> | undefined => {
        const window = sessionWindowOf(e.key)
        if (window.start > latestStart || !this.isLive(window.end)) return undefined
        return { key: { key, window }, value: this.metering.value(e.value) }
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
    return this.metering.time('fetch-session', async () => {
      if (!this.isLive(sessionEnd)) return undefined
      const bytes = await this.wrapped.get(encodeSessionKey(this.metering.keyBytes(key), sessionStart, sessionEnd))
      return bytes === undefined ? undefined : this.metering.value(bytes)
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
    return this.listenToCache(listener, (key) => ({
      key: this.metering.key(decodeRecordKey(key)),
      window: sessionWindowOf(key),
    }))
  }
}
