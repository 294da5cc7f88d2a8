/**
 * @module
 * Value getters of windowed tables (used by joins and by anything that reads a table's current
 * row): a time-windowed row is the window store's entry at the window start, a session row the
 * session store's entry for exactly that session.
 */
import type { SessionStore, Windowed, WindowStore } from '../../../stores/api.ts'
import type { TableValueGetterSupplier } from './table-value-getter.ts'
import type { ValueAndTimestamp } from './value-and-timestamp.ts'

/**
 * Reads rows of a time-windowed aggregation.
 *
 * @example
 * ```ts
 * const getter = windowStoreValueGetter<string, number>('counts')
 * ```
 */
export function windowStoreValueGetter<K, V>(storeName: string): TableValueGetterSupplier<Windowed<K>, V> {
  return {
    storeNames: [storeName],
    get() {
      let store: WindowStore<K, ValueAndTimestamp<V>>
      return {
        init(ctx) {
          store = ctx.getStateStore(storeName)
        },
        get: async (key) => (await store.fetch(key.key, key.window.start))?.value ?? null,
      }
    },
  }
}

/**
 * Reads rows of a session aggregation.
 *
 * @example
 * ```ts
 * const getter = sessionStoreValueGetter<string, number>('stints')
 * ```
 */
export function sessionStoreValueGetter<K, V>(storeName: string): TableValueGetterSupplier<Windowed<K>, V> {
  return {
    storeNames: [storeName],
    get() {
      let store: SessionStore<K, V>
      return {
        init(ctx) {
          store = ctx.getStateStore(storeName)
        },
        get: async (key) => (await store.fetchSession(key.key, key.window.start, key.window.end)) ?? null,
      }
    },
  }
}
