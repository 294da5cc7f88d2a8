/**
 * @module
 * A LevelDB store's checkpoint: JSON `{ changelog, offset }` under the reserved key (see
 * level-keys.ts), written in the same atomic batch as the writes it accounts for. The runtime reads
 * it before opening a task's stores to decide between an incremental restore and a wipe.
 */
import { access } from 'node:fs/promises'
import { ClassicLevel } from 'classic-level'
import { META_KEY } from './level-keys.ts'
import type { StoreCheckpoint } from './store-transactions.ts'

/**
 * The bytes of a checkpoint value.
 *
 * @example
 * ```ts
 * batch.put(META_KEY, encodeCheckpoint({ changelog: 'app-counts-changelog:0', offset: 42n }))
 * ```
 */
export function encodeCheckpoint(checkpoint: StoreCheckpoint): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({ changelog: checkpoint.changelog, offset: String(checkpoint.offset) }),
  )
}

/**
 * A checkpoint value; undefined when absent or unreadable.
 *
 * @example
 * ```ts
 * decodeCheckpoint(db.getSync(META_KEY))
 * ```
 */
export function decodeCheckpoint(bytes: Uint8Array | undefined): StoreCheckpoint | undefined {
  if (bytes === undefined) return undefined
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { changelog?: unknown; offset?: unknown }
    if (typeof parsed.changelog !== 'string' || typeof parsed.offset !== 'string') return undefined
    return { changelog: parsed.changelog, offset: BigInt(parsed.offset) }
  } catch {
    return undefined
  }
}

/**
 * Reads the checkpoint of the LevelDB store at `dir` (closed); undefined when there is no store,
 * no checkpoint, or the database cannot be opened.
 *
 * @example
 * ```ts
 * const cp = await readStoreCheckpoint('/var/pitwall/app/0_1/counts')
 * ```
 */
export async function readStoreCheckpoint(dir: string): Promise<StoreCheckpoint | undefined> {
  try {
    await access(dir)
  } catch {
    return undefined
  }
  const db = new ClassicLevel<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' })
  try {
    await db.open({ createIfMissing: false })
    return decodeCheckpoint(db.getSync(META_KEY))
  } catch {
    return undefined
  } finally {
    await db.close().catch(() => {})
  }
}
