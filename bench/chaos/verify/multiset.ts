/**
 * @module
 * Compares what should have come out with what did, as multisets of record ids.
 */

/** Ids missing from, and seen too often in, an output. */
export interface MultisetDiff {
  readonly expected: number
  readonly seen: number
  /** Ids seen fewer times than expected (summed shortfall). */
  readonly missing: number
  /** Extra sightings beyond the expected count (summed excess). */
  readonly duplicates: number
  /** Ids seen that were never expected. */
  readonly unexpected: number
  readonly examples: string[]
}

/**
 * Counts the differences between two lists of ids.
 *
 * @example
 * ```ts
 * diffMultisets(['a', 'b'], ['a', 'a']) // missing 1 (b), duplicates 1 (a)
 * ```
 */
export function diffMultisets(expected: Iterable<string>, seen: Iterable<string>): MultisetDiff {
  const want = new Map<string, number>()
  let expectedCount = 0
  for (const id of expected) {
    want.set(id, (want.get(id) ?? 0) + 1)
    expectedCount++
  }
  const got = new Map<string, number>()
  let seenCount = 0
  for (const id of seen) {
    got.set(id, (got.get(id) ?? 0) + 1)
    seenCount++
  }
  let missing = 0
  let duplicates = 0
  let unexpected = 0
  const examples: string[] = []
  for (const [id, n] of want) {
    const g = got.get(id) ?? 0
    if (g < n) {
      missing += n - g
      if (examples.length < 5) examples.push(`missing ${id}`)
    } else if (g > n) {
      duplicates += g - n
      if (examples.length < 5) examples.push(`duplicate ${id} x${g}`)
    }
  }
  for (const [id, g] of got) {
    if (!want.has(id)) {
      unexpected += g
      if (examples.length < 5) examples.push(`unexpected ${id}`)
    }
  }
  return { expected: expectedCount, seen: seenCount, missing, duplicates, unexpected, examples }
}
