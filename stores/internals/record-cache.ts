/**
 * @module
 * The record cache of one store, after Kafka Streams' NamedCache. Entries live in a hash table
 * keyed by a 32-bit hash of the key bytes (a hit costs one Map lookup and one byte comparison), on
 * a least-recently-used list (eviction) and, while dirty, on a write-order list (flushing) and in a
 * lazily sorted {@link DirtyView} (scans merge only the dirty entries over the store: a clean entry
 * equals what the store beneath holds, so it never changes a scan). Every entry remembers the
 * value beneath it when known, so a flush needs no read for the old values it reports. Its size
 * counts key and value bytes plus a fixed per-entry overhead; what it holds, and so when it
 * evicts, is as in Kafka Streams (found values, not absences; flushed deletes leave).
 */
import type { ScanRange } from './bytes-store.ts'
import { DirtyView } from './dirty-view.ts'
import { equalBytes, hashBytes } from './key-encoding.ts'
import type { CachedEntry } from './merge-iterators.ts'

/** Bytes charged per entry on top of its key and value (object and table slots). */
export const ENTRY_OVERHEAD_BYTES = 64

/** One cached value; `value === null` is a delete (dirty) or a known absence (clean). */
export interface CacheEntry extends CachedEntry {
  readonly hash: number
  value: Uint8Array | null
  dirty: boolean
  /** The record time of the last write. */
  timestamp: number
  /** The value in the store beneath as of the last read or flush (null: absent), undefined when unknown. */
  stored: Uint8Array | null | undefined
  /** The next entry of the same hash. */
  chain: CacheEntry | undefined
  /** Neighbours in the LRU list and, while dirty, in the write-order list. */
  older: CacheEntry | undefined
  newer: CacheEntry | undefined
  olderDirty: CacheEntry | undefined
  newerDirty: CacheEntry | undefined
}

/** A dirty entry taken for flushing, with the value beneath it before this flush (undefined: unknown). */
export interface DirtyEntry {
  readonly key: Uint8Array
  readonly value: Uint8Array | null
  readonly timestamp: number
  readonly stored: Uint8Array | null | undefined
}

function sizeOf(key: Uint8Array, value: Uint8Array | null): number {
  return key.length + (value === null ? 0 : value.length) + ENTRY_OVERHEAD_BYTES
}

/**
 * A size-accounted cache of byte entries.
 *
 * @example
 * ```ts
 * const cache = new RecordCache()
 * cache.put(key, value, timestamp)
 * const dirty = cache.takeDirty()
 * ```
 */
export class RecordCache {
  readonly #table = new Map<number, CacheEntry>()
  #size = 0
  #eldest: CacheEntry | undefined
  #youngest: CacheEntry | undefined
  #firstDirty: CacheEntry | undefined
  #lastDirty: CacheEntry | undefined
  #dirtyCount = 0
  readonly #dirtyView = new DirtyView()
  /** The key a read last found absent beneath (not cached, as in Kafka Streams), while still absent there. */
  #absentKey: Uint8Array | undefined
  #bytes = 0

  /** Bytes the entries take, as accounted. */
  get sizeBytes(): number {
    return this.#bytes
  }

  get size(): number {
    return this.#size
  }

  get dirtyCount(): number {
    return this.#dirtyCount
  }

  #find(key: Uint8Array, hash: number): CacheEntry | undefined {
    for (let e = this.#table.get(hash); e !== undefined; e = e.chain) if (equalBytes(e.key, key)) return e
    return undefined
  }

  #touch(entry: CacheEntry): void {
    if (entry === this.#youngest) return
    // unlink (entry is not the youngest, so it has a newer neighbour)
    if (entry.older === undefined) this.#eldest = entry.newer
    else entry.older.newer = entry.newer
    entry.newer!.older = entry.older
    this.#append(entry)
  }

  #append(entry: CacheEntry): void {
    entry.older = this.#youngest
    entry.newer = undefined
    if (this.#youngest === undefined) this.#eldest = entry
    else this.#youngest.newer = entry
    this.#youngest = entry
  }

  #unlinkDirty(entry: CacheEntry): void {
    if (entry.olderDirty === undefined) this.#firstDirty = entry.newerDirty
    else entry.olderDirty.newerDirty = entry.newerDirty
    if (entry.newerDirty === undefined) this.#lastDirty = entry.olderDirty
    else entry.newerDirty.olderDirty = entry.olderDirty
    entry.olderDirty = undefined
    entry.newerDirty = undefined
  }

  #appendDirty(entry: CacheEntry): void {
    entry.olderDirty = this.#lastDirty
    if (this.#lastDirty === undefined) this.#firstDirty = entry
    else this.#lastDirty.newerDirty = entry
    this.#lastDirty = entry
  }

  #insert(key: Uint8Array, hash: number, value: Uint8Array | null, stored: Uint8Array | null | undefined) {
    const entry: CacheEntry = {
      key,
      hash,
      value,
      dirty: false,
      timestamp: 0,
      stored,
      chain: this.#table.get(hash),
      older: undefined,
      newer: undefined,
      olderDirty: undefined,
      newerDirty: undefined,
    }
    this.#table.set(hash, entry)
    this.#size++
    this.#bytes += sizeOf(key, value)
    this.#append(entry)
    return entry
  }

  /** The entry of `key`, marked as recently used. */
  get(key: Uint8Array): CacheEntry | undefined {
    const entry = this.#find(key, hashBytes(key))
    if (entry !== undefined) this.#touch(entry)
    return entry
  }

  /** Writes `key` (dirty): it will be flushed, after the keys written before it. */
  put(key: Uint8Array, value: Uint8Array | null, timestamp: number): void {
    const hash = hashBytes(key)
    let entry = this.#find(key, hash)
    if (entry === undefined) {
      const absent = this.#absentKey !== undefined && equalBytes(this.#absentKey, key)
      if (absent) this.#absentKey = undefined
      entry = this.#insert(key, hash, value, absent ? null : undefined)
    } else {
      this.#bytes += sizeOf(key, value) - sizeOf(entry.key, entry.value)
      entry.value = value
      this.#touch(entry)
    }
    entry.timestamp = timestamp
    if (entry.dirty) {
      if (entry !== this.#lastDirty) {
        this.#unlinkDirty(entry)
        this.#appendDirty(entry)
      }
      return
    }
    entry.dirty = true
    this.#dirtyCount++
    this.#appendDirty(entry)
    this.#dirtyView.add(entry)
  }

  /** Caches what a read found beneath, unless the key was cached meanwhile. */
  putClean(key: Uint8Array, value: Uint8Array): void {
    const hash = hashBytes(key)
    if (this.#find(key, hash) === undefined) this.#insert(key, hash, value, value)
  }

  /**
   * Notes that a read found `key` absent beneath. Absences are not cached (Kafka Streams does not,
   * and the cache's size, hence when it evicts, stays as there), but a write of that key right
   * after (read-modify-write) then knows the old value: none.
   */
  noteAbsent(key: Uint8Array): void {
    this.#absentKey = key
  }

  /** Forgets the noted absence (the store beneath changed without this cache: a restore). */
  forgetAbsent(): void {
    this.#absentKey = undefined
  }

  /** Removes `key` whatever its state. */
  delete(key: Uint8Array): void {
    const hash = hashBytes(key)
    let previous: CacheEntry | undefined
    let entry = this.#table.get(hash)
    while (entry !== undefined && !equalBytes(entry.key, key)) {
      previous = entry
      entry = entry.chain
    }
    if (entry === undefined) return
    if (previous !== undefined) previous.chain = entry.chain
    else if (entry.chain === undefined) this.#table.delete(hash)
    else this.#table.set(hash, entry.chain)
    if (entry.older === undefined) this.#eldest = entry.newer
    else entry.older.newer = entry.newer
    if (entry.newer === undefined) this.#youngest = entry.older
    else entry.newer.older = entry.older
    if (entry.dirty) {
      this.#unlinkDirty(entry)
      this.#dirtyCount--
      entry.dirty = false // the dirty view skips it
    }
    this.#size--
    this.#bytes -= sizeOf(entry.key, entry.value)
  }

  /** The least recently used entry. */
  eldest(): CacheEntry | undefined {
    return this.#eldest
  }

  /**
   * Copies of the dirty entries in write order, which are now clean and remember their value as
   * stored; flushed deletes leave the cache (as in Kafka Streams).
   */
  takeDirty(): DirtyEntry[] {
    const out: DirtyEntry[] = []
    const first = this.#firstDirty
    this.#firstDirty = undefined
    this.#lastDirty = undefined
    this.#dirtyCount = 0
    this.#dirtyView.clear()
    for (let e = first; e !== undefined; ) {
      const next = e.newerDirty
      out.push({ key: e.key, value: e.value, timestamp: e.timestamp, stored: e.stored })
      e.dirty = false
      e.stored = e.value
      e.olderDirty = undefined
      e.newerDirty = undefined
      if (e.value === null) this.delete(e.key)
      e = next
    }
    return out
  }

  /** A snapshot of the dirty entries within the range, in scan order (clean ones equal the store's). */
  dirtyRange(range: ScanRange): CachedEntry[] {
    return this.#dirtyCount === 0 ? [] : this.#dirtyView.range(range)
  }

  clear(): void {
    this.#table.clear()
    this.#size = 0
    this.#eldest = undefined
    this.#youngest = undefined
    this.#firstDirty = undefined
    this.#lastDirty = undefined
    this.#dirtyCount = 0
    this.#dirtyView.clear()
    this.#bytes = 0
    this.#absentKey = undefined
  }
}
