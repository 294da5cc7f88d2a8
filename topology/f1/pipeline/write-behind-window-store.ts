/**
 * @module
 * The write-behind layer of write-behind-store.ts for window stores: `put` keeps the value object
 * per key and window, `flush()` (every commit) serializes and writes down the latest of each. The
 * F1 windowed tables (validation rate, 1 s car metrics) update one window per car on every sample,
 * so this serializes a window once per commit instead of once per sample.
 */
import type {
  KeyValue,
  RestorableStore,
  StateStoreContext,
  StoreBuilder,
  Windowed,
  WindowStore,
} from '../../../stores/api.ts'

type Inner<V> = WindowStore<string, V> & RestorableStore

interface Pending<V> {
  readonly key: string
  readonly start: number
  value: V | null
  /** Order of the first write, kept when writing down. */
  readonly seq: number
}

const DONE: Promise<void> = Promise.resolve()

/**
 * The write-behind window store of one task.
 *
 * @example
 * ```ts
 * const store = new WriteBehindWindowStore(builder.build())
 * await store.put('sim-1:44', { value: counts, timestamp: 1_250 }, 1_000)
 * ```
 */
export class WriteBehindWindowStore<V> implements WindowStore<string, V>, RestorableStore {
  readonly #inner: Inner<V>
  /** By key, then window start (no composite key string per call). */
  readonly #pending = new Map<string, Map<number, Pending<V>>>()
  #size = 0
  #seq = 0

  constructor(inner: Inner<V>) {
    this.#inner = inner
  }

  get name(): string {
    return this.#inner.name
  }

  get persistent(): boolean {
    return this.#inner.persistent
  }

  get retentionMs(): number {
    return this.#inner.retentionMs
  }

  get windowSizeMs(): number {
    return this.#inner.windowSizeMs
  }

  init(context: StateStoreContext): Promise<void> {
    return this.#inner.init(context)
  }

  isOpen(): boolean {
    return this.#inner.isOpen()
  }

  fetch(key: string, windowStart: number): Promise<V | undefined> {
    const p = this.#pending.get(key)?.get(windowStart)
    if (p !== undefined) return Promise.resolve(p.value ?? undefined)
    return this.#inner.fetch(key, windowStart)
  }

  put(key: string, value: V | null, windowStart: number): Promise<void> {
    let windows = this.#pending.get(key)
    if (windows === undefined) {
      windows = new Map()
      this.#pending.set(key, windows)
    }
    const p = windows.get(windowStart)
    if (p === undefined) {
      windows.set(windowStart, { key, start: windowStart, value, seq: this.#seq++ })
      this.#size++
    } else p.value = value
    return DONE
  }

  fetchRange(key: string, timeFrom: number, timeTo: number): AsyncIterable<KeyValue<number, V>> {
    return this.#afterWriteDown(() => this.#inner.fetchRange(key, timeFrom, timeTo))
  }

  fetchAll(timeFrom: number, timeTo: number): AsyncIterable<KeyValue<Windowed<string>, V>> {
    return this.#afterWriteDown(() => this.#inner.fetchAll(timeFrom, timeTo))
  }

  all(): AsyncIterable<KeyValue<Windowed<string>, V>> {
    return this.#afterWriteDown(() => this.#inner.all())
  }

  async flush(): Promise<void> {
    await this.#writeDown()
    await this.#inner.flush()
  }

  /** Closes without writing pending values down (the task flushes first on a clean close). */
  close(): Promise<void> {
    this.#pending.clear()
    this.#size = 0
    return this.#inner.close()
  }

  restoreBatch(records: Parameters<RestorableStore['restoreBatch']>[0]): Promise<void> {
    this.#pending.clear()
    this.#size = 0
    return this.#inner.restoreBatch(records)
  }

  async #writeDown(): Promise<void> {
    if (this.#size === 0) return
    const pending: Pending<V>[] = []
    for (const windows of this.#pending.values()) for (const p of windows.values()) pending.push(p)
    this.#pending.clear()
    this.#size = 0
    pending.sort((a, b) => a.seq - b.seq)
    for (const p of pending) await this.#inner.put(p.key, p.value, p.start)
  }

  async *#afterWriteDown<T>(scan: () => AsyncIterable<T>): AsyncIterable<T> {
    await this.#writeDown()
    yield* scan()
  }
}

/**
 * Wraps a window store builder: each task's store gets the write-behind layer on top.
 *
 * @example
 * ```ts
 * builder.addStateStore(writeBehindWindows(Stores.windowStoreBuilder(supplier, Serdes.string(), serde)))
 * ```
 */
export function writeBehindWindows<V>(
  inner: StoreBuilder<WindowStore<string, V>>,
): StoreBuilder<WindowStore<string, V>> {
  return {
    name: inner.name,
    kind: inner.kind,
    persistent: inner.persistent,
    logging: inner.logging,
    cachingEnabled: inner.cachingEnabled,
    build: () => new WriteBehindWindowStore<V>(inner.build()),
  }
}
