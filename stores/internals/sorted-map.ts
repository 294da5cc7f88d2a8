/**
 * @module
 * An ordered map from byte-string keys to values: a list of sorted chunks (at most 512 keys each),
 * so inserts and deletes move at most one chunk and scans walk the chunks in order. Iterators
 * survive concurrent changes: when the map changed since the last yield they seek again just past
 * the last key they returned.
 */
import { aboveLower, belowUpper, type ScanRange } from './bytes-store.ts'
import { compareBytes } from './key-encoding.ts'

const MAX_CHUNK = 512

/** First index in the sorted `keys` whose key is >= `key` (> with `strict`). */
function bound(keys: Uint8Array[], key: Uint8Array, strict: boolean): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const c = compareBytes(keys[mid]!, key)
    if (c < 0 || (strict && c === 0)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * A sorted map keyed by bytes.
 *
 * @example
 * ```ts
 * const m = new SortedMap<string>()
 * m.set(Uint8Array.of(2), 'b'); m.set(Uint8Array.of(1), 'a')
 * [...m.entries({})] // [[Uint8Array [1], 'a'], [Uint8Array [2], 'b']]
 * ```
 */
export class SortedMap<V> {
  #keys: Uint8Array[][] = []
  #values: V[][] = []
  #size = 0
  #version = 0

  get size(): number {
    return this.#size
  }

  /** The first position whose key is >= `key` (> with `strict`), as [chunk, index]. */
  #seek(key: Uint8Array, strict: boolean): [number, number] {
    const chunks = this.#keys
    let lo = 0
    let hi = chunks.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const last = chunks[mid]![chunks[mid]!.length - 1]!
      const c = compareBytes(last, key)
      if (c < 0 || (strict && c === 0)) lo = mid + 1
      else hi = mid
    }
    if (lo === chunks.length) return [lo, 0]
    return [lo, bound(chunks[lo]!, key, strict)]
  }

  get(key: Uint8Array): V | undefined {
    const [c, i] = this.#seek(key, false)
    const chunk = this.#keys[c]
    return chunk !== undefined && i < chunk.length && compareBytes(chunk[i]!, key) === 0
      ? this.#values[c]![i]
      : undefined
  }

  /** Sets `key`; returns true when the key is new. */
  set(key: Uint8Array, value: V): boolean {
    if (this.#keys.length === 0) {
      this.#keys.push([key])
      this.#values.push([value])
      this.#size++
      this.#version++
      return true
    }
    let [c, i] = this.#seek(key, false)
    if (c === this.#keys.length) {
      c--
      i = this.#keys[c]!.length
    } else if (compareBytes(this.#keys[c]![i]!, key) === 0) {
      this.#values[c]![i] = value
      return false
    }
    const keys = this.#keys[c]!
    const values = this.#values[c]!
    keys.splice(i, 0, key)
    values.splice(i, 0, value)
    if (keys.length > MAX_CHUNK) {
      this.#keys.splice(c + 1, 0, keys.splice(MAX_CHUNK / 2))
      this.#values.splice(c + 1, 0, values.splice(MAX_CHUNK / 2))
    }
    this.#size++
    this.#version++
    return true
  }

  /** Deletes `key`; returns true when it was present. */
  delete(key: Uint8Array): boolean {
    const [c, i] = this.#seek(key, false)
    const keys = this.#keys[c]
    if (keys === undefined || i >= keys.length || compareBytes(keys[i]!, key) !== 0) return false
    keys.splice(i, 1)
    this.#values[c]!.splice(i, 1)
    if (keys.length === 0) {
      this.#keys.splice(c, 1)
      this.#values.splice(c, 1)
    }
    this.#size--
    this.#version++
    return true
  }

  /** Deletes keys in [gte, lt) (from the first key when `gte` is undefined). */
  deleteRange(gte: Uint8Array | undefined, lt: Uint8Array): void {
    const [c0, i0] = gte === undefined ? [0, 0] : this.#seek(gte, false)
    const [c1, i1] = this.#seek(lt, false)
    for (let c = c1; c >= c0; c--) {
      const keys = this.#keys[c]
      if (keys === undefined) continue
      const from = c === c0 ? i0 : 0
      const to = c === c1 ? i1 : keys.length
      if (to <= from) continue
      keys.splice(from, to - from)
      this.#values[c]!.splice(from, to - from)
      this.#size -= to - from
      if (keys.length === 0) {
        this.#keys.splice(c, 1)
        this.#values.splice(c, 1)
      }
    }
    this.#version++
  }

  clear(): void {
    this.#keys = []
    this.#values = []
    this.#size = 0
    this.#version++
  }

  /** The start position of a scan. */
  #start(range: ScanRange, after?: Uint8Array): [number, number] {
    if (!range.reverse) {
      if (after !== undefined) return this.#seek(after, true)
      if (range.gte !== undefined) return this.#seek(range.gte, false)
      return range.gt !== undefined ? this.#seek(range.gt, true) : [0, 0]
    }
    // last position whose key is < after, or within the upper bound
    let pos: [number, number]
    if (after !== undefined) pos = this.#seek(after, false)
    else if (range.lt !== undefined) pos = this.#seek(range.lt, false)
    else if (range.lte !== undefined) pos = this.#seek(range.lte, true)
    else pos = [this.#keys.length, 0]
    return this.#back(pos)
  }

  #back([c, i]: [number, number]): [number, number] {
    if (i > 0) return [c, i - 1]
    if (c === 0) return [-1, 0]
    return [c - 1, this.#keys[c - 1]!.length - 1]
  }

  /** Entries within the range in key order (reverse order with `range.reverse`). */
  *entries(range: ScanRange): Generator<[Uint8Array, V]> {
    let [c, i] = this.#start(range)
    let version = this.#version
    for (;;) {
      const keys = this.#keys[c]
      if (keys === undefined || i >= keys.length || i < 0) return
      const key = keys[i]!
      if (range.reverse ? !aboveLower(key, range) : !belowUpper(key, range)) return
      yield [key, this.#values[c]![i]!]
      if (version !== this.#version) {
        version = this.#version
        ;[c, i] = this.#start(range, key)
      } else if (range.reverse) [c, i] = this.#back([c, i])
      else if (++i >= keys.length) [c, i] = [c + 1, 0]
    }
  }
}
