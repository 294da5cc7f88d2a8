/**
 * @module
 * The persistent backend: one LevelDB database (classic-level) per store at
 * `<taskDir>/<storeName>`. Point reads use the synchronous `getSync` (no promise hop on the hot
 * path); multi-key writes (cache flushes, restores) are one atomic chained batch; scans read the iterator
 * in chunks with `nextv`. Writes are not fsynced: the changelog topic is the durable copy.
 * Under exactly-once (a {@link StoreTransactions} in the context) writes stay pending in memory
 * (pending-writes.ts) until the transaction commits, then go down in one batch with the store's
 * checkpoint under the reserved key (level-keys.ts), so the database never holds uncommitted state.
 */
import { join } from 'node:path'
import { ClassicLevel } from 'classic-level'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { ChangelogRecord, StateStoreContext } from '../api.ts'
import type { BytesEntry, BytesWrite, PhysicalBytesStore, ScanRange } from './bytes-store.ts'
import { decodeCheckpoint, encodeCheckpoint } from './level-checkpoint.ts'
import { fromStoredKey, iteratorOptions, META_KEY, storedRange, toStoredKey } from './level-keys.ts'
import { nativeBytes } from './native-bytes.ts'
import { PendingWrites } from './pending-writes.ts'
import { type StoreCheckpoint, type StoreTransactions, storeTransactionsOf } from './store-transactions.ts'

type Db = ClassicLevel<Uint8Array, Uint8Array>

const SCAN_CHUNK = 1000

/**
 * Writes as one atomic chained batch (measured cheaper in CPU than the array form of `db.batch`).
 * `native` copies small arrays off V8's heap first: worth it for cache flushes, whose values come
 * from serdes, not for restores, whose records are slices of fetched (off-heap) buffers. Keys are
 * already in stored form.
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
  /** Exactly-once: writes not yet committed, and the task's transactions. */
  #pending: PendingWrites | undefined
  #transactions: StoreTransactions | undefined

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
      this.#transactions = storeTransactionsOf(context)
      this.#pending = this.#transactions === undefined ? undefined : new PendingWrites()
      // Written through, the database may get ahead of its changelog: a checkpoint proves nothing then.
      if (this.#transactions === undefined && db.getSync(META_KEY) !== undefined) await db.del(META_KEY)
    } catch (cause) {
      await db.close().catch(() => {})
      throw this.#ioError('open', cause)
    }
    this.#db = db
    this.#count = undefined
    this.#transactions?.register(this)
  }

  /** The checkpoint stored with the data (exactly-once), if any. */
  checkpoint(): StoreCheckpoint | undefined {
    return decodeCheckpoint(this.#open.getSync(META_KEY))
  }

  get pendingCount(): number {
    return this.#pending?.size ?? 0
  }

  /** The value a read sees (stored key): the pending one, else the database's. */
  #visible(db: Db, key: Uint8Array): Uint8Array | undefined {
    const pending = this.#pending?.get(key)
    if (pending !== undefined) return pending ?? undefined
    return db.getSync(key)
  }

  /** How many keys the writes add (negative: remove), each distinct key's last write counting once. */
  #countDelta(db: Db, writes: ReadonlyArray<BytesWrite>): number {
    const last = new Map<string, BytesWrite>()
    for (const w of writes) last.set(binaryString(w.key), w)
    let delta = 0
    for (const w of last.values())
      delta += (w.value === null ? 0 : 1) - (this.#visible(db, w.key) === undefined ? 0 : 1)
    return delta
  }

  async get(key: Uint8Array): Promise<Uint8Array | undefined> {
    return this.#visible(this.#open, toStoredKey(key))
  }

  async put(key: Uint8Array, value: Uint8Array | null): Promise<void> {
    const db = this.#open
    const k = toStoredKey(key)
    this.#writes++
    if (this.#count !== undefined)
      this.#count += (value === null ? 0 : 1) - (this.#visible(db, k) === undefined ? 0 : 1)
    if (this.#pending !== undefined) {
      this.#pending.put(k, value)
      return
    }
    try {
      await (value === null ? db.del(nativeBytes(k)) : db.put(nativeBytes(k), nativeBytes(value)))
    } catch (cause) {
      this.#count = undefined
      throw this.#ioError('put', cause)
    }
  }

  async putAll(writes: ReadonlyArray<BytesWrite>): Promise<void> {
    if (writes.length === 0) return
    const db = this.#open
    const stored = writes.map((w) => ({ key: toStoredKey(w.key), value: w.value }))
    this.#writes++
    if (this.#count !== undefined) this.#count += this.#countDelta(db, stored)
    if (this.#pending !== undefined) {
      for (const w of stored) this.#pending.put(w.key, w.value)
      return
    }
    try {
      await writeBatch(db, stored, true)
    } catch (cause) {
      this.#count = undefined
      throw this.#ioError('batch', cause)
    }
  }

  async *scan(range: ScanRange): AsyncIterable<BytesEntry> {
    const stored = storedRange(range)
    const source = this.#pending === undefined ? this.#scanDb(stored) : this.#pending.scan(stored, this.#scanDb(stored))
    for await (const { key, value } of source) yield { key: fromStoredKey(key), value }
  }

  async *#scanDb(range: ScanRange): AsyncIterable<BytesEntry> {
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
    let count = 0
    if (this.pendingCount > 0) {
      for await (const _ of this.scan({})) count++
    } else {
      const iterator = this.#open.keys({ gt: META_KEY })
      try {
        for (let keys = await iterator.nextv(SCAN_CHUNK); keys.length > 0; keys = await iterator.nextv(SCAN_CHUNK)) {
          count += keys.length
        }
      } finally {
        await iterator.close()
      }
    }
    if (writes === this.#writes) this.#count = count
    return count
  }

  async deleteRange(gte: Uint8Array | undefined, lt: Uint8Array): Promise<void> {
    this.#writes++
    this.#count = undefined
    const from = gte === undefined ? undefined : toStoredKey(gte)
    const to = toStoredKey(lt)
    if (this.#pending !== undefined && this.#transactions?.restoring !== true) {
      this.#pending.deleteRange(from, to)
      return
    }
    try {
      await this.#open.clear(from === undefined ? { gt: META_KEY, lt: to } : { gte: from, lt: to })
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
      await writeBatch(
        db,
        records.map((r) => ({ key: toStoredKey(r.key), value: r.value })),
        false,
      )
    } catch (cause) {
      const message = `cannot restore ${records.length} records into store '${this.name}'`
      throw new PitwallError(ErrorCodes.STORE_RESTORE, message, { cause, details: { store: this.name } })
    }
  }

  /**
   * Applies the pending writes after their transaction committed: range deletes expanded to the
   * keys they cover, then the writes, then the checkpoint, all in one atomic batch.
   */
  async applyPending(checkpoint: StoreCheckpoint | undefined): Promise<void> {
    const db = this.#open
    const pending = this.#pending
    if (pending === undefined) return
    const writes: BytesWrite[] = []
    for (const r of pending.ranges) {
      const keys = db.keys(r.gte === undefined ? { gt: META_KEY, lt: r.lt } : { gte: r.gte, lt: r.lt })
      for await (const key of keys) writes.push({ key, value: null })
    }
    for (const w of pending.writes()) writes.push(w)
    if (checkpoint !== undefined) writes.push({ key: META_KEY, value: encodeCheckpoint(checkpoint) })
    try {
      await writeBatch(db, writes, true)
    } catch (cause) {
      throw this.#ioError('apply', cause)
    }
    pending.clear()
  }

  async writeCheckpoint(checkpoint: StoreCheckpoint): Promise<void> {
    try {
      await this.#open.put(META_KEY, encodeCheckpoint(checkpoint))
    } catch (cause) {
      throw this.#ioError('checkpoint', cause)
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
    // Never applied: what is pending belongs to a transaction that did not (yet) commit.
    this.#pending?.clear()
    await db?.close()
  }

  isOpen(): boolean {
    return this.#db !== undefined
  }
}
