/**
 * @module
 * The in-memory backend: a {@link SortedMap} of bytes. Contents live as long as the store is open;
 * a logged in-memory store is rebuilt from its changelog after a restart.
 */
import type { ChangelogRecord, StateStoreContext } from '../api.ts'
import type { BytesEntry, BytesWrite, PhysicalBytesStore, ScanRange } from './bytes-store.ts'
import { SortedMap } from './sorted-map.ts'

/**
 * An in-memory sorted bytes store.
 *
 * @example
 * ```ts
 * const store = new MemoryBytesStore('counts')
 * await store.init(context)
 * await store.put(Uint8Array.of(1), Uint8Array.of(42))
 * ```
 */
export class MemoryBytesStore implements PhysicalBytesStore {
  readonly name: string
  readonly persistent = false
  #map = new SortedMap<Uint8Array>()
  #open = false

  constructor(name: string) {
    this.name = name
  }

  async init(_context: StateStoreContext): Promise<void> {
    this.#open = true
  }

  async get(key: Uint8Array): Promise<Uint8Array | undefined> {
    return this.#map.get(key)
  }

  async put(key: Uint8Array, value: Uint8Array | null): Promise<void> {
    if (value === null) this.#map.delete(key)
    else this.#map.set(key, value)
  }

  async putAll(writes: ReadonlyArray<BytesWrite>): Promise<void> {
    for (const w of writes) {
      if (w.value === null) this.#map.delete(w.key)
      else this.#map.set(w.key, w.value)
    }
  }

  async *scan(range: ScanRange): AsyncIterable<BytesEntry> {
    for (const [key, value] of this.#map.entries(range)) yield { key, value }
  }

  async approximateNumEntries(): Promise<number> {
    return this.#map.size
  }

  async deleteRange(gte: Uint8Array | undefined, lt: Uint8Array): Promise<void> {
    this.#map.deleteRange(gte, lt)
  }

  async restoreBatch(records: ReadonlyArray<ChangelogRecord>): Promise<void> {
    await this.putAll(records)
  }

  expired(_key: Uint8Array): boolean {
    return false
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    this.#map.clear()
    this.#open = false
  }

  isOpen(): boolean {
    return this.#open
  }
}
