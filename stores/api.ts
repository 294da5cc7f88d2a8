/**
 * @module
 * The public state store interfaces: small read-only views (what interactive queries see) and the
 * read-write stores processors use. All access is asynchronous because the persistent backend is
 * LevelDB. Implementations are stacks of wrappers named after their layer:
 * metered(caching(changeLogging(inner))), where the inner store works on bytes.
 */

/** A key and its value. */
export interface KeyValue<K, V> {
  readonly key: K
  readonly value: V
}

/** A time window [start, end) in epoch milliseconds (session windows are [start, end] inclusive). */
export interface Window {
  readonly start: number
  readonly end: number
}

/**
 * A key of a windowed aggregation: the record key and its window.
 *
 * @example
 * ```ts
 * const k: Windowed<string> = { key: 'car-44', window: { start: 0, end: 1000 } }
 * ```
 */
export interface Windowed<K> {
  readonly key: K
  readonly window: Window
}

/** Receives every change of a logged store; the runtime connects it to the store's changelog topic. */
export interface ChangelogWriter {
  /** `value === null` logs a delete (a tombstone on the compacted topic). */
  log(storeName: string, key: Uint8Array, value: Uint8Array | null, timestamp: number): void
}

/** Counters and timings reported by the metered layer. */
export interface StoreMetricsSink {
  record(storeName: string, operation: string, durationMs: number): void
}

/** What a store receives from its task when it is initialised. */
export interface StateStoreContext {
  readonly applicationId: string
  readonly taskId: string
  /** The task's own directory; persistent stores live in `<taskDir>/<storeName>`. */
  readonly taskDir: string
  /** Present when change logging is enabled for the store. */
  readonly changelog?: ChangelogWriter
  readonly metrics?: StoreMetricsSink
  /** The timestamp of the record being processed, used for changelog records. */
  currentTimestamp(): number
}

/**
 * What every store has.
 *
 * @example
 * ```ts
 * await store.init(context); await store.flush(); await store.close()
 * ```
 */
export interface StateStore {
  readonly name: string
  readonly persistent: boolean
  init(context: StateStoreContext): Promise<void>
  /** Writes cached changes down the stack (and to the changelog); called on every commit. */
  flush(): Promise<void>
  close(): Promise<void>
  isOpen(): boolean
}

/** A read-only key-value view, as served to interactive queries. */
export interface ReadOnlyKeyValueStore<K, V> {
  get(key: K): Promise<V | undefined>
  /** Keys in [from, to] inclusive, ascending by their serialized bytes. */
  range(from: K, to: K): AsyncIterable<KeyValue<K, V>>
  reverseRange(from: K, to: K): AsyncIterable<KeyValue<K, V>>
  /** Keys whose serialized bytes start with the serialized prefix. */
  prefixScan<P>(prefix: P, prefixSerializer: (prefix: P) => Uint8Array): AsyncIterable<KeyValue<K, V>>
  all(): AsyncIterable<KeyValue<K, V>>
  approximateNumEntries(): Promise<number>
}

/**
 * A key-value store. `put(key, null)` deletes.
 *
 * @example
 * ```ts
 * const counts = ctx.getStateStore<KeyValueStore<string, number>>('counts')
 * await counts.put('car-44', ((await counts.get('car-44')) ?? 0) + 1)
 * ```
 */
export interface KeyValueStore<K, V> extends StateStore, ReadOnlyKeyValueStore<K, V> {
  put(key: K, value: V | null): Promise<void>
  /** Puts only when absent; returns the previous value, if any. */
  putIfAbsent(key: K, value: V): Promise<V | undefined>
  putAll(entries: ReadonlyArray<KeyValue<K, V | null>>): Promise<void>
  /** Deletes and returns the previous value, if any. */
  delete(key: K): Promise<V | undefined>
}

/** A read-only window store view. */
export interface ReadOnlyWindowStore<K, V> {
  /** The value of one window of one key. */
  fetch(key: K, windowStart: number): Promise<V | undefined>
  /** Windows of one key whose start is in [timeFrom, timeTo], ascending by start. */
  fetchRange(key: K, timeFrom: number, timeTo: number): AsyncIterable<KeyValue<number, V>>
  /** Windows of all keys whose start is in [timeFrom, timeTo]. */
  fetchAll(timeFrom: number, timeTo: number): AsyncIterable<KeyValue<Windowed<K>, V>>
  all(): AsyncIterable<KeyValue<Windowed<K>, V>>
}

/**
 * A window store: values per key and window start, expired after `retentionMs` of stream time.
 *
 * @example
 * ```ts
 * await windows.put('car-44', { count: 3 }, 1_000)
 * for await (const { key: start, value } of windows.fetchRange('car-44', 0, 10_000)) console.log(start, value)
 * ```
 */
export interface WindowStore<K, V> extends StateStore, ReadOnlyWindowStore<K, V> {
  readonly retentionMs: number
  readonly windowSizeMs: number
  /** `value === null` deletes. With `retainDuplicates`, every put is kept (stream-stream joins). */
  put(key: K, value: V | null, windowStart: number): Promise<void>
}

/** A read-only session store view. */
export interface ReadOnlySessionStore<K, V> {
  /** Sessions of `key` that end at or after `earliestSessionEnd` and start at or before `latestSessionStart`. */
  findSessions(key: K, earliestSessionEnd: number, latestSessionStart: number): AsyncIterable<KeyValue<Windowed<K>, V>>
  fetchSession(key: K, sessionStart: number, sessionEnd: number): Promise<V | undefined>
  /** All sessions of `key`. */
  fetch(key: K): AsyncIterable<KeyValue<Windowed<K>, V>>
}

/**
 * A session store, keyed by the record key and its session window.
 *
 * @example
 * ```ts
 * await sessions.put({ key: 'car-44', window: { start: 0, end: 900 } }, 12)
 * ```
 */
export interface SessionStore<K, V> extends StateStore, ReadOnlySessionStore<K, V> {
  readonly retentionMs: number
  put(sessionKey: Windowed<K>, value: V): Promise<void>
  remove(sessionKey: Windowed<K>): Promise<void>
}

/** One changelog record to restore, as read from the changelog topic. */
export interface ChangelogRecord {
  readonly key: Uint8Array
  readonly value: Uint8Array | null
  readonly timestamp: number
}

/** A store that can be rebuilt from its changelog (bypassing the change-logging layer). */
export interface RestorableStore {
  restoreBatch(records: ReadonlyArray<ChangelogRecord>): Promise<void>
}

/** Settings of a store's changelog topic. */
export interface LoggingConfig {
  readonly enabled: boolean
  /** Extra topic configs, e.g. `{ 'min.compaction.lag.ms': '0' }`. */
  readonly topicConfig?: Readonly<Record<string, string>>
}

/**
 * Describes a store for a topology: the DSL and `Topology.addStateStore` take builders, each task
 * builds its own instance.
 *
 * @example
 * ```ts
 * const builder = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('counts'), Serdes.string(), Serdes.json())
 * ```
 */
export interface StoreBuilder<S extends StateStore = StateStore> {
  readonly name: string
  readonly kind: 'key-value' | 'window' | 'session'
  readonly persistent: boolean
  readonly logging: LoggingConfig
  readonly cachingEnabled: boolean
  build(): S & RestorableStore
}
