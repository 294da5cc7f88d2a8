/**
 * @module
 * Co-partition groups: the source topics upstream of each input of a join must have the same
 * partition count, so that equal keys meet in the same task.
 */
import type { GraphNode } from '../graph/graph-node.ts'
import type { ExpandedNode } from './expand-graph.ts'
import { UnionFind } from './union-find.ts'

/**
 * The groups of topics that must be co-partitioned, each sorted, in order of first join.
 *
 * @example
 * ```ts
 * copartitionGroups(nodes, expandGraph(nodes)) // [['drivers', 'laps']]
 * ```
 */
export function copartitionGroups(nodes: readonly GraphNode[], expanded: readonly ExpandedNode[]): string[][] {
  const byName = new Map(expanded.map((n) => [n.name, n]))
  const sourceName = new Map<string, string>()
  for (const node of nodes) if (node.kind === 'repartition') sourceName.set(node.name, node.sourceName)
  const topicsUpstream = (name: string, into: Set<string>): void => {
    const node = byName.get(sourceName.get(name) ?? name)
    if (node === undefined) return
    if (node.kind === 'source') for (const t of node.topics) into.add(t)
    for (const parent of node.parents) topicsUpstream(parent, into)
  }
  const union = new UnionFind()
  const joined: string[] = []
  for (const node of nodes) {
    if (node.kind !== 'processor' || node.copartitionWith === undefined) continue
    const topics = new Set<string>()
    for (const input of node.copartitionWith) topicsUpstream(input.name, topics)
    const list = [...topics]
    for (const t of list) {
      union.find(t)
      union.union(list[0]!, t)
      if (!joined.includes(t)) joined.push(t)
    }
  }
  const groups = new Map<string, string[]>()
  for (const t of joined) {
    const root = union.find(t)
    groups.get(root)?.push(t) ?? groups.set(root, [t])
  }
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort())
}
