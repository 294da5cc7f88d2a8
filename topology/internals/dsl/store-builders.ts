/**
 * @module
 * The store builders of DSL operations. INTERIM: a plain in-memory key-value store until
 * stores/index.ts (Stores) lands; then this delegates to `Stores`.
 */
import type {
  ChangelogRecord,
  KeyValue,
  KeyValueStore,
  LoggingConfig,
  StateStoreContext,
  StoreBuilder,
} from '../../../stores/api.ts'
import type { StoreType } from '../../dsl/materialized.ts'
import type { Serde } from '../../serdes.ts'

/** What a DSL key-value store needs. */
export interface KeyValueStoreSpec<K, V> {
  readonly name: string
  readonly keySerde: Serde<K>
  readonly valueSerde: Serde<V>
  readonly type: StoreType
  readonly cachingEnabled: boolean
  readonly logging: LoggingConfig
}

/**
 * A key-value store builder for a DSL operation.
 *
 * @example
 * ```ts
 * keyValueStoreBuilder({ name: 'counts', keySerde, valueSerde, type: 'leveldb', cachingEnabled: true, logging: { enabled: true } })
 * ```
 */
export function keyValueStoreBuilder<K, V>(spec: KeyValueStoreSpec<K, V>): StoreBuilder<KeyValueStore<K, V>> {
  return {
    name: spec.name,
    kind: 'key-value',
    persistent: false,
    logging: spec.logging,
    cachingEnabled: false,
    build: () => new InterimMemoryStore<K, V>(spec.name, spec.keySerde, spec.valueSerde),
  }
}

const hex = (bytes: Uint8Array | null): string => Buffer.from(bytes ?? new Uint8Array(0)).toString('hex')

class InterimMemoryStore<K, V> implements KeyValueStore<K, V> {
  readonly name: string
  readonly persistent = false
  readonly #keySerde: Serde<K>
  readonly #valueSerde: Serde<V>
  readonly #map = new Map<string, KeyValue<K, V>>()
  #open = false

  constructor(name: string, keySerde: Serde<K>, valueSerde: Serde<V>) {
    this.name = name
    this.#keySerde = keySerde
    this.#valueSerde = valueSerde
  }

  async init(_context: StateStoreContext): Promise<void> {
    this.#open = true
  }
  async flush(): Promise<void> {}
  async close(): Promise<void> {
    this.#open = false
  }
  isOpen(): boolean {
    return this.#open
  }
  async get(key: K): Promise<V | undefined> {
    return this.#map.get(this.#k(key))?.value
  }
  async put(key: K, value: V | null): Promise<void> {
    if (value === null) this.#map.delete(this.#k(key))
    else this.#map.set(this.#k(key), { key, value })
  }
  async putIfAbsent(key: K, value: V): Promise<V | undefined> {
    const old = await this.get(key)
    if (old === undefined) await this.put(key, value)
    return old
  }
  async putAll(entries: ReadonlyArray<KeyValue<K, V | null>>): Promise<void> {
    for (const e of entries) await this.put(e.key, e.value)
  }
  async delete(key: K): Promise<V | undefined> {
    const old = await this.get(key)
    this.#map.delete(this.#k(key))
    return old
  }
  async *range(from: K, to: K): AsyncIterable<KeyValue<K, V>> {
    const [a, b] = [this.#k(from), this.#k(to)]
    for (const [k, e] of this.#sorted()) if (k >= a && k <= b) yield e
  }
  async *reverseRange(from: K, to: K): AsyncIterable<KeyValue<K, V>> {
    const [a, b] = [this.#k(from), this.#k(to)]
    for (const [k, e] of this.#sorted().reverse()) if (k >= a && k <= b) yield e
  }
  async *prefixScan<P>(prefix: P, serialize: (prefix: P) => Uint8Array): AsyncIterable<KeyValue<K, V>> {
    const p = hex(serialize(prefix))
    for (const [k, e] of this.#sorted()) if (k.startsWith(p)) yield e
  }
  async *all(): AsyncIterable<KeyValue<K, V>> {
    for (const [, e] of this.#sorted()) yield e
  }
  async approximateNumEntries(): Promise<number> {
    return this.#map.size
  }
  async restoreBatch(records: ReadonlyArray<ChangelogRecord>): Promise<void> {
    for (const r of records) {
      const key = this.#keySerde.deserialize(this.name, r.key)
      await this.put(key, r.value === null ? null : this.#valueSerde.deserialize(this.name, r.value))
    }
  }
  #k(key: K): string {
    return hex(this.#keySerde.serialize(this.name, key))
  }
  #sorted(): Array<[string, KeyValue<K, V>]> {
    return [...this.#map].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
  }
}
