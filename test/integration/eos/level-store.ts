/**
 * @module
 * A small LevelDB key-value store for the runtime's integration tests (a real store, not a mock):
 * string keys, JSON values, every put logged to the task's changelog, restorable in batches.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ClassicLevel } from 'classic-level'
import type {
  ChangelogRecord,
  ChangelogWriter,
  RestorableStore,
  StateStore,
  StateStoreContext,
} from '../../../stores/api.ts'

/** A JSON key-value store on LevelDB with change logging. */
export class LevelJsonStore<V> implements StateStore, RestorableStore {
  readonly name: string
  readonly persistent = true
  #db: ClassicLevel<Buffer, Buffer> | undefined
  #changelog: ChangelogWriter | undefined
  #timestamp: () => number = Date.now

  constructor(name: string) {
    this.name = name
  }

  async init(context: StateStoreContext): Promise<void> {
    const dir = join(context.taskDir, this.name)
    await mkdir(dir, { recursive: true })
    this.#db = new ClassicLevel<Buffer, Buffer>(dir, { keyEncoding: 'buffer', valueEncoding: 'buffer' })
    await this.#db.open()
    this.#changelog = context.changelog
    this.#timestamp = () => context.currentTimestamp()
  }

  async get(key: string): Promise<V | undefined> {
    const bytes = await this.#db!.get(Buffer.from(key))
    return bytes === undefined ? undefined : (JSON.parse(bytes.toString()) as V)
  }

  async put(key: string, value: V): Promise<void> {
    const k = Buffer.from(key)
    const v = Buffer.from(JSON.stringify(value))
    await this.#db!.put(k, v)
    this.#changelog?.log(this.name, k, v, this.#timestamp())
  }

  async *all(): AsyncIterable<{ key: string; value: V }> {
    for await (const [k, v] of this.#db!.iterator()) yield { key: k.toString(), value: JSON.parse(v.toString()) as V }
  }

  async restoreBatch(records: ReadonlyArray<ChangelogRecord>): Promise<void> {
    await this.#db!.batch(
      records.map((r) =>
        r.value === null
          ? { type: 'del' as const, key: Buffer.from(r.key) }
          : { type: 'put' as const, key: Buffer.from(r.key), value: Buffer.from(r.value) },
      ),
    )
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    await this.#db?.close()
    this.#db = undefined
  }

  isOpen(): boolean {
    return this.#db?.status === 'open'
  }
}
