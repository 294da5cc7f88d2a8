/**
 * @module
 * How a LevelDB store lays out its keys so that one key stays free for the store's own metadata
 * (its changelog checkpoint) while every user key, the empty one included, stays storable and in
 * order. The empty key is reserved; user keys made only of zero bytes (the empty key too) get one
 * more zero byte; all other keys are stored as they are. The map is strictly increasing, so ranges
 * translate by translating their bounds, and costs one byte test for keys not starting with 0x00.
 */
import type { ScanRange } from './bytes-store.ts'

/** The reserved key holding the store's checkpoint: the smallest key, never a stored user key. */
export const META_KEY: Uint8Array = new Uint8Array(0)

function allZero(key: Uint8Array): boolean {
  for (let i = 1; i < key.length; i++) if (key[i] !== 0) return false
  return true
}

/**
 * The stored form of a user key.
 *
 * @example
 * ```ts
 * toStoredKey(new Uint8Array(0)) // Uint8Array [0]
 * toStoredKey(Uint8Array.of(0x61)) // the same array
 * ```
 */
export function toStoredKey(key: Uint8Array): Uint8Array {
  if (key.length > 0 && key[0] !== 0) return key
  return allZero(key) ? new Uint8Array(key.length + 1) : key
}

/**
 * The user key of a stored key (never called with {@link META_KEY}).
 *
 * @example
 * ```ts
 * fromStoredKey(Uint8Array.of(0)) // Uint8Array []
 * ```
 */
export function fromStoredKey(stored: Uint8Array): Uint8Array {
  if (stored[0] !== 0) return stored
  return allZero(stored) ? stored.subarray(1) : stored
}

/**
 * The stored form of a scan range: bounds translated, the reserved key excluded.
 *
 * @example
 * ```ts
 * db.iterator(iteratorOptions(storedRange({ gte: from })))
 * ```
 */
export function storedRange(range: ScanRange): ScanRange {
  const out: { -readonly [K in keyof ScanRange]: ScanRange[K] } = { reverse: range.reverse === true }
  for (const bound of ['gte', 'gt', 'lte', 'lt'] as const) {
    if (range[bound] !== undefined) out[bound] = toStoredKey(range[bound]!)
  }
  if (out.gte === undefined && out.gt === undefined) out.gt = META_KEY
  return out
}

/**
 * The LevelDB iterator options of a (stored) scan range, without undefined bounds.
 *
 * @example
 * ```ts
 * db.iterator(iteratorOptions({ gt: META_KEY }))
 * ```
 */
export function iteratorOptions(range: ScanRange): Record<string, unknown> {
  const options: Record<string, unknown> = { reverse: range.reverse === true }
  for (const bound of ['gt', 'gte', 'lt', 'lte'] as const) if (range[bound] !== undefined) options[bound] = range[bound]
  return options
}
