/**
 * @module
 * The bookkeeping of the object caches (typed-caching-*-store.ts): entries of deserialized values
 * in least-recently-used order, the dirty ones also in write order. Both orders are intrusive
 * doubly-linked lists through the entries, so a hit or a rewrite relinks a few fields instead of
 * deleting and re-adding a `Map` entry (the stores index entries themselves, by whatever identity
 * is cheapest for their keys). Sizes are estimates: the key's length plus the value's serialized
 * length as of its last flush (an average of flushed values before that) plus a fixed overhead,
 * since values are serialized only when flushed.
 */

/**
 * The promise a cache write returns when it finished at once (nothing to evict): always the same
 * object, so a caller on a hot path can tell that nothing is pending and go on without a
 * microtask or an async frame.
 *
 * @example
 * ```ts
 * const written = store.put(key, value)
 * if (written !== SETTLED) await written
 * ```
 */
export const SETTLED: Promise<void> = Promise.resolve()

/** Bytes charged per entry on top of its key and value. */
export const TYPED_ENTRY_OVERHEAD_BYTES = 96

/** One cached value: `value === null` is a delete (dirty) or a known absence (clean). */
export interface TypedEntry<V> {
  value: V | null
  dirty: boolean
  /** The record time of the last write. */
  timestamp: number
  /** The value beneath as of the last read or flush (null: absent), undefined when unknown. */
  stored: V | null | undefined
  /** Set by `takeDirty`: what `stored` was before that flush (the flush listener's old value). */
  previous: V | null | undefined
  /** The estimated size charged for this entry (0 when not cached). */
  size: number
  /** The length charged for the key. */
  readonly keyLength: number
  /** The serialized length of the value as of its last flush, when known. */
  valueBytes: number | undefined
  /** Whether the entry is in the cache (false once deleted or cleared). */
  cached: boolean
  /** Links of the recency list (null at its ends). */
  older: TypedEntry<V> | null
  newer: TypedEntry<V> | null
  /** Links of the write-order list of dirty entries (null at its ends). */
  prevDirty: TypedEntry<V> | null
  nextDirty: TypedEntry<V> | null
}

/**
 * The fields of a new entry, not yet in a cache: a clean read (`stored` known) or a dirty write.
 *
 * @example
 * ```ts
 * const entry = { ...newTypedEntry(value, undefined, true, key.length), key }
 * ```
 */
export function newTypedEntry<V>(
  value: V | null,
  stored: V | null | undefined,
  dirty: boolean,
  keyLength: number,
): TypedEntry<V> {
  return {
    value,
    dirty,
    timestamp: 0,
    stored,
    previous: undefined,
    size: 0,
    keyLength,
    valueBytes: undefined,
    cached: false,
    older: null,
    newer: null,
    prevDirty: null,
    nextDirty: null,
  }
}

/**
 * A size-accounted LRU list of typed entries with a write-order list of the dirty ones.
 *
 * @example
 * ```ts
 * const cache = new TypedCache<{ n: number }, TypedEntry<{ n: number }>>()
 * const entry = index.get('car-44')
 * if (entry === undefined) index.set('car-44', cache.insert(newEntry))
 * else cache.write(cache.touch(entry), { n: 1 }, timestamp)
 * ```
 */
export class TypedCache<V, E extends TypedEntry<V>> {
  #eldest: TypedEntry<V> | null = null
  #newest: TypedEntry<V> | null = null
  #firstDirty: TypedEntry<V> | null = null
  #lastDirty: TypedEntry<V> | null = null
  #count = 0
  #dirtyCount = 0
  #bytes = 0
  #flushedBytes = 0
  #flushedCount = 0

  get sizeBytes(): number {
    return this.#bytes
  }

  get size(): number {
    return this.#count
  }

  get dirtyCount(): number {
    return this.#dirtyCount
  }

  /** The estimated serialized length of a value never flushed: the mean of flushed ones. */
  #valueEstimate(entry: E): number {
    if (entry.value === null) return 0
    if (entry.valueBytes !== undefined) return entry.valueBytes
    return this.#flushedCount === 0 ? 64 : Math.round(this.#flushedBytes / this.#flushedCount)
  }

  #resize(entry: E): void {
    const size = entry.keyLength + this.#valueEstimate(entry) + TYPED_ENTRY_OVERHEAD_BYTES
    this.#bytes += size - entry.size
    entry.size = size
  }

  #append(entry: TypedEntry<V>): void {
    entry.older = this.#newest
    entry.newer = null
    if (this.#newest === null) this.#eldest = entry
    else this.#newest.newer = entry
    this.#newest = entry
  }

  #unlink(entry: TypedEntry<V>): void {
    if (entry.older === null) this.#eldest = entry.newer
    else entry.older.newer = entry.newer
    if (entry.newer === null) this.#newest = entry.older
    else entry.newer.older = entry.older
  }

  #appendDirty(entry: TypedEntry<V>): void {
    entry.prevDirty = this.#lastDirty
    entry.nextDirty = null
    if (this.#lastDirty === null) this.#firstDirty = entry
    else this.#lastDirty.nextDirty = entry
    this.#lastDirty = entry
  }

  #unlinkDirty(entry: TypedEntry<V>): void {
    if (entry.prevDirty === null) this.#firstDirty = entry.nextDirty
    else entry.prevDirty.nextDirty = entry.nextDirty
    if (entry.nextDirty === null) this.#lastDirty = entry.prevDirty
    else entry.nextDirty.prevDirty = entry.prevDirty
  }

  /** Marks a cached entry as the most recently used; returns it. */
  touch(entry: E): E {
    if (entry !== this.#newest) {
      this.#unlink(entry)
      this.#append(entry)
    }
    return entry
  }

  /** Adds a new entry (clean or dirty as given) as the most recently used. */
  insert(entry: E): E {
    entry.cached = true
    this.#count++
    this.#append(entry)
    this.#resize(entry)
    if (entry.dirty) {
      this.#dirtyCount++
      this.#appendDirty(entry)
    }
    return entry
  }

  /** Writes `value` into `entry` (dirty): it will be flushed after the entries written before it. */
  write(entry: E, value: V | null, timestamp: number): void {
    entry.value = value
    entry.timestamp = timestamp
    this.#resize(entry)
    if (!entry.dirty) {
      entry.dirty = true
      this.#dirtyCount++
      this.#appendDirty(entry)
    } else if (entry !== this.#lastDirty) {
      this.#unlinkDirty(entry)
      this.#appendDirty(entry)
    }
  }

  /** The dirty entries in write order, now clean, remembering their value as stored (and the one before as previous). */
  takeDirty(): E[] {
    const out: E[] = []
    let next = this.#firstDirty
    while (next !== null) {
      const e = next as E
      next = e.nextDirty
      e.prevDirty = null
      e.nextDirty = null
      e.dirty = false
      // a delete of a key known to be absent beneath writes (and logs) nothing
      if (e.value === null && e.stored === null) continue
      e.previous = e.stored
      e.stored = e.value
      out.push(e)
    }
    this.#firstDirty = null
    this.#lastDirty = null
    this.#dirtyCount = 0
    return out
  }

  /** Records the serialized length of a flushed value (for size estimates). */
  noteFlushed(entry: E, valueBytes: number | undefined): void {
    entry.valueBytes = valueBytes
    if (valueBytes !== undefined) {
      this.#flushedBytes += valueBytes
      this.#flushedCount++
    }
    if (entry.cached) this.#resize(entry)
  }

  /** The least recently used entry. */
  eldest(): E | undefined {
    return (this.#eldest ?? undefined) as E | undefined
  }

  /** Removes a cached entry (the caller drops it from its index); false when it was not cached. */
  delete(entry: E): boolean {
    if (!entry.cached) return false
    entry.cached = false
    this.#count--
    this.#unlink(entry)
    entry.older = null
    entry.newer = null
    if (entry.dirty) {
      this.#dirtyCount--
      this.#unlinkDirty(entry)
      entry.prevDirty = null
      entry.nextDirty = null
    }
    entry.dirty = false
    this.#bytes -= entry.size
    entry.size = 0
    return true
  }

  /** The dirty entries in write order (a snapshot), for scans. */
  dirtyEntries(): E[] {
    const out: E[] = []
    for (let e = this.#firstDirty; e !== null; e = e.nextDirty) out.push(e as E)
    return out
  }

  clear(): void {
    for (let e = this.#eldest; e !== null; e = e.newer) e.cached = false
    this.#eldest = null
    this.#newest = null
    this.#firstDirty = null
    this.#lastDirty = null
    this.#count = 0
    this.#dirtyCount = 0
    this.#bytes = 0
  }
}
