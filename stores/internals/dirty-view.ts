/**
 * @module
 * The sorted view of a record cache's dirty entries that scans merge over the store. Entries are
 * sorted lazily, when a scan asks and only those that became dirty since the last scan: a
 * write-only stretch (most processing between two commits) pays nothing for it. Entries are
 * dropped all at once when the cache flushes; an entry removed before that stays in the arrays
 * with `dirty === false` and is skipped.
 */
import { aboveLower, belowUpper, type ScanRange } from './bytes-store.ts'
import { compareBytes } from './key-encoding.ts'
import type { CachedEntry } from './merge-iterators.ts'

/** What the view needs of a cache entry. */
export interface DirtyViewEntry extends CachedEntry {
  readonly dirty: boolean
}

const byKey = (a: DirtyViewEntry, b: DirtyViewEntry) => compareBytes(a.key, b.key)

/** The first index in `sorted` at or after which `before` is false (`before` is monotone). */
function firstIndex(sorted: readonly DirtyViewEntry[], before: (key: Uint8Array) => boolean): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (before(sorted[mid]!.key)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Dirty entries, sorted on demand.
 *
 * @example
 * ```ts
 * const view = new DirtyView()
 * view.add(entry) // when it becomes dirty
 * view.range({ gte: from, lte: to }) // a snapshot of the dirty entries in range, in scan order
 * ```
 */
export class DirtyView {
  #sorted: DirtyViewEntry[] = []
  #pending: DirtyViewEntry[] = []

  /** Adds an entry that just became dirty. */
  add(entry: DirtyViewEntry): void {
    this.#pending.push(entry)
  }

  clear(): void {
    this.#sorted = []
    this.#pending = []
  }

  /** Merges the pending entries into the sorted ones, dropping entries no longer dirty. */
  #settle(): DirtyViewEntry[] {
    if (this.#pending.length === 0) return this.#sorted
    const pending = this.#pending.sort(byKey)
    const sorted = this.#sorted
    const merged: DirtyViewEntry[] = []
    let i = 0
    let j = 0
    while (i < sorted.length || j < pending.length) {
      const next =
        j >= pending.length || (i < sorted.length && byKey(sorted[i]!, pending[j]!) <= 0) ? sorted[i++]! : pending[j++]!
      if (next.dirty) merged.push(next)
    }
    this.#sorted = merged
    this.#pending = []
    return merged
  }

  /** A snapshot of the dirty entries within the range, in scan order. */
  range(range: ScanRange): CachedEntry[] {
    const sorted = this.#settle()
    const out: CachedEntry[] = []
    if (range.reverse === true) {
      for (let i = firstIndex(sorted, (key) => belowUpper(key, range)) - 1; i >= 0; i--) {
        const e = sorted[i]!
        if (!aboveLower(e.key, range)) break
        if (e.dirty) out.push({ key: e.key, value: e.value })
      }
      return out
    }
    for (let i = firstIndex(sorted, (key) => !aboveLower(key, range)); i < sorted.length; i++) {
      if (!belowUpper(sorted[i]!.key, range)) break
      const e = sorted[i]!
      if (e.dirty) out.push({ key: e.key, value: e.value })
    }
    return out
  }
}
