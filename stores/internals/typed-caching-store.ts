/**
 * @module
 * What the two object caches (typed-caching-key-value-store.ts, typed-caching-window-store.ts)
 * share: delegation to the metered store beneath, eviction of least recently used entries (a
 * dirty one first flushes every dirty entry), the flush itself (old values for the listener,
 * one serialized batch down, then the listener), and emptying on restore and close. Each
 * subclass indexes its entries by whatever identity is cheapest for its keys. Fields are
 * `protected` rather than `#private` because the subclasses' hot paths read them.
 */
import type { ChangelogRecord, RestorableStore, StateStoreContext } from '../api.ts'
import { DEFAULT_CACHE_MAX_BYTES } from './caching-key-value-store.ts'
import type { FlushListener } from './metered-key-value-store.ts'
import { SETTLED, TypedCache, type TypedEntry } from './typed-cache.ts'

/** The metered store beneath an object cache. */
export interface CachedStore<E> extends RestorableStore {
  readonly name: string
  readonly persistent: boolean
  init(context: StateStoreContext): Promise<void>
  isOpen(): boolean
  flush(): Promise<void>
  close(): Promise<void>
  /** Serializes and writes the flushed entries as one batch; the value bytes written (null: deleted). */
  writeFlushed(entries: ReadonlyArray<E>): Promise<(Uint8Array | null)[]>
}

/**
 * An object cache over a metered store; `KL` is the key its flush listener gets.
 *
 * @example
 * ```ts
 * class TypedCachingKeyValueStore<K, V> extends TypedCachingStore<K, V, Entry<K, V>, MeteredKeyValueStore<K, V>> {
 *   protected forget(entry: Entry<K, V>): void { this.#index.delete(entry.id) }
 *   // ...
 * }
 * ```
 */
export abstract class TypedCachingStore<KL, V, E extends TypedEntry<V>, S extends CachedStore<E>>
  implements RestorableStore
{
  protected readonly inner: S
  protected readonly cache = new TypedCache<V, E>()
  protected context: StateStoreContext | undefined
  readonly #maxBytes: number
  #listener: FlushListener<KL, V> | undefined

  protected constructor(inner: S, maxBytes = DEFAULT_CACHE_MAX_BYTES) {
    this.inner = inner
    this.#maxBytes = maxBytes
  }

  /** Drops an entry the cache no longer holds from the subclass's index. */
  protected abstract forget(entry: E): void
  /** Empties the subclass's index (the cache is cleared too). */
  protected abstract clearIndex(): void
  /** The stored value of an entry blindly written (never read or flushed), read from beneath. */
  protected abstract readStored(entry: E): Promise<V | undefined>
  /** The key the flush listener gets for an entry. */
  protected abstract listenerKey(entry: E): KL

  /** The value beneath as remembered from the entry's last read or flush (`entry.previous` is set). */
  protected remembered(entry: E): V | null {
    return entry.previous!
  }

  get name(): string {
    return this.inner.name
  }

  get persistent(): boolean {
    return this.inner.persistent
  }

  /** Estimated bytes the cache holds. */
  get cachedBytes(): number {
    return this.cache.sizeBytes
  }

  async init(context: StateStoreContext): Promise<void> {
    this.context = context
    await this.inner.init(context)
  }

  isOpen(): boolean {
    return this.inner.isOpen()
  }

  /**
   * Forwards each flushed entry with its new value and the value of its previous flush.
   *
   * @example
   * ```ts
   * store.setFlushListener((key, newValue, oldValue, ts) => ctx.forward({ key, value: { newValue, oldValue }, timestamp: ts }))
   * ```
   */
  setFlushListener(listener: FlushListener<KL, V>): boolean {
    this.#listener = listener
    return true
  }

  /** {@link evict} when the cache is over its size, else {@link SETTLED} (no promise made per write). */
  protected settle(): Promise<void> {
    return this.cache.sizeBytes > this.#maxBytes ? this.evict() : SETTLED
  }

  /** Drops least recently used entries until the cache fits; a dirty one first flushes every dirty entry. */
  protected async evict(): Promise<void> {
    while (this.cache.sizeBytes > this.#maxBytes) {
      const eldest = this.cache.eldest()!
      if (eldest.dirty) await this.#flushCache()
      if (this.cache.delete(eldest)) this.forget(eldest)
    }
  }

  async #flushCache(): Promise<void> {
    if (this.cache.dirtyCount === 0) return
    const dirty = this.cache.takeDirty()
    if (dirty.length === 0) return
    const listener = this.#listener
    const old: (V | null)[] = []
    // the value beneath: remembered from the last read or flush, read only after a blind write
    if (listener !== undefined)
      for (const e of dirty)
        old.push(e.previous !== undefined ? this.remembered(e) : ((await this.readStored(e)) ?? null))
    const bytes = await this.inner.writeFlushed(dirty)
    for (let i = 0; i < dirty.length; i++) this.cache.noteFlushed(dirty[i]!, bytes[i]?.length)
    if (listener === undefined) return
    for (let i = 0; i < dirty.length; i++) {
      const e = dirty[i]!
      if (e.value !== null || old[i] !== null) await listener(this.listenerKey(e), e.value, old[i]!, e.timestamp)
    }
  }

  async flush(): Promise<void> {
    await this.#flushCache()
    await this.inner.flush()
  }

  /** Restores beneath the cache, which is emptied (restores precede processing). */
  restoreBatch(records: ReadonlyArray<ChangelogRecord>): Promise<void> {
    this.cache.clear()
    this.clearIndex()
    return this.inner.restoreBatch(records)
  }

  /** Closes without flushing: unflushed writes belong to an aborted transaction (see the README). */
  close(): Promise<void> {
    this.cache.clear()
    this.clearIndex()
    return this.inner.close()
  }
}
