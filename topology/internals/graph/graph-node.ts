/**
 * @module
 * The logical graph the DSL builds: sources, processors, sinks and repartitions, each with a
 * unique name and its parents. Nodes are plain data; the compiler (internals/compile) turns them
 * into sub-topologies and the task (internals/task) into running nodes.
 */
import type { StreamPartitioner, TimestampExtractor, TopicNameExtractor } from '../../dsl/functions.ts'
import type { ProcessorSupplier } from '../../processor.ts'
import type { Serde } from '../../serdes.ts'

interface BaseNode {
  readonly name: string
  /** Build order: parents always have a smaller id than their children. */
  readonly id: number
  readonly parents: readonly GraphNode[]
}

/** Reads one or more topics. */
export interface SourceNode extends BaseNode {
  readonly kind: 'source'
  readonly topics: readonly string[]
  readonly keySerde: Serde<any>
  readonly valueSerde: Serde<any>
  readonly timestampExtractor: TimestampExtractor<any, any> | undefined
}

/** Runs a processor, connected to the named stores. */
export interface ProcessorNode extends BaseNode {
  readonly kind: 'processor'
  readonly supplier: ProcessorSupplier<any, any, any, any>
  readonly storeNames: readonly string[]
  /** Nodes whose source topics must be co-partitioned with this node's (joins). */
  readonly copartitionWith?: readonly GraphNode[]
}

/** Writes to a topic, fixed or chosen per record. */
export interface SinkNode extends BaseNode {
  readonly kind: 'sink'
  readonly topic: string | TopicNameExtractor<any, any>
  readonly keySerde: Serde<any>
  readonly valueSerde: Serde<any>
  readonly partitioner: StreamPartitioner<any, any> | undefined
}

/**
 * A repartition through an internal topic: compiled into a sink (`sinkName`, in the parent's
 * sub-topology) and a source (`sourceName`, starting a new one).
 */
export interface RepartitionNode extends BaseNode {
  readonly kind: 'repartition'
  /** Topology-level topic name, `<name>-repartition`. */
  readonly topic: string
  readonly sinkName: string
  readonly sourceName: string
  readonly keySerde: Serde<any>
  readonly valueSerde: Serde<any>
  readonly partitions: number | undefined
  readonly partitioner: StreamPartitioner<any, any> | undefined
}

/** Any node of the logical graph. */
export type GraphNode = SourceNode | ProcessorNode | SinkNode | RepartitionNode

/** A node as given to the builder, without its id. */
export type NewGraphNode =
  | Omit<SourceNode, 'id'>
  | Omit<ProcessorNode, 'id'>
  | Omit<SinkNode, 'id'>
  | Omit<RepartitionNode, 'id'>
