/**
 * @module
 * The internal contract every layer below the metered one implements: a sorted key-value store of
 * bytes. Range, reverse range, prefix scan and "all" are one `scan(range)` method, so each wrapper
 * implements one scan instead of four. Window and session stores are bytes stores too, keyed by
 * composite keys (see key-encoding.ts); their scans accept time hints to skip segments.
 */
import type { ChangelogRecord, StateStore } from '../api.ts'
import { compareBytes, prefixUpperBound } from './key-encoding.ts'

/** One stored entry. */
export interface BytesEntry {
  readonly key: Uint8Array
  readonly value: Uint8Array
}

/** One write; `value === null` deletes. `timestamp` is the record time to log it with (cache flushes). */
export interface BytesWrite {
  readonly key: Uint8Array
  readonly value: Uint8Array | null
  readonly timestamp?: number
}

/** Key bounds of a scan (all optional) plus direction and, for segmented stores, a time range hint. */
export interface ScanRange {
  readonly gte?: Uint8Array
  readonly gt?: Uint8Array
  readonly lte?: Uint8Array
  readonly lt?: Uint8Array
  readonly reverse?: boolean
  /** Segmented stores only look at segments that may hold times in [timeFrom, timeTo]. */
  readonly timeFrom?: number
  readonly timeTo?: number
}

/**
 * A store of bytes, sorted by key.
 *
 * @example
 * ```ts
 * await store.put(key, value)
 * for await (const { key, value } of store.scan({ gte: from, lte: to })) use(key, value)
 * ```
 */
export interface BytesStore extends StateStore {
  get(key: Uint8Array): Promise<Uint8Array | undefined>
  put(key: Uint8Array, value: Uint8Array | null): Promise<void>
  putAll(writes: ReadonlyArray<BytesWrite>): Promise<void>
  /** Entries within the range, ascending by key (descending with `reverse`). */
  scan(range: ScanRange): AsyncIterable<BytesEntry>
  approximateNumEntries(): Promise<number>
  /**
   * Whether reads of `key` answer "absent" whatever was written, because its time segment expired
   * (segmented stores; false elsewhere). Lets the cache trust a remembered value otherwise.
   */
  expired(key: Uint8Array): boolean
  /** Applies changelog records directly, below any logging or caching layer. */
  restoreBatch(records: ReadonlyArray<ChangelogRecord>): Promise<void>
}

/** A backend (LevelDB or memory) that can also drop a key range at once: how segments expire. */
export interface PhysicalBytesStore extends BytesStore {
  deleteRange(gte: Uint8Array | undefined, lt: Uint8Array): Promise<void>
}

/**
 * The scan range of keys starting with `prefix`.
 *
 * @example
 * ```ts
 * store.scan(prefixRange(Uint8Array.of(1)))
 * ```
 */
export function prefixRange(prefix: Uint8Array): ScanRange {
  const lt = prefixUpperBound(prefix)
  return lt === undefined ? { gte: prefix } : { gte: prefix, lt }
}

/** Whether `key` is below the range's upper bound. */
export function belowUpper(key: Uint8Array, range: ScanRange): boolean {
  if (range.lte !== undefined && compareBytes(key, range.lte) > 0) return false
  return range.lt === undefined || compareBytes(key, range.lt) < 0
}

/** Whether `key` is above the range's lower bound. */
export function aboveLower(key: Uint8Array, range: ScanRange): boolean {
  if (range.gte !== undefined && compareBytes(key, range.gte) < 0) return false
  return range.gt === undefined || compareBytes(key, range.gt) > 0
}
