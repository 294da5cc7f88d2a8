/**
 * @module
 * The public `BranchedKStream`: the builder returned by `KStream.split()`.
 */
import type { Branched } from './branched.ts'
import type { Predicate } from './functions.ts'
import type { KStream } from './kstream.ts'

/**
 * Adds branches in order; a record goes to the first branch whose predicate matches.
 *
 * @example
 * ```ts
 * const branches = stream.split(Named.as('sector-'))
 *   .branch((k, v) => v.sector === 1, Branched.as('one'))
 *   .defaultBranch(Branched.as('other'))
 * branches['sector-one'].to('s1')
 * ```
 */
export interface BranchedKStream<K, V> {
  branch(predicate: Predicate<K, V>, branched?: Branched): BranchedKStream<K, V>
  /** Records matching no branch go to this one (named `<prefix>0` unless named); ends the split. */
  defaultBranch(branched?: Branched): Record<string, KStream<K, V>>
  /** Records matching no branch are dropped; ends the split. */
  noDefaultBranch(): Record<string, KStream<K, V>>
}
