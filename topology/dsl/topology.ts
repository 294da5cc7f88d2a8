/**
 * @module
 * `Topology`: what `StreamsBuilder.build()` returns. It compiles the logical graph once, on first
 * use, into the runnable form both runners use, and describes it.
 */
import type { StateStore, StoreBuilder } from '../../stores/api.ts'
import { describeSubtopologies, type TopologyDescription } from '../describe.ts'
import { type CompiledTopology, compileTopology } from '../internals/compile/compile-topology.ts'
import type { GraphNode } from '../internals/graph/graph-node.ts'
import type { RunnableTopology } from '../internals/runnable.ts'

/**
 * A built topology.
 *
 * @example
 * ```ts
 * const topology = builder.build()
 * console.log(topology.describe().toString())
 * const driver = new TopologyTestDriver(topology)
 * ```
 */
export class Topology {
  readonly #nodes: readonly GraphNode[]
  readonly #stores: ReadonlyMap<string, StoreBuilder<StateStore>>
  #compiled: CompiledTopology | undefined

  constructor(nodes: readonly GraphNode[], stores: ReadonlyMap<string, StoreBuilder<StateStore>>) {
    this.#nodes = [...nodes]
    this.#stores = new Map(stores)
  }

  /** The runnable form (sub-topologies, internal topics, co-partition groups, task factory). */
  runnable(): RunnableTopology {
    this.#compiled ??= compileTopology(this.#nodes, this.#stores)
    return this.#compiled
  }

  /** Sub-topologies, sources, processors, stores and sinks; print with `toString()` or JSON. */
  describe(): TopologyDescription {
    this.runnable()
    return describeSubtopologies(this.#compiled!.subtopologies)
  }
}
