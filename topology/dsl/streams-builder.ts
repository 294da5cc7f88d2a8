/**
 * @module
 * `StreamsBuilder`: the entry of the DSL. Streams and tables start here; `build()` freezes the
 * graph into a {@link Topology}.
 */
import type { StateStore, StoreBuilder } from '../../stores/api.ts'
import { addProcessor } from '../internals/dsl/graph-helpers.ts'
import { KStreamImpl } from '../internals/dsl/kstream-impl.ts'
import { KTableImpl } from '../internals/dsl/ktable-impl.ts'
import { materializeKeyValue } from '../internals/dsl/materialize.ts'
import { optionalInstance, requireFunction, requireString } from '../internals/dsl/validate.ts'
import { InternalStreamsBuilder } from '../internals/graph/internal-builder.ts'
import { tableSource } from '../internals/processors/table-source.ts'
import { storeValueGetter } from '../internals/processors/table-value-getter.ts'
import { type Serde, Serdes } from '../serdes.ts'
import { Consumed } from './consumed.ts'
import type { KStream } from './kstream.ts'
import type { KTable } from './ktable.ts'
import { Materialized, type StoreType } from './materialized.ts'
import { Topology } from './topology.ts'

/** Defaults of a builder (Kafka's default.key.serde, default.value.serde and default.dsl.store). */
export interface StreamsBuilderOptions {
  /** Default key serde where no serde is given or known; strings by default. */
  readonly defaultKeySerde?: Serde<any>
  /** Default value serde where no serde is given or known; JSON by default. */
  readonly defaultValueSerde?: Serde<any>
  /** Backend of DSL stores without `withStoreType`; LevelDB by default. */
  readonly defaultStoreType?: StoreType
}

/**
 * Builds a topology with the DSL.
 *
 * @example
 * ```ts
 * const builder = new StreamsBuilder()
 * builder.stream('laps', Consumed.with(Serdes.string(), Serdes.json<Lap>())).filter((k, lap) => lap.valid).to('valid-laps')
 * const topology = builder.build()
 * ```
 */
export class StreamsBuilder {
  readonly #internal: InternalStreamsBuilder

  constructor(options: StreamsBuilderOptions = {}) {
    this.#internal = new InternalStreamsBuilder({
      keySerde: options.defaultKeySerde ?? Serdes.string(),
      valueSerde: options.defaultValueSerde ?? Serdes.json(),
      storeType: options.defaultStoreType ?? 'leveldb',
    })
  }

  /** A stream of one topic or several. */
  stream<K = string, V = unknown>(topics: string | readonly string[], consumed?: Consumed<K, V>): KStream<K, V> {
    const list = typeof topics === 'string' ? [topics] : topics
    if (!Array.isArray(list) || list.length === 0) requireString('stream()', 'topics', undefined)
    for (const topic of list) requireString('stream()', 'topics', topic)
    optionalInstance('stream()', 'consumed', consumed, Consumed)
    if (consumed?.timestampExtractor !== undefined)
      requireFunction('stream()', 'timestampExtractor', consumed.timestampExtractor)
    const b = this.#internal
    const node = b.addNode({
      kind: 'source',
      name: b.processorName(consumed?.name, 'KSTREAM-SOURCE'),
      parents: [],
      topics: [...list],
      keySerde: consumed?.keySerde ?? b.defaults.keySerde,
      valueSerde: consumed?.valueSerde ?? b.defaults.valueSerde,
      timestampExtractor: consumed?.timestampExtractor,
    })
    return new KStreamImpl<K, V>(b, node, consumed?.keySerde, consumed?.valueSerde, false)
  }

  /** A table of a changelog topic: the latest value per key, null values delete. */
  table<K = string, V = unknown>(
    topic: string,
    consumed?: Consumed<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<K, V> {
    requireString('table()', 'topic', topic)
    optionalInstance('table()', 'consumed', consumed, Consumed)
    optionalInstance('table()', 'materialized', materialized, Materialized)
    const source = this.stream(topic, consumed) as KStreamImpl<K, V>
    const b = this.#internal
    const store = materializeKeyValue(b, materialized, topic, consumed?.keySerde, consumed?.valueSerde)
    const node = addProcessor(b, b.processorName(undefined, 'KTABLE-SOURCE'), [source.node], tableSource(store.name), [
      store.name,
    ])
    return new KTableImpl<K, V>(b, node, store.keySerde, store.valueSerde, storeValueGetter(store.name), store.name)
  }

  /** Adds a store for `KStream.process(supplier, storeName)`. */
  addStateStore(storeBuilder: StoreBuilder<StateStore>): this {
    if (storeBuilder === null || typeof storeBuilder !== 'object' || typeof storeBuilder.build !== 'function') {
      requireFunction('addStateStore()', 'storeBuilder.build', undefined)
    }
    this.#internal.addStore(storeBuilder)
    return this
  }

  /** Freezes the graph into a topology. */
  build(): Topology {
    return new Topology(this.#internal.nodes, this.#internal.storeBuilders)
  }
}
