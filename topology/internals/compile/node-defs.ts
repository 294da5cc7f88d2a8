/**
 * @module
 * The compiled form of one sub-topology: its nodes in topological order with their links, and
 * its store builders. Tasks instantiate these; `describe()` prints them.
 */
import type { StateStore, StoreBuilder } from '../../../stores/api.ts'
import type { StreamPartitioner, TimestampExtractor, TopicNameExtractor } from '../../dsl/functions.ts'
import type { ProcessorSupplier } from '../../processor.ts'
import type { Serde } from '../../serdes.ts'
import type { SubtopologySpec } from '../runnable.ts'

interface BaseDef {
  readonly name: string
  readonly predecessors: readonly string[]
  readonly successors: readonly string[]
}

/** A source of the sub-topology (a user topic or a repartition topic). */
export interface SourceDef extends BaseDef {
  readonly kind: 'source'
  readonly topics: readonly string[]
  readonly keySerde: Serde<any>
  readonly valueSerde: Serde<any>
  readonly timestampExtractor: TimestampExtractor<any, any> | undefined
}

/** A processor with its connected stores. */
export interface ProcessorDef extends BaseDef {
  readonly kind: 'processor'
  readonly supplier: ProcessorSupplier<any, any, any, any>
  readonly storeNames: readonly string[]
}

/** A sink to a user topic, a topic extractor or a repartition topic. */
export interface SinkDef extends BaseDef {
  readonly kind: 'sink'
  readonly topic: string | TopicNameExtractor<any, any>
  readonly keySerde: Serde<any>
  readonly valueSerde: Serde<any>
  readonly partitioner: StreamPartitioner<any, any> | undefined
}

/** Any compiled node. */
export type NodeDef = SourceDef | ProcessorDef | SinkDef

/**
 * One compiled sub-topology.
 *
 * @example
 * ```ts
 * for (const node of compiled.nodes) console.log(node.kind, node.name)
 * ```
 */
export interface CompiledSubtopology extends SubtopologySpec {
  readonly nodes: readonly NodeDef[]
  readonly storeBuilders: readonly StoreBuilder<StateStore>[]
}
