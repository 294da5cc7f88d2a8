/**
 * @module
 * The record cache of one store, after Kafka Streams' NamedCache: entries sorted by key (for
 * scans), in least-recently-used order (for eviction) and, when dirty, in the order they were last
 * written (for flushing). Its size counts key and value bytes plus a fixed per-entry overhead.
 */
import type { ScanRange } from './bytes-store.ts'
import type { CachedEntry } from './merge-iterators.ts'
import { SortedMap } from './sorted-map.ts'

/** Bytes charged per entry on top of its key and value (object, map and set slots). */
export const ENTRY_OVERHEAD_BYTES = 64

/** One cached value; `value === null` is a delete. `timestamp` is the record time of the write. */
export interface CacheEntry extends CachedEntry {
  value: Uint8Array | null
  dirty: boolean
  timestamp: number
  /** Neighbours in the LRU list (a linked list: a Set's oldest entry gets slow to find after many deletes). */
  older: CacheEntry | undefined
  newer: CacheEntry | undefined
}

/** A dirty entry taken for flushing. */
export interface DirtyEntry {
  readonly key: Uint8Array
  readonly value: Uint8Array | null
  readonly timestamp: number
}

function sizeOf(key: Uint8Array, value: Uint8Array | null): number {
  return key.length + (value?.length ?? 0) + ENTRY_OVERHEAD_BYTES
}

/**
 * A size-accounted cache of byte entries.
 *
 * @example
 * ```ts
 * const cache = new RecordCache()
 * cache.put(key, value, true, timestamp)
 * const dirty = cache.takeDirty()
 * ```
 */
export class RecordCache {
  #sorted = new SortedMap<CacheEntry>()
  /** Ends of the LRU list. */
  #eldest: CacheEntry | undefined
  #youngest: CacheEntry | undefined
  /** Least recently written first. */
  #dirty = new Set<CacheEntry>()
  #bytes = 0

  /** Bytes the entries take, as accounted. */
  get sizeBytes(): number {
    return this.#bytes
  }

  get size(): number {
    return this.#sorted.size
  }

  get dirtyCount(): number {
    return this.#dirty.size
  }

  #unlink(entry: CacheEntry): void {
    if (entry.older === undefined) this.#eldest = entry.newer
    else entry.older.newer = entry.newer
    if (entry.newer === undefined) this.#youngest = entry.older
    else entry.newer.older = entry.older
    entry.older = undefined
    entry.newer = undefined
  }

  #append(entry: CacheEntry): void {
    entry.older = this.#youngest
    if (this.#youngest === undefined) this.#eldest = entry
    else this.#youngest.newer = entry
    this.#youngest = entry
  }

  /** The entry of `key`, marked as recently used. */
  get(key: Uint8Array): CacheEntry | undefined {
    const entry = this.#sorted.get(key)
    if (entry !== undefined) {
      this.#unlink(entry)
      this.#append(entry)
    }
    return entry
  }

  put(key: Uint8Array, value: Uint8Array | null, dirty: boolean, timestamp: number): void {
    let entry = this.#sorted.get(key)
    if (entry === undefined) {
      entry = { key, value, dirty, timestamp, older: undefined, newer: undefined }
      this.#sorted.set(key, entry)
    } else {
      this.#bytes -= sizeOf(entry.key, entry.value)
      this.#unlink(entry)
      this.#dirty.delete(entry)
      entry.value = value
      entry.dirty = entry.dirty || dirty
      entry.timestamp = timestamp
    }
    this.#bytes += sizeOf(key, value)
    this.#append(entry)
    if (entry.dirty) this.#dirty.add(entry)
  }

  /** Removes `key` whatever its state. */
  delete(key: Uint8Array): void {
    const entry = this.#sorted.get(key)
    if (entry === undefined) return
    this.#sorted.delete(key)
    this.#unlink(entry)
    this.#dirty.delete(entry)
    this.#bytes -= sizeOf(entry.key, entry.value)
  }

  /** The least recently used entry. */
  eldest(): CacheEntry | undefined {
    return this.#eldest
  }

  /** Copies of the dirty entries in write order, which are now clean; flushed deletes leave the cache. */
  takeDirty(): DirtyEntry[] {
    const dirty = [...this.#dirty]
    this.#dirty.clear()
    return dirty.map((entry) => {
      entry.dirty = false
      if (entry.value === null) this.delete(entry.key)
      return { key: entry.key, value: entry.value, timestamp: entry.timestamp }
    })
  }

  /** A snapshot of the entries within the range, in scan order. */
  range(range: ScanRange): CachedEntry[] {
    const out: CachedEntry[] = []
    for (const [key, entry] of this.#sorted.entries(range)) out.push({ key, value: entry.value })
    return out
  }

  clear(): void {
    this.#sorted.clear()
    this.#eldest = undefined
    this.#youngest = undefined
    this.#dirty.clear()
    this.#bytes = 0
  }
}
