/**
 * @module
 * The time-ordered buffer behind `suppress()`: one entry per key, ordered by buffer time (window
 * end, or record time for time limits) and then insertion. Entries live in a key-value store so a
 * logged store carries the buffer across restarts; the time order is rebuilt in memory at init.
 */
import type { KeyValueStore } from '../../../stores/api.ts'
import type { Headers } from '../../processor.ts'

/**
 * One buffered update: the newest value of the key, the value the key had before it was
 * buffered (`priorValue`), and the context of the newest record.
 */
export interface BufferedEntry<V> {
  readonly time: number
  readonly seq: number
  readonly newValue: V | null
  readonly priorValue: V | null
  readonly timestamp: number
  readonly headers: Headers
}

/** An entry with its key, as evicted from the buffer. */
export interface Eviction<K, V> {
  readonly key: K
  readonly entry: BufferedEntry<V>
}

/**
 * A store-backed buffer with an in-memory time index.
 *
 * @example
 * ```ts
 * const buffer = new SuppressBuffer(store, keyIdentity)
 * await buffer.load()
 * await buffer.put(key, { newValue: 3, oldValue: 2 }, windowEnd, record)
 * await buffer.evictWhile((e) => e.time <= expiry, (e) => forward(e))
 * ```
 */
export class SuppressBuffer<K, V> {
  readonly #store: KeyValueStore<K, BufferedEntry<V>>
  readonly #keyId: (key: K) => string
  /** Sorted by (time, seq). */
  #order: Eviction<K, V>[] = []
  #byId = new Map<string, Eviction<K, V>>()
  #nextSeq = 0

  constructor(store: KeyValueStore<K, BufferedEntry<V>>, keyId: (key: K) => string) {
    this.#store = store
    this.#keyId = keyId
  }

  /** Rebuilds the time index from the store (after restoration from the changelog). */
  async load(): Promise<void> {
    this.#order = []
    this.#byId.clear()
    for await (const { key, value } of this.#store.all()) {
      const e = { key, entry: value }
      this.#order.push(e)
      this.#byId.set(this.#keyId(key), e)
      this.#nextSeq = Math.max(this.#nextSeq, value.seq + 1)
    }
    this.#order.sort(compare)
  }

  get size(): number {
    return this.#order.length
  }

  /** Folds over the entries in time order. */
  reduce<T>(fold: (acc: T, e: Eviction<K, V>) => T, initial: T): T {
    return this.#order.reduce(fold, initial)
  }

  /** The smallest buffer time, or +Infinity when empty. */
  minTime(): number {
    return this.#order[0]?.entry.time ?? Number.POSITIVE_INFINITY
  }

  /** Buffers the newest update of `key`; a key already buffered keeps its time, order and prior value. */
  async put(
    key: K,
    newValue: V | null,
    oldValue: V | null,
    time: number,
    timestamp: number,
    headers: Headers,
  ): Promise<void> {
    const id = this.#keyId(key)
    const existing = this.#byId.get(id)
    const entry: BufferedEntry<V> = existing
      ? { ...existing.entry, newValue, timestamp, headers }
      : { time, seq: this.#nextSeq++, newValue, priorValue: oldValue, timestamp, headers }
    if (existing) {
      const replaced = { key, entry }
      this.#order[this.#indexOf(existing)] = replaced
      this.#byId.set(id, replaced)
    } else {
      const added = { key, entry }
      this.#order.splice(this.#insertionPoint(entry), 0, added)
      this.#byId.set(id, added)
    }
    await this.#store.put(key, entry)
  }

  /** Removes and hands over the oldest entries while `condition` holds for the oldest. */
  async evictWhile(
    condition: (e: Eviction<K, V>) => boolean,
    emit: (e: Eviction<K, V>) => Promise<void>,
  ): Promise<void> {
    while (this.#order.length > 0 && condition(this.#order[0]!)) {
      const oldest = this.#order.shift()!
      this.#byId.delete(this.#keyId(oldest.key))
      await this.#store.delete(oldest.key)
      await emit(oldest)
    }
  }

  #indexOf(e: Eviction<K, V>): number {
    const i = this.#insertionPoint(e.entry)
    return this.#order[i] === e ? i : this.#order.indexOf(e)
  }

  #insertionPoint(entry: BufferedEntry<V>): number {
    let lo = 0
    let hi = this.#order.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (compareEntries(this.#order[mid]!.entry, entry) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

function compareEntries<V>(a: BufferedEntry<V>, b: BufferedEntry<V>): number {
  return a.time - b.time || a.seq - b.seq
}

function compare<K, V>(a: Eviction<K, V>, b: Eviction<K, V>): number {
  return compareEntries(a.entry, b.entry)
}
