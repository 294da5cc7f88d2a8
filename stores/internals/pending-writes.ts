/**
 * @module
 * The pending overlay of a LevelDB store under exactly-once (after KIP-892's transactional state
 * stores): writes of the current commit interval, held in memory in key order, that reads and
 * scans see over the database (read your writes) and that reach LevelDB only when the Kafka
 * transaction holding their changelog records has committed, as one atomic batch. Range deletes
 * (expired segments) are kept as ranges that hide the database's keys until then.
 */
import type { BytesEntry, BytesWrite, ScanRange } from './bytes-store.ts'
import { compareBytes } from './key-encoding.ts'
import { mergeCacheOverStore } from './merge-iterators.ts'
import { SortedMap } from './sorted-map.ts'

/** A pending range delete: keys in [gte, lt), from the smallest stored key when `gte` is undefined. */
export interface PendingRange {
  readonly gte?: Uint8Array
  readonly lt: Uint8Array
}

/**
 * Uncommitted writes over a sorted store.
 *
 * @example
 * ```ts
 * const pending = new PendingWrites()
 * pending.put(key, value)
 * pending.get(key) // value; null for a pending delete; undefined: read the database
 * for await (const e of pending.scan({}, db.scan({}))) use(e)
 * ```
 */
export class PendingWrites {
  #writes = new SortedMap<Uint8Array | null>()
  #ranges: PendingRange[] = []

  /** Pending writes and range deletes. */
  get size(): number {
    return this.#writes.size + this.#ranges.length
  }

  /** The range deletes, in the order they were made. */
  get ranges(): readonly PendingRange[] {
    return this.#ranges
  }

  #inRange(key: Uint8Array): boolean {
    for (const r of this.#ranges) {
      if ((r.gte === undefined || compareBytes(key, r.gte) >= 0) && compareBytes(key, r.lt) < 0) return true
    }
    return false
  }

  /** The pending value of `key`: bytes, null when deleted, undefined when the database decides. */
  get(key: Uint8Array): Uint8Array | null | undefined {
    const value = this.#writes.get(key)
    if (value !== undefined) return value
    return this.#ranges.length > 0 && this.#inRange(key) ? null : undefined
  }

  put(key: Uint8Array, value: Uint8Array | null): void {
    this.#writes.set(key, value)
  }

  deleteRange(gte: Uint8Array | undefined, lt: Uint8Array): void {
    this.#writes.deleteRange(gte, lt)
    this.#ranges.push(gte === undefined ? { lt } : { gte, lt })
  }

  /**
   * The database's entries in `range` with the pending writes merged over them. The pending
   * entries in range are snapshotted when the scan starts, as a LevelDB iterator reads a snapshot.
   */
  async *scan(range: ScanRange, stored: AsyncIterable<BytesEntry>): AsyncIterable<BytesEntry> {
    if (this.size === 0) {
      yield* stored
      return
    }
    const snapshot: { key: Uint8Array; value: Uint8Array | null }[] = []
    for (const [key, value] of this.#writes.entries(range)) snapshot.push({ key, value })
    const ranges = [...this.#ranges]
    const visible = ranges.length === 0 ? stored : this.#unhidden(stored, ranges)
    yield* mergeCacheOverStore(snapshot, visible, range.reverse === true)
  }

  async *#unhidden(stored: AsyncIterable<BytesEntry>, ranges: PendingRange[]): AsyncIterable<BytesEntry> {
    for await (const entry of stored) {
      const hidden = ranges.some(
        (r) => (r.gte === undefined || compareBytes(entry.key, r.gte) >= 0) && compareBytes(entry.key, r.lt) < 0,
      )
      if (!hidden) yield entry
    }
  }

  /** The pending writes in key order (to apply after the range deletes). */
  writes(): BytesWrite[] {
    const out: BytesWrite[] = []
    for (const [key, value] of this.#writes.entries({})) out.push({ key, value })
    return out
  }

  clear(): void {
    this.#writes.clear()
    this.#ranges = []
  }
}
