/**
 * @module
 * Store suppliers: what kind of inner bytes store to create (LevelDB or memory, plain or
 * segmented) for one task. Each `get()` returns a new, unopened store; builders wrap it in layers.
 */
import type { PhysicalBytesStore } from './bytes-store.ts'
import { sessionWindowOf, windowStartOf } from './key-encoding.ts'
import { LevelBytesStore } from './level-bytes-store.ts'
import { MemoryBytesStore } from './memory-bytes-store.ts'
import { defaultSegmentInterval, SegmentedBytesStore } from './segmented-bytes-store.ts'

/** Supplies the inner store of a key-value store. */
export interface KeyValueBytesStoreSupplier {
  readonly name: string
  readonly persistent: boolean
  get(): PhysicalBytesStore
}

/** Options of a window store supplier. */
export interface WindowStoreSupplierOptions {
  readonly retentionMs: number
  readonly windowSizeMs: number
  /** Keep every put, even for equal key and start (stream-stream joins). Default false. */
  readonly retainDuplicates?: boolean
  /** Segment width; default max(retention / 2, 60 s) as in Kafka Streams. */
  readonly segmentIntervalMs?: number
}

/** Supplies the inner (segmented) store of a window store. */
export interface WindowBytesStoreSupplier {
  readonly name: string
  readonly persistent: boolean
  readonly retentionMs: number
  readonly windowSizeMs: number
  readonly retainDuplicates: boolean
  readonly segmentIntervalMs: number
  get(): SegmentedBytesStore
}

/** Options of a session store supplier. */
export interface SessionStoreSupplierOptions {
  readonly retentionMs: number
  readonly segmentIntervalMs?: number
}

/** Supplies the inner (segmented) store of a session store. */
export interface SessionBytesStoreSupplier {
  readonly name: string
  readonly persistent: boolean
  readonly retentionMs: number
  readonly segmentIntervalMs: number
  get(): SegmentedBytesStore
}

function physical(name: string, persistent: boolean): PhysicalBytesStore {
  return persistent ? new LevelBytesStore(name) : new MemoryBytesStore(name)
}

/**
 * A key-value store supplier.
 *
 * @example
 * ```ts
 * keyValueSupplier('counts', true).get() // a LevelBytesStore
 * ```
 */
export function keyValueSupplier(name: string, persistent: boolean): KeyValueBytesStoreSupplier {
  return { name, persistent, get: () => physical(name, persistent) }
}

/**
 * A window store supplier.
 *
 * @example
 * ```ts
 * windowSupplier('windows', false, { retentionMs: 86_400_000, windowSizeMs: 60_000 })
 * ```
 */
export function windowSupplier(
  name: string,
  persistent: boolean,
  options: WindowStoreSupplierOptions,
): WindowBytesStoreSupplier {
  const retainDuplicates = options.retainDuplicates ?? false
  const segmentIntervalMs = options.segmentIntervalMs ?? defaultSegmentInterval(options.retentionMs)
  const timeOf = (key: Uint8Array) => windowStartOf(key, retainDuplicates)
  const retentionMs = options.retentionMs
  return {
    name,
    persistent,
    retentionMs,
    windowSizeMs: options.windowSizeMs,
    retainDuplicates,
    segmentIntervalMs,
    get: () => new SegmentedBytesStore(physical(name, persistent), { retentionMs, segmentIntervalMs, timeOf }),
  }
}

/**
 * A session store supplier (segments by session end).
 *
 * @example
 * ```ts
 * sessionSupplier('sessions', true, { retentionMs: 3_600_000 })
 * ```
 */
export function sessionSupplier(
  name: string,
  persistent: boolean,
  options: SessionStoreSupplierOptions,
): SessionBytesStoreSupplier {
  const segmentIntervalMs = options.segmentIntervalMs ?? defaultSegmentInterval(options.retentionMs)
  const retentionMs = options.retentionMs
  const timeOf = (key: Uint8Array) => sessionWindowOf(key).end
  return {
    name,
    persistent,
    retentionMs,
    segmentIntervalMs,
    get: () => new SegmentedBytesStore(physical(name, persistent), { retentionMs, segmentIntervalMs, timeOf }),
  }
}
