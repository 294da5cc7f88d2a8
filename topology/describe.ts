/**
 * @module
 * `Topology.describe()`: the sub-topologies with their sources, processors (and stores) and
 * sinks, printable as text in the layout of Kafka Streams' TopologyDescription, and as JSON.
 */
import type { CompiledSubtopology } from './internals/compile/node-defs.ts'

/** One node of a described sub-topology. */
export interface NodeDescription {
  readonly name: string
  readonly type: 'source' | 'processor' | 'sink'
  /** Sources: the topics read. */
  readonly topics?: readonly string[]
  /** Sinks: the topic written, or `null` when chosen per record by an extractor. */
  readonly topic?: string | null
  /** Processors: the stores connected. */
  readonly stores?: readonly string[]
  readonly predecessors: readonly string[]
  readonly successors: readonly string[]
}

/** One described sub-topology. */
export interface SubtopologyDescription {
  readonly id: number
  readonly nodes: readonly NodeDescription[]
}

/**
 * The description of a topology.
 *
 * @example
 * ```ts
 * console.log(builder.build().describe().toString())
 * JSON.stringify(builder.build().describe()) // { subtopologies: [...] }
 * ```
 */
export class TopologyDescription {
  readonly subtopologies: readonly SubtopologyDescription[]

  constructor(subtopologies: readonly SubtopologyDescription[]) {
    this.subtopologies = subtopologies
  }

  toJSON(): { subtopologies: readonly SubtopologyDescription[] } {
    return { subtopologies: this.subtopologies }
  }

  toString(): string {
    const lines = ['Topologies:']
    for (const sub of this.subtopologies) {
      lines.push(`   Sub-topology: ${sub.id}`)
      for (const node of sub.nodes) {
        lines.push(`    ${header(node)}`)
        if (node.type !== 'sink')
          lines.push(`      --> ${node.successors.length === 0 ? 'none' : node.successors.join(', ')}`)
        if (node.predecessors.length > 0) lines.push(`      <-- ${node.predecessors.join(', ')}`)
      }
    }
    return `${lines.join('\n')}\n`
  }
}

function header(node: NodeDescription): string {
  if (node.type === 'source') return `Source: ${node.name} (topics: [${node.topics!.join(', ')}])`
  if (node.type === 'sink')
    return `Sink: ${node.name} (${node.topic === null ? 'topic extractor' : `topic: ${node.topic}`})`
  return `Processor: ${node.name} (stores: [${node.stores!.join(', ')}])`
}

/**
 * Describes compiled sub-topologies.
 *
 * @example
 * ```ts
 * const description = describeSubtopologies(compiled.subtopologies)
 * ```
 */
export function describeSubtopologies(subtopologies: readonly CompiledSubtopology[]): TopologyDescription {
  return new TopologyDescription(
    subtopologies.map((sub) => ({
      id: sub.id,
      nodes: sub.nodes.map((node): NodeDescription => {
        const links = { predecessors: node.predecessors, successors: node.successors }
        if (node.kind === 'source') return { name: node.name, type: 'source', topics: node.topics, ...links }
        if (node.kind === 'sink') {
          return { name: node.name, type: 'sink', topic: typeof node.topic === 'string' ? node.topic : null, ...links }
        }
        return { name: node.name, type: 'processor', stores: node.storeNames, ...links }
      }),
    })),
  )
}
