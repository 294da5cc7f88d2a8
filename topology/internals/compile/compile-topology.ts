/**
 * @module
 * Compiles the logical graph into a {@link RunnableTopology}: nodes connected by edges or by a
 * shared store form one sub-topology (repartition topics cut the graph, as in Kafka Streams),
 * numbered by their first node; internal topics are listed with their configs; join inputs form
 * co-partition groups.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { StateStore, StoreBuilder } from '../../../stores/api.ts'
import type { GraphNode } from '../graph/graph-node.ts'
import type { InternalTopicSpec, RunnableTopology, StreamTask, TaskContext } from '../runnable.ts'
import { StreamTaskImpl } from '../task/stream-task.ts'
import { copartitionGroups } from './copartition.ts'
import { type ExpandedNode, expandGraph } from './expand-graph.ts'
import type { CompiledSubtopology, NodeDef } from './node-defs.ts'
import { UnionFind } from './union-find.ts'

/**
 * The runnable topology plus the compiled sub-topologies (for describe()).
 *
 * @example
 * ```ts
 * const compiled = compileTopology(nodes, stores)
 * compiled.createTask(0, 0, context)
 * ```
 */
export class CompiledTopology implements RunnableTopology {
  readonly subtopologies: readonly CompiledSubtopology[]
  readonly internalTopics: readonly InternalTopicSpec[]
  readonly copartitionGroups: readonly (readonly string[])[]

  constructor(subtopologies: CompiledSubtopology[], internalTopics: InternalTopicSpec[], groups: string[][]) {
    this.subtopologies = subtopologies
    this.internalTopics = internalTopics
    this.copartitionGroups = groups
  }

  createTask(subtopology: number, partition: number, context: TaskContext): StreamTask {
    const sub = this.subtopologies[subtopology]
    if (sub === undefined) {
      throw new PitwallError(ErrorCodes.RUNTIME_STATE, `the topology has no sub-topology ${subtopology}`)
    }
    return new StreamTaskImpl(sub, partition, context)
  }
}

/**
 * Compiles the nodes and store builders of a StreamsBuilder.
 *
 * @example
 * ```ts
 * const runnable = compileTopology(internal.nodes, internal.storeBuilders)
 * ```
 */
export function compileTopology(
  nodes: readonly GraphNode[],
  storeBuilders: ReadonlyMap<string, StoreBuilder<StateStore>>,
): CompiledTopology {
  if (nodes.length === 0)
    throw new PitwallError(ErrorCodes.TOPOLOGY_INVALID, 'the topology is empty: add a stream or table')
  const expanded = expandGraph(nodes)
  checkSources(expanded)
  const groups = new UnionFind()
  const storeOwner = new Map<string, string>()
  for (const node of expanded) {
    groups.find(node.name)
    for (const parent of node.parents) groups.union(parent, node.name)
    if (node.kind !== 'processor') continue
    for (const store of node.storeNames) {
      if (!storeBuilders.has(store)) {
        throw new PitwallError(
          ErrorCodes.TOPOLOGY_INVALID,
          `processor '${node.name}' uses store '${store}', which was never added (builder.addStateStore())`,
          {
            details: { processor: node.name, store },
          },
        )
      }
      const owner = storeOwner.get(store)
      if (owner === undefined) storeOwner.set(store, node.name)
      else groups.union(owner, node.name)
    }
  }
  const byRoot = new Map<string, ExpandedNode[]>()
  for (const node of expanded) {
    const root = groups.find(node.name)
    const list = byRoot.get(root) ?? []
    if (list.length === 0) byRoot.set(root, list)
    list.push(node)
  }
  const subtopologies = [...byRoot.values()].map((members, id) => toSubtopology(id, members, storeBuilders))
  return new CompiledTopology(
    subtopologies,
    internalTopics(nodes, subtopologies, storeBuilders),
    copartitionGroups(nodes, expanded),
  )
}

function checkSources(expanded: readonly ExpandedNode[]): void {
  const reader = new Map<string, string>()
  for (const node of expanded) {
    if (node.kind !== 'source') continue
    for (const topic of node.topics) {
      const other = reader.get(topic)
      if (other !== undefined) {
        throw new PitwallError(
          ErrorCodes.TOPOLOGY_INVALID,
          `topic '${topic}' is read by both '${other}' and '${node.name}': read it once and reuse the stream`,
          {
            details: { topic },
          },
        )
      }
      reader.set(topic, node.name)
    }
  }
}

function toSubtopology(
  id: number,
  members: ExpandedNode[],
  storeBuilders: ReadonlyMap<string, StoreBuilder<StateStore>>,
): CompiledSubtopology {
  const successors = new Map<string, string[]>()
  for (const node of members)
    for (const parent of node.parents) successors.get(parent)?.push(node.name) ?? successors.set(parent, [node.name])
  const nodes: NodeDef[] = members.map(
    ({ parents, ...def }) =>
      ({ ...def, predecessors: parents, successors: successors.get(def.name) ?? [] }) as unknown as NodeDef,
  )
  const stores = new Set<string>()
  const sourceTopics: string[] = []
  const sinkTopics: string[] = []
  for (const node of nodes) {
    if (node.kind === 'source') sourceTopics.push(...node.topics)
    else if (node.kind === 'sink' && typeof node.topic === 'string') sinkTopics.push(node.topic)
    else if (node.kind === 'processor') for (const store of node.storeNames) stores.add(store)
  }
  const builders = [...stores].map((name) => storeBuilders.get(name)!)
  const changelogTopics = new Map<string, string>()
  for (const builder of builders)
    if (builder.logging.enabled) changelogTopics.set(builder.name, `${builder.name}-changelog`)
  return { id, nodes, sourceTopics, sinkTopics, changelogTopics, storeBuilders: builders }
}

function internalTopics(
  nodes: readonly GraphNode[],
  subtopologies: readonly CompiledSubtopology[],
  storeBuilders: ReadonlyMap<string, StoreBuilder<StateStore>>,
): InternalTopicSpec[] {
  const topics: InternalTopicSpec[] = []
  for (const node of nodes) {
    if (node.kind !== 'repartition') continue
    // Never deleted by age: records with old event times (replays) must survive until processed; the
    // runtime purges committed records instead (topology/runtime/repartition-purger.ts).
    const config = { 'cleanup.policy': 'delete', 'retention.ms': '-1' }
    const spec = { name: node.topic, kind: 'repartition', config } as const
    topics.push(node.partitions === undefined ? spec : { ...spec, partitions: node.partitions })
  }
  for (const sub of subtopologies) {
    for (const [store, topic] of sub.changelogTopics) {
      const extra = storeBuilders.get(store)!.logging.topicConfig ?? {}
      topics.push({ name: topic, kind: 'changelog', config: { 'cleanup.policy': 'compact', ...extra } })
    }
  }
  return topics
}
