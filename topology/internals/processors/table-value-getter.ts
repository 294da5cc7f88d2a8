/**
 * @module
 * Table value getters: how a join (or any processor) reads the current value of a KTable row.
 * A materialized table reads its store; a filtered or mapped table that is not materialized
 * reads its parent's getter and applies its own function, as in Kafka Streams.
 */
import type { KeyValueStore } from '../../../stores/api.ts'
import type { ProcessorContext } from '../../processor.ts'

/** Reads table rows inside one task; `null` when absent. */
export interface TableValueGetter<K, V> {
  init(context: ProcessorContext<unknown, unknown>): void
  get(key: K): V | null | Promise<V | null>
}

/** Makes a getter per task; `storeNames` must be connected to the processor that uses it. */
export interface TableValueGetterSupplier<K, V> {
  readonly storeNames: readonly string[]
  get(): TableValueGetter<K, V>
}

/**
 * A getter reading the key-value store `storeName`.
 *
 * @example
 * ```ts
 * const getter = storeValueGetter<string, Driver>('drivers-store').get()
 * getter.init(ctx); await getter.get('44')
 * ```
 */
export function storeValueGetter<K, V>(storeName: string): TableValueGetterSupplier<K, V> {
  return {
    storeNames: [storeName],
    get() {
      let store: KeyValueStore<K, V>
      return {
        init(ctx) {
          store = ctx.getStateStore<KeyValueStore<K, V>>(storeName)
        },
        get: (key) => store.get(key).then((v) => v ?? null),
      }
    },
  }
}

/**
 * A getter applying `fn` to the parent's value (null stays null unless `fn` decides).
 *
 * @example
 * ```ts
 * const filtered = mappedValueGetter(parent, (k, v) => (v !== null && v.active ? v : null))
 * ```
 */
export function mappedValueGetter<K, V, VR>(
  parent: TableValueGetterSupplier<K, V>,
  fn: (key: K, value: V | null) => VR | null,
): TableValueGetterSupplier<K, VR> {
  return {
    storeNames: parent.storeNames,
    get() {
      const inner = parent.get()
      return {
        init: (ctx) => inner.init(ctx),
        get(key) {
          const value = inner.get(key)
          return value instanceof Promise ? value.then((v) => fn(key, v)) : fn(key, value)
        },
      }
    },
  }
}
