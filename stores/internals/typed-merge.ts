/**
 * @module
 * Merging a sorted snapshot of an object cache's dirty entries over a typed scan of the store
 * beneath: the cache wins on equal keys and a cached delete hides the stored entry.
 */

/**
 * Yields the stored items with the cached ones merged in; `compare(stored, cached)` is negative
 * when the stored item comes first in scan order, and `emit` turns a cached entry into an item
 * (undefined for a delete).
 *
 * @example
 * ```ts
 * for await (const kv of mergeOver(dirty, inner.range(a, b), (s, c) => compareBytes(bytesOf(s.key), c.keyBytes), toItem)) use(kv)
 * ```
 */
export async function* mergeOver<T, C>(
  cached: readonly C[],
  stored: AsyncIterable<T>,
  compare: (stored: T, cached: C) => number,
  emit: (cached: C) => T | undefined,
): AsyncIterable<T> {
  let i = 0
  for await (const s of stored) {
    let c = i < cached.length ? compare(s, cached[i]!) : -1
    while (c > 0) {
      const out = emit(cached[i++]!)
      if (out !== undefined) yield out
      c = i < cached.length ? compare(s, cached[i]!) : -1
    }
    if (c === 0) {
      const out = emit(cached[i++]!)
      if (out !== undefined) yield out
      continue
    }
    yield s
  }
  while (i < cached.length) {
    const out = emit(cached[i++]!)
    if (out !== undefined) yield out
  }
}
