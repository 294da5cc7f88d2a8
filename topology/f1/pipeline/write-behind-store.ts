/**
 * @module
 * A write-behind layer over a key-value store for the F1 processors that rewrite a car's state on
 * every sample (anomaly detectors, lap accumulators): `put` keeps the value object, and only
 * `flush()` (every commit) serializes the latest value of each written key and writes it down.
 * A car's state is then serialized once per commit instead of once per sample, while the changelog
 * still matches the committed input under exactly-once: the task flushes its stores before it
 * commits, and a value written down is the value at that commit.
 *
 * The layer keeps the object it was given: a processor may keep mutating it after `put` (they
 * keep their cars' state in memory anyway), and what is written down is its state at the flush.
 * Scans, counts and restores write pending values down first (or drop them, on restore), so every
 * read sees every write.
 */
import type { KeyValue, KeyValueStore, RestorableStore, StateStoreContext, StoreBuilder } from '../../../stores/api.ts'

type Inner<V> = KeyValueStore<string, V> & RestorableStore

const DONE: Promise<void> = Promise.resolve()

/**
 * The write-behind store of one task.
 *
 * @example
 * ```ts
 * const store = new WriteBehindKeyValueStore(builder.build())
 * await store.put('sim-1:44', state) // kept as the object
 * await store.flush() // serialized and written down once
 * ```
 */
export class WriteBehindKeyValueStore<V> implements KeyValueStore<string, V>, RestorableStore {
  readonly #inner: Inner<V>
  readonly #pending = new Map<string, V | null>()

  constructor(inner: Inner<V>) {
    this.#inner = inner
  }

  get name(): string {
    return this.#inner.name
  }

  get persistent(): boolean {
    return this.#inner.persistent
  }

  /** Keys written since the last flush. */
  get pendingCount(): number {
    return this.#pending.size
  }

  init(context: StateStoreContext): Promise<void> {
    return this.#inner.init(context)
  }

  isOpen(): boolean {
    return this.#inner.isOpen()
  }

  get(key: string): Promise<V | undefined> {
    if (this.#pending.has(key)) return Promise.resolve(this.#pending.get(key) ?? undefined)
    return this.#inner.get(key)
  }

  put(key: string, value: V | null): Promise<void> {
    this.#pending.set(key, value)
    return DONE
  }

  async putIfAbsent(key: string, value: V): Promise<V | undefined> {
    const previous = await this.get(key)
    if (previous === undefined) this.#pending.set(key, value)
    return previous
  }

  putAll(entries: ReadonlyArray<KeyValue<string, V | null>>): Promise<void> {
    for (const e of entries) this.#pending.set(e.key, e.value)
    return DONE
  }

  async delete(key: string): Promise<V | undefined> {
    const previous = await this.get(key)
    this.#pending.set(key, null)
    return previous
  }

  range(from: string, to: string): AsyncIterable<KeyValue<string, V>> {
    return this.#afterWriteDown(() => this.#inner.range(from, to))
  }

  reverseRange(from: string, to: string): AsyncIterable<KeyValue<string, V>> {
    return this.#afterWriteDown(() => this.#inner.reverseRange(from, to))
  }

  prefixScan<P>(prefix: P, prefixSerializer: (prefix: P) => Uint8Array): AsyncIterable<KeyValue<string, V>> {
    return this.#afterWriteDown(() => this.#inner.prefixScan(prefix, prefixSerializer))
  }

  all(): AsyncIterable<KeyValue<string, V>> {
    return this.#afterWriteDown(() => this.#inner.all())
  }

  async approximateNumEntries(): Promise<number> {
    await this.#writeDown()
    return this.#inner.approximateNumEntries()
  }

  async flush(): Promise<void> {
    await this.#writeDown()
    await this.#inner.flush()
  }

  /** Closes without writing pending values down (the task flushes first on a clean close). */
  close(): Promise<void> {
    this.#pending.clear()
    return this.#inner.close()
  }

  restoreBatch(records: Parameters<RestorableStore['restoreBatch']>[0]): Promise<void> {
    this.#pending.clear()
    return this.#inner.restoreBatch(records)
  }

  async #writeDown(): Promise<void> {
    if (this.#pending.size === 0) return
    const entries = [...this.#pending].map(([key, value]) => ({ key, value }))
    this.#pending.clear()
    await this.#inner.putAll(entries)
  }

  async *#afterWriteDown(scan: () => AsyncIterable<KeyValue<string, V>>): AsyncIterable<KeyValue<string, V>> {
    await this.#writeDown()
    yield* scan()
  }
}

/**
 * Wraps a key-value store builder: each task's store gets the write-behind layer on top.
 *
 * @example
 * ```ts
 * builder.addStateStore(writeBehind(Stores.keyValueStoreBuilder(supplier, Serdes.string(), Serdes.json<CarState>()).withLoggingEnabled()))
 * ```
 */
export function writeBehind<V>(inner: StoreBuilder<KeyValueStore<string, V>>): StoreBuilder<KeyValueStore<string, V>> {
  return {
    name: inner.name,
    kind: inner.kind,
    persistent: inner.persistent,
    logging: inner.logging,
    cachingEnabled: inner.cachingEnabled,
    build: () => new WriteBehindKeyValueStore<V>(inner.build()),
  }
}
