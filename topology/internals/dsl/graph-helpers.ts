/**
 * @module
 * Small helpers the handles use to add nodes: processors and repartitions (auto-repartition
 * before stateful operations when the key may have changed, as Kafka Streams does).
 */
import type { StreamPartitioner } from '../../dsl/functions.ts'
import type { ProcessorSupplier } from '../../processor.ts'
import type { Serde } from '../../serdes.ts'
import type { GraphNode, ProcessorNode, RepartitionNode } from '../graph/graph-node.ts'
import type { InternalStreamsBuilder } from '../graph/internal-builder.ts'
import { streamFilter } from '../processors/stream-filter.ts'

/**
 * Adds a processor node.
 *
 * @example
 * ```ts
 * const node = addProcessor(builder, 'KSTREAM-FILTER-0000000001', [parent], streamFilter(pred, false))
 * ```
 */
export function addProcessor(
  builder: InternalStreamsBuilder,
  name: string,
  parents: readonly GraphNode[],
  supplier: ProcessorSupplier<any, any, any, any>,
  storeNames: readonly string[] = [],
  copartitionWith?: readonly GraphNode[],
): ProcessorNode {
  const node = { kind: 'processor', name, parents, supplier, storeNames } as const
  return builder.addNode(copartitionWith === undefined ? node : { ...node, copartitionWith })
}

/** How to name and serialize a repartition. */
export interface RepartitionOptions {
  /** A user-given base name: nodes are `<base>-repartition-{filter,sink,source}`. */
  readonly userName?: string | undefined
  /** Otherwise the topic is `<generatedBase>-repartition` and nodes get generated names. */
  readonly generatedBase?: string
  readonly keySerde: Serde<any>
  readonly valueSerde: Serde<any>
  readonly partitions?: number | undefined
  readonly partitioner?: StreamPartitioner<any, any> | undefined
  /** Drop null keys before writing (auto-repartitions do, as in Kafka Streams). */
  readonly dropNullKeys: boolean
}

/**
 * Adds a repartition through `<base>-repartition` after `parent`; returns the node to continue from.
 *
 * @example
 * ```ts
 * const from = addRepartition(builder, node, { generatedBase: storeName, keySerde, valueSerde, dropNullKeys: true })
 * ```
 */
export function addRepartition(
  builder: InternalStreamsBuilder,
  parent: GraphNode,
  options: RepartitionOptions,
): RepartitionNode {
  const base = options.userName ?? options.generatedBase!
  const named = (suffix: string, prefix: string) =>
    options.userName === undefined ? builder.processorName(undefined, prefix) : `${base}-repartition-${suffix}`
  let upstream = parent
  if (options.dropNullKeys) {
    const filter = streamFilter<unknown, unknown>((key) => key !== null && key !== undefined, false)
    upstream = addProcessor(builder, named('filter', 'KSTREAM-FILTER'), [parent], filter)
  }
  const sinkName = named('sink', 'KSTREAM-SINK')
  const sourceName = named('source', 'KSTREAM-SOURCE')
  return builder.addNode({
    kind: 'repartition',
    name: `${base}-repartition`,
    parents: [upstream],
    topic: `${base}-repartition`,
    sinkName,
    sourceName,
    keySerde: options.keySerde,
    valueSerde: options.valueSerde,
    partitions: options.partitions,
    partitioner: options.partitioner,
  })
}
