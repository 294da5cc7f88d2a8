/**
 * @module
 * First compile step: turns the logical graph into runnable node definitions, splitting each
 * repartition node into a sink (to `<name>-repartition`) and a source (from it).
 */
import type { GraphNode } from '../graph/graph-node.ts'
import type { ProcessorDef, SinkDef, SourceDef } from './node-defs.ts'

/** A node definition with its parents, before sub-topologies and successors are known. */
export type ExpandedNode = (
  | Omit<SourceDef, 'predecessors' | 'successors'>
  | Omit<ProcessorDef, 'predecessors' | 'successors'>
  | Omit<SinkDef, 'predecessors' | 'successors'>
) & { readonly parents: readonly string[] }

/**
 * Expands `nodes` (in build order) into definitions (in build order).
 *
 * @example
 * ```ts
 * const defs = expandGraph(builder.nodes)
 * ```
 */
export function expandGraph(nodes: readonly GraphNode[]): ExpandedNode[] {
  const out: ExpandedNode[] = []
  // A repartition node's children read from its source half.
  const outputName = new Map<string, string>()
  const parentsOf = (node: GraphNode): string[] => node.parents.map((p) => outputName.get(p.name) ?? p.name)
  for (const node of nodes) {
    switch (node.kind) {
      case 'source':
        out.push({
          ...pick(node, ['name', 'topics', 'keySerde', 'valueSerde', 'timestampExtractor']),
          kind: 'source',
          parents: [],
        })
        break
      case 'processor':
        out.push({
          kind: 'processor',
          name: node.name,
          supplier: node.supplier,
          storeNames: node.storeNames,
          parents: parentsOf(node),
        })
        break
      case 'sink':
        out.push({
          ...pick(node, ['name', 'topic', 'keySerde', 'valueSerde', 'partitioner']),
          kind: 'sink',
          parents: parentsOf(node),
        })
        break
      case 'repartition': {
        const { keySerde, valueSerde } = node
        out.push({
          kind: 'sink',
          name: node.sinkName,
          topic: node.topic,
          keySerde,
          valueSerde,
          partitioner: node.partitioner,
          parents: parentsOf(node),
        })
        out.push({
          kind: 'source',
          name: node.sourceName,
          topics: [node.topic],
          keySerde,
          valueSerde,
          timestampExtractor: undefined,
          parents: [],
        })
        outputName.set(node.name, node.sourceName)
        break
      }
    }
  }
  return out
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>
  for (const key of keys) out[key] = from[key]
  return out
}
