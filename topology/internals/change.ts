/**
 * @module
 * KTable processors forward changes, not plain values: the new value and the value it replaced,
 * so that downstream aggregations can subtract the old value (KGroupedTable adder/subtractor)
 * and table-table joins can retract results. `undefined`/`null` newValue is a delete.
 */

/**
 * A table update.
 *
 * @example
 * ```ts
 * const c: Change<number> = { newValue: 3, oldValue: 2 }
 * ```
 */
export interface Change<V> {
  readonly newValue: V | null
  readonly oldValue: V | null
}

/**
 * Makes a change.
 *
 * @example
 * ```ts
 * ctx.forward({ ...record, value: change(next, previous ?? null) })
 * ```
 */
export function change<V>(newValue: V | null, oldValue: V | null): Change<V> {
  return { newValue, oldValue }
}
