/**
 * @module
 * The change-logging layer: every write that reaches it is handed to the task's changelog writer
 * (`context.changelog`) with the store's name, the key bytes, the value bytes or null for a
 * delete, and the record timestamp. Replaying the changelog into an empty store with
 * `restoreBatch` rebuilds the same contents. Window and session stores use this same layer and
 * log their composite keys. Without a changelog writer in the context it only passes writes on.
 */
import type { ChangelogRecord, ChangelogWriter, StateStoreContext } from '../api.ts'
import type { BytesEntry, BytesStore, BytesWrite, ScanRange } from './bytes-store.ts'

/**
 * A logging wrapper of a bytes store.
 *
 * @example
 * ```ts
 * const store = new ChangeLoggingKeyValueStore(new LevelBytesStore('counts'))
 * await store.init({ ...context, changelog: { log: (store, key, value, ts) => send(store, key, value, ts) } })
 * ```
 */
export class ChangeLoggingKeyValueStore implements BytesStore {
  readonly #wrapped: BytesStore
  #changelog: ChangelogWriter | undefined
  #context: StateStoreContext | undefined

  constructor(wrapped: BytesStore) {
    this.#wrapped = wrapped
  }

  get name(): string {
    return this.#wrapped.name
  }

  get persistent(): boolean {
    return this.#wrapped.persistent
  }

  async init(context: StateStoreContext): Promise<void> {
    this.#context = context
    this.#changelog = context.changelog
    await this.#wrapped.init(context)
  }

  get(key: Uint8Array): Promise<Uint8Array | undefined> {
    return this.#wrapped.get(key)
  }

  async put(key: Uint8Array, value: Uint8Array | null): Promise<void> {
    await this.#wrapped.put(key, value)
    this.#changelog?.log(this.name, key, value, this.#context!.currentTimestamp())
  }

  async putAll(writes: ReadonlyArray<BytesWrite>): Promise<void> {
    await this.#wrapped.putAll(writes)
    const changelog = this.#changelog
    if (changelog === undefined) return
    const now = this.#context!.currentTimestamp()
    for (const w of writes) changelog.log(this.name, w.key, w.value, w.timestamp ?? now)
  }

  scan(range: ScanRange): AsyncIterable<BytesEntry> {
    return this.#wrapped.scan(range)
  }

  approximateNumEntries(): Promise<number> {
    return this.#wrapped.approximateNumEntries()
  }

  expired(key: Uint8Array): boolean {
    return this.#wrapped.expired(key)
  }

  flush(): Promise<void> {
    return this.#wrapped.flush()
  }

  /** Restores beneath this layer: restored records are not logged again. */
  restoreBatch(records: ReadonlyArray<ChangelogRecord>): Promise<void> {
    return this.#wrapped.restoreBatch(records)
  }

  close(): Promise<void> {
    return this.#wrapped.close()
  }

  isOpen(): boolean {
    return this.#wrapped.isOpen()
  }
}
