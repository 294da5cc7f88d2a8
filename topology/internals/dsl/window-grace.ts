/**
 * @module
 * `suppress(untilWindowCloses)` needs the grace period of the windowed aggregation upstream of the
 * table. Windowed aggregation nodes register their grace here; the search walks up through
 * table operations (filter, mapValues…) to the nearest ones, like Kafka's GraphGraceSearchUtil.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { GraphNode } from '../graph/graph-node.ts'

const graces = new WeakMap<GraphNode, number>()

/**
 * Records the grace of a windowed aggregation node.
 *
 * @example
 * ```ts
 * registerWindowGrace(node, windows.graceMs)
 * ```
 */
export function registerWindowGrace(node: GraphNode, graceMs: number): void {
  graces.set(node, graceMs)
}

/**
 * The grace of the windowed aggregation(s) `node` derives from (the smallest, if several).
 * Throws a build-time error when there is none.
 *
 * @example
 * ```ts
 * const grace = findWindowGrace(table.node, 'suppress()')
 * ```
 */
export function findWindowGrace(node: GraphNode, method: string): number {
  const found = search(node)
  if (found === undefined) {
    throw new PitwallError(
      ErrorCodes.TOPOLOGY_INVALID_ARGUMENT,
      `${method}: untilWindowCloses needs a windowed table (from windowedBy(...).count/reduce/aggregate), but '${node.name}' is not derived from one`,
      { details: { node: node.name } },
    )
  }
  return found
}

function search(node: GraphNode): number | undefined {
  const own = graces.get(node)
  if (own !== undefined) return own
  if (node.kind !== 'processor') return undefined
  let min: number | undefined
  for (const parent of node.parents) {
    const g = search(parent)
    if (g !== undefined) min = min === undefined ? g : Math.min(min, g)
  }
  return min
}
