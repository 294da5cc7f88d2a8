/**
 * @module
 * Time-segmented storage for window and session stores, after Kafka Streams' segmented bytes
 * stores. Every composite key carries a time (window start, session end); its segment is
 * `floor(time / segmentInterval)` and its physical key is `segment ‖ composite`. Stream time is
 * the largest time put so far; segments wholly older than `streamTime - retention` are dropped
 * with one range delete, and puts into such a segment are ignored. Scans visit the segments the
 * time hint allows and merge them by composite key.
 */
import type { ChangelogRecord, StateStoreContext } from '../api.ts'
import type { BytesEntry, BytesStore, BytesWrite, PhysicalBytesStore, ScanRange } from './bytes-store.ts'
import { concatBytes, encodeTime, readTime, TIME_BYTES, withTimePrefix } from './key-encoding.ts'
import { mergeSorted } from './merge-iterators.ts'

/** How a segmented store is laid out. */
export interface SegmentOptions {
  readonly retentionMs: number
  readonly segmentIntervalMs: number
  /** The time of a composite key (window start or session end). */
  readonly timeOf: (composite: Uint8Array) => number
}

/**
 * Kafka Streams' default segment width: half the retention, at least one minute.
 *
 * @example
 * ```ts
 * defaultSegmentInterval(86_400_000) // 43_200_000
 * ```
 */
export function defaultSegmentInterval(retentionMs: number): number {
  return Math.max(Math.floor(retentionMs / 2), 60_000)
}

/**
 * A bytes store of composite keys, expired by segment.
 *
 * @example
 * ```ts
 * const store = new SegmentedBytesStore(new MemoryBytesStore('w'), { retentionMs, segmentIntervalMs, timeOf })
 * ```
 */
export class SegmentedBytesStore implements BytesStore {
  readonly #physical: PhysicalBytesStore
  readonly #options: SegmentOptions
  /** Ids of segments that may hold entries, ascending. */
  #segments: number[] = []
  #streamTime = Number.NEGATIVE_INFINITY

  constructor(physical: PhysicalBytesStore, options: SegmentOptions) {
    this.#physical = physical
    this.#options = options
  }

  get name(): string {
    return this.#physical.name
  }

  get persistent(): boolean {
    return this.#physical.persistent
  }

  /** The largest time put or restored so far (-Infinity before any). */
  observedStreamTime(): number {
    return this.#streamTime
  }

  #segmentOf(time: number): number {
    return Math.floor(time / this.#options.segmentIntervalMs)
  }

  #minLiveSegment(): number {
    return this.#segmentOf(this.#streamTime - this.#options.retentionMs)
  }

  async init(context: StateStoreContext): Promise<void> {
    await this.#physical.init(context)
    // Rediscover the segments and the stream time of a reopened persistent store.
    this.#segments = []
    this.#streamTime = Number.NEGATIVE_INFINITY
    let from: Uint8Array | undefined
    for (;;) {
      let first: BytesEntry | undefined
      for await (const entry of this.#physical.scan(from === undefined ? {} : { gte: from })) {
        first = entry
        break
      }
      if (first === undefined) break
      const segment = readTime(first.key, 0)
      this.#segments.push(segment)
      from = encodeTime(segment + 1)
    }
    const last = this.#segments.at(-1)
    if (last === undefined) return
    for await (const { key } of this.#physical.scan({ gte: encodeTime(last) })) {
      this.#streamTime = Math.max(this.#streamTime, this.#options.timeOf(key.subarray(TIME_BYTES)))
    }
  }

  async get(key: Uint8Array): Promise<Uint8Array | undefined> {
    const segment = this.#segmentOf(this.#options.timeOf(key))
    if (segment < this.#minLiveSegment()) return undefined
    return this.#physical.get(withTimePrefix(segment, key, this.#physical.persistent))
  }

  /** Observes the writes' times and returns their physical form, without those in expired segments. */
  #physicalWrites(writes: ReadonlyArray<BytesWrite>): ChangelogRecord[] {
    const out: ChangelogRecord[] = []
    for (const w of writes) {
      const time = this.#options.timeOf(w.key)
      if (time > this.#streamTime) this.#streamTime = time
      const segment = this.#segmentOf(time)
      if (segment < this.#minLiveSegment()) continue
      if (!this.#segments.includes(segment)) this.#segments = [...this.#segments, segment].sort((a, b) => a - b)
      const key = withTimePrefix(segment, w.key, this.#physical.persistent)
      out.push({ key, value: w.value, timestamp: w.timestamp ?? 0 })
    }
    return out
  }

  async #dropExpiredSegments(): Promise<void> {
    const minLive = this.#minLiveSegment()
    if (this.#segments.length === 0 || this.#segments[0]! >= minLive) return
    await this.#physical.deleteRange(undefined, encodeTime(minLive))
    this.#segments = this.#segments.filter((s) => s >= minLive)
  }

  async put(key: Uint8Array, value: Uint8Array | null): Promise<void> {
    await this.putAll([{ key, value }])
  }

  async putAll(writes: ReadonlyArray<BytesWrite>): Promise<void> {
    const physical = this.#physicalWrites(writes)
    if (physical.length === 1) await this.#physical.put(physical[0]!.key, physical[0]!.value)
    else await this.#physical.putAll(physical)
    await this.#dropExpiredSegments()
  }

  async restoreBatch(records: ReadonlyArray<ChangelogRecord>): Promise<void> {
    await this.#physical.restoreBatch(this.#physicalWrites(records))
    await this.#dropExpiredSegments()
  }

  scan(range: ScanRange): AsyncIterable<BytesEntry> {
    const from = Math.max(this.#minLiveSegment(), this.#segmentOf(range.timeFrom ?? Number.NEGATIVE_INFINITY))
    const to = this.#segmentOf(range.timeTo ?? Number.POSITIVE_INFINITY)
    const segments = this.#segments.filter((s) => s >= from && s <= to)
    return mergeSorted(
      segments.map((s) => this.#scanSegment(s, range)),
      range.reverse === true,
    )
  }

  async *#scanSegment(segment: number, range: ScanRange): AsyncIterable<BytesEntry> {
    const prefix = encodeTime(segment)
    const bounds: { gte?: Uint8Array; gt?: Uint8Array; lte?: Uint8Array; lt?: Uint8Array; reverse?: boolean } = {
      reverse: range.reverse === true,
    }
    if (range.gt !== undefined) bounds.gt = concatBytes(prefix, range.gt)
    else bounds.gte = range.gte === undefined ? prefix : concatBytes(prefix, range.gte)
    if (range.lte !== undefined) bounds.lte = concatBytes(prefix, range.lte)
    else bounds.lt = range.lt === undefined ? encodeTime(segment + 1) : concatBytes(prefix, range.lt)
    for await (const { key, value } of this.#physical.scan(bounds)) yield { key: key.subarray(TIME_BYTES), value }
  }

  expired(key: Uint8Array): boolean {
    return this.#segmentOf(this.#options.timeOf(key)) < this.#minLiveSegment()
  }

  async approximateNumEntries(): Promise<number> {
    return this.#physical.approximateNumEntries()
  }

  flush(): Promise<void> {
    return this.#physical.flush()
  }

  close(): Promise<void> {
    return this.#physical.close()
  }

  isOpen(): boolean {
    return this.#physical.isOpen()
  }
}
