/**
 * @module
 * Store builders: immutable descriptions of a store (supplier, serdes, caching, logging) that the
 * topology keeps and each task builds from. `build()` stacks the layers as
 * objectCaching(metered(changeLogging(inner))) for key-value and window stores (the cache holds
 * deserialized values: see the README) and metered(caching(changeLogging(inner))) for session
 * stores or with `withCacheForm('bytes')`; each `with*` call returns a new builder.
 */
import type { Serde } from '../../topology/serdes.ts'
import type {
  KeyValueStore,
  LoggingConfig,
  RestorableStore,
  SessionStore,
  StateStore,
  StoreBuilder,
  Windowed,
  WindowStore,
} from '../api.ts'
import type { BytesStore } from './bytes-store.ts'
import { CachingKeyValueStore, DEFAULT_CACHE_MAX_BYTES } from './caching-key-value-store.ts'
import { ChangeLoggingKeyValueStore } from './change-logging-key-value-store.ts'
import { type FlushListener, MeteredKeyValueStore } from './metered-key-value-store.ts'
import { MeteredSessionStore } from './metered-session-store.ts'
import { MeteredWindowStore } from './metered-window-store.ts'
import type {
  KeyValueBytesStoreSupplier,
  SessionBytesStoreSupplier,
  WindowBytesStoreSupplier,
} from './store-suppliers.ts'
import { TypedCachingKeyValueStore } from './typed-caching-key-value-store.ts'
import { TypedCachingWindowStore } from './typed-caching-window-store.ts'

/** A store whose cache can report flushed entries (false when caching is disabled). */
export interface CacheFlushable<K, V> {
  setFlushListener(listener: FlushListener<K, V>): boolean
}

/** What builders build. */
export type BuiltKeyValueStore<K, V> = KeyValueStore<K, V> & CacheFlushable<K, V>
export type BuiltWindowStore<K, V> = WindowStore<K, V> & CacheFlushable<Windowed<K>, V>
export type BuiltSessionStore<K, V> = SessionStore<K, V> & CacheFlushable<Windowed<K>, V>

/**
 * What a cache holds: deserialized values above the serdes (the default for key-value and window
 * stores), or bytes below them as in Kafka Streams (session stores, and on request).
 */
export type CacheForm = 'objects' | 'bytes'

/** The layer choices of a builder. */
export interface Layering {
  readonly caching: boolean
  readonly cacheMaxBytes: number
  readonly cacheForm: CacheForm
  readonly logging: LoggingConfig
}

/**
 * A store builder with Kafka Streams' layer switches.
 *
 * @example
 * ```ts
 * const b = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('counts'), Serdes.string(), Serdes.json())
 *   .withCachingEnabled(1_048_576)
 *   .withLoggingEnabled({ 'min.compaction.lag.ms': '0' })
 * ```
 */
export interface LayeredStoreBuilder<S extends StateStore> extends StoreBuilder<S> {
  readonly cacheMaxBytes: number
  withCachingEnabled(maxBytes?: number): LayeredStoreBuilder<S>
  withCachingDisabled(): LayeredStoreBuilder<S>
  /** Chooses what the cache holds (objects unless asked; session stores always cache bytes). */
  withCacheForm(form: CacheForm): LayeredStoreBuilder<S>
  withLoggingEnabled(topicConfig?: Readonly<Record<string, string>>): LayeredStoreBuilder<S>
  withLoggingDisabled(): LayeredStoreBuilder<S>
}

const DEFAULT_LAYERING: Layering = {
  caching: false,
  cacheMaxBytes: DEFAULT_CACHE_MAX_BYTES,
  cacheForm: 'objects',
  logging: { enabled: true, topicConfig: {} },
}

/** Wraps `inner` in the logging and byte-caching layers the layering asks for. */
function wrapLayers(inner: BytesStore, layering: Layering): { top: BytesStore; cache?: CachingKeyValueStore } {
  const logged = layering.logging.enabled ? new ChangeLoggingKeyValueStore(inner) : inner
  if (!layering.caching || layering.cacheForm === 'objects') return { top: logged }
  const cache = new CachingKeyValueStore(logged, layering.cacheMaxBytes)
  return { top: cache, cache }
}

function objectCached(layering: Layering): boolean {
  return layering.caching && layering.cacheForm === 'objects'
}

function layeredBuilder<S extends StateStore>(
  kind: StoreBuilder['kind'],
  supplier: { readonly name: string; readonly persistent: boolean },
  layering: Layering,
  assemble: (layering: Layering) => S & RestorableStore,
  cachingAllowed = true,
): LayeredStoreBuilder<S> {
  const next = (change: Partial<Layering>) =>
    layeredBuilder(kind, supplier, { ...layering, ...change }, assemble, cachingAllowed)
  return {
    name: supplier.name,
    kind,
    persistent: supplier.persistent,
    logging: layering.logging,
    cachingEnabled: layering.caching && cachingAllowed,
    cacheMaxBytes: layering.cacheMaxBytes,
    withCachingEnabled: (maxBytes = DEFAULT_CACHE_MAX_BYTES) => next({ caching: true, cacheMaxBytes: maxBytes }),
    withCachingDisabled: () => next({ caching: false }),
    withCacheForm: (cacheForm) => next({ cacheForm }),
    withLoggingEnabled: (topicConfig = {}) => next({ logging: { enabled: true, topicConfig } }),
    withLoggingDisabled: () => next({ logging: { enabled: false } }),
    build: () => assemble({ ...layering, caching: layering.caching && cachingAllowed }),
  }
}

/**
 * A key-value store builder.
 *
 * @example
 * ```ts
 * keyValueStoreBuilder(keyValueSupplier('counts', true), Serdes.string(), Serdes.json()).build()
 * ```
 */
export function keyValueStoreBuilder<K, V>(
  supplier: KeyValueBytesStoreSupplier,
  keySerde: Serde<K>,
  valueSerde: Serde<V>,
): LayeredStoreBuilder<BuiltKeyValueStore<K, V>> {
  return layeredBuilder('key-value', supplier, DEFAULT_LAYERING, (layering) => {
    const { top, cache } = wrapLayers(supplier.get(), layering)
    const metered = new MeteredKeyValueStore(top, keySerde, valueSerde, cache)
    if (!objectCached(layering)) return metered
    return new TypedCachingKeyValueStore(metered, layering.cacheMaxBytes)
  })
}

/**
 * A window store builder; caching is ignored for stores that retain duplicates (as in Kafka Streams).
 *
 * @example
 * ```ts
 * windowStoreBuilder(windowSupplier('w', true, { retentionMs: 86_400_000, windowSizeMs: 60_000 }), Serdes.string(), Serdes.json())
 * ```
 */
export function windowStoreBuilder<K, V>(
  supplier: WindowBytesStoreSupplier,
  keySerde: Serde<K>,
  valueSerde: Serde<V>,
): LayeredStoreBuilder<BuiltWindowStore<K, V>> {
  const assemble = (layering: Layering) => {
    const segments = supplier.get()
    const { top, cache } = wrapLayers(segments, layering)
    const metered = new MeteredWindowStore(top, segments, { key: keySerde, value: valueSerde }, supplier, cache)
    if (!objectCached(layering)) return metered
    return new TypedCachingWindowStore(metered, layering.cacheMaxBytes)
  }
  return layeredBuilder('window', supplier, DEFAULT_LAYERING, assemble, !supplier.retainDuplicates)
}

/**
 * A session store builder.
 *
 * @example
 * ```ts
 * sessionStoreBuilder(sessionSupplier('s', true, { retentionMs: 3_600_000 }), Serdes.string(), Serdes.json())
 * ```
 */
export function sessionStoreBuilder<K, V>(
  supplier: SessionBytesStoreSupplier,
  keySerde: Serde<K>,
  valueSerde: Serde<V>,
): LayeredStoreBuilder<BuiltSessionStore<K, V>> {
  return layeredBuilder('session', supplier, DEFAULT_LAYERING, (layering) => {
    const segments = supplier.get()
    const { top, cache } = wrapLayers(segments, { ...layering, cacheForm: 'bytes' })
    return new MeteredSessionStore(top, segments, { key: keySerde, value: valueSerde }, supplier.retentionMs, cache)
  })
}
