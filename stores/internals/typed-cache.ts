/**
 * @module
 * The bookkeeping of the object caches (typed-caching-*-store.ts): entries of deserialized values
 * by a string identity, in least-recently-used order (a `Map`'s insertion order, renewed on each
 * access), the dirty ones also in write order. Sizes are estimates: the key's length plus the
 * value's serialized length as of its last flush (an average of flushed values before that) plus
 * a fixed overhead, since values are serialized only when flushed.
 */

/** Bytes charged per entry on top of its key and value. */
export const TYPED_ENTRY_OVERHEAD_BYTES = 96

/** One cached value: `value === null` is a delete (dirty) or a known absence (clean). */
export interface TypedEntry<V> {
  readonly id: string
  value: V | null
  dirty: boolean
  /** The record time of the last write. */
  timestamp: number
  /** The value beneath as of the last read or flush (null: absent), undefined when unknown. */
  stored: V | null | undefined
  /** Set by `takeDirty`: what `stored` was before that flush (the flush listener's old value). */
  previous: V | null | undefined
  /** The estimated size charged for this entry. */
  size: number
  /** The serialized length of the value as of its last flush, when known. */
  valueBytes: number | undefined
}

/**
 * A size-accounted LRU map of typed entries.
 *
 * @example
 * ```ts
 * const cache = new TypedCache<{ n: number }, TypedEntry<{ n: number }>>()
 * cache.write(cache.get('car-44') ?? cache.insert(entry), { n: 1 }, timestamp)
 * ```
 */
export class TypedCache<V, E extends TypedEntry<V>> {
  readonly #entries = new Map<string, E>()
  readonly #dirty = new Map<string, E>()
  #bytes = 0
  #flushedBytes = 0
  #flushedCount = 0

  get sizeBytes(): number {
    return this.#bytes
  }

  get size(): number {
    return this.#entries.size
  }

  get dirtyCount(): number {
    return this.#dirty.size
  }

  /** The estimated serialized length of a value never flushed: the mean of flushed ones. */
  #valueEstimate(entry: E): number {
    if (entry.value === null) return 0
    if (entry.valueBytes !== undefined) return entry.valueBytes
    return this.#flushedCount === 0 ? 64 : Math.round(this.#flushedBytes / this.#flushedCount)
  }

  #resize(entry: E, keyLength: number): void {
    const size = keyLength + this.#valueEstimate(entry) + TYPED_ENTRY_OVERHEAD_BYTES
    this.#bytes += size - entry.size
    entry.size = size
  }

  /** The entry of `id`, marked as recently used. */
  get(id: string): E | undefined {
    const entries = this.#entries
    const entry = entries.get(id)
    if (entry !== undefined) {
      entries.delete(id)
      entries.set(id, entry)
    }
    return entry
  }

  /** Adds a new entry (clean or dirty as given) as the most recently used. */
  insert(entry: E, keyLength: number): E {
    this.#entries.set(entry.id, entry)
    this.#resize(entry, keyLength)
    if (entry.dirty) this.#dirty.set(entry.id, entry)
    return entry
  }

  /** Writes `value` into `entry` (dirty): it will be flushed after the entries written before it. */
  write(entry: E, value: V | null, timestamp: number, keyLength: number): void {
    entry.value = value
    entry.timestamp = timestamp
    this.#resize(entry, keyLength)
    if (entry.dirty) this.#dirty.delete(entry.id)
    entry.dirty = true
    this.#dirty.set(entry.id, entry)
  }

  /** The dirty entries in write order, now clean, remembering their value as stored (and the one before as previous). */
  takeDirty(): E[] {
    const out: E[] = []
    for (const e of this.#dirty.values()) {
      e.dirty = false
      // a delete of a key known to be absent beneath writes (and logs) nothing
      if (e.value === null && e.stored === null) continue
      e.previous = e.stored
      e.stored = e.value
      out.push(e)
    }
    this.#dirty.clear()
    return out
  }

  /** Records the serialized length of a flushed value (for size estimates). */
  noteFlushed(entry: E, valueBytes: number | undefined, keyLength: number): void {
    entry.valueBytes = valueBytes
    if (valueBytes !== undefined) {
      this.#flushedBytes += valueBytes
      this.#flushedCount++
    }
    if (this.#entries.get(entry.id) === entry) this.#resize(entry, keyLength)
  }

  /** The least recently used entry. */
  eldest(): E | undefined {
    for (const e of this.#entries.values()) return e
    return undefined
  }

  delete(entry: E): void {
    if (this.#entries.get(entry.id) !== entry) return
    this.#entries.delete(entry.id)
    if (entry.dirty) this.#dirty.delete(entry.id)
    entry.dirty = false
    this.#bytes -= entry.size
    entry.size = 0
  }

  /** The dirty entries (unordered snapshot), for scans. */
  dirtyEntries(): E[] {
    return this.#dirty.size === 0 ? [] : [...this.#dirty.values()]
  }

  clear(): void {
    this.#entries.clear()
    this.#dirty.clear()
    this.#bytes = 0
  }
}
