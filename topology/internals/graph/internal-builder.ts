/**
 * @module
 * The mutable side of the DSL, hidden behind immutable handles: the node list, the store
 * builders, and naming. Generated names follow Kafka Streams (`KSTREAM-FILTER-0000000003`): one
 * counter per builder, so the same program always yields the same names; every name (processor,
 * store, internal topic) can be used once.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { StateStore, StoreBuilder } from '../../../stores/api.ts'
import type { StoreType } from '../../dsl/materialized.ts'
import type { Serde } from '../../serdes.ts'
import type { GraphNode, NewGraphNode } from './graph-node.ts'

/** Builder-wide defaults (Kafka's default.key.serde, default.value.serde, default.dsl.store). */
export interface BuilderDefaults {
  readonly keySerde: Serde<any>
  readonly valueSerde: Serde<any>
  readonly storeType: StoreType
}

/**
 * Holds the graph while the DSL builds it.
 *
 * @example
 * ```ts
 * const name = builder.processorName(undefined, 'KSTREAM-FILTER') // 'KSTREAM-FILTER-0000000001'
 * ```
 */
export class InternalStreamsBuilder {
  readonly defaults: BuilderDefaults
  readonly #nodes: GraphNode[] = []
  readonly #stores = new Map<string, StoreBuilder<StateStore>>()
  readonly #names = new Set<string>()
  readonly #topics = new Set<string>()
  #index = 0

  constructor(defaults: BuilderDefaults) {
    this.defaults = defaults
  }

  get nodes(): readonly GraphNode[] {
    return this.#nodes
  }

  get storeBuilders(): ReadonlyMap<string, StoreBuilder<StateStore>> {
    return this.#stores
  }

  /** The next index, as Kafka pads it: 10 digits. */
  nextIndex(): string {
    return String(this.#index++).padStart(10, '0')
  }

  /** `given` when set (checked for reuse later), else `<prefix>-<index>`. */
  processorName(given: string | undefined, prefix: string): string {
    return given ?? `${prefix}-${this.nextIndex()}`
  }

  /** `given` when set, else `<prefix>-STATE-STORE-<index>`. */
  storeName(given: string | undefined, prefix: string): string {
    return given ?? `${prefix}-STATE-STORE-${this.nextIndex()}`
  }

  /** Adds a node; throws PITWALL_TOPOLOGY_DUPLICATE_NAME when its name is taken. */
  addNode<N extends NewGraphNode>(node: N): N & GraphNode {
    this.#claim(node.name, 'processor')
    if (node.kind === 'repartition') {
      this.#claim(node.sinkName, 'processor')
      this.#claim(node.sourceName, 'processor')
      this.claimTopic(node.topic, 'repartition topic')
    }
    const full = { ...node, id: this.#nodes.length } as unknown as N & GraphNode
    this.#nodes.push(full)
    return full
  }

  /** Registers a store builder; throws when its name is taken. */
  addStore(builder: StoreBuilder<StateStore>): void {
    if (this.#stores.has(builder.name)) {
      throw new PitwallError(ErrorCodes.TOPOLOGY_DUPLICATE_NAME, `store name '${builder.name}' is already used`, {
        details: { name: builder.name },
      })
    }
    this.#stores.set(builder.name, builder)
  }

  /** Internal topic names must be unique too (two `repartition(Repartitioned.as('x'))` clash). */
  claimTopic(topic: string, what: string): void {
    if (this.#topics.has(topic)) {
      throw new PitwallError(ErrorCodes.TOPOLOGY_DUPLICATE_NAME, `${what} '${topic}' is already used`, {
        details: { name: topic },
      })
    }
    this.#topics.add(topic)
  }

  #claim(name: string, what: string): void {
    if (this.#names.has(name)) {
      throw new PitwallError(ErrorCodes.TOPOLOGY_DUPLICATE_NAME, `${what} name '${name}' is already used`, {
        details: { name },
      })
    }
    this.#names.add(name)
  }
}
