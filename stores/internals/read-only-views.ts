/**
 * @module
 * Read-only views for interactive queries: plain objects exposing only the read methods of a
 * store, so a query handler cannot write (not even by casting back to the store).
 */
import type { ReadOnlyKeyValueStore, ReadOnlySessionStore, ReadOnlyWindowStore } from '../api.ts'

/**
 * A read-only view of a key-value store.
 *
 * @example
 * ```ts
 * const view = readOnlyKeyValueStore(task.stores.get('counts') as KeyValueStore<string, number>)
 * await view.get('car-44')
 * ```
 */
export function readOnlyKeyValueStore<K, V>(store: ReadOnlyKeyValueStore<K, V>): ReadOnlyKeyValueStore<K, V> {
  return Object.freeze({
    get: (key: K) => store.get(key),
    range: (from: K, to: K) => store.range(from, to),
    reverseRange: (from: K, to: K) => store.reverseRange(from, to),
    prefixScan: <P>(prefix: P, serializer: (prefix: P) => Uint8Array) => store.prefixScan(prefix, serializer),
    all: () => store.all(),
    approximateNumEntries: () => store.approximateNumEntries(),
  })
}

/**
 * A read-only view of a window store.
 *
 * @example
 * ```ts
 * for await (const w of readOnlyWindowStore(windows).fetchRange('car-44', 0, Date.now())) console.log(w)
 * ```
 */
export function readOnlyWindowStore<K, V>(store: ReadOnlyWindowStore<K, V>): ReadOnlyWindowStore<K, V> {
  return Object.freeze({
    fetch: (key: K, windowStart: number) => store.fetch(key, windowStart),
    fetchRange: (key: K, from: number, to: number) => store.fetchRange(key, from, to),
    fetchAll: (from: number, to: number) => store.fetchAll(from, to),
    all: () => store.all(),
  })
}

/**
 * A read-only view of a session store.
 *
 * @example
 * ```ts
 * for await (const s of readOnlySessionStore(sessions).fetch('car-44')) console.log(s.key.window)
 * ```
 */
export function readOnlySessionStore<K, V>(store: ReadOnlySessionStore<K, V>): ReadOnlySessionStore<K, V> {
  return Object.freeze({
    findSessions: (key: K, earliestEnd: number, latestStart: number) =>
      store.findSessions(key, earliestEnd, latestStart),
    fetchSession: (key: K, start: number, end: number) => store.fetchSession(key, start, end),
    fetch: (key: K) => store.fetch(key),
  })
}
