/**
 * @module
 * The caching layer: writes land in a {@link RecordCache} that collapses updates per key and are
 * written down (as one batch) on `flush()`, i.e. on every commit, or when the cache outgrows its
 * byte budget and its least recently used entry is dirty. Reads see cached writes; scans merge the
 * cache over the store beneath. Window and session stores use this same layer: they are bytes
 * stores keyed by composite keys.
 *
 * A flush listener sees each flushed key with its new value and the value it replaces in the
 * store beneath (the value of the previous flush), like Kafka Streams' cache flush listeners: the
 * DSL's cached aggregations forward from it, so downstream sees one update per key per commit.
 */
import type { ChangelogRecord, StateStoreContext } from '../api.ts'
import type { BytesEntry, BytesStore, BytesWrite, ScanRange } from './bytes-store.ts'
import { mergeCacheOverStore } from './merge-iterators.ts'
import { type DirtyEntry, RecordCache } from './record-cache.ts'

/** Kafka Streams' default cache size (`statestore.cache.max.bytes`): 10 MiB. */
export const DEFAULT_CACHE_MAX_BYTES = 10 * 1024 * 1024

/** Called once per flushed key, in write order, after the flush wrote it down. */
export type BytesFlushListener = (
  key: Uint8Array,
  newValue: Uint8Array | null,
  oldValue: Uint8Array | null,
  timestamp: number,
) => void | Promise<void>

/**
 * A caching wrapper of a bytes store.
 *
 * @example
 * ```ts
 * const store = new CachingKeyValueStore(new LevelBytesStore('counts'), 1024 * 1024)
 * store.setFlushListener((key, newValue, oldValue, timestamp) => forward(key, newValue, oldValue, timestamp))
 * ```
 */
export class CachingKeyValueStore implements BytesStore {
  readonly #wrapped: BytesStore
  readonly #maxBytes: number
  readonly #cache = new RecordCache()
  #listener: BytesFlushListener | undefined
  #context: StateStoreContext | undefined

  constructor(wrapped: BytesStore, maxBytes = DEFAULT_CACHE_MAX_BYTES) {
    this.#wrapped = wrapped
    this.#maxBytes = maxBytes
  }

  get name(): string {
    return this.#wrapped.name
  }

  get persistent(): boolean {
    return this.#wrapped.persistent
  }

  /** Bytes the cache holds now (never above the budget once a call returns). */
  get cachedBytes(): number {
    return this.#cache.sizeBytes
  }

  setFlushListener(listener: BytesFlushListener | undefined): void {
    this.#listener = listener
  }

  async init(context: StateStoreContext): Promise<void> {
    this.#context = context
    await this.#wrapped.init(context)
  }

  async get(key: Uint8Array): Promise<Uint8Array | undefined> {
    const cached = this.#cache.get(key)
    if (cached !== undefined) return cached.value ?? undefined
    const value = await this.#wrapped.get(key)
    if (value === undefined) this.#cache.noteAbsent(key)
    else {
      this.#cache.putClean(key, value)
      if (this.#cache.sizeBytes > this.#maxBytes) await this.#evict()
    }
    return value
  }

  async put(key: Uint8Array, value: Uint8Array | null): Promise<void> {
    this.#cache.put(key, value, this.#context === undefined ? 0 : this.#context.currentTimestamp())
    if (this.#cache.sizeBytes > this.#maxBytes) await this.#evict()
  }

  async putAll(writes: ReadonlyArray<BytesWrite>): Promise<void> {
    const now = this.#context?.currentTimestamp() ?? 0
    for (const w of writes) {
      this.#cache.put(w.key, w.value, w.timestamp ?? now)
      if (this.#cache.sizeBytes > this.#maxBytes) await this.#evict()
    }
  }

  /** Drops least recently used entries until the cache fits; a dirty one first flushes every dirty entry (one batch). */
  async #evict(): Promise<void> {
    while (this.#cache.sizeBytes > this.#maxBytes) {
      const eldest = this.#cache.eldest()!
      if (eldest.dirty) await this.#flushCache()
      this.#cache.delete(eldest.key)
    }
  }

  /** The store's entries with the dirty cached ones merged over them (clean ones equal the store's). */
  scan(range: ScanRange): AsyncIterable<BytesEntry> {
    const dirty = this.#cache.dirtyRange(range)
    const stored = this.#wrapped.scan(range)
    return dirty.length === 0 ? stored : mergeCacheOverStore(dirty, stored, range.reverse === true)
  }

  async approximateNumEntries(): Promise<number> {
    return (await this.#wrapped.approximateNumEntries()) + this.#cache.dirtyCount
  }

  expired(key: Uint8Array): boolean {
    return this.#wrapped.expired(key)
  }

  async #flushCache(): Promise<void> {
    const dirty = this.#cache.takeDirty()
    if (dirty.length === 0) return
    const listener = this.#listener
    const old = listener === undefined ? undefined : await this.#oldValues(dirty)
    await this.#wrapped.putAll(dirty)
    if (listener === undefined || old === undefined) return
    for (let i = 0; i < dirty.length; i++) {
      const { key, value, timestamp } = dirty[i]!
      const oldValue = old[i]!
      if (value !== null || oldValue !== null) await listener(key, value, oldValue, timestamp)
    }
  }

  /** The values beneath the flushed keys: remembered by the cache, read only when unknown or expired beneath. */
  async #oldValues(dirty: DirtyEntry[]): Promise<(Uint8Array | null)[]> {
    const old: (Uint8Array | null)[] = new Array(dirty.length)
    for (let i = 0; i < dirty.length; i++) {
      const { key, stored } = dirty[i]!
      if (stored === undefined) old[i] = (await this.#wrapped.get(key)) ?? null
      else old[i] = stored === null || this.#wrapped.expired(key) ? null : stored
    }
    return old
  }

  async flush(): Promise<void> {
    await this.#flushCache()
    await this.#wrapped.flush()
  }

  /** Restores beneath the cache; cached entries of restored keys are dropped. */
  async restoreBatch(records: ReadonlyArray<ChangelogRecord>): Promise<void> {
    this.#cache.forgetAbsent()
    if (this.#cache.size > 0) for (const r of records) this.#cache.delete(r.key)
    await this.#wrapped.restoreBatch(records)
  }

  /**
   * Closes without flushing: unflushed writes are dropped. A clean shutdown commits (flushes) first,
   * as the task does on `close(clean = true)`; a crashed or fenced task must not write them down.
   */
  async close(): Promise<void> {
    this.#cache.clear()
    await this.#wrapped.close()
  }

  isOpen(): boolean {
    return this.#wrapped.isOpen()
  }
}
