/**
 * @module
 * The persistent backend: one LevelDB database (classic-level) per store at
 * `<taskDir>/<storeName>`. Point reads use the synchronous `getSync` (no promise hop on the hot
 * path); multi-key writes (cache flushes, restores) are one atomic chained batch; scans read the iterator
 * in chunks with `nextv`. Writes are not fsynced: the changelog topic is the durable copy.
 */
import { join } from 'node:path'
import { ClassicLevel } from 'classic-level'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { ChangelogRecord, StateStoreContext } from '../api.ts'
import type { BytesEntry, BytesWrite, PhysicalBytesStore, ScanRange } from './bytes-store.ts'
import { nativeBytes } from './native-bytes.ts'

type Db = ClassicLevel<Uint8Array, Uint8Array>

const SCAN_CHUNK = 1000

/**
 * Writes as one atomic chained batch (measured cheaper in CPU than the array form of `db.batch`).
 * `native` copies small arrays off V8's heap first: worth it for cache flushes, whose values come
 * from serdes, not for restores, whose records are slices of fetched (off-heap) buffers.
 */
async function writeBatch(db: Db, writes: ReadonlyArray<BytesWrite>, native: boolean): Promise<void> {
  const batch = db.batch()
  for (let i = 0; i < writes.length; i++) {
    const w = writes[i]!
    const key = native ? nativeBytes(w.key) : w.key
    if (w.value === null) batch.del(key)
    else batch.put(key, native ? nativeBytes(w.value) : w.value)
  }
  await batch.write()
}

/** A string with one character per byte: a Map key for byte arrays. */
function binaryString(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!)
  return s
}

/** The iterator options of a scan, without undefined bounds. */
function iteratorOptions(range: ScanRange): Record<string, unknown> {
  const options: Record<string, unknown> = { reverse: range.reverse === true }
  for (const bound of ['gt', 'gte', 'lt', 'lte'] as const) if (range[bound] !== undefined) options[bound] = range[bound]
  return options
}

/**
 * A LevelDB-backed sorted bytes store.
 *
 * @example
 * ```ts
 * const store = new LevelBytesStore('counts')
 * await store.init(context) // opens <taskDir>/counts
 * ```
 */
export class LevelBytesStore implements PhysicalBytesStore {
  readonly name: string
  readonly persistent = true
  #db: Db | undefined
  /**
   * The number of keys, once counted (LevelDB keeps no count and has no count estimate): counted
   * by the first `approximateNumEntries`, then kept by reading each written key's presence first.
   * Restores and range deletes drop it, to be counted again when asked.
   */
  #count: number | undefined
  /** Writes so far: a count read while writes happened is returned but not kept. */
  #writes = 0

  constructor(name: string) {
    this.name = name
  }

  /** The open database (throws PITWALL_STORE_CLOSED when not open). */
  get #open(): Db {
    if (this.#db === undefined) throw new PitwallError(ErrorCodes.STORE_CLOSED, `store '${this.name}' is not open`)
    return this.#db
  }

  #ioError(operation: string, cause: unknown): PitwallError {
    return new PitwallError(ErrorCodes.STORE_IO, `LevelDB ${operation} failed in store '${this.name}'`, {
      cause,
      details: { store: this.name, operation },
    })
  }

  async init(context: StateStoreContext): Promise<void> {
    const db: Db = new ClassicLevel(join(context.taskDir, this.name), { keyEncoding: 'view', valueEncoding: 'view' })
    try {
      await db.open({ createIfMissing: true })
    } catch (cause) {
      throw this.#ioError('open', cause)
    }
    this.#db = db
    this.#count = undefined
  }

  /** How many keys the writes add (negative: remove), each distinct key's last write counting once. */
  #countDelta(db: Db, writes: ReadonlyArray<BytesWrite>): number {
    const last = new Map<string, BytesWrite>()
    for (const w of writes) last.set(binaryString(w.key), w)
    let delta = 0
    for (const w of last.values()) delta += (w.value === null ? 0 : 1) - (db.getSync(w.key) === undefined ? 0 : 1)
    return delta
  }

  async get(key: Uint8Array): Promise<Uint8Array | undefined> {
    return this.#open.getSync(key)
  }

  async put(key: Uint8Array, value: Uint8Array | null): Promise<void> {
    const db = this.#open
    const k = nativeBytes(key)
    this.#writes++
    if (this.#count !== undefined) this.#count += (value === null ? 0 : 1) - (db.getSync(k) === undefined ? 0 : 1)
    try {
      await (value === null ? db.del(k) : db.put(k, nativeBytes(value)))
    } catch (cause) {
      this.#count = undefined
      throw this.#ioError('put', cause)
    }
  }

  async putAll(writes: ReadonlyArray<BytesWrite>): Promise<void> {
    if (writes.length === 0) return
    const db = this.#open
    this.#writes++
    if (this.#count !== undefined) this.#count += this.#countDelta(db, writes)
    try {
      await writeBatch(db, writes, true)
    } catch (cause) {
      this.#count = undefined
      throw this.#ioError('batch', cause)
    }
  }

  async *scan(range: ScanRange): AsyncIterable<BytesEntry> {
    const iterator = this.#open.iterator(iteratorOptions(range))
    try {
      for (;;) {
        const entries = await iterator.nextv(SCAN_CHUNK)
        if (entries.length === 0) return
        for (const [key, value] of entries) yield { key, value }
      }
    } finally {
      await iterator.close()
    }
  }

  /** The exact number of keys: O(1) once counted, the first call after opening or restoring reads every key. */
  async approximateNumEntries(): Promise<number> {
    if (this.#count !== undefined) return this.#count
    const writes = this.#writes
    const iterator = this.#open.keys()
    let count = 0
    try {
      for (let keys = await iterator.nextv(SCAN_CHUNK); keys.length > 0; keys = await iterator.nextv(SCAN_CHUNK)) {
        count += keys.length
      }
    } finally {
      await iterator.close()
    }
    if (writes === this.#writes) this.#count = count
    return count
  }

  async deleteRange(gte: Uint8Array | undefined, lt: Uint8Array): Promise<void> {
    this.#writes++
    this.#count = undefined
    try {
      await this.#open.clear(gte === undefined ? { lt } : { gte, lt })
    } catch (cause) {
      throw this.#ioError('clear', cause)
    }
  }

  async restoreBatch(records: ReadonlyArray<ChangelogRecord>): Promise<void> {
    if (records.length === 0) return
    const db = this.#open
    this.#writes++
    this.#count = undefined
    try {
      await writeBatch(db, records, false)
    } catch (cause) {
      throw new PitwallError(
        ErrorCodes.STORE_RESTORE,
        `cannot restore ${records.length} records into store '${this.name}'`,
        {
          cause,
          details: { store: this.name },
        },
      )
    }
  }

  expired(_key: Uint8Array): boolean {
    return false
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    const db = this.#db
    this.#db = undefined
    this.#count = undefined
    await db?.close()
  }

  isOpen(): boolean {
    return this.#db !== undefined
  }
}
