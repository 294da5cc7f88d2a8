/**
 * @module
 * Merging sorted entry streams: the segments of a segmented store (k-way, by key) and a cache
 * snapshot over the store beneath it (the cache wins on equal keys, a cached delete hides the
 * stored entry).
 */
import type { BytesEntry } from './bytes-store.ts'
import { compareBytes } from './key-encoding.ts'

/**
 * Merges streams that are each sorted by key into one sorted stream (descending with `reverse`).
 *
 * @example
 * ```ts
 * for await (const e of mergeSorted([segmentA, segmentB], false)) use(e)
 * ```
 */
export function mergeSorted(sources: AsyncIterable<BytesEntry>[], reverse: boolean): AsyncIterable<BytesEntry> {
  // one source (the usual case: one live segment in range) needs no merging layer
  return sources.length === 1 ? sources[0]! : mergeMany(sources, reverse)
}

async function* mergeMany(sources: AsyncIterable<BytesEntry>[], reverse: boolean): AsyncIterable<BytesEntry> {
  const iterators = sources.map((s) => s[Symbol.asyncIterator]())
  const heads = await Promise.all(iterators.map((it) => it.next()))
  const sign = reverse ? -1 : 1
  try {
    for (;;) {
      let best = -1
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i]!
        if (head.done) continue
        if (best < 0 || sign * compareBytes(head.value.key, (heads[best]!.value as BytesEntry).key) < 0) best = i
      }
      if (best < 0) return
      yield heads[best]!.value as BytesEntry
      heads[best] = await iterators[best]!.next()
    }
  } finally {
    await Promise.all(iterators.map((it) => it.return?.()))
  }
}

/** A cached entry as seen by a scan: `value === null` is a delete not yet flushed. */
export interface CachedEntry {
  readonly key: Uint8Array
  readonly value: Uint8Array | null
}

/**
 * Merges a sorted cache snapshot over a sorted store stream: cached values replace stored ones.
 *
 * @example
 * ```ts
 * for await (const e of mergeCacheOverStore(cache.range(range), inner.scan(range), false)) use(e)
 * ```
 */
export async function* mergeCacheOverStore(
  cached: readonly CachedEntry[],
  stored: AsyncIterable<BytesEntry>,
  reverse: boolean,
): AsyncIterable<BytesEntry> {
  const sign = reverse ? -1 : 1
  let i = 0
  for await (const entry of stored) {
    let c = -1
    for (; i < cached.length; i++) {
      const head = cached[i]!
      c = sign * compareBytes(head.key, entry.key)
      if (c > 0) break
      if (head.value !== null) yield head as BytesEntry
      if (c === 0) {
        i++
        break
      }
    }
    if (c !== 0) yield entry
  }
  for (; i < cached.length; i++) if (cached[i]!.value !== null) yield cached[i] as BytesEntry
}
