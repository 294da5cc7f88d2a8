/**
 * @module
 * The public `KGroupedTable`: a table re-grouped by a new key, aggregated with an adder and a
 * subtractor (the old value of a changed row is subtracted from its old group).
 */
import type { Serde } from '../serdes.ts'

/**
 * A re-grouped table; aggregate/reduce/count come with the windows and joins module.
 *
 * @example
 * ```ts
 * const byTeam = drivers.groupBy((id, d) => ({ key: d.team, value: d }))
 * ```
 */
export interface KGroupedTable<K, V> {
  /** Serde of the new keys (Grouped or the builder default). */
  readonly keySerde: Serde<K>
  /** Serde of the values (Grouped or the builder default). */
  readonly valueSerde: Serde<V>
}
